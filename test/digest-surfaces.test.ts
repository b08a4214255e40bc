// Posting the daily digest through the real Slack (Bolt) and Discord (discord.js) adapters, started as
// `claimdesk start` starts them, against the local protocol servers; the scheduler runs with a clock the test
// sets. Slack: the summary top-level, the details in its thread, with the workspace's bot token. Discord: embed
// messages in the channel, mentions off. A refused post is given back and posted on a later tick.
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
async function dueDigest(desk: Desk, bot: Bot, key: ChannelKey, poster: DigestPoster) {
  for (const text of [HARBOUR, BRIDGE]) {
    await bot.handle({ ...key, user: 'U0ALICE', userName: 'alice', kind: 'mention', text: `${text}\n\nAlso: @everyone <!channel> read this.` });
  }
  const time = localTime(new Date(Date.now() + HOUR), 'UTC');
  await desk.settings.set(key, { digest: { time, timeZone: 'UTC' } });
  const clock = new FakeClock(Date.now() + 2 * HOUR);
  const scheduler = createScheduler({ log: desk.log, settings: desk.settings, ledger: desk.digests, posters: [poster], clock });
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

  test('a post Slack refuses is not counted: the claim is given back and a later tick posts it', async () => {
    s = await startTestSlack();
    closing.push(() => s.close());
    const { scheduler, clock } = await dueDigest(s.desk, s.bot, key, s.running.digest!);
    s.fake.once('chat.postMessage', { ok: false, error: 'not_in_channel' });
    expect((await scheduler.tick()).map((o) => o.result)).toEqual(['failed']);
    expect(s.fake.called('chat.postMessage').filter((c) => c.args.thread_ts !== undefined)).toHaveLength(0);
    clock.ms += RETRY_MS;
    expect((await scheduler.tick()).map((o) => o.result)).toEqual(['posted']);
    const top = s.fake.called('chat.postMessage').filter((c) => c.args.channel === 'C0DIGEST' && c.args.thread_ts === undefined);
    expect(top).toHaveLength(2); // the refused one, then the one posted
  });

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
      beforeStart: (_fake, desk) => installNewsroom(desk, SECRET_KEY),
    });
    closing.push(() => s.close());
    const key: ChannelKey = { platform: 'slack', workspace: TEAM, channel: 'C0OAUTH' };
    const { scheduler } = await dueDigest(s.desk, s.bot, key, s.running.digest!);
    const gone: ChannelKey = { platform: 'slack', workspace: 'T0GONE', channel: 'C0GONE' };
    await s.desk.settings.set(gone, { digest: (await s.desk.settings.get(key)).digest! });
    const outcomes = await scheduler.tick();
    expect(outcomes.map((o) => [o.key.workspace, o.result]).sort()).toEqual([['T0DESK', 'posted'], ['T0GONE', 'failed']]);
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
