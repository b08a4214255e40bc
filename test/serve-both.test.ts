// `claimdesk start` with Slack's and Discord's tokens both set: one process serves both surfaces on one
// channel log, each answering in its own place, and each platform's channels keep their own entries.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { configuredSurfaces } from '../adapters/surfaces.ts';
import { openChannelLog } from '../src/channel-log/index.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { serveSurfaces } from '../src/serve.ts';
import { DAM_REPORT } from './fixtures/discord-reports.ts';
import { FERRY } from './fixtures/slack-reports.ts';
import { APP_ID, CHANNEL_ID, GUILD_ID, ALICE as DISCORD_ALICE, startFakeDiscord, type FakeDiscord } from './helpers/discord-server.ts';
import { textOf } from './helpers/discord-payloads.ts';
import { messageText } from './helpers/slack-app.ts';
import { CHANNEL, eventPayload, messageEvent } from './helpers/slack-requests.ts';
import { FakeSlack, TEAM } from './helpers/slack-server.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let slack: FakeSlack;
let discord: FakeDiscord;
let dir: string;
beforeAll(async () => {
  [slack, discord] = await Promise.all([FakeSlack.start(), startFakeDiscord()]);
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-both-'));
});
afterAll(async () => {
  await Promise.all([slack?.close(), discord?.close()]);
  await rm(dir, { recursive: true, force: true });
});

test('both tokens set: Slack and Discord are served at once from one log, and stop together', { timeout: 90_000 }, async () => {
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-both',
    SLACK_APP_TOKEN: 'xapp-both',
    SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN: 'both.not-a-real.token',
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: discord.apiUrl,
  };
  const surfaces = configuredSurfaces(env);
  expect(surfaces.map((s) => s.name)).toEqual(['slack', 'discord']);
  const lines: string[] = [];
  const log = createLogger('debug', new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }));
  let stop!: () => void;
  const until = new Promise<void>((resolve) => (stop = resolve));
  const store = `sqlite:${join(dir, 'log.db')}`;
  const config = { ...loadConfig({}), store, state: `sqlite:${join(dir, 'state.db')}` };
  const served = serveSurfaces(surfaces, { config, log, env, until });
  await discord.until(() => lines.some((l) => /serving slack and discord/.test(l)), 'both surfaces to start');

  // A report pasted in each.
  await slack.envelope('events_api', eventPayload(messageEvent({ text: FERRY })));
  const msg = discord.message(DISCORD_ALICE, DAM_REPORT);
  discord.dispatch('MESSAGE_CREATE', msg);

  const slackPost = await slack.waitFor('the Slack summary', () => slack.calls.find((c) => c.method === 'chat.postMessage'));
  expect(slackPost.args.channel).toBe(CHANNEL);
  expect(messageText(slackPost.args)).toMatch(/Saved as report/);
  await discord.until(() => lines.some((l) => new RegExp(`message ${msg.id} answered`).test(l)), 'the Discord answer');
  const discordSends = discord.calls.filter((c) => c.method === 'POST' && /\/channels\/\d+\/messages$/.test(c.path));
  expect(discordSends.map((c) => textOf(c.body)).join('\n')).toMatch(/Saved as report/);

  stop();
  expect(await served).toBe(0);

  // One log holds both, each under its own platform and channel.
  const check = await openChannelLog(store);
  try {
    expect(await check.count({ platform: 'discord', workspace: GUILD_ID, channel: CHANNEL_ID })).toBe(1);
    expect(await check.count({ platform: 'slack', workspace: TEAM, channel: CHANNEL })).toBe(1);
  } finally {
    await check.close();
  }
});
