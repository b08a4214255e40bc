// The channel log contract, one behaviour suite run over both stores: SQLite (always) and Postgres (when the
// server answers; required under CLAIMDESK_REQUIRE_SERVICES=1). Fixture summaries come from the real engine
// over short reports written for these tests; expected answers come from a plain reading of those summaries.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChannelLog } from '../src/channel-log/index.ts';
import { StoreUnavailableError, type ChannelKey, type ChannelLog, type ClaimQuery, type NearbyClaimsQuery, type NewReport } from '../src/channel-log/types.ts';
import type { Claim, Summary } from '../src/schema.ts';
import { summarize } from '../src/summarize.ts';
import { TEST_POSTGRES, describeWithService, dropSchemas, postgresDown } from './helpers/services.ts';

const run = promisify(execFile);
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);

// --- fixtures -----------------------------------------------------------------------------------------------

interface Fixture {
  text: string;
  user: string;
  day: number;
  userName?: string;
  link?: string;
  thread?: string;
}

const FIXTURES: Fixture[] = [
  { day: 0, user: 'U3', text: 'Engineers said the bridge, the old bridge and the rail bridge near Zaporizhzhia were all closed to traffic.' },
  { day: 1, user: 'U1', userName: 'Maria', link: 'https://example.test/m/1', thread: 't1',
    text: 'The defence ministry said its troops had repelled an attack near Kherson on Monday. The claim could not be independently verified.' },
  { day: 2, user: 'U2', text: 'Regional governor Oleh Petrenko told Reuters that two people were killed when a missile hit a power plant in Odesa.' },
  { day: 3, user: 'U1', text: "A hospital in Mykolaiv was reportedly damaged overnight. The city's mayor said repairs to the power plant would take a week." },
  { day: 4, user: 'U3', text: 'The central bank warned that inflation could reach nine percent this year, according to a statement on its website.' },
  { day: 5, user: 'U2', text: 'Army commander Ivan Sirko said the bridge near Kherson had been destroyed. He said the bridge was a key supply route.' },
];
const SUMMARIES = FIXTURES.map((f) => summarize(f.text));

// One body named two ways, another body named like it, and a ministry no report names (a day apart each).
const SOURCE_TEXTS = [
  "Russia's Defence Ministry said its forces shot down 14 drones over the Kursk region overnight.",
  'The Russian Ministry of Defence said a column of armoured vehicles was destroyed near Vovchansk.',
  "Ukraine's Defence Ministry said two of its aircraft struck a depot near Melitopol.",
  'The ministry said the road to Pokrovsk was reopened on Tuesday.',
];
const RU = ["Russia's Defence Ministry", 'Russian Ministry of Defence'];
const UA = ["Ukraine's Defence Ministry"];
const UNNAMED = ['ministry'];

/** Stores SOURCE_TEXTS in channel `k`; returns the refs of a query and the refs of the claims of some source names. */
async function addSourceReports(log: ChannelLog, k: ChannelKey) {
  const bySource: { ref: string; name: string }[] = [];
  for (const [day, text] of SOURCE_TEXTS.entries()) {
    const summary = summarize(text);
    const { report } = await log.add(newReport(k, { text, user: 'U1', day }, summary));
    for (const c of summary.claims) if (c.source) bySource.push({ ref: `${report.id}/${c.id}`, name: c.source.name });
  }
  // The engine reads the sources this test is about.
  expect(new Set(bySource.map((x) => x.name))).toEqual(new Set([...RU, ...UA, ...UNNAMED]));
  return {
    refsOf: (...names: string[]) => bySource.filter((x) => names.includes(x.name)).map((x) => x.ref).sort(),
    bySource: async (into: ChannelLog, ...values: string[]) => (await allRefs(into, k, { source: values })).sort(),
  };
}

const newReport = (key: ChannelKey, f: Fixture, summary: Summary): NewReport => ({
  key,
  text: f.text,
  summary,
  user: f.user,
  userName: f.userName,
  link: f.link,
  thread: f.thread,
  postedAt: new Date(T0 + f.day * DAY),
});

// A plain reading of the summaries: the answers a query must give.
const words = (s: string) => s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
const hasRun = (hay: string[], needle: string[], prefixLast = false) =>
  hay.some((_, i) =>
    needle.every((w, j) => (j === needle.length - 1 && prefixLast ? hay[i + j]?.startsWith(w) : hay[i + j] === w)),
  );
const claimWords = (c: Claim) =>
  words([c.text, c.source?.name, c.source?.mention, c.source?.affiliation, c.conduit?.name, ...c.entities.map((e) => e.text)].join(' '));
const places = (c: Claim) => c.entities.filter((e) => e.type === 'place').map((e) => words(e.text));

interface Entry {
  ref: string;
  claim: Claim;
  fixture: Fixture;
  postedMs: number;
}

let seq = 0;
const freshKey = (label: string): ChannelKey => ({ platform: 'slack', workspace: 'T1', channel: `${label}-${process.pid}-${++seq}` });

const query = (q: Partial<ClaimQuery> = {}): ClaimQuery => ({ words: [], phrases: [], page: 1, pageSize: 50, ...q });

/** Every hit of a query over all its pages, as reportId/claimId. */
async function allRefs(log: ChannelLog, key: ChannelKey, q: Partial<ClaimQuery>, pageSize = 3): Promise<string[]> {
  const out: string[] = [];
  for (let page = 1; ; page++) {
    const res = await log.queryClaims(key, query({ ...q, page, pageSize }));
    out.push(...res.hits.map((h) => `${h.reportId}/${h.claimId}`));
    if (page >= res.pages) {
      expect(out.length).toBe(res.total);
      return out;
    }
  }
}

// --- the suite ----------------------------------------------------------------------------------------------

interface StoreUnderTest {
  /** Opens the store, with extra connection-string options. */
  open(options?: string): Promise<ChannelLog>;
  /** A connection string another process can open (a file for SQLite). */
  sharedUrl: string;
}

function behaviour(store: StoreUnderTest) {
  let log: ChannelLog;
  const key = freshKey('main');
  const entries: Entry[] = [];
  const ids: string[] = [];

  beforeAll(async () => {
    log = await store.open();
    for (let i = 0; i < FIXTURES.length; i++) {
      const res = await log.add(newReport(key, FIXTURES[i], SUMMARIES[i]));
      ids.push(res.report.id);
      for (const c of SUMMARIES[i].claims) entries.push({ ref: `${res.report.id}/${c.id}`, claim: c, fixture: FIXTURES[i], postedMs: T0 + FIXTURES[i].day * DAY });
    }
  });
  afterAll(async () => {
    await log?.close();
  });

  /** The expected refs for a predicate, checked to be a real filter (some but not all entries). */
  const expected = (pred: (e: Entry) => boolean) => {
    const refs = entries.filter(pred).map((e) => e.ref);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.length).toBeLessThan(entries.length);
    return refs.sort();
  };
  const found = async (q: Partial<ClaimQuery>) => (await allRefs(log, key, q)).sort();

  describe('add, get, duplicates', () => {
    it('stores a report and gives it back whole by its short id, in any case', async () => {
      expect(ids[1]).toMatch(/^[0-9a-z]{6}$/);
      const r = await log.get(key, ids[1].toUpperCase());
      expect(r).not.toBeNull();
      expect(r!.text).toBe(FIXTURES[1].text);
      expect(r!.summary).toEqual(SUMMARIES[1]);
      expect(r!.user).toBe('U1');
      expect(r!.userName).toBe('Maria');
      expect(r!.link).toBe('https://example.test/m/1');
      expect(r!.thread).toBe('t1');
      expect(r!.postedAt.getTime()).toBe(T0 + DAY);
      expect(r!.key).toEqual(key);
      expect(await log.count(key)).toBe(FIXTURES.length);
    });

    it('ids are distinct within the channel', () => {
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('answers null for an unknown or malformed id', async () => {
      const unknown = ids[0] === 'zzzzzz' ? 'yyyyyy' : 'zzzzzz';
      expect(await log.get(key, unknown)).toBeNull();
      expect(await log.get(key, 'not an id')).toBeNull();
      expect(await log.get(key, '')).toBeNull();
    });

    it('recognises the same text pasted again (spacing aside) and stores nothing', async () => {
      const k = freshKey('dup');
      const first = await log.add(newReport(k, FIXTURES[2], SUMMARIES[2]));
      expect(first.duplicate).toBe(false);
      const again = await log.add({ ...newReport(k, FIXTURES[2], SUMMARIES[2]), text: `\n  ${FIXTURES[2].text.replace(/ /g, '  ')}  \n`, user: 'U9', postedAt: new Date(T0 + 9 * DAY) });
      expect(again.duplicate).toBe(true);
      expect(again.report.id).toBe(first.report.id);
      expect(again.report.user).toBe('U2');
      expect(again.report.postedAt.getTime()).toBe(T0 + 2 * DAY);
      expect(await log.count(k)).toBe(1);
      expect((await log.queryClaims(k, query())).total).toBe(SUMMARIES[2].claims.length);
    });

    it('a different text is a new report', async () => {
      const k = freshKey('dup2');
      await log.add(newReport(k, FIXTURES[2], SUMMARIES[2]));
      const other = await log.add({ ...newReport(k, FIXTURES[2], SUMMARIES[2]), text: FIXTURES[2].text + ' Updated.' });
      expect(other.duplicate).toBe(false);
      expect(await log.count(k)).toBe(2);
    });

    it('addMany stores a batch in one go, a repeat inside it included once', async () => {
      const k = freshKey('batch');
      const batch = [0, 1, 0, 2].map((i) => newReport(k, FIXTURES[i], SUMMARIES[i]));
      const res = await log.addMany!(batch);
      expect(res.map((r) => r.duplicate)).toEqual([false, false, true, false]);
      expect(res[2].report.id).toBe(res[0].report.id);
      expect(await log.count(k)).toBe(3);
    });

    it('refuses bad input with a clear error and writes nothing', async () => {
      const k = freshKey('bad');
      await expect(log.add({ ...newReport(k, FIXTURES[0], SUMMARIES[0]), text: '   ' })).rejects.toThrow(/text is empty/);
      await expect(log.add({ ...newReport(k, FIXTURES[0], SUMMARIES[0]), postedAt: new Date('nonsense') })).rejects.toThrow(/valid date/);
      await expect(log.add(newReport({ ...k, channel: '' }, FIXTURES[0], SUMMARIES[0]))).rejects.toThrow(/channel/);
      // One bad report in a batch: none of the batch is stored.
      await expect(log.addMany!([newReport(k, FIXTURES[0], SUMMARIES[0]), { ...newReport(k, FIXTURES[1], SUMMARIES[1]), user: '' }])).rejects.toThrow(/user/);
      expect(await log.count(k)).toBe(0);
      await expect(log.queryClaims(k, query({ page: 0 }))).rejects.toThrow(/page/);
      await expect(log.queryClaims(k, query({ pageSize: 100_000 }))).rejects.toThrow(/pageSize/);
    });
  });

  describe('claims near a report (cross-reference candidates)', () => {
    const near = (q: Partial<NearbyClaimsQuery>, k = key) =>
      log.claimsNear(k, { words: [], since: new Date(T0), until: new Date(T0 + 10 * DAY), limit: 50, ...q });
    const refsOf = (hits: { reportId: string; claimId: string }[]) => hits.map((h) => `${h.reportId}/${h.claimId}`).sort();

    it('finds the claims posted in the window that hold any of the words, and only those', async () => {
      const cases: [string[], number, number][] = [
        [['bridge'], 0, 3],
        [['bridge', 'kherson'], 0, 5],
        [['Power', 'plant'], 2, 2],
        [['killed', 'inflation'], 1, 4],
      ];
      for (const [ws, from, to] of cases) {
        const since = T0 + from * DAY;
        const until = T0 + to * DAY;
        const want = entries
          .filter((e) => e.postedMs >= since && e.postedMs <= until && ws.some((w) => claimWords(e.claim).includes(w.toLowerCase())))
          .map((e) => e.ref)
          .sort();
        expect(want.length).toBeGreaterThan(0);
        expect(refsOf(await near({ words: ws, since: new Date(since), until: new Date(until) }))).toEqual(want);
      }
      expect(await near({ words: ['levee'] })).toEqual([]);
      expect(await near({ words: ['—'] })).toEqual([]);
    });

    it('newest first; the limit and the excluded report hold', async () => {
      const hits = await near({ words: ['bridge', 'kherson', 'destroyed'] });
      expect(hits.length).toBeGreaterThan(2);
      const times = hits.map((h) => h.postedAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(hits[0].reportId).toBe(ids[5]);
      const all = await near({ words: ['bridge'] });
      expect((await near({ words: ['bridge'], limit: 1 })).length).toBe(1);
      const without = await near({ words: ['bridge'], excludeReport: ids[5] });
      expect(without.some((h) => h.reportId === ids[5])).toBe(false);
      expect(refsOf(without)).toEqual(refsOf(all.filter((h) => h.reportId !== ids[5])));
      // Each candidate carries what matching reads: its text, source, cue, places, report and posting time.
      const [kherson] = await near({ words: ['kherson'], since: new Date(T0 + DAY), until: new Date(T0 + DAY) });
      const stored = entries.find((e) => e.ref === `${kherson.reportId}/${kherson.claimId}`)!;
      expect(kherson).toEqual({
        reportId: ids[1],
        claimId: stored.claim.id,
        text: stored.claim.text,
        source: stored.claim.source ? { name: stored.claim.source.name, type: stored.claim.source.type } : null,
        cue: stored.claim.cue ? { text: stored.claim.cue.text, stance: stored.claim.cue.stance } : null,
        category: stored.claim.category,
        places: stored.claim.entities.filter((e) => e.type === 'place').map((e) => e.text),
        postedAt: new Date(T0 + DAY),
      });
    });

    it('reportLinks gives the links of the reports that have one, in this channel only', async () => {
      expect(await log.reportLinks(key, [ids[1], ids[0], 'nope12', ids[1]])).toEqual(new Map([[ids[1], 'https://example.test/m/1']]));
      expect(await log.reportLinks(key, [])).toEqual(new Map());
      expect(await log.reportLinks({ ...key, channel: key.channel + '-other' }, [ids[1]])).toEqual(new Map());
    });

    it('never reaches another channel, and says plainly what is wrong with a query', async () => {
      expect(await near({ words: ['bridge', 'kherson'] }, { ...key, channel: key.channel + '-other' })).toEqual([]);
      expect(await near({ words: ['bridge'] }, { ...key, workspace: 'T2' })).toEqual([]);
      await expect(near({ words: ['bridge'], limit: 0 })).rejects.toThrow(RangeError);
      await expect(near({ words: ['bridge'], since: new Date(Number.NaN) })).rejects.toThrow(/since/);
    });
  });

  describe('filters', () => {
    it('source: words of the source name or mention, case aside, the last word may be cut short', async () => {
      const src = (e: Entry, v: string, prefix: boolean) =>
        !!e.claim.source && [e.claim.source.name, e.claim.source.mention, e.claim.source.affiliation ?? ''].some((s) => hasRun(words(s), words(v), prefix));
      expect(await found({ source: ['Ministry'] })).toEqual(expected((e) => src(e, 'ministry', true)));
      expect(await found({ source: ['minis'] })).toEqual(expected((e) => src(e, 'minis', true)));
      expect(await found({ source: ['army commander'] })).toEqual(expected((e) => src(e, 'army commander', true)));
      expect(await found({ source: ['ministry', 'petrenko'] })).toEqual(expected((e) => src(e, 'ministry', true) || src(e, 'petrenko', true)));
      expect(await found({ source: ['commander army'] })).toEqual([]);
    });

    it('type: the source type, a list is any of them', async () => {
      expect(await found({ type: ['military'] })).toEqual(expected((e) => e.claim.source?.type === 'military'));
      expect(await found({ type: ['military', 'government'] })).toEqual(expected((e) => ['military', 'government'].includes(e.claim.source?.type ?? '')));
    });

    it('place: a place entity of the claim', async () => {
      const at = (e: Entry, p: string) => places(e.claim).some((w) => hasRun(w, words(p)));
      expect(await found({ place: ['kherson'] })).toEqual(expected((e) => at(e, 'kherson')));
      expect(await found({ place: ['Odesa', 'Mykolaiv'] })).toEqual(expected((e) => at(e, 'odesa') || at(e, 'mykolaiv')));
      expect(await found({ place: ['Khers'] })).toEqual([]);
    });

    it('category', async () => {
      expect(await found({ category: ['economic'] })).toEqual(expected((e) => e.claim.category === 'economic'));
      expect(await found({ category: ['casualties', 'combat'] })).toEqual(expected((e) => ['casualties', 'combat'].includes(e.claim.category)));
    });

    it('hedged and not hedged', async () => {
      expect(await found({ hedged: true })).toEqual(expected((e) => e.claim.hedges.length > 0));
      expect(await found({ hedged: false })).toEqual(expected((e) => e.claim.hedges.length === 0));
    });

    it('unattributed and attributed', async () => {
      expect(await found({ unattributed: true })).toEqual(expected((e) => e.claim.source === null));
      expect(await found({ unattributed: false })).toEqual(expected((e) => e.claim.source !== null));
    });

    it('by: who pasted the report', async () => {
      expect(await found({ by: ['U1'] })).toEqual(expected((e) => e.fixture.user === 'U1'));
      expect(await found({ by: ['U1', 'U3'] })).toEqual(expected((e) => ['U1', 'U3'].includes(e.fixture.user)));
      expect(await found({ by: ['u1'] })).toEqual([]);
    });

    it('since and until, both including their instant', async () => {
      const since = new Date(T0 + 2 * DAY);
      const until = new Date(T0 + 4 * DAY);
      expect(await found({ since })).toEqual(expected((e) => e.postedMs >= since.getTime()));
      expect(await found({ until })).toEqual(expected((e) => e.postedMs <= until.getTime()));
      expect(await found({ since, until })).toEqual(expected((e) => e.postedMs >= since.getTime() && e.postedMs <= until.getTime()));
      expect(await found({ since: new Date(until.getTime() + 1), until })).toEqual([]);
    });

    it('every condition must hold together', async () => {
      const q = { place: ['kherson'], by: ['U2'] };
      expect(await found(q)).toEqual(expected((e) => places(e.claim).some((w) => hasRun(w, ['kherson'])) && e.fixture.user === 'U2'));
    });
  });

  describe('source: one name per source', () => {
    const k = freshKey('source-key');
    let src: Awaited<ReturnType<typeof addSourceReports>>;
    beforeAll(async () => {
      src = await addSourceReports(log, k);
    });

    it('a name written another way finds the source (its key), and not a like-named other source', async () => {
      expect(await src.bySource(log, 'Russian MoD')).toEqual(src.refsOf(...RU));
      expect(await src.bySource(log, 'Russian Defense Ministry')).toEqual(src.refsOf(...RU));
      expect(await src.bySource(log, "Russia's Defence Ministry")).toEqual(src.refsOf(...RU));
      expect(await src.bySource(log, 'Ukrainian MoD')).toEqual(src.refsOf(...UA));
      expect(await src.bySource(log, 'Russian MoD', 'Ukrainian MoD')).toEqual(src.refsOf(...RU, ...UA));
    });

    it('the words typed still match as before, and "the ministry" alone does not join a named one', async () => {
      expect(await src.bySource(log, 'ministry')).toEqual(src.refsOf(...RU, ...UA, ...UNNAMED));
      expect(await src.bySource(log, 'the ministry')).toEqual(src.refsOf(...UNNAMED));
      expect(await src.bySource(log, 'MoD')).toEqual([]);
    });

    it('with other filters, every condition holds together', async () => {
      const since = new Date(T0 + DAY);
      expect((await allRefs(log, k, { source: ['Russian MoD'], since })).sort()).toEqual(src.refsOf(RU[1]));
      expect((await allRefs(log, k, { source: ['Russian MoD'], words: ['drones'] })).sort()).toEqual(src.refsOf(RU[0]));
      expect(await allRefs(log, { ...k, channel: k.channel + '-other' }, { source: ['Russian MoD'] })).toEqual([]);
    });
  });

  describe('words and phrases', () => {
    const withWords = (...ws: string[]) => (e: Entry) => ws.every((w) => hasRun(claimWords(e.claim), words(w)));

    it('a free word matches the claim text, source, conduit or entities, case and accents aside', async () => {
      expect(await found({ words: ['bridge'] })).toEqual(expected(withWords('bridge')));
      expect(await found({ words: ['KHERSON'] })).toEqual(expected(withWords('kherson')));
      expect(await found({ words: ['Khérson'] })).toEqual(expected(withWords('kherson')));
      // Reuters is only the conduit of its claim.
      expect(await found({ words: ['reuters'] })).toEqual(expected(withWords('reuters')));
    });

    it('several words must all appear', async () => {
      expect(await found({ words: ['bridge', 'kherson'] })).toEqual(expected(withWords('bridge', 'kherson')));
      expect(await found({ words: ['bridge', 'inflation'] })).toEqual([]);
    });

    it('a phrase must appear as written, word for word', async () => {
      expect(await found({ phrases: ['power plant'] })).toEqual(expected(withWords('power plant')));
      expect(await found({ phrases: ['plant power'] })).toEqual([]);
      expect(await found({ phrases: ['power plant'], words: ['odesa'] })).toEqual(expected(withWords('power plant', 'odesa')));
    });

    it('punctuation alone asks for nothing', async () => {
      expect((await log.queryClaims(key, query({ words: ['—'] }))).total).toBe(entries.length);
    });

    it('best first: the claim about the bridge most ranks above newer ones that mention it once', async () => {
      const res = await log.queryClaims(key, query({ words: ['bridge'] }));
      expect(res.hits.length).toBeGreaterThan(1);
      expect(res.hits[0].reportId).toBe(ids[0]);
      for (let i = 1; i < res.hits.length; i++) expect(res.hits[i - 1].score).toBeGreaterThanOrEqual(res.hits[i].score);
    });

    it('without words, newest first', async () => {
      const res = await log.queryClaims(key, query({ pageSize: 100 }));
      const times = res.hits.map((h) => h.postedAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(res.hits[0].reportId).toBe(ids[ids.length - 1]);
    });

    it('a hit carries what /claims shows', async () => {
      const res = await log.queryClaims(key, query({ source: ['petrenko'] }));
      const c = SUMMARIES[2].claims.find((x) => x.source?.name.includes('Petrenko'))!;
      expect(res.hits[0]).toMatchObject({
        reportId: ids[2],
        claimId: c.id,
        text: c.text,
        source: { name: c.source!.name, type: c.source!.type },
        conduit: c.conduit?.name ?? null,
        cue: c.cue ? { text: c.cue.text, stance: c.cue.stance } : null,
        hedges: c.hedges.map((h) => h.text),
        category: c.category,
        places: places(c).length ? c.entities.filter((e) => e.type === 'place').map((e) => e.text) : [],
        quote: c.quote,
        user: 'U2',
        postedAt: new Date(T0 + 2 * DAY),
      });
    });
  });

  describe('paging', () => {
    it('pages cover every match once, with the total and page count', async () => {
      const all = entries.map((e) => e.ref).sort();
      const first = await log.queryClaims(key, query({ pageSize: 4 }));
      expect(first.total).toBe(entries.length);
      expect(first.pages).toBe(Math.ceil(entries.length / 4));
      expect(first.hits).toHaveLength(4);
      const refs = await allRefs(log, key, {}, 4);
      expect(new Set(refs).size).toBe(refs.length);
      expect([...refs].sort()).toEqual(all);
      const past = await log.queryClaims(key, query({ page: first.pages + 1, pageSize: 4 }));
      expect(past.hits).toEqual([]);
      expect(past.total).toBe(entries.length);
    });

    it('with more matches than the ranking window: the newest are ranked first, the rest follow, none lost', async () => {
      const small = await store.open('rank_window=3');
      try {
        const k = freshKey('window');
        const reps = FIXTURES.map((f, i) => newReport(k, f, SUMMARIES[i]));
        for (const r of reps) await small.add(r);
        const matches = entries.filter((e) => hasRun(claimWords(e.claim), ['the'])).sort((a, b) => b.postedMs - a.postedMs);
        expect(matches.length).toBeGreaterThan(4);
        const refs = await allRefs(small, k, { words: ['the'] }, 2);
        expect(refs).toHaveLength(matches.length);
        expect(new Set(refs).size).toBe(refs.length);
        // The first three hits are the three newest matches (in ranked order); the rest come newest first.
        const newest3 = matches.slice(0, 3).map((m) => m.postedMs);
        const posted = await Promise.all(refs.map(async (r) => (await small.get(k, r.split('/')[0]))!.postedAt.getTime()));
        expect([...posted.slice(0, 3)].sort()).toEqual([...newest3].sort());
        expect(posted.slice(3)).toEqual([...posted.slice(3)].sort((a, b) => b - a));
      } finally {
        await small.close();
      }
    });
  });

  describe('sources, forget, retention, export', () => {
    it('sources: claim and report counts per source, most claims first, with a since filter', async () => {
      const tally = (since = -Infinity) => {
        const m = new Map<string, { claims: number; reports: Set<number>; last: number }>();
        for (const e of entries) {
          if (!e.claim.source || e.postedMs < since) continue;
          const k = `${e.claim.source.name}|${e.claim.source.type}`;
          const t = m.get(k) ?? { claims: 0, reports: new Set(), last: 0 };
          t.claims++;
          t.reports.add(e.fixture.day);
          t.last = Math.max(t.last, e.postedMs);
          m.set(k, t);
        }
        return m;
      };
      const got = await log.sources(key);
      const want = tally();
      expect(got).toHaveLength(want.size);
      for (const s of got) {
        const t = want.get(`${s.name}|${s.type}`)!;
        expect(t).toBeDefined();
        expect({ claims: s.claims, reports: s.reports, last: s.lastSeen.getTime() }).toEqual({ claims: t.claims, reports: t.reports.size, last: t.last });
      }
      for (let i = 1; i < got.length; i++) expect(got[i - 1].claims).toBeGreaterThanOrEqual(got[i].claims);
      const since = new Date(T0 + 4 * DAY);
      const recent = await log.sources(key, { since });
      expect(recent.length).toBe(tally(since.getTime()).size);
      expect(recent.length).toBeLessThan(got.length);
    });

    it('forget removes one report and its claims', async () => {
      const k = freshKey('forget');
      const a = await log.add(newReport(k, FIXTURES[5], SUMMARIES[5]));
      const b = await log.add(newReport(k, FIXTURES[2], SUMMARIES[2]));
      expect(await log.forget(k, a.report.id)).toBe(true);
      expect(await log.get(k, a.report.id)).toBeNull();
      expect(await log.count(k)).toBe(1);
      const left = await allRefs(log, k, {});
      expect(left.every((r) => r.startsWith(`${b.report.id}/`))).toBe(true);
      expect((await log.queryClaims(k, query({ words: ['bridge'] }))).total).toBe(0);
      expect((await log.sources(k)).some((s) => s.name.includes('Sirko'))).toBe(false);
      expect(await log.forget(k, a.report.id)).toBe(false);
      // Once forgotten, the same text may be stored again.
      expect((await log.add(newReport(k, FIXTURES[5], SUMMARIES[5]))).duplicate).toBe(false);
    });

    it('purge removes the reports posted before a date and says how many', async () => {
      const k = freshKey('purge');
      for (let i = 0; i < FIXTURES.length; i++) await log.add(newReport(k, FIXTURES[i], SUMMARIES[i]));
      const cut = new Date(T0 + 3 * DAY);
      expect(await log.purge(k, cut)).toBe(3);
      expect(await log.count(k)).toBe(FIXTURES.length - 3);
      const left = await log.queryClaims(k, query({ pageSize: 100 }));
      expect(left.total).toBe(entries.filter((e) => e.postedMs >= cut.getTime()).length);
      expect(left.hits.every((h) => h.postedAt >= cut)).toBe(true);
      expect((await log.sources(k)).every((s) => s.lastSeen >= cut)).toBe(true);
      expect(await log.purge(k, cut)).toBe(0);
    });

    it('export: oldest first whatever the order of adding, with since/until', async () => {
      const k = freshKey('export');
      for (const i of [3, 0, 5, 1, 4, 2]) await log.add(newReport(k, FIXTURES[i], SUMMARIES[i]));
      const got = [];
      for await (const r of log.export(k)) got.push(r);
      expect(got.map((r) => r.text)).toEqual(FIXTURES.map((f) => f.text));
      expect(got[1].summary).toEqual(SUMMARIES[1]);
      const some = [];
      for await (const r of log.export(k, { since: new Date(T0 + 2 * DAY), until: new Date(T0 + 4 * DAY) })) some.push(r.text);
      expect(some).toEqual(FIXTURES.slice(2, 5).map((f) => f.text));
    });

    it('export streams a long log in order, reports posted at the same moment included', async () => {
      const k = freshKey('long');
      const n = 1203;
      const at = (i: number) => new Date(T0 + Math.floor(i / 7) * 1000);
      const batch = Array.from({ length: n }, (_, i) => ({ ...newReport(k, FIXTURES[i % 6], SUMMARIES[i % 6]), text: `${FIXTURES[i % 6].text} (${i})`, postedAt: at(i) }));
      await log.addMany!(batch);
      let i = 0;
      let last = -Infinity;
      for await (const r of log.export(k)) {
        expect(r.postedAt.getTime()).toBeGreaterThanOrEqual(last);
        last = r.postedAt.getTime();
        i++;
      }
      expect(i).toBe(n);
    });
  });

  describe('channel isolation', () => {
    const same = (k: ChannelKey): ChannelKey[] => [
      { ...k, channel: k.channel + '-other' },
      { ...k, workspace: 'T2' },
      { ...k, platform: 'discord' },
    ];

    it('no other channel, workspace or platform ever sees an entry, not even by its id', async () => {
      const k = freshKey('iso');
      const mine = [];
      for (let i = 0; i < FIXTURES.length; i++) mine.push((await log.add(newReport(k, FIXTURES[i], SUMMARIES[i]))).report.id);
      for (const other of same(k)) {
        // Each neighbour has a log of its own: one report, on another subject.
        const text = 'The central bank said interest rates would stay unchanged.';
        const own = await log.add({ ...newReport(other, FIXTURES[4], summarize(text)), text });
        const ownRef = (r: string) => r.startsWith(`${own.report.id}/`);
        expect(await log.count(other)).toBe(1);
        expect((await allRefs(log, other, {})).every(ownRef)).toBe(true);
        expect((await log.queryClaims(other, query({ words: ['bridge'] }))).total).toBe(0);
        expect((await log.queryClaims(other, query({ place: ['kherson'] }))).total).toBe(0);
        expect((await log.sources(other)).map((s) => s.name)).toEqual(summarize(text).sources.map((s) => s.name));
        const exported = [];
        for await (const r of log.export(other)) exported.push(r.id);
        expect(exported).toEqual([own.report.id]);
        for (const id of mine) {
          expect(await log.get(other, id)).toBeNull();
          expect(await log.forget(other, id)).toBe(false);
        }
        expect(await log.purge(other, new Date(T0 - DAY))).toBe(0);
      }
      expect(await log.count(k)).toBe(FIXTURES.length);
      for (const id of mine) expect(await log.get(k, id)).not.toBeNull();
    });

    it('the same text in two channels is two entries; each channel sees only its own', async () => {
      const k = freshKey('iso2');
      const [other] = same(k);
      const a = await log.add(newReport(k, FIXTURES[1], SUMMARIES[1]));
      const b = await log.add(newReport(other, FIXTURES[1], SUMMARIES[1]));
      expect(b.duplicate).toBe(false);
      await log.add(newReport(other, FIXTURES[4], SUMMARIES[4]));
      const mineRefs = await allRefs(log, k, {});
      expect(mineRefs.every((r) => r.startsWith(`${a.report.id}/`))).toBe(true);
      expect((await log.queryClaims(k, query({ words: ['inflation'] }))).total).toBe(0);
      expect(await log.forget(other, b.report.id)).toBe(true);
      expect(await log.get(k, a.report.id)).not.toBeNull();
    });
  });

  describe('durability', () => {
    it('a report is stored once add resolves: a writer killed right after loses nothing', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'claimdesk-crash-'));
      try {
        const texts = FIXTURES.map((f) => f.text);
        writeFileSync(join(dir, 'texts.json'), JSON.stringify(texts));
        const channel = `crash-${process.pid}-${Date.now()}`;
        const child = run(process.execPath, ['--import', 'tsx', 'test/helpers/log-writer.ts', '--store', store.sharedUrl, '--channel', channel, '--texts', join(dir, 'texts.json'), '--crash'], { timeout: 60_000 });
        const err = await child.then(() => null, (e: { signal?: string; stdout?: string }) => e);
        expect(err?.signal).toBe('SIGKILL');
        const said = (err!.stdout ?? '').trim().split('\n').map((l) => JSON.parse(l) as { id: string });
        expect(said).toHaveLength(texts.length);
        const reader = await openChannelLog(store.sharedUrl);
        try {
          const k = { platform: 'cli', workspace: 'local', channel };
          expect(await reader.count(k)).toBe(texts.length);
          for (const s of said) expect(await reader.get(k, s.id)).not.toBeNull();
        } finally {
          await reader.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);
  });
}

// --- SQLite ---------------------------------------------------------------------------------------------------

const sqliteDir = mkdtempSync(join(tmpdir(), 'claimdesk-log-'));
afterAll(() => rmSync(sqliteDir, { recursive: true, force: true }));

describe('channel log on SQLite', () => {
  behaviour({
    open: (options) => openChannelLog(`sqlite::memory:${options ? `?${options}` : ''}`),
    sharedUrl: `sqlite:${join(sqliteDir, 'shared.db')}`,
  });

  it('creates its file and folder on first use and finds the entries again after reopening', async () => {
    const url = `sqlite:${join(sqliteDir, 'new', 'deeper', 'log.db')}`;
    const k = freshKey('reopen');
    const first = await openChannelLog(url);
    const { report } = await first.add(newReport(k, FIXTURES[5], SUMMARIES[5]));
    await first.close();
    const again = await openChannelLog(url);
    expect((await again.get(k, report.id))?.text).toBe(FIXTURES[5].text);
    expect((await again.queryClaims(k, query({ words: ['bridge'] }))).total).toBeGreaterThan(0);
    await again.close();
  });

  it('rebuilds its search index from the stored reports when the file has an older one; refuses a newer file', async () => {
    const path = join(sqliteDir, 'old-index.db');
    const k = freshKey('reindex');
    const first = await openChannelLog(`sqlite:${path}`);
    for (let i = 0; i < FIXTURES.length; i++) await first.add(newReport(k, FIXTURES[i], SUMMARIES[i]));
    const before = await allRefs(first, k, { words: ['bridge'] });
    await first.close();
    // An index of another layout: gone, and the file says it is older.
    const raw = new Database(path);
    raw.exec('DROP TRIGGER claims_fts_delete; DROP TABLE claims_fts; PRAGMA user_version = 1;');
    raw.close();
    const again = await openChannelLog(`sqlite:${path}`);
    expect(await allRefs(again, k, { words: ['bridge'] })).toEqual(before);
    expect((await again.queryClaims(k, query({ place: ['kherson'], by: ['U2'] }))).total).toBeGreaterThan(0);
    await again.close();
    const newer = new Database(path);
    newer.pragma('user_version = 99');
    newer.close();
    await expect(openChannelLog(`sqlite:${path}`)).rejects.toThrow(/newer ClaimDesk/);
  });

  it('a file whose index has no source keys (older ClaimDesk, or other naming rules) gets them on open', async () => {
    const path = join(sqliteDir, 'no-source-keys.db');
    const k = freshKey('old-keys');
    const first = await openChannelLog(`sqlite:${path}`);
    const src = await addSourceReports(first, k);
    const ministry = await src.bySource(first, 'ministry');
    await first.close();
    // An index as an older ClaimDesk wrote it, without source keys (and, to be sure it is rebuilt, without words).
    const stripIndex = (more: string) => {
      const raw = new Database(path);
      raw.exec(`DROP TABLE claims_fts;
        CREATE VIRTUAL TABLE claims_fts USING fts5(body, src, place, tags, content = '', contentless_delete = 1, tokenize = "unicode61 tokenchars '_'");
        INSERT INTO claims_fts (rowid, body, src, place, tags) SELECT key, '', '', '', 'k' || chan || '_all' FROM claims; ${more}`);
      raw.close();
    };
    const reopened = async () => {
      const log = await openChannelLog(`sqlite:${path}`);
      try {
        return { ru: await src.bySource(log, 'Russian MoD'), ministry: await src.bySource(log, 'ministry') };
      } finally {
        await log.close();
      }
    };
    // The stripped index is kept when the file claims to be current: the stripping is real.
    stripIndex('');
    expect(await reopened()).toEqual({ ru: [], ministry: [] });
    // Written by the previous layout (index 2, no meta table): rebuilt with keys.
    stripIndex('DROP TABLE meta; PRAGMA user_version = 2;');
    expect(await reopened()).toEqual({ ru: src.refsOf(...RU), ministry });
    // Keys made under other naming rules: rebuilt.
    stripIndex("UPDATE meta SET value = 'other rules' WHERE name = 'source_keys';");
    expect(await reopened()).toEqual({ ru: src.refsOf(...RU), ministry });
  });

  it('a file that cannot be created is StoreUnavailableError', async () => {
    writeFileSync(join(sqliteDir, 'plain-file'), 'x');
    await expect(openChannelLog(`sqlite:${join(sqliteDir, 'plain-file', 'log.db')}`)).rejects.toBeInstanceOf(StoreUnavailableError);
    writeFileSync(join(sqliteDir, 'not-a-db.db'), 'this is not a database file, just some text that is long enough to have a header');
    await expect(openChannelLog(`sqlite:${join(sqliteDir, 'not-a-db.db')}`)).rejects.toThrow(/not a ClaimDesk database/);
  });

  it('a full store refuses the write with StoreUnavailableError, keeps what it had, and works on after space is freed', async () => {
    const log = await openChannelLog(`sqlite:${join(sqliteDir, 'small.db')}?max_mb=0.25`);
    const k = freshKey('full');
    const stored: string[] = [];
    let error: unknown = null;
    for (let i = 0; i < 500 && !error; i++) {
      try {
        stored.push((await log.add({ ...newReport(k, FIXTURES[i % 6], SUMMARIES[i % 6]), text: `${FIXTURES[i % 6].text} (${i})`, postedAt: new Date(T0 + i) })).report.id);
      } catch (e) {
        error = e;
      }
    }
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/full/);
    expect(await log.count(k)).toBe(stored.length);
    for (const id of stored) expect(await log.get(k, id)).not.toBeNull();
    // The failed report left no claims behind.
    const claims = stored.length && (await log.queryClaims(k, query({ pageSize: 1 }))).total;
    const perReport = (i: number) => SUMMARIES[i % 6].claims.length;
    expect(claims).toBe(stored.reduce((n, _, i) => n + perReport(i), 0));
    expect(await log.purge(k, new Date(T0 + 50))).toBe(50);
    await expect(log.add({ ...newReport(k, FIXTURES[0], SUMMARIES[0]), text: 'A fresh report after the purge. The mayor said the bridge reopened.' })).resolves.toMatchObject({ duplicate: false });
    await log.close();
  });

  it('a closed store says so', async () => {
    const log = await openChannelLog('sqlite::memory:');
    await log.close();
    await expect(log.count(freshKey('closed'))).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('rejects an unknown connection string plainly', async () => {
    await expect(openChannelLog('mysql://localhost/x')).rejects.toThrow(/Unknown channel log store "mysql:…"/);
  });
});

// --- Postgres -------------------------------------------------------------------------------------------------

const pgDown = await postgresDown();
const schema = `claimdesk_test_${process.pid}_${Date.now()}`;
const pgUrl = (options = '') => `${TEST_POSTGRES}?schema=${schema}${options ? `&${options}` : ''}`;

describeWithService('channel log on Postgres', pgDown, () => {
  afterAll(() => dropSchemas([schema, `${schema}_old`]));

  behaviour({ open: (options) => openChannelLog(pgUrl(options)), sharedUrl: pgUrl() });

  it('a log without source keys (older ClaimDesk, or other naming rules) gets them on open; a newer layout is refused', async () => {
    const old = `${schema}_old`;
    const url = `${TEST_POSTGRES}?schema=${old}`;
    const k = freshKey('old-keys');
    const admin = new pg.Client({ connectionString: TEST_POSTGRES });
    await admin.connect();
    try {
      const first = await openChannelLog(url);
      const src = await addSourceReports(first, k);
      const ministry = await src.bySource(first, 'ministry');
      await first.close();
      const reopened = async () => {
        const log = await openChannelLog(url);
        try {
          return { ru: await src.bySource(log, 'Russian MoD'), ministry: await src.bySource(log, 'ministry') };
        } finally {
          await log.close();
        }
      };
      // The tables as an older ClaimDesk made them: no source_key column, no meta table.
      await admin.query(`ALTER TABLE "${old}".claims DROP COLUMN source_key; DROP TABLE "${old}".meta`);
      expect(await reopened()).toEqual({ ru: src.refsOf(...RU), ministry });
      // Keys made under other naming rules (here: none at all) are made again.
      await admin.query(`UPDATE "${old}".claims SET source_key = NULL; UPDATE "${old}".meta SET value = 'other rules' WHERE name = 'source_keys'`);
      expect(await reopened()).toEqual({ ru: src.refsOf(...RU), ministry });
      // With the rules current, stored keys are used as they are: clearing them shows it.
      await admin.query(`UPDATE "${old}".claims SET source_key = NULL`);
      expect(await reopened()).toEqual({ ru: [], ministry });
      await admin.query(`UPDATE "${old}".meta SET value = '99' WHERE name = 'schema'`);
      await expect(openChannelLog(url)).rejects.toThrow(/newer ClaimDesk/);
    } finally {
      await admin.end();
    }
  });

  it('a server that cannot be reached is StoreUnavailableError', async () => {
    const err = await openChannelLog('postgres://postgres@127.0.0.1:1/test?schema=nowhere').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect((err as Error).message).toMatch(/cannot be reached/);
  });

  it('connects again after its connections were cut', async () => {
    const app = `claimdesk-test-${process.pid}`;
    const log = await openChannelLog(pgUrl(`application_name=${app}`));
    const k = freshKey('reconnect');
    await log.add(newReport(k, FIXTURES[0], SUMMARIES[0]));
    const admin = new pg.Client({ connectionString: TEST_POSTGRES });
    await admin.connect();
    const cut = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [app]);
    await admin.end();
    expect(cut.rowCount).toBeGreaterThan(0);
    const b = await log.add(newReport(k, FIXTURES[1], SUMMARIES[1]));
    expect(b.duplicate).toBe(false);
    expect(await log.count(k)).toBe(2);
    await log.close();
  });
});
