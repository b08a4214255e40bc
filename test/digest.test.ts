// The daily digest's content (src/digest/): a real channel log (SQLite in memory; the day's suite also on
// Postgres when it answers, required under CLAIMDESK_REQUIRE_SERVICES=1) with real engine summaries of short
// invented reports → buildDigest → digestReplies, drawn as text and Markdown. Counts, claims merged across
// reports, who says what, claims to check, new places, links back, the period's bounds, channels kept apart,
// mentions that never ping, and an empty day.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { TEST_POSTGRES, describeWithService, postgresDown } from './helpers/services.ts';
import { openChannelLog } from '../src/channel-log/index.ts';
import type { ChannelKey, ChannelLog } from '../src/channel-log/types.ts';
import { buildDigest, type Digest, type DigestClaim } from '../src/digest/build.ts';
import { digestReplies } from '../src/digest/reply.ts';
import type { DigestPeriod } from '../src/digest/types.ts';
import { relateClaims } from '../src/matching/index.ts';
import { renderMarkdown } from '../src/render/markdown.ts';
import { renderText } from '../src/render/text.ts';
import type { Reply } from '../src/reply.ts';
import { summarize } from '../src/summarize.ts';
import { AT_PERIOD_END, DENIED, EARLIER, MENTIONS, OTHER_CHANNEL, OTHER_FIGURE, SEIZED_A, SEIZED_B, SEIZED_C } from './fixtures/digest-reports.ts';

// Fresh channels for each test: the Postgres database outlives the run.
let seq = 0;
let KEY: ChannelKey;
let OTHER: ChannelKey;
const freshKeys = () => {
  const run = `${process.pid}-${Date.now()}-${++seq}`;
  KEY = { platform: 'slack', workspace: 'T1', channel: `C-DESK-${run}` };
  OTHER = { ...KEY, channel: `C-OTHER-${run}` };
};
// 08:00 Kyiv time on 10 November to 08:00 the next day.
const PERIOD: DigestPeriod = {
  date: '2026-11-10',
  timeZone: 'Europe/Kyiv',
  from: new Date('2026-11-10T06:00:00Z'),
  to: new Date('2026-11-11T06:00:00Z'),
};
const at = (iso: string) => new Date(iso);
const LINK_A = 'https://desk.slack.com/archives/C-DESK/p1762754400000100';

let log: ChannelLog;
const ids: Record<string, string> = {};

async function add(name: string, text: string, postedAt: Date, who: { user: string; userName?: string }, opts: { link?: string; key?: ChannelKey } = {}) {
  const res = await log.add({ key: opts.key ?? KEY, text, summary: summarize(text), ...who, postedAt, ...(opts.link ? { link: opts.link } : {}) });
  ids[name] = res.report.id;
}

const everything = (r: { summary: Reply; details: Reply[] }) =>
  [r.summary, ...r.details].flatMap((x) => [renderText(x), renderMarkdown(x), x.fallback]).join('\n');
const claimWith = (d: Digest, words: string): DigestClaim | undefined => d.claims.find((c) => c.text.includes(words));

const openLog = (url: string) => async () => {
  freshKeys();
  log = await openChannelLog(url);
};
const closeLog = () => log.close();

const dayWithReports = (url: string) => () => {
  let d: Digest;
  beforeEach(openLog(url));
  afterEach(closeLog);
  beforeEach(async () => {
    await add('earlier', EARLIER, at('2026-11-09T12:00:00Z'), { user: 'U_ALICE', userName: 'alice' });
    // From is inclusive: a report at exactly 06:00 UTC belongs to the period.
    await add('a', SEIZED_A, PERIOD.from, { user: 'U_ALICE', userName: 'alice' }, { link: LINK_A });
    await add('b', SEIZED_B, at('2026-11-10T10:30:00Z'), { user: 'U_BOB', userName: 'bob' });
    await add('c', SEIZED_C, at('2026-11-10T21:15:00Z'), { user: 'U_ALICE', userName: 'alice' });
    // To is exclusive: a report at exactly the end is the next day's.
    await add('end', AT_PERIOD_END, PERIOD.to, { user: 'U_BOB', userName: 'bob' });
    await add('other', OTHER_CHANNEL, at('2026-11-10T12:00:00Z'), { user: 'U_BOB', userName: 'bob' }, { key: OTHER });
    d = await buildDigest(log, { key: KEY, period: PERIOD });
  });

  test('counts the period\'s reports and who pasted them; the bounds are from inclusive, to exclusive', () => {
    expect(d.key).toEqual(KEY);
    expect(d.period).toEqual(PERIOD);
    expect(d.reports.map((r) => r.id)).toEqual([ids.a, ids.b, ids.c]);
    expect(d.posters).toEqual([
      { user: 'U_ALICE', name: 'alice', reports: 2 },
      { user: 'U_BOB', name: 'bob', reports: 1 },
    ]);
    const { summary } = digestReplies(d);
    const text = renderText(summary);
    expect(text).toContain('Daily digest for 2026-11-10: 3 reports\n');
    expect(text).toContain('Pasted by alice (2) and bob (1).');
    expect(text).toContain('10 Nov 2026, 08:00 to 11 Nov 2026, 08:00 (Europe/Kyiv)');
    expect(summary.fallback).toMatch(/^Daily digest for 2026-11-10: 3 reports/);
  });

  test("another channel's report, and the one at the period's end, appear nowhere", () => {
    const out = everything(digestReplies(d));
    expect(out).not.toMatch(/Ostrovets|Protesters/);
    expect(out).not.toMatch(/Valdmor|grain ships/);
    expect(out).not.toContain(ids.other);
    expect(out).not.toContain(ids.end);
  });

  test('the same claim from three reports is one line with "3 reports" and a link back to each', () => {
    const seized = d.claims.filter((c) => c.text.includes('seized Krasnogorsk'));
    expect(seized).toHaveLength(1);
    expect(seized[0].reports).toEqual([{ id: ids.a, link: LINK_A }, { id: ids.b }, { id: ids.c }]);
    expect(seized[0].sources.map((s) => s.name)).toEqual(['Defence Ministry']);
    // Ranked first: most reports.
    expect(d.claims[0]).toBe(seized[0]);

    const { summary } = digestReplies(d);
    const text = renderText(summary).replace(/\s+/g, ' ');
    expect(text).toMatch(/Top claims • Russian forces seized Krasnogorsk — Defence Ministry \(said\), 3 reports:/);
    expect(text).toContain(`${LINK_A}, /report ${ids.b}, /report ${ids.c}`);
    const md = renderMarkdown(summary);
    expect(md).toContain(`3 reports: [${ids.a}](${LINK_A}), \`/report ${ids.b}\`, \`/report ${ids.c}\``);
  });

  test('who says what: each source with its merged claims, most reports first', () => {
    const names = d.sources.map((s) => s.name);
    expect(names[0]).toBe('Defence Ministry');
    expect(names).toEqual(expect.arrayContaining(['Local officials', 'army general staff', 'Two people familiar with the matter']));
    const ministry = d.sources[0];
    expect(ministry).toMatchObject({ type: 'military', claims: 1, reports: 3 });
    const local = d.sources.find((s) => s.name === 'Local officials')!;
    expect(local.said.map((c) => c.text)).toEqual(['12 civilians were killed in the shelling of Krasnogorsk']);

    const who = digestReplies(d).details.find((r) => r.title?.startsWith('Who says what'))!;
    const text = renderText(who).replace(/\s+/g, ' ');
    expect(text).toContain('Local officials (official source): 1 claim • 12 civilians were killed in the shelling of Krasnogorsk');
    expect(text).toContain(`Defence Ministry (military source): 1 claim • Russian forces seized Krasnogorsk`);
  });

  test('hedged, unattributed and anonymous claims are listed to check, with the reason', () => {
    const cut = claimWith(d, 'Power lines')!;
    expect(cut.check).toEqual(['hedged', 'no source']);
    expect(cut.hedges).toEqual(['reportedly']);
    const bridge = claimWith(d, 'bridge at Velyka Rika')!;
    expect(bridge.check).toEqual(['anonymous source']);
    expect(d.toCheck).toEqual(expect.arrayContaining([cut, bridge]));
    expect(d.toCheck).not.toContain(claimWith(d, 'seized Krasnogorsk'));

    const check = digestReplies(d).details.find((r) => r.title?.startsWith('To check'))!;
    const text = renderText(check).replace(/\s+/g, ' ');
    expect(text).toContain('Power lines near Krasnogorsk were reportedly cut overnight — no source (reportedly), 1 report');
    expect(text).toContain('check: hedged, no source');
    expect(text).toContain('check: anonymous source');
  });

  test('the report\'s own narration is left out, as summaries leave it out', () => {
    const narration = summarize(SEIZED_B).claims.filter((c) => c.source === null && c.hedges.length === 0);
    expect(narration.map((c) => c.text)).toEqual([expect.stringContaining('reinforcements')]);
    expect(d.narration).toBe(1);
    expect(d.claims.some((c) => c.text.includes('reinforcements'))).toBe(false);
    expect(d.reports.find((r) => r.id === ids.b)!.claims).toBe(summarize(SEIZED_B).claims.length - 1);
    const out = everything(digestReplies(d));
    expect(out).not.toContain('reinforcements');
    expect(out).toContain("1 unsourced statement in the reports' own voice not shown.");
  });

  test("new places and units: those no claim of the channel's log named before the period", () => {
    const places = d.newPlaces.map((p) => p.name);
    expect(places).toContain('Krasnogorsk');
    expect(places).toContain('Velyka Rika');
    // Named the day before (in EARLIER): not new.
    expect(places).not.toContain('Dolinsk');
    expect(d.newPlaces.find((p) => p.name === 'Krasnogorsk')!.reports.map((r) => r.id)).toEqual([ids.a, ids.b, ids.c]);
    expect(d.newUnits.map((u) => u.name)).toEqual(['72nd Mechanized Brigade']);

    const names = digestReplies(d).details.find((r) => r.title?.startsWith('New places'))!;
    const text = renderText(names).replace(/\s+/g, ' ');
    expect(text).toMatch(/New places \(2\): Krasnogorsk \(3 reports: \/report \w+, \/report \w+, \/report \w+\); Velyka Rika \(1 report/);
    expect(text).toContain(`New units (1): 72nd Mechanized Brigade (1 report: /report ${ids.b})`);
  });

  test('a place first named in the period is new only for that period: the next day it is known', async () => {
    const next: DigestPeriod = { date: '2026-11-11', timeZone: 'Europe/Kyiv', from: PERIOD.to, to: new Date(PERIOD.to.getTime() + 86_400_000) };
    await add('next', `Russian forces shelled Krasnogorsk again, the Defence Ministry said on Wednesday.`, at('2026-11-11T09:00:00Z'), { user: 'U_BOB', userName: 'bob' });
    const d2 = await buildDigest(log, { key: KEY, period: next });
    expect(d2.reports.map((r) => r.id)).toEqual([ids.end, ids.next]);
    expect(d2.newPlaces.map((p) => p.name)).not.toContain('Krasnogorsk');
    expect(d2.newPlaces.map((p) => p.name)).toContain('Valdmor');
  });

  test('the details list every report with its poster, time and a link back (or /report ID)', () => {
    const list = digestReplies(d).details.at(-1)!;
    expect(list.title).toBe('Reports, 2026-11-10');
    const reports = list.blocks.filter((b) => b.kind === 'report');
    expect(reports.map((b) => (b.kind === 'report' ? [b.id, b.poster, b.link ?? null] : []))).toEqual([
      [ids.a, 'alice', LINK_A],
      [ids.b, 'bob', null],
      [ids.c, 'alice', null],
    ]);
    const text = renderText(list);
    expect(text).toContain(`2026-11-10 10:30 UTC · bob ·`);
    expect(text).toContain(`/report ${ids.b}`);
    expect(renderMarkdown(list)).toContain(`[${ids.a}](${LINK_A})`);
  });

  test('the summary points to the details; the details come in sections', () => {
    const r = digestReplies(d);
    expect(renderText(r.summary)).toMatch(/Details follow .*who says what by source/s);
    expect(r.details.map((x) => x.title)).toEqual([
      'Who says what, 2026-11-10',
      'To check, 2026-11-10',
      'New places and units, 2026-11-10',
      'Reports, 2026-11-10',
    ]);
    expect(renderText(r.summary)).toContain('0 disputes');
  });
};

describe('a day with reports (SQLite)', dayWithReports('sqlite::memory:'));
describeWithService('a day with reports (Postgres)', await postgresDown(), dayWithReports(TEST_POSTGRES));

describe('mentions, empty days, disputes (SQLite)', () => {
  beforeEach(openLog('sqlite::memory:'));
  afterEach(closeLog);

  test('pasted mentions ping no one: not in claims, poster names or fallbacks', async () => {
    await add('m', MENTIONS, at('2026-11-10T09:00:00Z'), { user: 'U_X', userName: '@here' });
    const d = await buildDigest(log, { key: KEY, period: PERIOD });
    expect(d.claims.some((c) => c.text.includes('@everyone'))).toBe(true);
    const r = digestReplies(d);
    const out = everything(r);
    expect(out).toContain('Zarechny');
    expect(out).not.toMatch(/@(everyone|here|channel)\b/);
    expect(out).not.toMatch(/<[!@#]/);
  });

  test('a denial is never shown as if the source said it: each source keeps its own cue', async () => {
    await add('a', SEIZED_A, at('2026-11-10T07:00:00Z'), { user: 'U_ALICE', userName: 'alice' });
    await add('den', DENIED, at('2026-11-10T09:00:00Z'), { user: 'U_BOB', userName: 'bob' });
    const out = everything(digestReplies(await buildDigest(log, { key: KEY, period: PERIOD }))).replace(/\s+/g, ' ');
    expect(out).toContain('Ukrainian officials');
    // On a claim line, "(denied)"; as a heading of its own claims in "Who says what", its type.
    const after = [...out.matchAll(/Ukrainian officials\**( \([a-z ]+\))/g)].map((m) => m[1]);
    expect(after).toContain(' (denied)');
    expect(after.every((x) => x === ' (denied)' || x === ' (official source)')).toBe(true);
  });

  test('an empty day says so plainly and has no details', async () => {
    await add('earlier', EARLIER, at('2026-11-09T12:00:00Z'), { user: 'U_ALICE', userName: 'alice' });
    const d = await buildDigest(log, { key: KEY, period: PERIOD });
    expect(d.reports).toEqual([]);
    expect(d.claims).toEqual([]);
    const r = digestReplies(d);
    expect(r.details).toEqual([]);
    expect(renderText(r.summary)).toContain('No reports were posted in this channel in this period: nothing to digest.');
    expect(r.summary.fallback).toBe('Daily digest for 2026-11-10: 0 reports.');
    expect(renderText(r.summary)).toMatch(/^Daily digest for 2026-11-10: 0 reports\n/);
  });

  test('a day whose reports hold only narration: counted, linked, and no claims invented', async () => {
    await add('n', 'Both sides are expected to send reinforcements to Lisova Balka before Friday.', at('2026-11-10T09:00:00Z'), { user: 'U_BOB', userName: 'bob' });
    const d = await buildDigest(log, { key: KEY, period: PERIOD });
    expect(d.reports.map((r) => r.id)).toEqual([ids.n]);
    expect(d.claims).toEqual([]);
    const r = digestReplies(d);
    expect(renderText(r.summary)).toContain("No attributed or hedged claims in this period's reports.");
    expect(r.details.map((x) => x.title)).toEqual(['Reports, 2026-11-10']);
    expect(renderText(r.details[0])).toContain(`/report ${ids.n}`);
  });

  test('a place named weeks before the period is not new', async () => {
    await add('old', EARLIER, at('2026-10-20T12:00:00Z'), { user: 'U_ALICE', userName: 'alice' });
    await add('b', SEIZED_B, at('2026-11-10T10:30:00Z'), { user: 'U_BOB', userName: 'bob' });
    const d = await buildDigest(log, { key: KEY, period: PERIOD });
    expect(d.newPlaces.map((p) => p.name)).toContain('Krasnogorsk');
    expect(d.newPlaces.map((p) => p.name)).not.toContain('Dolinsk');
  });

  test('a channel with no log at all gets the same empty digest', async () => {
    const d = await buildDigest(log, { key: { ...KEY, channel: 'C-NEW' }, period: PERIOD });
    expect(d.reports).toEqual([]);
    expect(digestReplies(d).details).toEqual([]);
  });

  // Disputes come from the matcher (src/matching).
  describe('disputes', () => {
    test('other figures for the same deaths, and a capture claimed and denied, are listed as disputes', async () => {
      const claimOf = (text: string, words: string) => summarize(text).claims.find((c) => c.text.includes(words))!;
      const figures = relateClaims(claimOf(SEIZED_A, '12 civilians'), claimOf(OTHER_FIGURE, '30 civilians'));
      const denial = relateClaims(claimOf(SEIZED_A, 'seized Krasnogorsk'), claimOf(DENIED, 'seized Krasnogorsk'));
      expect(figures.kind).toBe('disputes');
      expect(denial.kind).toBe('disputes');

      await add('a', SEIZED_A, at('2026-11-10T07:00:00Z'), { user: 'U_ALICE', userName: 'alice' });
      await add('fig', OTHER_FIGURE, at('2026-11-10T08:00:00Z'), { user: 'U_BOB', userName: 'bob' });
      await add('den', DENIED, at('2026-11-10T09:00:00Z'), { user: 'U_BOB', userName: 'bob' });
      const d = await buildDigest(log, { key: KEY, period: PERIOD });
      const texts = d.disputes.map((x) => [x.claim.text, ...x.disputedBy.map((b) => b.claim.text)]);
      expect(texts).toEqual(
        expect.arrayContaining([
          expect.arrayContaining([expect.stringContaining('12 civilians'), expect.stringContaining('30 civilians')]),
          expect.arrayContaining([expect.stringContaining('seized Krasnogorsk')]),
        ]),
      );
      // Each pair once.
      expect(d.disputes.flatMap((x) => x.disputedBy)).toHaveLength(2);
      const details = digestReplies(d).details.find((r) => r.title?.startsWith('Disputes'))!;
      expect(renderText(details)).toMatch(/disputed \(.+\): 30 civilians/);
    });
  });
});
