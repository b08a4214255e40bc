// /claims over the real channel log: every filter, paging, and the messages for queries that cannot run.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { FILTER_NAMES } from '../src/query.ts';
import { summarize } from '../src/summarize.ts';
import { BRIDGE, FLOOD, HARBOUR } from './fixtures/desk-reports.ts';
import { DAY, openTestDesk, savedId, type TestDesk } from './helpers/desk.ts';

let t: TestDesk;
const ids: Record<string, string> = {};

/** Report ids of the hits in a /claims reply ("r12/c3" → "r12"). */
async function hitReports(query: string, event = {}): Promise<string[]> {
  const [reply] = await t.replies(`/claims ${query}`, event);
  return reply.blocks.flatMap((b) => (b.kind === 'hit' ? [b.reportId] : []));
}

beforeEach(async () => {
  t = await openTestDesk();
  // Three reports, a day apart, by two people.
  ids.harbour = savedId(await t.say(HARBOUR));
  t.clock.now = new Date(t.clock.now.getTime() + DAY);
  ids.bridge = savedId(await t.say(BRIDGE, { user: 'U_BOB', userName: 'bob' }));
  t.clock.now = new Date(t.clock.now.getTime() + DAY);
  ids.flood = savedId(await t.say(FLOOD));
});
afterEach(() => t.close());

describe('/claims', () => {
  test('a word finds its claim, shown with source, cue, date, poster and report id', async () => {
    const [reply] = await t.replies('/claims cranes');
    const hits = reply.blocks.filter((b) => b.kind === 'hit');
    expect(hits).toHaveLength(1);
    const hit = hits[0];
    if (hit.kind !== 'hit') throw new Error('not a hit');
    expect(hit.reportId).toBe(ids.harbour);
    expect(hit.text).toMatch(/cranes/);
    expect(hit.source).toMatch(/harbour authority/i);
    expect(hit.cue).toBe('said');
    expect(hit.poster).toBe('alice');
    expect(hit.postedAt).toBe('2026-11-10T09:00:00.000Z');
  });

  test('free words must all appear; phrases match as phrases', async () => {
    expect(await hitReports('Krasnogorsk bridge')).toEqual([ids.bridge]);
    expect(await hitReports('Krasnogorsk cranes')).toEqual([]);
    expect(await hitReports('"field hospitals"')).toEqual([ids.flood]);
    expect(await hitReports('"hospitals field"')).toEqual([]);
  });

  test('source:, type:, place:, category:', async () => {
    const bridge = summarize(BRIDGE);
    const military = bridge.claims.find((c) => c.source?.type === 'military')!;
    expect(military).toBeDefined();
    expect(await hitReports('source:ministry')).toEqual(expect.arrayContaining([ids.bridge, ids.flood]));
    expect(await hitReports('source:ministry')).not.toContain(ids.harbour);
    expect(await hitReports('type:military')).toEqual([ids.bridge]);
    expect(await hitReports('place:Valdmor')).toEqual([ids.harbour]);
    const category = summarize(FLOOD).claims[0].category;
    const inCategory = await hitReports(`category:${category}`);
    expect(inCategory).toContain(ids.flood);
    expect(await hitReports(`category:${category} source:harbour`)).toEqual([]);
  });

  test('source:NAME also finds the source however reports wrote its name, not a like-named other source', async () => {
    const at = { channel: 'ministries' };
    const ru1 = savedId(await t.say("Russia's Defence Ministry said its air defences downed 9 drones over the Bryansk region.", at));
    const ua = savedId(await t.say("Ukraine's Defence Ministry said its units pushed back an assault near Siversk.", at));
    const ru2 = savedId(await t.say('The Russian Ministry of Defence said a Ukrainian ammunition depot near Izium was destroyed.', at));
    const [reply] = await t.replies('/claims source:"Russian MoD"', at);
    const hits = reply.blocks.flatMap((b) => (b.kind === 'hit' ? [b] : []));
    expect(new Set(hits.map((h) => h.reportId))).toEqual(new Set([ru1, ru2]));
    // Each hit keeps the name its report used.
    expect(new Set(hits.map((h) => h.source))).toEqual(new Set(["Russia's Defence Ministry", 'Russian Ministry of Defence']));
    expect(await t.say('/claims source:"Russian MoD"', at)).not.toMatch(/Ukraine|Siversk/);
    expect(new Set(await hitReports('source:"Ukrainian MoD"', at))).toEqual(new Set([ua]));
    expect(new Set(await hitReports('source:ministry', at))).toEqual(new Set([ru1, ua, ru2]));
  });

  test('hedged, hedged:no, unattributed', async () => {
    const [hedged] = await t.replies('/claims hedged');
    const hits = hedged.blocks.filter((b) => b.kind === 'hit');
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) if (h.kind === 'hit') expect(h.hedges.length).toBeGreaterThan(0);
    const [plain] = await t.replies('/claims hedged:no source:ministry');
    for (const h of plain.blocks) if (h.kind === 'hit') expect(h.hedges).toEqual([]);
    const [unattributed] = await t.replies('/claims unattributed');
    const u = unattributed.blocks.filter((b) => b.kind === 'hit');
    expect(u.length).toBeGreaterThan(0);
    for (const h of u) if (h.kind === 'hit') expect(h.source).toBeNull();
  });

  test('by: a mention, a name, or me', async () => {
    expect(await hitReports('by:<@U_BOB>')).toEqual(expect.arrayContaining([ids.bridge]));
    expect(new Set(await hitReports('by:@U_BOB'))).toEqual(new Set([ids.bridge]));
    expect(new Set(await hitReports('by:me', { user: 'U_BOB' }))).toEqual(new Set([ids.bridge]));
    expect(await hitReports('by:me Krasnogorsk')).toEqual([]);
  });

  test('since: and until: against the bot clock', async () => {
    // The clock is at the flood report; the harbour report is two days old.
    expect(new Set(await hitReports('since:36h'))).toEqual(new Set([ids.bridge, ids.flood]));
    expect(new Set(await hitReports('until:36h'))).toEqual(new Set([ids.harbour]));
    expect(new Set(await hitReports('since:2026-11-11 until:2026-11-11'))).toEqual(new Set([ids.bridge]));
    expect(await hitReports('since:2026-12-01')).toEqual([]);
  });

  test('paging: page:2 continues where page 1 stopped, and page 1 says how to get there', async () => {
    const [first] = await t.replies('/claims');
    const [second] = await t.replies('/claims page:2');
    const key = (r: typeof first) => r.blocks.flatMap((b) => (b.kind === 'hit' ? [`${b.reportId}/${b.claimId}`] : []));
    const total = summarize(HARBOUR).claims.length + summarize(BRIDGE).claims.length + summarize(FLOOD).claims.length;
    expect(key(first).length + key(second).length).toBe(total);
    expect(new Set([...key(first), ...key(second)]).size).toBe(total);
    const more = first.blocks.find((b) => b.kind === 'context' && b.text.startsWith('More:'));
    expect(more && more.kind === 'context' && more.text).toBe('More: /claims page:2');
    expect(await t.say('/claims page:9')).toMatch(/Page 9 is past the end/);
  });

  test('no match, and an empty log, say what to do next', async () => {
    expect(await t.say('/claims zeppelin')).toMatch(/No claims match “zeppelin”/);
    expect(await t.say('/claims zeppelin', { channel: 'empty' })).toMatch(/log is empty: paste a report/);
  });

  test('bad queries get a clear message and the bot goes on', async () => {
    const unknown = await t.say('/claims bridge author:bob');
    for (const name of FILTER_NAMES) expect(unknown).toContain(`${name}:`);
    expect(await t.say('/claims "pontoon bridge')).toMatch(/Unbalanced quote/);
    expect(await t.say('/claims since:yesterdayish')).toMatch(/not a date I can read/);
    expect(await t.say(`/claims ${'word '.repeat(100)}`)).toMatch(/the most is \d+/);
    expect(await hitReports('cranes')).toEqual([ids.harbour]);
  });
});
