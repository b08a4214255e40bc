// ChannelLog.sources (behind /sources) lists one entry per source however reports wrote its name
// (src/matching/source-names.ts), on both stores: claims added up, reports counted once even when one report uses
// two of the names, the name most reports used shown, different bodies kept apart, since: respected.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { TEST_POSTGRES, describeWithService, postgresDown } from './helpers/services.ts';
import { openChannelLog } from '../src/channel-log/index.ts';
import type { ChannelKey, ChannelLog } from '../src/channel-log/types.ts';
import { summarize } from '../src/summarize.ts';
import { RU_DEFENCE_MINISTRY, RU_MINISTRY_OF_DEFENSE, RU_MOD, RU_TWO_NAMES, UNNAMED_MINISTRY } from './fixtures/source-name-reports.ts';

const T0 = Date.parse('2026-11-10T00:00:00Z');
const HOUR = 3_600_000;
let seq = 0;

const suite = (url: string) => () => {
  let log: ChannelLog;
  let key: ChannelKey;
  beforeEach(async () => {
    log = await openChannelLog(url);
    key = { platform: 'console', workspace: 'local', channel: `names-${process.pid}-${Date.now()}-${++seq}` };
    const reports = [RU_DEFENCE_MINISTRY, RU_MINISTRY_OF_DEFENSE, RU_MOD, RU_TWO_NAMES, UNNAMED_MINISTRY];
    for (const [i, text] of reports.entries()) {
      await log.add({ key, text, summary: summarize(text), user: 'U1', postedAt: new Date(T0 + i * HOUR) });
    }
  });
  afterEach(() => log.close());

  // What the engine attributed to each body, counted from the summaries themselves.
  const claimsOf = (texts: string[], name: RegExp) => texts.flatMap((t) => summarize(t).claims).filter((c) => c.source && name.test(c.source.name)).length;

  test('one entry per body: claims summed, a report using two of its names counted once, the most used name shown', async () => {
    const all = await log.sources(key);
    const russian = all.filter((s) => /russia/i.test(s.name));
    expect(russian).toHaveLength(1);
    const texts = [RU_DEFENCE_MINISTRY, RU_MINISTRY_OF_DEFENSE, RU_MOD, RU_TWO_NAMES];
    expect(russian[0]).toMatchObject({
      // "Russian MoD" is the only name two reports used.
      name: 'Russian MoD',
      type: 'military',
      claims: claimsOf(texts, /russia/i),
      reports: 4,
      lastSeen: new Date(T0 + 3 * HOUR),
    });
    expect(all[0].name).toBe('Russian MoD');
    // Ukraine's ministry (two names, two reports) and the unnamed "ministry" stay apart from it and each other.
    const ukrainian = all.filter((s) => /ukrain/i.test(s.name));
    expect(ukrainian).toHaveLength(1);
    expect(ukrainian[0].reports).toBe(2);
    expect(all.filter((s) => s.name === 'ministry')).toHaveLength(1);
    expect(all).toHaveLength(3);
  });

  test('since: counts only the reports in the range, over every name of the body', async () => {
    const recent = await log.sources(key, { since: new Date(T0 + 2 * HOUR) });
    const ru = recent.find((s) => /russia/i.test(s.name))!;
    expect(ru).toMatchObject({ name: 'Russian MoD', reports: 2, claims: claimsOf([RU_MOD, RU_TWO_NAMES], /russia/i) });
    expect(recent.find((s) => /ukrain/i.test(s.name))!.reports).toBe(1);
  });
};

describe('sources by body (SQLite)', suite('sqlite::memory:'));
describeWithService('sources by body (Postgres)', await postgresDown(), suite(TEST_POSTGRES));
