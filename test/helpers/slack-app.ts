// A ClaimDesk Slack app started through the adapter's own start() (real Bolt, real HTTP or Socket Mode) against
// a FakeSlack, on in-memory stores; and a reader for what it posted.
import { Writable } from 'node:stream';
import { expect } from 'vitest';
import { start, type RunningSlack, type SlackStartOptions } from '../../adapters/slack/index.ts';
import { createBot, type Bot } from '../../src/bot.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { openDesk, type Desk } from '../../src/open-bot.ts';
import { BOT_SCOPES } from '../../adapters/slack/app.ts';
import { INSTALLATIONS, keyvInstallationStore } from '../../adapters/slack/installations.ts';
import { SIGNING_SECRET, eventPayload, send } from './slack-requests.ts';
import { BOT_USER, FakeSlack, TEAM, type ApiCall } from './slack-server.ts';

export interface TestSlack {
  fake: FakeSlack;
  desk: Desk;
  bot: Bot;
  running: RunningSlack;
  /** HTTP mode: the app's /slack/events URL. */
  events: string;
  /** What the adapter logged (warn and above). */
  logs: string[];
  /** HTTP mode: posts an event as Slack does (signed) and checks it was accepted. */
  deliver(event: Record<string, unknown>, eventId?: string, headers?: Record<string, string>): Promise<void>;
  /** The chat.postMessage calls in one thread. */
  postsIn(thread: string): ApiCall[];
  close(): Promise<void>;
}

export interface TestSlackOptions {
  mode?: 'http' | 'socket';
  storeUrl?: string;
  env?: Record<string, string>;
  /** Before the app starts (e.g. to put an installation in the store). */
  beforeStart?: (fake: FakeSlack, desk: Desk) => Promise<void>;
  /** The Web API client's options; default no retries (a test that wants the adapter's own policy passes {}). */
  clientOptions?: SlackStartOptions['clientOptions'];
  /** CLAIMDESK_MAX_INPUT_BYTES, for the bot and the surface alike (as `claimdesk start` reads it). */
  maxInputBytes?: number;
}

export async function startTestSlack(opts: TestSlackOptions = {}): Promise<TestSlack> {
  const fake = await FakeSlack.start();
  const desk = await openDesk({ storeUrl: opts.storeUrl ?? 'sqlite::memory:', stateUrl: 'sqlite::memory:' });
  const logs: string[] = [];
  const log = createLogger(
    'warn',
    new Writable({
      write(chunk, _enc, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  );
  const config = loadConfig(opts.maxInputBytes ? { CLAIMDESK_MAX_INPUT_BYTES: String(opts.maxInputBytes) } : {});
  const bot = createBot({ log: desk.log, settings: desk.settings, seen: desk.seen, logger: log, maxBytes: config.maxInputBytes });
  const env: Record<string, string> =
    opts.mode === 'socket'
      ? { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_APP_TOKEN: 'xapp-test-token', SLACK_API_URL: fake.apiUrl }
      : { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', SLACK_API_URL: fake.apiUrl };
  Object.assign(env, opts.env);
  await opts.beforeStart?.(fake, desk);
  const running = await start(
    { env, config, log, desk, bot },
    // A short gap between posts keeps the suite quick; the order and completeness checks do not depend on it.
    { postIntervalMs: 5, clientOptions: opts.clientOptions ?? { retryConfig: { retries: 0 } } },
  );
  const events = `http://127.0.0.1:${running.port ?? 0}/slack/events`;
  return {
    fake,
    desk,
    bot,
    running,
    events,
    logs,
    async deliver(event, eventId, headers) {
      const res = await send(events, JSON.stringify(eventPayload(event, eventId)), headers ? { headers } : {});
      expect(res.status).toBe(200);
    },
    postsIn: (thread) => fake.called('chat.postMessage').filter((c) => c.args.thread_ts === thread),
    async close() {
      await running.stop();
      await desk.close();
      await fake.close();
    },
  };
}

/** Every piece of text in a posted Slack message: its fallback and each block's text. */
export function messageText(args: { text?: string; blocks?: unknown }): string {
  const parts: string[] = [args.text ?? ''];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'text' && typeof x === 'string') parts.push(x);
        else walk(x);
      }
    }
  };
  walk(args.blocks);
  return parts.join('\n');
}

/** Stores the OAuth installation of the test workspace (TEAM, "Newsroom") with bot token xoxb-installed-in-newsroom. */
export async function installNewsroom(desk: Desk, secretKey: string): Promise<void> {
  await keyvInstallationStore(() => desk.kv<string>(INSTALLATIONS), secretKey).storeInstallation({
    team: { id: TEAM, name: 'Newsroom' },
    enterprise: undefined,
    user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
    bot: { token: 'xoxb-installed-in-newsroom', scopes: [...BOT_SCOPES], id: 'B0BOT', userId: BOT_USER },
    tokenType: 'bot',
    isEnterpriseInstall: false,
    appId: 'A0CLAIM',
    authVersion: 'v2',
  });
}
