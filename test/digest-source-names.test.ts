// The digest groups sources across reports by sourceKey (src/matching/source-names.ts): a real channel log
// (SQLite in memory) with real engine summaries of invented reports (test/fixtures/source-name-reports.ts) that
// name Russia's defence ministry three ways and Ukraine's two ways, and one that says only "the ministry".
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openChannelLog } from '../src/channel-log/index.ts';
import type { ChannelKey, ChannelLog } from '../src/channel-log/types.ts';
import { buildDigest, type Digest } from '../src/digest/build.ts';
import { digestReplies } from '../src/digest/reply.ts';
import type { DigestPeriod } from '../src/digest/types.ts';
import { renderText } from '../src/render/text.ts';
import { summarize } from '../src/summarize.ts';
import { RU_DEFENCE_MINISTRY, RU_MINISTRY_OF_DEFENSE, RU_MOD, UNNAMED_MINISTRY } from './fixtures/source-name-reports.ts';

const KEY: ChannelKey = { platform: 'console', workspace: 'local', channel: 'names' };
const PERIOD: DigestPeriod = { date: '2026-11-10', timeZone: 'UTC', from: new Date('2026-11-10T00:00:00Z'), to: new Date('2026-11-11T00:00:00Z') };

let log: ChannelLog;
let d: Digest;
let text: string;

beforeEach(async () => {
  log = await openChannelLog('sqlite::memory:');
  const reports = [RU_DEFENCE_MINISTRY, RU_MINISTRY_OF_DEFENSE, RU_MOD, UNNAMED_MINISTRY];
  for (const [i, t] of reports.entries()) {
    await log.add({ key: KEY, text: t, summary: summarize(t), user: 'U1', userName: 'alice', postedAt: new Date(PERIOD.from.getTime() + (i + 1) * 3_600_000) });
  }
  d = await buildDigest(log, { key: KEY, period: PERIOD });
  const r = digestReplies(d);
  text = [r.summary, ...r.details].map(renderText).join('\n');
});
afterEach(() => log.close());

const ministries = () => d.sources.filter((s) => /minist|mod\b/i.test(s.name));

test('one ministry named three ways in three reports is one source in who says what, with its claims and reports counted once', () => {
  const russian = d.sources.filter((s) => /russia/i.test(s.name));
  expect(russian).toHaveLength(1);
  const [ru] = russian;
  // Each name was used by one report: the longest is shown.
  expect(ru.name).toBe("Russia's Ministry of Defense");
  expect(ru.reports).toBe(3);
  expect(ru.said.map((c) => c.text)).toEqual(
    expect.arrayContaining([expect.stringContaining('captured the village of Ostrogorsk'), expect.stringContaining('shot down 25 drones'), expect.stringContaining('taken prisoner')]),
  );
  // Who says what and the merged lines use that one name; only each report's own headline keeps its wording.
  const beforeReportList = text.slice(0, text.indexOf('The 4 reports'));
  expect(beforeReportList).toContain("Russia's Ministry of Defense (military source): 3 claims");
  expect(beforeReportList).not.toMatch(/Russian MoD|Russian Defence Ministry/);
});

test('the Russian and the Ukrainian ministry stay two sources, and "the ministry" alone is a third', () => {
  expect(ministries().map((s) => s.name).sort()).toEqual(["Russia's Ministry of Defense", 'Ministry of Defence of Ukraine', 'ministry'].sort());
  const ua = d.sources.find((s) => s.name === 'Ministry of Defence of Ukraine')!;
  expect(ua.reports).toBe(2);
  // The summary's source count follows: three ministries, not six names.
  expect(text).toContain(`from ${d.sources.length} sources`);
  expect(d.sources).toHaveLength(3);
});

test('a claim merged across reports lists the ministry once, under the name who says what uses', () => {
  const captured = d.claims.find((c) => c.text.includes('Ostrogorsk') && c.reports.length > 1 && c.sources.some((s) => /russia/i.test(s.name)));
  expect(captured).toBeDefined();
  expect(captured!.reports).toHaveLength(2);
  expect(captured!.sources.map((s) => s.name)).toEqual(["Russia's Ministry of Defense"]);
});
