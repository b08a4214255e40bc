// "Also reported in …" and "disputed by …": /claims and /report over the real channel log (SQLite, and Postgres when
// it answers; required under CLAIMDESK_REQUIRE_SERVICES=1), and how each surface draws them (text, Markdown, Slack
// Block Kit, Discord embeds) within its limits.
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LIMITS as DISCORD, renderDiscord } from '../adapters/discord/embeds.ts';
import { toSlackMessage } from '../adapters/slack/blocks.ts';
import { WINDOW_DAYS } from '../src/matching/cross-refs.ts';
import { renderMarkdown } from '../src/render/markdown.ts';
import { renderText } from '../src/render/text.ts';
import type { Reply, ReplyBlock } from '../src/reply.ts';
import { CAPTURE_DENIED, CAPTURE_MOD, CAPTURE_TASS, OTHER_SUBJECT, TOLL_HIGH, TOLL_LOW } from './fixtures/cross-ref-reports.ts';
import { expectWithinLimits, textOf } from './helpers/discord-payloads.ts';
import { DAY, HOUR, openTestDesk, savedId, type TestDesk } from './helpers/desk.ts';
import { messageText } from './helpers/slack-app.ts';
import { blockProblem } from './helpers/slack-server.ts';
import { TEST_POSTGRES, describeWithService, dropSchemas, postgresDown } from './helpers/services.ts';

type Hit = Extract<ReplyBlock, { kind: 'hit' }>;
type ClaimBlock = Extract<ReplyBlock, { kind: 'claim' }>;

function fromTheLog(storeUrl: () => string) {
  let t: TestDesk;
  const ids: Record<string, string> = {};
  const later = (ms: number) => (t.clock.now = new Date(t.clock.now.getTime() + ms));

  beforeEach(async () => {
    t = await openTestDesk({ storeUrl: storeUrl() });
    ids.mod = savedId(await t.say(CAPTURE_MOD));
    later(HOUR);
    ids.tass = savedId(await t.say(CAPTURE_TASS, { user: 'U_BOB', userName: 'bob', link: 'https://example.slack.com/archives/C1/p200' }));
    later(HOUR);
    ids.denied = savedId(await t.say(CAPTURE_DENIED));
    later(HOUR);
    ids.other = savedId(await t.say(OTHER_SUBJECT));
    later(DAY);
    ids.low = savedId(await t.say(TOLL_LOW));
    later(HOUR);
    ids.high = savedId(await t.say(TOLL_HIGH));
  });
  afterEach(() => t.close());

  const hitsFor = async (query: string, event = {}): Promise<Hit[]> => {
    const [reply] = await t.replies(`/claims ${query}`, event);
    return reply.blocks.filter((b): b is Hit => b.kind === 'hit');
  };
  const refIds = (refs: { reportId: string }[] | undefined) => (refs ?? []).map((r) => r.reportId).sort();

  test('/claims: each hit lists the other reports with the same claim, and those disputing it, with why', async () => {
    const hits = await hitsFor('Zarichne');
    const mod = hits.find((h) => h.reportId === ids.mod)!;
    expect(refIds(mod.alsoIn)).toEqual([ids.tass]);
    expect(mod.alsoIn![0]).toMatchObject({ source: expect.stringMatching(/TASS/), link: 'https://example.slack.com/archives/C1/p200' });
    expect(mod.disputedBy).toEqual([expect.objectContaining({ reportId: ids.denied, source: "Ukraine's General Staff", why: 'denies it' })]);
    const denied = hits.find((h) => h.reportId === ids.denied)!;
    expect(refIds(denied.disputedBy)).toEqual([ids.mod, ids.tass].sort());
    expect(denied.alsoIn).toBeUndefined();
    // A claim nobody else reports carries no cross-references.
    const [rate] = await hitsFor('interest');
    expect(rate.alsoIn).toBeUndefined();
    expect(rate.disputedBy).toBeUndefined();
  });

  test('/claims: figures that disagree are shown as disputed, in every rendering', async () => {
    const [reply] = await t.replies('/claims Nikopol');
    const low = reply.blocks.find((b): b is Hit => b.kind === 'hit' && b.reportId === ids.low)!;
    expect(low.disputedBy?.map((d) => [d.reportId, d.why])).toEqual([[ids.high, 'says 20 civilians, not twelve civilians']]);
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    expect(flat(renderText(reply))).toContain(`↳ disputed by ${ids.high}/c1 (Ukraine's prosecutor-general: says 20 civilians, not twelve civilians)`);
    expect(renderMarkdown(reply)).toContain(`  - *disputed by* \`${ids.high}/c1\` (Ukraine's prosecutor-general: says 20 civilians, not twelve civilians)`);
  });

  test('/report: the claims of a stored report carry the same cross-references', async () => {
    const [reply] = await t.replies(`/report ${ids.mod}`);
    const claims = reply.blocks.filter((b): b is ClaimBlock => b.kind === 'claim');
    const capture = claims.find((c) => /Zarichne/.test(c.text))!;
    expect(refIds(capture.alsoIn)).toEqual([ids.tass]);
    expect(refIds(capture.disputedBy)).toEqual([ids.denied]);
    const text = renderText(reply);
    expect(text).toContain(`↳ also reported in ${ids.tass}/`);
    expect(text).toContain(`↳ disputed by ${ids.denied}/`);
    expect(text).toContain("(Ukraine's General Staff: denies it)");
  });

  test(`only this channel's reports, and only within ${WINDOW_DAYS} days, are cross-referenced`, async () => {
    // The same claim in another channel, and in this one weeks later: neither is listed for the first report.
    const elsewhere = { channel: 'other-desk' };
    savedId(await t.say(CAPTURE_TASS.replace('Russian troops', 'Russian units'), elsewhere));
    later(10 * DAY);
    const late = savedId(await t.say(CAPTURE_TASS.replace('Russian troops', 'Russian soldiers')));
    const mod = (await hitsFor('Zarichne')).find((h) => h.reportId === ids.mod)!;
    expect(refIds(mod.alsoIn)).toEqual([ids.tass]);
    // The late report is too far from the others to list them; the other channel sees only its own report.
    const lateHit = (await hitsFor('Zarichne')).find((h) => h.reportId === late)!;
    expect(lateHit.alsoIn).toBeUndefined();
    const other = await hitsFor('Zarichne', elsewhere);
    expect(other).toHaveLength(1);
    expect(other[0].alsoIn).toBeUndefined();
    expect(other[0].disputedBy).toBeUndefined();
  });
}

describe('from the channel log on SQLite', () => fromTheLog(() => 'sqlite::memory:'));

const pgDown = await postgresDown();
const schema = `claimdesk_xref_${process.pid}_${Date.now()}`;
let schemas = 0;
describeWithService('from the channel log on Postgres', pgDown, () => {
  afterAll(() => dropSchemas(Array.from({ length: schemas }, (_, i) => `${schema}_${i + 1}`)));
  // A schema per test: each starts with an empty log, as the SQLite one does.
  fromTheLog(() => `${TEST_POSTGRES}?schema=${schema}_${++schemas}`);
});

describe('drawn on every surface', () => {
  const refs = {
    alsoIn: [
      { reportId: 'k3x9ab', claimId: 'c2', source: 'TASS', link: 'https://example.slack.com/archives/C1/p1' },
      { reportId: 'm2p8qq', claimId: 'c1', source: null, link: 'javascript:alert(1)' },
    ],
    disputedBy: [{ reportId: 'q7w2e1', claimId: 'c3', source: '@here General Staff <!channel>', why: 'denies it' }],
  };
  const hit: Hit = {
    kind: 'hit', reportId: 'r7', claimId: 'c1', source: 'Defence Ministry', sourceType: 'military', conduit: null, cue: 'said',
    stance: 'asserts', hedges: [], text: 'its forces captured Zarichne', quote: false, category: 'territorial-control',
    postedAt: '2026-11-10T09:00:00.000Z', poster: 'alice', ...refs,
  };
  const claim: ClaimBlock = {
    kind: 'claim', id: 'c1', source: 'Defence Ministry', conduit: null, cue: 'said', stance: 'asserts', hedges: [],
    text: 'its forces captured Zarichne', quote: false, category: 'territorial-control', ...refs,
  };
  const replies: Reply[] = [
    { title: 'Claims', fallback: 'x', blocks: [{ kind: 'heading', text: '1 claim' }, hit] },
    { title: 'Report r7', fallback: 'x', blocks: [{ kind: 'heading', text: 'Report' }, claim] },
  ];

  test('every renderer shows both lists, links only http(s) links, and pings nobody', () => {
    for (const reply of replies) {
      const slack = toSlackMessage(reply);
      expect(blockProblem(slack.blocks)).toBeNull();
      const discord = renderDiscord(reply);
      discord.forEach((m) => expectWithinLimits(m));
      const drawn = {
        text: renderText(reply),
        markdown: renderMarkdown(reply),
        slack: messageText(slack),
        discord: discord.map(textOf).join('\n'),
      };
      for (const [surface, out] of Object.entries(drawn)) {
        expect(out, surface).toMatch(/also reported in/);
        expect(out, surface).toMatch(/disputed by/);
        expect(out, surface).toContain('k3x9ab/c2');
        expect(out, surface).toContain('m2p8qq/c1');
        expect(out, surface).toContain('no source');
        expect(out, surface).toContain('denies it');
        expect(out, surface).not.toContain('javascript:');
        expect(out, surface).not.toMatch(/@here\b|<!channel>/);
      }
      expect(drawn.markdown).toContain('[k3x9ab/c2](https://example.slack.com/archives/C1/p1)');
      expect(drawn.discord).toContain('[k3x9ab/c2](https://example.slack.com/archives/C1/p1)');
      expect(drawn.slack).toContain('<https://example.slack.com/archives/C1/p1|k3x9ab/c2>');
    }
  });

  test('many long cross-references stay within Slack and Discord limits', () => {
    const long = (n: number) => ({ reportId: `r${n}x`, claimId: 'c1', source: 'S'.repeat(300), why: 'says ' + 'w'.repeat(400), link: `https://example.test/${'p'.repeat(200)}${n}` });
    const many = Array.from({ length: 40 }, (_, i): Hit => ({ ...hit, claimId: `c${i}`, alsoIn: [1, 2, 3, 4, 5].map(long), disputedBy: [6, 7, 8, 9, 10].map(long) }));
    const reply: Reply = { title: 'Claims', fallback: 'x', blocks: many };
    expect(blockProblem(toSlackMessage(reply).blocks)).toBeNull();
    for (const m of renderDiscord(reply)) {
      expectWithinLimits(m);
      for (const e of m.embeds) expect((e.description ?? '').length).toBeLessThanOrEqual(DISCORD.description);
    }
  });
});
