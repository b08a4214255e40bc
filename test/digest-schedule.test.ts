// The digest scheduler on the real stores (SQLite log and state in memory) with a clock the test moves: posts at
// each channel's local time across zones and a daylight-saving change, once per (channel, date), catch-up after
// downtime (under 6 hours posted, from 6 hours skipped and logged once; each missed day of a longer downtime
// logged once, up to 7 days back), a failed post tried again (until 6 hours late), one failed for good not tried
// again that day, and /digest on and off as the scheduler sees them. Posting through the real Slack and Discord adapters is in
// digest-surfaces.test.ts; two real processes in digest-processes.test.ts.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createBot, type Bot } from '../src/bot.ts';
import type { ChannelKey } from '../src/channel-log/types.ts';
import type { Logger } from '../src/log.ts';
import { openDesk, type Desk } from '../src/open-bot.ts';
import { renderText } from '../src/render/text.ts';
import { createScheduler, PermanentPostError, RETRY_MS, type DigestPoster, type DigestScheduler } from '../src/digest/schedule.ts';
import type { DigestReplies } from '../src/digest/reply.ts';
import { BRIDGE, FLOOD, HARBOUR } from './fixtures/desk-reports.ts';
import { FakeClock } from './helpers/fake-clock.ts';

const HOUR = 3_600_000;
const MIN = 60_000;
const KYIV: ChannelKey = { platform: 'console', workspace: 'local', channel: 'kyiv-desk' };
const NY: ChannelKey = { platform: 'console', workspace: 'local', channel: 'ny-desk' };

interface Posted {
  key: ChannelKey;
  at: string;
  text: string;
}

let desk: Desk;
let bot: Bot;
let clock: FakeClock;
let posted: Posted[];
let logs: string[];
let failNext: number;
/** While set, each post fails for good with this message (the adapters' PermanentPostError). */
let refuse: string | null;
let attempts: number;
const schedulers: DigestScheduler[] = [];

const logger: Logger = {
  debug: () => {},
  info: (m) => void logs.push(`info: ${m}`),
  warn: (m) => void logs.push(`warn: ${m}`),
  error: (m) => void logs.push(`error: ${m}`),
};

/** Records what would be posted (the real surfaces are tested against their protocol servers elsewhere). */
const poster: DigestPoster = {
  serves: (k) => k.platform === 'console',
  async post(key, r: DigestReplies) {
    attempts++;
    if (refuse) throw new PermanentPostError(refuse);
    if (failNext > 0) {
      failNext--;
      throw new Error('the platform said no');
    }
    posted.push({ key, at: clock.now().toISOString(), text: [r.summary, ...r.details].map(renderText).join('\n') });
  },
};

/** A scheduler started as `claimdesk start` starts it (its first tick done). */
async function started(): Promise<DigestScheduler> {
  const s = scheduler();
  s.start();
  await s.idle();
  return s;
}

function scheduler(): DigestScheduler {
  const s = createScheduler({ log: desk.log, settings: desk.settings, ledger: desk.digests, posters: [poster], clock, logger, tickMs: 10 * MIN });
  schedulers.push(s);
  return s;
}

/** Runs the scheduler's timers up to `iso`, waiting for each tick. */
const advance = (s: DigestScheduler, iso: string) => clock.advanceTo(new Date(iso), () => s.idle());
const at = (iso: string) => (clock.ms = Date.parse(iso));

async function say(key: ChannelKey, text: string, admin = true): Promise<string> {
  const kind = text.startsWith('/') ? 'message' : 'mention';
  const replies = await bot.handle({ ...key, user: 'U_ED', userName: 'ed', isAdmin: admin, kind, text });
  // one line: the text renderer wraps long lines
  return replies.map(renderText).join('\n').replace(/\s+/g, ' ');
}

beforeEach(async () => {
  desk = await openDesk({ storeUrl: 'sqlite::memory:', stateUrl: 'sqlite::memory:' });
  clock = new FakeClock(Date.parse('2026-11-10T00:00:00Z'));
  bot = createBot({ log: desk.log, settings: desk.settings, now: () => clock.now() });
  posted = [];
  logs = [];
  failNext = 0;
  refuse = null;
  attempts = 0;
});

afterEach(async () => {
  for (const s of schedulers.splice(0)) await s.stop();
  await desk.close();
});

describe('scheduling across time zones', () => {
  test("each channel's digest comes at 08:00 its own time, covering the day before, once a day", async () => {
    expect(await say(KYIV, '/digest on 08:00 Europe/Kyiv')).toMatch(/every day at 08:00 Europe\/Kyiv.*2026-11-10 08:00 Europe\/Kyiv \(2026-11-10 06:00 UTC\)/s);
    expect(await say(NY, '/digest on 8:00 america/new_york')).toMatch(/08:00 America\/New_York.*\(2026-11-10 13:00 UTC\)/s);
    at('2026-11-10T02:00:00Z');
    await say(KYIV, HARBOUR);
    await say(NY, BRIDGE);
    await say(NY, FLOOD);
    const s = await started();
    expect(posted).toEqual([]);

    await advance(s, '2026-11-10T05:59:00Z');
    expect(posted).toEqual([]);
    await advance(s, '2026-11-10T06:00:30Z');
    expect(posted.map((p) => [p.key.channel, p.at])).toEqual([['kyiv-desk', '2026-11-10T06:00:00.000Z']]);
    expect(posted[0].text).toMatch(/Daily digest for 2026-11-10: 1 report/);

    await advance(s, '2026-11-10T13:00:30Z');
    expect(posted.map((p) => [p.key.channel, p.at])).toEqual([
      ['kyiv-desk', '2026-11-10T06:00:00.000Z'],
      ['ny-desk', '2026-11-10T13:00:00.000Z'],
    ]);
    expect(posted[1].text).toMatch(/2 reports/);

    // the next day: both again, each once, and yesterday's reports are not in them
    await advance(s, '2026-11-11T20:00:00Z');
    expect(posted.map((p) => [p.key.channel, p.at])).toEqual([
      ['kyiv-desk', '2026-11-10T06:00:00.000Z'],
      ['ny-desk', '2026-11-10T13:00:00.000Z'],
      ['kyiv-desk', '2026-11-11T06:00:00.000Z'],
      ['ny-desk', '2026-11-11T13:00:00.000Z'],
    ]);
    expect(posted[2].text).toMatch(/Daily digest for 2026-11-11: 0 reports/);
    expect(await say(KYIV, '/digest status', false)).toMatch(/Next: 2026-11-12 08:00 Europe\/Kyiv \(2026-11-12 06:00 UTC\)\. The last one posted was for 2026-11-11, at 2026-11-11 06:00 UTC/);
  });

  test('across the spring-forward change in Kyiv the digest stays at 08:00 local (06:00, then 05:00 UTC)', async () => {
    at('2026-03-27T12:00:00Z');
    await say(KYIV, '/digest on 08:00 Europe/Kyiv');
    const s = await started();
    // a report in the hour that the change removes from the day still belongs to exactly one digest
    at('2026-03-29T00:30:00Z');
    await say(KYIV, HARBOUR);
    at('2026-03-27T12:00:00Z');
    await advance(s, '2026-03-31T00:00:00Z');
    expect(posted.map((p) => p.at)).toEqual(['2026-03-28T06:00:00.000Z', '2026-03-29T05:00:00.000Z', '2026-03-30T05:00:00.000Z']);
    expect(posted.map((p) => /: (\d+) reports?/.exec(p.text)?.[1])).toEqual(['0', '1', '0']);
  });

  test('across the fall-back change in New York a 01:30 digest is posted once, at the first 01:30', async () => {
    at('2026-10-31T12:00:00Z');
    await say(NY, '/digest on 01:30 America/New_York');
    const s = await started();
    await advance(s, '2026-11-02T12:00:00Z');
    expect(posted.map((p) => p.at)).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']);
  });

  test('a time skipped by spring forward posts at the next valid minute', async () => {
    at('2026-03-28T12:00:00Z');
    await say(KYIV, '/digest on 03:30 Europe/Kyiv');
    const s = await started();
    await advance(s, '2026-03-29T12:00:00Z');
    // 03:30 does not exist on 29 March in Kyiv: 04:00 local, 01:00 UTC
    expect(posted.map((p) => p.at)).toEqual(['2026-03-29T01:00:00.000Z']);
  });
});

describe('catch-up after downtime', () => {
  test('a digest less than 6 hours late is posted on start', async () => {
    await say(KYIV, '/digest on 08:00 Europe/Kyiv');
    at('2026-11-10T11:59:00Z'); // due 06:00 UTC: 5 h 59 min late
    const outcomes = await scheduler().tick();
    expect(outcomes.map((o) => [o.result, o.date, o.lateMs])).toEqual([['posted', '2026-11-10', 5 * HOUR + 59 * MIN]]);
    expect(posted).toHaveLength(1);
    expect(logs.join('\n')).toMatch(/info: digest: console\/local\/kyiv-desk 2026-11-10 posted \(5 h 59 min late\)/);
  });

  test('one 6 hours late or more is skipped and logged, once, and the next day posts as usual', async () => {
    await say(KYIV, '/digest on 08:00 Europe/Kyiv');
    at('2026-11-10T12:00:00Z'); // exactly 6 hours late
    const s = await started();
    expect(posted).toEqual([]);
    const skips = () => logs.filter((l) => /^warn: digest: console\/local\/kyiv-desk 2026-11-10 skipped: it was due at 2026-11-10T06:00:00.000Z, 6 h 0 min ago \(over 6 h late\)/.test(l));
    expect(skips()).toHaveLength(1);
    // a restarted process does not post it either, nor log it again
    await s.stop();
    const again = await started();
    await advance(again, '2026-11-11T05:59:00Z');
    expect(posted).toEqual([]);
    expect(skips()).toHaveLength(1);
    await advance(again, '2026-11-11T06:01:00Z');
    expect(posted.map((p) => p.at)).toEqual(['2026-11-11T06:00:00.000Z']);
  });

  test('turned on after today\'s time: nothing for today (neither posted nor reported skipped), tomorrow as usual', async () => {
    at('2026-11-10T08:00:00Z'); // 10:00 in Kyiv
    await say(KYIV, '/digest on 08:00 Europe/Kyiv');
    const s = await started();
    await advance(s, '2026-11-11T06:00:00Z');
    expect(posted.map((p) => p.at)).toEqual(['2026-11-11T06:00:00.000Z']);
    expect(logs.filter((l) => /skipped/.test(l))).toEqual([]);
  });
});

describe('catch-up after several days down', () => {
  const skipLines = () => logs.filter((l) => / skipped: /.test(l));

  test('each missed day is logged as skipped once, oldest first; the latest, under 6 hours late, is posted', async () => {
    await say(KYIV, '/digest on 08:00 Europe/Kyiv'); // 2026-11-10 00:00 UTC
    at('2026-11-13T08:00:00Z'); // down since before the first post: 10, 11 and 12 November missed; the 13th 2 h late
    const s = await started();
    expect(skipLines()).toEqual([
      'warn: digest: console/local/kyiv-desk 2026-11-10 skipped: it was due at 2026-11-10T06:00:00.000Z, 74 h 0 min ago (over 6 h late)',
      'warn: digest: console/local/kyiv-desk 2026-11-11 skipped: it was due at 2026-11-11T06:00:00.000Z, 50 h 0 min ago (over 6 h late)',
      'warn: digest: console/local/kyiv-desk 2026-11-12 skipped: it was due at 2026-11-12T06:00:00.000Z, 26 h 0 min ago (over 6 h late)',
    ]);
    expect(posted.map((p) => [p.at, /Daily digest for (\S+):/.exec(p.text)?.[1]])).toEqual([['2026-11-13T08:00:00.000Z', '2026-11-13']]);
    // restarted, and a second process on the same state: nothing logged or posted again
    await s.stop();
    const again = await started();
    expect(await scheduler().tick()).toEqual([]);
    await advance(again, '2026-11-13T20:00:00Z');
    expect(skipLines()).toHaveLength(3);
    expect(posted).toHaveLength(1);
  });

  test('when even the latest is 6 hours late, every missed day is skipped and none posted', async () => {
    await say(KYIV, '/digest on 08:00 Europe/Kyiv');
    at('2026-11-12T12:30:00Z');
    const outcomes = await scheduler().tick();
    expect(outcomes.map((o) => [o.date, o.result])).toEqual([
      ['2026-11-10', 'skipped'],
      ['2026-11-11', 'skipped'],
      ['2026-11-12', 'skipped'],
    ]);
    expect(posted).toEqual([]);
    expect(skipLines()).toHaveLength(3);
    // the channel can see why it got nothing: the latest missed date and the reason
    expect(await say(KYIV, '/digest status', false)).toMatch(
      /None posted yet\. The digest for 2026-11-12 was not posted: the bot was not running when it was due, and a digest 6 hours late or more is skipped\./,
    );
  });

  test('only the last 7 days are looked at; the days before them are left alone', async () => {
    await say(KYIV, '/digest on 08:00 Europe/Kyiv');
    at('2026-11-25T07:00:00Z'); // 15 days missed; the 25th 1 h late
    const outcomes = await scheduler().tick();
    expect(outcomes.map((o) => [o.date, o.result])).toEqual([
      ['2026-11-19', 'skipped'],
      ['2026-11-20', 'skipped'],
      ['2026-11-21', 'skipped'],
      ['2026-11-22', 'skipped'],
      ['2026-11-23', 'skipped'],
      ['2026-11-24', 'skipped'],
      ['2026-11-25', 'posted'],
    ]);
    expect(skipLines()).toHaveLength(6);
    // an earlier date was neither claimed nor logged
    expect(await desk.digests.claim(KYIV, '2026-11-18')).toBe(true);
  });

  test('days that were posted before the downtime are not reported', async () => {
    await say(KYIV, '/digest on 08:00 Europe/Kyiv');
    const s = await started();
    await advance(s, '2026-11-11T07:00:00Z'); // the 10th and 11th posted
    await s.stop();
    at('2026-11-14T07:00:00Z'); // down for the 12th and 13th
    await started();
    expect(skipLines().map((l) => /kyiv-desk (\S+) skipped/.exec(l)?.[1])).toEqual(['2026-11-12', '2026-11-13']);
    expect(posted.map((p) => p.at)).toEqual(['2026-11-10T06:00:00.000Z', '2026-11-11T06:00:00.000Z', '2026-11-14T07:00:00.000Z']);
  });
});

describe('failed posts', () => {
  test('a post that keeps failing is tried every 5 minutes until 6 hours late, then skipped and logged once', async () => {
    await say(KYIV, '/digest on 08:00 Europe/Kyiv');
    failNext = Infinity;
    const s = await started();
    await advance(s, '2026-11-10T20:00:00Z');
    expect(posted).toEqual([]);
    expect(attempts).toBe(72); // 06:00, 06:05, … 11:55 UTC
    expect(logs.filter((l) => /2026-11-10 not posted, trying again in 5 min/.test(l))).toHaveLength(72);
    expect(logs.filter((l) => /2026-11-10 skipped: it was due at 2026-11-10T06:00:00.000Z, 6 h 0 min ago/.test(l))).toHaveLength(1);
    // the channel is told it was the platform, not downtime
    expect(await say(KYIV, '/digest status', false)).toMatch(
      /The digest for 2026-11-10 was not posted: posting it kept failing until it was 6 hours late \(last error: the platform said no\)\./,
    );
    failNext = 0;
    await advance(s, '2026-11-11T06:01:00Z');
    expect(posted.map((p) => p.at)).toEqual(['2026-11-11T06:00:00.000Z']);
  });

  test('a post failed for good is not tried again that day, by this process or another, and is logged once', async () => {
    await say(KYIV, '/digest on 08:00 Europe/Kyiv');
    refuse = 'the bot was removed from the channel';
    const s = await started();
    await advance(s, '2026-11-10T06:00:00Z');
    expect(attempts).toBe(1);
    await advance(s, '2026-11-10T23:00:00Z');
    expect(await scheduler().tick()).toEqual([]);
    await s.stop();
    const later = await started();
    expect(attempts).toBe(1);
    const lines = logs.filter((l) => /kyiv-desk 2026-11-10/.test(l));
    expect(lines).toEqual(['warn: digest: console/local/kyiv-desk 2026-11-10 not posted, and not tried again for that date: the bot was removed from the channel']);
    expect(await say(KYIV, '/digest status', false)).toMatch(/The digest for 2026-11-10 was not posted: the platform refused it \(the bot was removed from the channel\)\./);
    // the next day is tried as usual (and posts once the channel is back)
    refuse = null;
    await advance(later, '2026-11-11T06:01:00Z');
    expect(posted.map((p) => p.at)).toEqual(['2026-11-11T06:00:00.000Z']);
    expect(logs.filter((l) => / skipped: /.test(l))).toEqual([]);
    // once a later digest is posted, the old refusal is no longer news
    expect(await say(KYIV, '/digest status', false)).not.toMatch(/was not posted/);
  });

  test('the outcome of a post failed for good says so', async () => {
    await say(KYIV, '/digest on 08:00 Europe/Kyiv');
    refuse = 'gone';
    at('2026-11-10T06:10:00Z');
    expect((await scheduler().tick()).map((o) => [o.date, o.result])).toEqual([['2026-11-10', 'dropped']]);
  });
});

describe('once per channel and date', () => {
  test('two schedulers on the same state, and a restarted one, post it once', async () => {
    await say(KYIV, '/digest on 08:00 Europe/Kyiv');
    at('2026-11-10T06:30:00Z');
    const [a, b] = [scheduler(), scheduler()];
    const outcomes = (await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()])).flat();
    expect(outcomes.map((o) => o.result)).toEqual(['posted']);
    expect(await scheduler().tick()).toEqual([]);
    expect(posted).toHaveLength(1);
  });

  test('a failed post is given back and tried again later, then posted once', async () => {
    await say(KYIV, '/digest on 08:00 Europe/Kyiv');
    failNext = 1;
    const s = await started();
    await advance(s, '2026-11-10T06:00:00Z');
    expect(posted).toEqual([]);
    expect(logs.join('\n')).toMatch(/kyiv-desk 2026-11-10 not posted, trying again in 5 min: the platform said no/);
    // another process may take it meanwhile: the claim was given back
    await advance(s, new Date(Date.parse('2026-11-10T06:00:00Z') + RETRY_MS + MIN).toISOString());
    expect(posted.map((p) => p.at)).toEqual(['2026-11-10T06:05:00.000Z']);
    await advance(s, '2026-11-10T20:00:00Z');
    expect(posted).toHaveLength(1);
  });

  test('/digest off stops it; on again starts it', async () => {
    await say(KYIV, '/digest on 08:00 Europe/Kyiv');
    const s = await started();
    await advance(s, '2026-11-10T07:00:00Z');
    expect(await say(KYIV, '/digest off')).toMatch(/Daily digest off \(it was at 08:00 Europe\/Kyiv\)/);
    expect(await desk.settings.digestChannels()).toEqual([]);
    await advance(s, '2026-11-12T07:00:00Z');
    expect(posted).toHaveLength(1);
    await say(KYIV, '/digest on 09:00 UTC');
    await advance(s, '2026-11-13T09:00:00Z');
    expect(posted.map((p) => p.at)).toEqual(['2026-11-10T06:00:00.000Z', '2026-11-12T09:00:00.000Z', '2026-11-13T09:00:00.000Z']);
  });

  test('a channel listed in the index without a schedule is dropped from it', async () => {
    await desk.digests.sync(NY, async () => true);
    expect(await desk.settings.digestChannels()).toEqual([NY]);
    expect(await scheduler().tick()).toEqual([]);
    expect(await desk.settings.digestChannels()).toEqual([]);
  });

  test('a channel no surface here can post in is left for a process that can', async () => {
    const slack: ChannelKey = { platform: 'slack', workspace: 'T1', channel: 'C1' };
    await say(slack, '/digest on 08:00 UTC');
    at('2026-11-10T09:00:00Z');
    expect(await scheduler().tick()).toEqual([]);
    // not claimed: a Slack process still posts it
    expect(await desk.digests.claim(slack, '2026-11-10')).toBe(true);
  });
});
