// Posting the daily digest through the real Slack (Bolt) and Discord (discord.js) adapters, started as
// `claimdesk start` starts them, against the local protocol servers; the scheduler runs with a clock the test
// sets. Slack: the summary top-level, the details in its thread, with the workspace's bot token. Discord: embed
// messages in the channel, mentions off. A post that failed for a passing reason (a 5xx, rate limits) is given
// back and posted on a later tick; one refused for good (the app uninstalled, the bot out of the channel, the
// channel gone or archived) is logged once and not tried again that day.
import { afterEach, describe, expect, test } from 'vitest';
import { createScheduler, RETRY_MS } from '../src/digest/schedule.ts';
import { localTime } from '../src/digest/period.ts';
import type { ChannelKey } from '../src/channel-log/types.ts';
import type { Desk } from '../src/open-bot.ts';
import type { Bot } from '../src/bot.ts';
import type { DigestPoster } from '../src/digest/schedule.ts';
import { BRIDGE, HARBOUR } from './fixtures/desk-reports.ts';
import { FakeClock } from './helpers/fake-clock.ts';
import { installNewsroom, startTestSlack, messageText, type TestSlack } from './helpers/slack-app.ts';
import { TEAM } from './helpers/slack-server.ts';
import { INSTALLATIONS, keyvInstallationStore } from '../adapters/slack/installations.ts';
import { startDiscordHarness, type DiscordHarness } from './helpers/discord-bot.ts';
import { CHANNEL_ID, GUILD_ID } from './helpers/discord-server.ts';

const HOUR = 3_600_000;
let closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closing.reverse()) await c();
  closing = [];
});

/**
 * Pastes two reports into `key` now (real time), schedules its digest an hour from now (UTC) and returns a
 * scheduler whose clock is two hours ahead: the digest is due, an hour late, and covers the two reports.
 */
async function dueDigest(desk: Desk, bot: Bot, key: ChannelKey, poster: DigestPoster, logs: string[] = []) {
  for (const text of [HARBOUR, BRIDGE]) {
    await bot.handle({ ...key, user: 'U0ALICE', userName: 'alice', kind: 'mention', text: `${text}\n\nAlso: @everyone <!channel> read this.` });
  }
  const time = localTime(new Date(Date.now() + HOUR), 'UTC');
  await desk.settings.set(key, { digest: { time, timeZone: 'UTC' } });
  const clock = new FakeClock(Date.now() + 2 * HOUR);
  const at = (level: string) => (m: string) => void logs.push(`${level}: ${m}`);
  const logger = { debug: () => {}, info: at('info'), warn: at('warn'), error: at('error') };
  const scheduler = createScheduler({ log: desk.log, settings: desk.settings, ledger: desk.digests, posters: [poster], clock, logger });
  closing.push(() => scheduler.stop());
  return { scheduler, clock };
}

describe('on Slack', () => {
  let s: TestSlack;
  const key: ChannelKey = { platform: 'slack', workspace: TEAM, channel: 'C0DIGEST' };

  test('the summary is a top-level post and the details go in its thread, with the bot token', async () => {
    s = await startTestSlack();
    closing.push(() => s.close());
    expect(s.running.digest).toBeDefined();
    const { scheduler } = await dueDigest(s.desk, s.bot, key, s.running.digest!);
    const outcomes = await scheduler.tick();
    expect(outcomes.map((o) => o.result)).toEqual(['posted']);
    const posts = s.fake.called('chat.postMessage').filter((c) => c.args.channel === 'C0DIGEST');
    const top = posts.filter((c) => c.args.thread_ts === undefined);
    expect(top).toHaveLength(1);
    expect(top[0].token).toBe('xoxb-test-token');
    expect(Array.isArray(top[0].args.blocks)).toBe(true); // Block Kit, with its text fallback
    expect(messageText(top[0].args as never)).toMatch(/Daily digest for \d{4}-\d\d-\d\d: 2 reports/);
    const thread = posts.filter((c) => c.args.thread_ts !== undefined);
    expect(thread.length).toBeGreaterThan(0);
    // the thread is the top-level post's: the ts Slack answered that post with
    const topTs = top[0].response?.body.ts;
    expect(topTs).toMatch(/^\d+\.\d+$/);
    for (const t of thread) expect(t.args.thread_ts).toBe(topTs);
    expect(posts.every((c) => !c.refused)).toBe(true);
    // pasted text never pings anyone from a digest either
    for (const c of posts) expect(messageText(c.args as never)).not.toMatch(/<!channel>|<!everyone>/);
    // a second tick (or a restart) posts nothing more
    expect(await scheduler.tick()).toEqual([]);
    expect(s.fake.called('chat.postMessage').filter((c) => c.args.channel === 'C0DIGEST' && c.args.thread_ts === undefined)).toHaveLength(1);
    expect((await s.desk.settings.lastDigest(key))?.date).toBe(outcomes[0].date);
  });

  test.each([
    ['a 500', { status: 500, body: { ok: false } }, 1],
    ['rate limits outlasting the queue', { status: 429, headers: { 'retry-after': '0' }, body: { ok: false, error: 'ratelimited' } }, 6],
  ])('a post that fails for a passing reason (%s) is given back and a later tick posts it', async (_what, answer, times) => {
    s = await startTestSlack();
    closing.push(() => s.close());
    const logs: string[] = [];
    const { scheduler, clock } = await dueDigest(s.desk, s.bot, key, s.running.digest!, logs);
    for (let i = 0; i < times; i++) s.fake.once('chat.postMessage', answer);
    expect((await scheduler.tick()).map((o) => o.result)).toEqual(['failed']);
    expect(s.fake.called('chat.postMessage').filter((c) => c.args.thread_ts !== undefined)).toHaveLength(0);
    expect(logs.filter((l) => /C0DIGEST/.test(l))).toEqual([expect.stringMatching(/^warn: digest: slack\/T0DESK\/C0DIGEST \S+ not posted, trying again in 5 min: /)]);
    clock.ms += RETRY_MS;
    expect((await scheduler.tick()).map((o) => o.result)).toEqual(['posted']);
    const top = s.fake.called('chat.postMessage').filter((c) => c.args.channel === 'C0DIGEST' && c.args.thread_ts === undefined);
    expect(top).toHaveLength(times + 1); // the refused ones, then the one posted
  });

  test.each(['account_inactive', 'token_revoked', 'invalid_auth', 'not_in_channel', 'channel_not_found', 'is_archived'])(
    'a post Slack refuses with %s is not tried again that day, with one log line; the next day is tried',
    async (error) => {
      s = await startTestSlack();
      closing.push(() => s.close());
      const logs: string[] = [];
      const { scheduler, clock } = await dueDigest(s.desk, s.bot, key, s.running.digest!, logs);
      s.fake.on('chat.postMessage', () => ({ ok: false, error }));
      const tops = () => s.fake.called('chat.postMessage').filter((c) => c.args.channel === 'C0DIGEST' && c.args.thread_ts === undefined);
      const [outcome] = await scheduler.tick();
      expect(outcome.result).toBe('dropped');
      for (let i = 0; i < 3; i++) {
        clock.ms += RETRY_MS;
        expect(await scheduler.tick()).toEqual([]);
      }
      expect(tops()).toHaveLength(1);
      // the scheduler's line is the only one (the post queue does not log it too)
      expect([...logs, ...s.logs].filter((l) => /C0DIGEST|not posted|could not be posted/.test(l))).toEqual([
        `warn: digest: slack/T0DESK/C0DIGEST ${outcome.date} not posted, and not tried again for that date: Slack answered ${error}: ${
          { account_inactive: 'the workspace uninstalled the app or its token was deactivated', token_revoked: "the app's token for the workspace was revoked", invalid_auth: "the app's token for the workspace is not valid", not_in_channel: 'the bot is not in the channel (invite it, or turn the digest off)', channel_not_found: 'the channel is gone or the bot cannot see it', is_archived: 'the channel is archived' }[error]
        }`,
      ]);
      // a restarted process does not try that day either
      const again = createScheduler({ log: s.desk.log, settings: s.desk.settings, ledger: s.desk.digests, posters: [s.running.digest!], clock });
      expect(await again.tick()).toEqual([]);
      // the next day's digest is tried (once)
      clock.ms += 24 * HOUR;
      expect((await scheduler.tick()).map((o) => [o.date > outcome.date, o.result])).toEqual([[true, 'dropped']]);
      expect(tops()).toHaveLength(2);
    },
  );

  test('only the workspace of the bot token is served', async () => {
    s = await startTestSlack();
    closing.push(() => s.close());
    expect(s.running.digest!.serves(key)).toBe(true);
    expect(s.running.digest!.serves({ ...key, workspace: 'T0OTHER' })).toBe(false);
    expect(s.running.digest!.serves({ platform: 'discord', workspace: TEAM, channel: 'C0DIGEST' })).toBe(false);
  });
});

describe('on Slack installed through OAuth', () => {
  test("each workspace's digest goes out with the token stored for it; a workspace not installed is not posted", async () => {
    const SECRET_KEY = Buffer.alloc(32, 7).toString('hex');
    const s = await startTestSlack({
      env: { SLACK_BOT_TOKEN: '', SLACK_CLIENT_ID: '111.222', SLACK_CLIENT_SECRET: 'client-secret', SLACK_STATE_SECRET: 'state-secret', CLAIMDESK_SECRET_KEY: SECRET_KEY },
      beforeStart: async (_fake, desk) => {
        await installNewsroom(desk, SECRET_KEY);
        // an installation stored without a bot token (a user-only install): nothing to post with until reinstalled
        await keyvInstallationStore(() => desk.kv<string>(INSTALLATIONS), SECRET_KEY).storeInstallation({
          team: { id: 'T0NOBOT', name: 'No bot' },
          enterprise: undefined,
          user: { id: 'U0INSTALLER', token: 'xoxp-user-only', scopes: ['chat:write'] },
          tokenType: 'bot',
          isEnterpriseInstall: false,
          appId: 'A0CLAIM',
          authVersion: 'v2',
        });
      },
    });
    closing.push(() => s.close());
    const key: ChannelKey = { platform: 'slack', workspace: TEAM, channel: 'C0OAUTH' };
    const { scheduler } = await dueDigest(s.desk, s.bot, key, s.running.digest!);
    const gone: ChannelKey = { platform: 'slack', workspace: 'T0GONE', channel: 'C0GONE' };
    const noBot: ChannelKey = { platform: 'slack', workspace: 'T0NOBOT', channel: 'C0NOBOT' };
    for (const k of [gone, noBot]) await s.desk.settings.set(k, { digest: (await s.desk.settings.get(key)).digest! });
    const outcomes = await scheduler.tick();
    // a workspace with no installation (removed), or one with no bot token, is not tried again that day
    expect(outcomes.map((o) => [o.key.workspace, o.result]).sort()).toEqual([['T0DESK', 'posted'], ['T0GONE', 'dropped'], ['T0NOBOT', 'dropped']]);
    expect(await scheduler.tick()).toEqual([]);
    const posts = s.fake.called('chat.postMessage').filter((c) => c.args.channel === 'C0OAUTH');
    expect(posts.length).toBeGreaterThan(1);
    expect(posts.every((c) => c.token === 'xoxb-installed-in-newsroom')).toBe(true);
    expect(s.fake.called('chat.postMessage').filter((c) => c.args.channel === 'C0GONE')).toEqual([]);
  });
});

describe('on Discord', () => {
  let h: DiscordHarness;
  const key: ChannelKey = { platform: 'discord', workspace: GUILD_ID, channel: CHANNEL_ID };

  test('the digest is posted in the channel as embeds, with mentions off', async () => {
    h = await startDiscordHarness();
    closing.push(() => h.close());
    const digest = h.surface.digest!;
    expect(digest.serves(key)).toBe(true);
    expect(digest.serves({ ...key, workspace: '1399999999999999999' })).toBe(false);
    const before = h.fake.find('POST', `/channels/${CHANNEL_ID}/messages`).length;
    const { scheduler } = await dueDigest(h.desk, h.bot, key, digest);
    expect((await scheduler.tick()).map((o) => o.result)).toEqual(['posted']);
    const posts = h.fake.find('POST', `/channels/${CHANNEL_ID}/messages`).slice(before);
    expect(posts.length).toBeGreaterThan(0);
    const all = JSON.stringify(posts.map((p) => p.body));
    expect(all).toMatch(/Daily digest for \d{4}-\d\d-\d\d: 2 reports/);
    for (const p of posts) expect(p.body.allowed_mentions.parse).toEqual([]);
    for (const p of posts) expect((p.body.embeds ?? []).length).toBeGreaterThan(0);
    expect(JSON.stringify(posts[0].body.embeds)).toMatch(/Daily digest for \d{4}-\d\d-\d\d: 2 reports/);
    expect(await scheduler.tick()).toEqual([]);
    expect(h.fake.find('POST', `/channels/${CHANNEL_ID}/messages`).length).toBe(before + posts.length);
  });
});

describe('on Discord, refused', () => {
  let h: DiscordHarness;
  const key: ChannelKey = { platform: 'discord', workspace: GUILD_ID, channel: CHANNEL_ID };
  const sends = (channel = CHANNEL_ID) => h.fake.find('POST', `/channels/${channel}/messages`).length;

  test('Missing Access: not tried again that day, with one log line', async () => {
    h = await startDiscordHarness();
    closing.push(() => h.close());
    const logs: string[] = [];
    const { scheduler, clock } = await dueDigest(h.desk, h.bot, key, h.surface.digest!, logs);
    h.fake.refuse('POST', `/channels/${CHANNEL_ID}/messages`, 403, { message: 'Missing Access', code: 50001 }, Infinity);
    const before = sends();
    const [outcome] = await scheduler.tick();
    expect(outcome.result).toBe('dropped');
    clock.ms += RETRY_MS;
    expect(await scheduler.tick()).toEqual([]);
    expect(sends()).toBe(before + 1);
    expect(logs).toEqual([
      `warn: digest: discord/${GUILD_ID}/${CHANNEL_ID} ${outcome.date} not posted, and not tried again for that date: Discord answered Missing Access (50001): the bot cannot see the channel`,
    ]);
  });

  test('Unknown Channel: not tried again that day', async () => {
    h = await startDiscordHarness();
    closing.push(() => h.close());
    const gone: ChannelKey = { ...key, channel: '1399999999999999998' };
    const logs: string[] = [];
    const { scheduler, clock } = await dueDigest(h.desk, h.bot, gone, h.surface.digest!, logs);
    h.fake.refuse('GET', `/channels/${gone.channel}`, 404, { message: 'Unknown Channel', code: 10003 }, Infinity);
    expect((await scheduler.tick()).map((o) => o.result)).toEqual(['dropped']);
    clock.ms += RETRY_MS;
    expect(await scheduler.tick()).toEqual([]);
    expect(h.fake.find('GET', `/channels/${gone.channel}`)).toHaveLength(1);
    expect(logs).toEqual([expect.stringMatching(/not tried again for that date: Discord answered Unknown Channel \(10003\): the channel is gone$/)]);
  });

  test('a 5xx (after the client\'s own retries) is given back and a later tick posts it', async () => {
    h = await startDiscordHarness();
    closing.push(() => h.close());
    const { scheduler, clock } = await dueDigest(h.desk, h.bot, key, h.surface.digest!);
    h.fake.refuse('POST', `/channels/${CHANNEL_ID}/messages`, 502, { message: 'Bad Gateway', code: 0 }, 4);
    expect((await scheduler.tick()).map((o) => o.result)).toEqual(['failed']);
    clock.ms += RETRY_MS;
    expect((await scheduler.tick()).map((o) => o.result)).toEqual(['posted']);
  });

  test('a digest that failed part way is taken up where it stopped: no message is sent twice', async () => {
    h = await startDiscordHarness();
    closing.push(() => h.close());
    const { scheduler, clock } = await dueDigest(h.desk, h.bot, key, h.surface.digest!);
    const before = h.fake.find('POST', `/channels/${CHANNEL_ID}/messages`).length;
    // the summary goes out, then the first details message fails (502 through discord.js's own retries)
    h.fake.refuse('POST', `/channels/${CHANNEL_ID}/messages`, 502, { message: 'Bad Gateway', code: 0 }, 4, 1);
    expect((await scheduler.tick()).map((o) => o.result)).toEqual(['failed']);
    clock.ms += RETRY_MS;
    expect((await scheduler.tick()).map((o) => o.result)).toEqual(['posted']);
    const accepted = h.fake
      .find('POST', `/channels/${CHANNEL_ID}/messages`)
      .slice(before)
      .filter((_, k) => k === 0 || k > 4) // the refused attempts are the 2nd to 5th calls
      .map((p) => JSON.stringify(p.body.embeds));
    expect(accepted.length).toBeGreaterThan(1);
    expect(accepted.filter((e) => /Daily digest for/.test(e))).toHaveLength(1);
    expect(new Set(accepted).size).toBe(accepted.length);
  });
});

describe('in the console', () => {
  test("the console's own channel's digest is printed; other channels are left alone", async () => {
    const { consoleDigestPoster } = await import('../adapters/shell/digest.ts');
    const { openTestDesk, CHANNEL } = await import('./helpers/desk.ts');
    const t = await openTestDesk();
    closing.push(() => t.close());
    t.clock.now = new Date(); // reports pasted now, as dueDigest expects
    let printed = '';
    const poster = consoleDigestPoster(CHANNEL, (text) => (printed += text));
    expect(poster.serves({ ...CHANNEL, channel: 'elsewhere' })).toBe(false);
    expect(poster.serves({ ...CHANNEL, platform: 'slack' })).toBe(false);
    const { scheduler } = await dueDigest(t.desk, t.bot, CHANNEL, poster);
    expect((await scheduler.tick()).map((o) => o.result)).toEqual(['posted']);
    expect(printed).toMatch(/Daily digest for \d{4}-\d\d-\d\d: 2 reports/);
  });
});
