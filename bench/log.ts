// npm run bench:log [-- --reports N] [--pool P] [--queries Q] [--adds A] [--seed S] [--keep DIR] [--json FILE]
// The channel log's figures (issue 3), on the embedded SQLite store, in a temporary file:
//   (a) batch ingest: reports/s through addMany (1,000 per transaction) while building one channel of N reports
//       (default 100,000). Extraction is excluded: a pool of P synthetic ~80-word reports (bench/corpus.ts) is
//       summarised first; the channel's reports are those texts, each made distinct by a desk note appended
//       ("(desk copy n)"), with their real summaries, posted over a year by 20 users.
//   (b) one report's store-and-answer path: add() (its own transaction, on disk before it resolves) plus the
//       reply drawn as text; p95 over A reports into the full channel. Extraction excluded.
//   (c) /claims on the full channel, from a fresh process (a restart): the first query after opening, then p95
//       of Q single-word, Q multi-word (a third of them "phrases") and Q filtered queries, words drawn from the
//       claims' own words weighted by how often they occur (common words come up most); and that process's
//       peak RSS. /claims queries are built as the parser's ClaimQuery directly (parsing is not timed).
//   (d) peak RSS of this process (engine loaded, channel built, adds done).
//   (e) in the query process, /claims as users get it: the single-word queries again, each with the
//       "also reported in" / "disputed by" lookups for its page of hits (src/matching/cross-refs.ts), and
//       /report's lookups for the first hit's report.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openChannelLog } from '../src/channel-log/index.ts';
import { searchWords } from '../src/channel-log/text.ts';
import type { ChannelKey, ClaimQuery, NewReport } from '../src/channel-log/types.ts';
import { renderText } from '../src/render/text.ts';
import { summaryReply } from '../src/reply.ts';
import type { Category, SourceType, Summary } from '../src/schema.ts';
import { scriptArgs } from '../src/script-args.ts';
import { generateReports, rng } from './corpus.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { has, opt } = scriptArgs();
const now = () => performance.now();
const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] : NaN;
};
const rssMb = () => process.resourceUsage().maxRSS / 1024;

const TARGETS = { ingestPerS: 1000, addP95Ms: 10, queryP95Ms: 50, firstQueryMs: 2000, rssMb: 500 };
const KEY: ChannelKey = { platform: 'slack', workspace: 'T-BENCH', channel: 'C-BENCH' };
const YEAR = 365 * 86_400_000;
const PAGE_SIZE = 10;

// Words too common to be what anyone searches for; the query sets draw from the rest.
const STOP = new Set('a an the of in on at to by for from with and or that this its it his her their he she they was were is are be been has had have will would could may said says'.split(' '));

interface QuerySet {
  name: string;
  queries: ClaimQuery[];
}

// --- (c) the query process ---------------------------------------------------------------------------------
if (has('child')) {
  const sets = JSON.parse(process.env.CLAIMDESK_BENCH_QUERIES ?? '[]', (k, v) => ((k === 'since' || k === 'until') && v ? new Date(v) : v)) as QuerySet[];
  const t0 = now();
  const log = await openChannelLog(`sqlite:${opt('child')}`);
  const first = await log.queryClaims(KEY, sets[0].queries[0]);
  const firstMs = now() - t0;
  const out: Record<string, unknown> = { firstMs, firstTotal: first.total };
  for (const set of sets) {
    const ms: number[] = [];
    let hits = 0;
    let empty = 0;
    for (const q of set.queries) {
      const t = now();
      const page = await log.queryClaims(KEY, q);
      ms.push(now() - t);
      hits += page.total;
      if (page.total === 0) empty++;
    }
    out[set.name] = { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: Math.max(...ms), meanTotal: hits / set.queries.length, empty };
  }
  // (e) the same single-word queries with each hit's cross-references; then /report's for the first hit's report.
  const { crossRefsForHits, crossRefsForReport } = await import('../src/matching/cross-refs.ts');
  const withRefs: number[] = [];
  const refsAlone: number[] = [];
  const reportMs: number[] = [];
  let refs = 0;
  for (const q of sets[0].queries) {
    const t = now();
    const page = await log.queryClaims(KEY, q);
    const t1 = now();
    const found = await crossRefsForHits(log, KEY, page.hits);
    withRefs.push(now() - t);
    refsAlone.push(now() - t1);
    refs += found.reduce((n, r) => n + r.alsoIn.length + r.disputedBy.length, 0);
    if (page.hits[0]) {
      const t2 = now();
      const report = await log.get(KEY, page.hits[0].reportId);
      if (report) await crossRefsForReport(log, KEY, report, report.summary.claims.map((c) => c.id));
      reportMs.push(now() - t2);
    }
  }
  out.crossRefs = { p50: quantile(withRefs, 0.5), p95: quantile(withRefs, 0.95), max: Math.max(...withRefs), refsPerQuery: refs / withRefs.length, aloneP50: quantile(refsAlone, 0.5), aloneP95: quantile(refsAlone, 0.95) };
  out.reportRefs = { p50: quantile(reportMs, 0.5), p95: quantile(reportMs, 0.95), max: Math.max(...reportMs) };
  await log.close();
  out.rssMb = rssMb();
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
}

// --- setup ---------------------------------------------------------------------------------------------------
const nReports = Number(opt('reports') ?? 100_000);
const poolSize = Number(opt('pool') ?? 5_000);
const nQueries = Number(opt('queries') ?? 200);
const nAdds = Number(opt('adds') ?? 300);
const seed = Number(opt('seed') ?? 20260301);
const dir = opt('keep') ? resolve(opt('keep')!) : mkdtempSync(join(tmpdir(), 'claimdesk-bench-log-'));
mkdirSync(dir, { recursive: true });
const file = join(dir, 'log.db');
rmSync(file, { force: true });
rmSync(`${file}-wal`, { force: true });
rmSync(`${file}-shm`, { force: true });

const { summarize } = await import('../src/summarize.ts');
let t = now();
const texts = generateReports(poolSize, 80, seed);
const pool: Summary[] = texts.map((x) => summarize(x));
const poolClaims = pool.reduce((n, s) => n + s.claims.length, 0);
console.log(`pool: ${poolSize} synthetic reports (~80 words), ${poolClaims} claims, summarised in ${((now() - t) / 1000).toFixed(1)} s (not timed below)`);

const start = Date.now() - YEAR;
const report = (i: number): NewReport => ({
  key: KEY,
  text: `${texts[i % poolSize]}\n(desk copy ${i})`,
  summary: pool[i % poolSize],
  user: `U${i % 20}`,
  userName: `reporter ${i % 20}`,
  link: `https://example.test/archives/C-BENCH/p${i}`,
  postedAt: new Date(start + Math.floor((i * YEAR) / nReports)),
});

// --- (a) batch ingest ------------------------------------------------------------------------------------
const log = await openChannelLog(`sqlite:${file}`);
const BATCH = 1000;
t = now();
for (let i = 0; i < nReports; i += BATCH) {
  await log.addMany(Array.from({ length: Math.min(BATCH, nReports - i) }, (_, k) => report(i + k)));
}
const ingestS = (now() - t) / 1000;
const ingestRate = nReports / ingestS;
const claimsStored = poolClaims * Math.floor(nReports / poolSize) + pool.slice(0, nReports % poolSize).reduce((n, s) => n + s.claims.length, 0);
console.log(`ingest: ${nReports.toLocaleString('en-US')} reports (${claimsStored.toLocaleString('en-US')} claims) in ${ingestS.toFixed(1)} s`);

// --- (b) single report store-and-answer --------------------------------------------------------------------
const addMs: number[] = [];
for (let k = 0; k < nAdds; k++) {
  const r = { ...report(nReports + k), postedAt: new Date() };
  const t0 = now();
  const res = await log.add(r);
  renderText(summaryReply(res.report.summary));
  addMs.push(now() - t0);
}
await log.close();

// --- (c) queries, from a fresh process -----------------------------------------------------------------------
const r = rng(seed + 1);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
// Every claim word occurrence once: drawing from it picks words as often as they occur.
const occurrences: string[] = [];
const claimWordLists: string[][] = [];
const claimTexts: string[][] = [];
for (const s of pool) {
  for (const c of s.claims) {
    const all = searchWords(c.text);
    const ws = all.filter((w) => !STOP.has(w) && w.length > 2);
    if (ws.length) claimWordLists.push(ws);
    if (all.length >= 3) claimTexts.push(all);
    occurrences.push(...ws);
  }
}
const claimsOf = pool.flatMap((s) => s.claims);
const sources = claimsOf.filter((c) => c.source).map((c) => searchWords(c.source!.name).filter((w) => !STOP.has(w)).slice(-1)[0]).filter(Boolean);
const places = claimsOf.flatMap((c) => c.entities.filter((e) => e.type === 'place').map((e) => e.text));
const types = claimsOf.filter((c) => c.source).map((c) => c.source!.type as SourceType);
const categories = claimsOf.map((c) => c.category as Category);
const base = (): ClaimQuery => ({ words: [], phrases: [], page: 1, pageSize: PAGE_SIZE });
const filters: (() => Partial<ClaimQuery>)[] = [
  () => ({ source: [pick(sources)] }),
  () => ({ type: [pick(types)] }),
  () => ({ place: [pick(places)] }),
  () => ({ category: [pick(categories)] }),
  () => ({ since: new Date(Date.now() - 7 * 86_400_000) }),
  () => ({ since: new Date(Date.now() - 30 * 86_400_000), hedged: true }),
  () => ({ by: [`U${Math.floor(r() * 20)}`], unattributed: false }),
];
const sets: QuerySet[] = [
  { name: 'single word', queries: Array.from({ length: nQueries }, () => ({ ...base(), words: [pick(occurrences)] })) },
  {
    name: 'multi-word',
    queries: Array.from({ length: nQueries }, () => {
      const ws = pick(claimWordLists.filter((l) => l.length >= 2));
      const a = Math.floor(r() * (ws.length - 1));
      if (r() < 0.3) {
        // a "quoted phrase": two or three words as they stand in a claim
        const all = pick(claimTexts);
        const b = Math.floor(r() * (all.length - 2));
        return { ...base(), phrases: [all.slice(b, b + 2 + Math.floor(r() * 2)).join(' ')] };
      }
      return { ...base(), words: ws.slice(a, a + 2 + Math.floor(r() * 2)) };
    }),
  },
  {
    name: 'filtered',
    queries: Array.from({ length: nQueries }, () => {
      const f = pick(filters)();
      return r() < 0.5 ? { ...base(), ...f } : { ...base(), ...f, words: [pick(occurrences)] };
    }),
  },
];
const counts = new Map<string, number>();
for (const w of occurrences) counts.set(w, (counts.get(w) ?? 0) + 1);
const commonest = [...counts].sort((a, b) => b[1] - a[1])[0][0];
sets.push({ name: `commonest word ("${commonest}")`, queries: Array.from({ length: 20 }, () => ({ ...base(), words: [commonest] })) });

const child = await new Promise<Record<string, any>>((done, fail) => {
  const p = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/log.ts'), '--child', file], {
    cwd: ROOT,
    env: { ...process.env, CLAIMDESK_BENCH_QUERIES: JSON.stringify(sets) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  p.stdout.on('data', (d) => (out += d));
  p.on('error', fail);
  p.on('close', (code) => (code === 0 ? done(JSON.parse(out)) : fail(new Error(`query process exited with ${code}`))));
});
const parentRss = rssMb();
if (!opt('keep')) rmSync(dir, { recursive: true, force: true });

// --- report --------------------------------------------------------------------------------------------------
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const ms = (x: number) => `${x.toFixed(1)} ms`;
console.log(`\nChannel log benchmark (SQLite, node ${process.version}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} CPUs)`);
console.log(`/claims on ${nReports.toLocaleString('en-US')} reports, page size ${PAGE_SIZE}, from a fresh process:`);
for (const s of sets) {
  const f = child[s.name];
  console.log(`  ${s.name.padEnd(34)} p50 ${ms(f.p50).padStart(9)}  p95 ${ms(f.p95).padStart(9)}  max ${ms(f.max).padStart(9)}  mean matches ${Math.round(f.meanTotal).toLocaleString('en-US')}, ${f.empty} of ${s.queries.length} empty`);
}
const judged = sets.slice(0, 3).map((s) => child[s.name].p95 as number);
const x = child.crossRefs;
console.log(`  ${'single word + cross-references'.padEnd(34)} p50 ${ms(x.p50).padStart(9)}  p95 ${ms(x.p95).padStart(9)}  max ${ms(x.max).padStart(9)}  ${x.refsPerQuery.toFixed(1)} cross-references a page`);
console.log(`  ${'  of which the cross-references'.padEnd(34)} p50 ${ms(x.aloneP50).padStart(9)}  p95 ${ms(x.aloneP95).padStart(9)}`);
console.log(`  ${'/report cross-references'.padEnd(34)} p50 ${ms(child.reportRefs.p50).padStart(9)}  p95 ${ms(child.reportRefs.p95).padStart(9)}  max ${ms(child.reportRefs.max).padStart(9)}`);
const rows: [string, string, string, boolean][] = [
  ['batch ingest (addMany, 1,000 per transaction)', `${Math.round(ingestRate).toLocaleString('en-US')} reports/s`, `≥ ${TARGETS.ingestPerS.toLocaleString('en-US')}/s`, ingestRate >= TARGETS.ingestPerS],
  ['one report: add + reply, p95', ms(quantile(addMs, 0.95)), `< ${TARGETS.addP95Ms} ms`, quantile(addMs, 0.95) < TARGETS.addP95Ms],
  ...sets.slice(0, 3).map((s, i): [string, string, string, boolean] => [`/claims ${s.name}, p95`, ms(judged[i]), `< ${TARGETS.queryP95Ms} ms`, judged[i] < TARGETS.queryP95Ms]),
  ['/claims single word + cross-references, p95', ms(x.p95), `< ${TARGETS.queryP95Ms} ms`, x.p95 < TARGETS.queryP95Ms],
  ['first query after reopening (fresh process)', ms(child.firstMs), `< ${TARGETS.firstQueryMs} ms`, child.firstMs < TARGETS.firstQueryMs],
  ['peak RSS, query process', `${Math.round(child.rssMb)} MB`, `< ${TARGETS.rssMb} MB`, child.rssMb < TARGETS.rssMb],
  ['peak RSS, this process (engine, build, adds)', `${Math.round(parentRss)} MB`, `< ${TARGETS.rssMb} MB`, parentRss < TARGETS.rssMb],
];
console.log(`one report add + reply: p50 ${ms(quantile(addMs, 0.5))}, max ${ms(Math.max(...addMs))} over ${nAdds}`);
console.log('\nTargets');
for (const [what, got, target, ok] of rows) console.log(`  ${verdict(ok)}  ${what.padEnd(46)} ${got.padStart(16)}   (${target})`);
if (opt('json')) writeFileSync(opt('json')!, JSON.stringify({ ingestRate, addMs: { p50: quantile(addMs, 0.5), p95: quantile(addMs, 0.95) }, child, parentRss }, null, 2));
if (rows.some((x) => !x[3])) process.exitCode = 1;
