// npm run bench:digest [-- --reports N] [--pool P] [--history H] [--runs R] [--seed S] [--json FILE]
// The daily digest's figure (issue 6): a digest over N reports (default 2,000) posted in one day builds in under
// 1 s: buildDigest (read the day from the log, merge claims across reports, who says what, disputes, claims to
// check, new places and units looked up in the log) plus digestReplies (the summary and its details).
// Setup, not timed: a pool of P synthetic ~80-word reports (bench/corpus.ts) is summarised; by default P is the
// number of the day's reports, so no claim repeats another's words (the worst case for merging: with --pool 500 the
// day is those texts again and again, each made distinct by a desk note, as repeated wire copy is),
// by 20 users, over 24 hours; before them the channel has H reports (default 5,000) over the 30 days before, so
// the new-places look-ups search a real history. All in a temporary SQLite file, reopened before timing.
// The first run (cold: the log just opened) and the median and worst of R runs (default 3) are reported; the
// worst is judged against the target. The claim grouping (src/matching) is also timed alone after each run, so its share shows.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openChannelLog } from '../src/channel-log/index.ts';
import type { ChannelKey, NewReport } from '../src/channel-log/types.ts';
import { buildDigest, digestItems, groupDistinct } from '../src/digest/build.ts';
import { digestReplies } from '../src/digest/reply.ts';
import type { DigestPeriod } from '../src/digest/types.ts';
import type { Summary } from '../src/schema.ts';
import { scriptArgs } from '../src/script-args.ts';
import { generateReports } from './corpus.ts';

const TARGET_MS = 1000;
const DAY = 86_400_000;
const KEY: ChannelKey = { platform: 'slack', workspace: 'T-BENCH', channel: 'C-DIGEST' };
const { opt } = scriptArgs();
const nReports = Number(opt('reports') ?? 2000);
const poolSize = Number(opt('pool') ?? nReports);
const nHistory = Number(opt('history') ?? 5000);
const runs = Math.max(1, Number(opt('runs') ?? 3));
const seed = Number(opt('seed') ?? 20261130);
const now = () => performance.now();

// --- setup (not timed) -----------------------------------------------------------------------------------
const { summarize } = await import('../src/summarize.ts');
let t = now();
const texts = generateReports(poolSize + nHistory, 80, seed);
const summaries: Summary[] = texts.map((x) => summarize(x));
console.log(`pool: ${texts.length.toLocaleString('en-US')} synthetic reports (~80 words) summarised in ${((now() - t) / 1000).toFixed(1)} s (not timed)`);

const period: DigestPeriod = { date: '2026-11-30', timeZone: 'Europe/Kyiv', from: new Date('2026-11-29T22:00:00Z'), to: new Date('2026-11-30T22:00:00Z') };
const report = (i: number, text: number, postedAt: Date): NewReport => ({
  key: KEY,
  text: `${texts[text]}\n(desk copy ${i})`,
  summary: summaries[text],
  user: `U${i % 20}`,
  userName: `reporter ${i % 20}`,
  link: `https://example.test/archives/C-DIGEST/p${i}`,
  postedAt,
});
// History: the texts after the pool, once each, over the 30 days before the period.
const history = Array.from({ length: nHistory }, (_, k) => report(nReports + k, poolSize + k, new Date(period.from.getTime() - 30 * DAY + Math.floor((k * 30 * DAY) / nHistory))));
// The day: the pool's texts in turn, spread over the 24 hours.
const day = Array.from({ length: nReports }, (_, i) => report(i, i % poolSize, new Date(period.from.getTime() + Math.floor((i * DAY) / nReports))));

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-bench-digest-'));
const file = join(dir, 'log.db');
let log = await openChannelLog(`sqlite:${file}`);
for (const batch of [history, day]) for (let i = 0; i < batch.length; i += 1000) await log.addMany!(batch.slice(i, i + 1000));
await log.close();
log = await openChannelLog(`sqlite:${file}`);

// --- timed -----------------------------------------------------------------------------------------------
// The day's claims as the builder groups them, to time the matcher's share (src/matching groupClaims over the
// day's distinct claims) on its own after each run.
const dayItems = async () => {
  const reports = [];
  for await (const r of log.export(KEY, { since: period.from, until: new Date(period.to.getTime() - 1) })) reports.push(r);
  return digestItems(reports).items;
};
let items: Awaited<ReturnType<typeof dayItems>> = [];
const times: { build: number; replies: number; total: number; grouping: number }[] = [];
let last: Awaited<ReturnType<typeof buildDigest>> | null = null;
let parts = 0;
for (let k = 0; k < runs; k++) {
  const t0 = now();
  const d = await buildDigest(log, { key: KEY, period });
  const t1 = now();
  const r = digestReplies(d);
  const t2 = now();
  // Read after the first run, so that run finds the log just opened.
  if (k === 0) items = await dayItems();
  const t3 = now();
  groupDistinct(items);
  times.push({ build: t1 - t0, replies: t2 - t1, total: t2 - t0, grouping: now() - t3 });
  last = d;
  parts = 1 + r.details.length;
}
await log.close();
rmSync(dir, { recursive: true, force: true });

// --- report ----------------------------------------------------------------------------------------------
const d = last!;
const sorted = [...times].sort((a, b) => a.total - b.total);
const median = sorted[Math.floor((sorted.length - 1) / 2)];
const worst = sorted[sorted.length - 1];
const ms = (x: number) => `${x.toFixed(1)} ms`;
console.log(`\nDigest benchmark (SQLite, node ${process.version}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} CPUs)`);
console.log(
  `day: ${d.reports.length.toLocaleString('en-US')} reports (${poolSize} distinct texts), ${d.claimCount.toLocaleString('en-US')} claims → ` +
    `${d.claims.length.toLocaleString('en-US')} merged lines, ${d.sources.length} sources, ${d.disputes.length} disputes, ${d.toCheck.length} to check, ` +
    `${d.newPlaces.length} new places, ${d.newUnits.length} new units; ${parts} replies; history ${nHistory.toLocaleString('en-US')} reports`,
);
console.log(`  first run (log just opened)  build ${ms(times[0].build).padStart(9)}  replies ${ms(times[0].replies).padStart(8)}  total ${ms(times[0].total).padStart(9)}`);
console.log(`  median of ${runs}                build ${ms(median.build).padStart(9)}  replies ${ms(median.replies).padStart(8)}  total ${ms(median.total).padStart(9)}`);
const rest = times.map((x) => Math.max(0, x.total - x.grouping)).sort((a, b) => a - b);
const grouping = times.map((x) => x.grouping).sort((a, b) => a - b);
console.log(`  claim grouping alone (src/matching groupClaims over ${new Set(items.map((i) => JSON.stringify(i.claim.text))).size.toLocaleString('en-US')} distinct claim texts), median ${ms(grouping[Math.floor((runs - 1) / 2)])};`);
console.log(`  the rest of build + replies (total − grouping), median ${ms(rest[Math.floor((runs - 1) / 2)])}`);
const ok = worst.total < TARGET_MS && times[0].total < TARGET_MS;
const judged = Math.max(worst.total, times[0].total);
console.log('\nTargets');
console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${`digest over ${nReports.toLocaleString('en-US')} reports in a day (build + replies), worst of ${runs}`.padEnd(62)} ${ms(judged).padStart(10)}   (< ${TARGET_MS} ms)`);
if (opt('json')) writeFileSync(opt('json')!, JSON.stringify({ reports: nReports, pool: poolSize, history: nHistory, times }, null, 2));
if (!ok) process.exitCode = 1;
