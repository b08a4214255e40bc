// The Discord surface as `claimdesk start` runs it (adapters/discord start()), on in-memory stores, logged
// into the local fake Discord (discord-server.ts), with its log lines kept for the tests to wait on.
import { expect } from 'vitest';
import { start } from '../../adapters/discord/index.ts';
import type { RunningSurface } from '../../adapters/surfaces.ts';
import { createBot, type Bot } from '../../src/bot.ts';
import { loadConfig } from '../../src/config.ts';
import type { Logger } from '../../src/log.ts';
import { openDesk, type Desk } from '../../src/open-bot.ts';
import { APP_ID, CHANNEL_ID, startFakeDiscord, type FakeDiscord, type PersonOptions, type RestCall } from './discord-server.ts';

export interface DiscordHarness {
  fake: FakeDiscord;
  desk: Desk;
  bot: Bot;
  surface: RunningSurface;
  /** Everything the surface logged, "level: message". */
  logs: string[];
  /** Resolves once the surface logged a line matching `pattern` `times` times. */
  logged(pattern: RegExp, times?: number): Promise<void>;
  /** Posts a message as `from` (in CHANNEL_ID unless told) and waits until the bot has answered or ignored it. */
  post(from: PersonOptions, content: string, opts?: { channelId?: string; attachments?: unknown[] }): Promise<any>;
  /** The thread the bot started on a message, and the messages it sent there. */
  threadOn(messageId: string): { id: string; name: string; sends: RestCall[] };
  /** The bot's replies to a message in the channel (not in a thread). */
  repliesTo(messageId: string): RestCall[];
  /** Stops the surface and starts it again on the same stores, as a restarted bot process would. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startDiscordHarness(opts: { storeUrl?: string; maxInputBytes?: number } = {}): Promise<DiscordHarness> {
  const fake = await startFakeDiscord();
  const logs: string[] = [];
  const at = (level: string) => (msg: string) => void logs.push(`${level}: ${msg}`);
  const log: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  const desk = await openDesk({ storeUrl: opts.storeUrl ?? 'sqlite::memory:', stateUrl: 'sqlite::memory:' });
  // CLAIMDESK_MAX_INPUT_BYTES as `claimdesk start` reads it: for the bot and the surface alike (src/serve.ts).
  const config = loadConfig(opts.maxInputBytes ? { CLAIMDESK_MAX_INPUT_BYTES: String(opts.maxInputBytes) } : {});
  const bot = createBot({ log: desk.log, settings: desk.settings, seen: desk.seen, logger: log, maxBytes: config.maxInputBytes });
  const env = { DISCORD_TOKEN: 'test-token.not-a-real.one', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl };
  const deps = { env, config, log, desk, bot };
  let surface: RunningSurface;
  try {
    surface = await start(deps);
  } catch (err) {
    await desk.close();
    await fake.close();
    throw err;
  }
  const logged = async (pattern: RegExp, times = 1) => {
    await fake.until(() => logs.filter((l) => pattern.test(l)).length >= times, `log line ${pattern} ×${times}`);
  };
  return {
    fake,
    desk,
    bot,
    get surface() {
      return surface;
    },
    logs,
    logged,
    async post(from, content, opts = {}) {
      const msg = { ...fake.message(from, content, opts.channelId ?? CHANNEL_ID), ...(opts.attachments ? { attachments: opts.attachments } : {}) };
      fake.dispatch('MESSAGE_CREATE', msg);
      await logged(new RegExp(`message ${msg.id} (answered|ignored)`));
      return msg;
    },
    threadOn(messageId) {
      const entry = [...fake.threads.entries()].find(([, t]) => t.message === messageId);
      if (!entry) throw new Error(`no thread on message ${messageId}`);
      const [id, t] = entry;
      return { id, name: t.name, sends: fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${id}/messages`) };
    },
    repliesTo: (messageId) =>
      fake.find('POST', `/channels/${CHANNEL_ID}/messages`).filter((c) => c.body.message_reference?.message_id === messageId),
    async restart() {
      await surface.stop();
      surface = await start(deps);
    },
    async close() {
      await surface.stop();
      await desk.close();
      await fake.close();
    },
  };
}

/** What the bot sent to answer one interaction. */
export interface Answer {
  callback: RestCall;
  /** The edit of the deferred message, if the answer was public. */
  edit?: RestCall;
  deleted: boolean;
  followUps: RestCall[];
}

/** Sends an interaction and waits until the bot has answered it (exactly once); returns what it sent for it. */
export async function interact(h: DiscordHarness, payload: any): Promise<Answer> {
  h.fake.dispatch('INTERACTION_CREATE', payload);
  await h.logged(new RegExp(`interaction ${payload.id} \\(.*\\) answered`));
  const hook = `/webhooks/${APP_ID}/${payload.token}`;
  const callbacks = h.fake.find('POST', `/interactions/${payload.id}/${payload.token}/callback`);
  expect(callbacks).toHaveLength(1);
  return {
    callback: callbacks[0],
    edit: h.fake.find('PATCH', `${hook}/messages/@original`)[0],
    deleted: h.fake.find('DELETE', `${hook}/messages/@original`).length > 0,
    followUps: h.fake.find('POST', hook),
  };
}
