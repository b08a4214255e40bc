// The Bolt app: Slack events, slash commands and the message shortcut in, core calls (Bot.handle) made, the
// replies drawn as Block Kit (blocks.ts) and sent in order (post-queue.ts). No command logic lives here.
//
//   a message in a channel        → BotEvent kind 'message' (the core's paste rule decides), answered in its thread
//   @ClaimDesk … (app_mention)    → kind 'mention', the mention stripped; a direct message to the bot likewise
//   a long paste as a text snippet (file_share) → the file's text read after the message's own (files.ts)
//   /claims … (one slash command per command in commands/index.ts) → kind 'command', acknowledged at once,
//                                   answered through the response URL; a file (/export) is uploaded to the channel
//   "Summarize claims" shortcut   → /summarize of that message's text, answered in its thread
// Replies marked `error` (mistakes, refusals, a store that is down) are shown to the asker only (ephemeral).
// Slack's retries carry the same event_id, passed as BotEvent.id: the core answers an id once.
import { App, LogLevel, webApi, type Logger as BoltLogger, type RespondFn } from '@slack/bolt';
import { COMMANDS } from '../../commands/index.ts';
import type { Bot, BotEvent } from '../../src/bot.ts';
import type { Logger } from '../../src/log.ts';
import type { Desk } from '../../src/open-bot.ts';
import type { Reply } from '../../src/reply.ts';
import { DEFAULT_MAX_BYTES } from '../../src/summarize.ts';
import { escapeMrkdwn, toSlackMessage } from './blocks.ts';
import type { SlackConfig } from './config.ts';
import { readSlackFiles, textFilesOf, type SlackFile } from './files.ts';
import { INSTALLATIONS, keyvInstallationStore } from './installations.ts';
import { Lookups, messageLink } from './lookups.ts';
import { PostQueue, type Post } from './post-queue.ts';
import { fromSlackText, stripMention } from './text.ts';

export const PLATFORM = 'slack';
/** The message shortcut's callback id (adapters/slack/manifest.yml). */
export const SUMMARIZE_SHORTCUT = 'summarize_claims';
/** The slash commands the app registers: one per command, named as everywhere else (/claims, /report …). */
export const SLASH_COMMANDS = COMMANDS.map((c) => `/${c.name}`);
/** The events the app listens to (bot events in the manifest). */
export const BOT_EVENTS = ['app_mention', 'message.channels', 'message.groups', 'message.im'] as const;
/** What the bot token may do; the manifest and the OAuth install ask for exactly these. */
export const BOT_SCOPES = [
  'app_mentions:read', // @ClaimDesk …
  'channels:history', // pasted reports in public channels
  'groups:history', // … and in private channels the bot is invited to
  'im:history', // direct messages to the bot
  'chat:write', // replies in threads, ephemeral messages
  'commands', // the slash commands and the message shortcut
  'files:read', // long pastes sent as text snippets are read
  'files:write', // /export uploads its file
  'users:read', // names, and who is a workspace admin
] as const;

/** Message subtypes that are a person's new message; edits, joins, bot posts and the like are not. */
const USER_MESSAGE_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

export interface SlackAppOptions {
  config: SlackConfig;
  bot: Bot;
  desk: Desk;
  log: Logger;
  /** Least time between two posts in a channel (default about one second). */
  postIntervalMs?: number;
  /** Merged into the Web API client's options (tests: `retryConfig: { retries: 0 }`). */
  clientOptions?: webApi.WebClientOptions;
  /** Largest report accepted, in UTF-8 bytes (CLAIMDESK_MAX_INPUT_BYTES): text files over it are not downloaded. */
  maxInputBytes?: number;
}

export interface SlackApp {
  app: App;
  queue: PostQueue;
}

/** Bolt's logger on ClaimDesk's: Bolt's chatter at debug, its warnings and errors as such. */
function boltLogger(log: Logger): BoltLogger {
  const line = (parts: unknown[]) => `slack: ${parts.map((p) => (p instanceof Error ? p.message : String(p))).join(' ')}`;
  return {
    debug: (...m) => log.debug(line(m)),
    info: (...m) => log.debug(line(m)),
    warn: (...m) => log.warn(line(m)),
    error: (...m) => log.error(line(m)),
    setLevel: () => {},
    getLevel: () => LogLevel.DEBUG,
    setName: () => {},
  };
}

type Client = webApi.WebClient;

/**
 * A failing Web API call (a 500, no connection) is tried twice more, within about 3 seconds, then given up:
 * every call for an event happens in its channel's line (post-queue.ts), so a longer policy (the Web client's
 * own retries for up to 30 minutes) would hold up the answers to every later message in that channel.
 */
const RETRY = { retries: 2, factor: 2, minTimeout: 1_000 };

/** Where a reply goes: a channel, in a thread, and who asked (for ephemeral messages). */
interface Place {
  client: Client;
  team: string;
  channel: string;
  thread?: string;
  user: string;
}

function errorCode(err: unknown): string | undefined {
  return (err as { data?: { error?: string } })?.data?.error;
}

export function createSlackApp(opts: SlackAppOptions): SlackApp {
  const { config, bot, desk, log } = opts;
  const logger = boltLogger(log);
  const clientOptions: webApi.WebClientOptions = {
    // 429s come back at once, so the post queue waits Slack's retry-after and keeps each channel in order.
    rejectRateLimitedCalls: true,
    retryConfig: RETRY,
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    ...opts.clientOptions,
  };
  const oauth = config.oauth
    ? {
        clientId: config.oauth.clientId,
        clientSecret: config.oauth.clientSecret,
        stateSecret: config.oauth.stateSecret,
        scopes: [...BOT_SCOPES],
        installationStore: keyvInstallationStore(() => desk.kv<string>(INSTALLATIONS), config.oauth.secretKey),
        installerOptions: { directInstall: true },
      }
    : {};
  const app = new App({
    ...(config.botToken ? { token: config.botToken } : {}),
    ...(config.appToken ? { socketMode: true, appToken: config.appToken } : { signingSecret: config.signingSecret }),
    port: config.port,
    ...oauth,
    clientOptions,
    logger,
    // start() calls init(): a bad token fails there, with Slack's reason, instead of in the constructor.
    deferInitialization: true,
  });
  /** The typed text with the message's text files read after it (a long paste sent as a snippet). */
  function withFiles(typed: string, files: SlackFile[], client: Client, token: string | undefined, what: string) {
    if (files.length === 0) return Promise.resolve({ text: typed });
    return readSlackFiles(typed, files, {
      client,
      token,
      ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
      maxBytes: opts.maxInputBytes ?? DEFAULT_MAX_BYTES,
      log,
      what: `slack: ${what}`,
    });
  }

  const queue = new PostQueue({ ...(opts.postIntervalMs !== undefined ? { intervalMs: opts.postIntervalMs } : {}), logger: log });
  const lookups = new Lookups({ logger: log });

  /** The Web API calls that send one reply to a place: its files uploaded, the rest posted (or ephemeral). */
  function postsFor(reply: Reply, place: Place): Post[] {
    const posts: Post[] = [];
    for (const b of reply.blocks) {
      if (b.kind !== 'file') continue;
      posts.push(() => upload(place, b));
    }
    const rest = { ...reply, blocks: reply.blocks.filter((b) => b.kind !== 'file') };
    if (rest.blocks.length === 0) return posts;
    const message = toSlackMessage(rest);
    const thread = place.thread ? { thread_ts: place.thread } : {};
    posts.unshift(() =>
      reply.error
        ? place.client.chat.postEphemeral({ channel: place.channel, user: place.user, ...thread, ...message })
        : place.client.chat.postMessage({ channel: place.channel, ...thread, ...message, unfurl_links: false, unfurl_media: false }),
    );
    return posts;
  }

  /** The core's answer to an event, in the channel's line from now on (so replies keep the order events came in). */
  function answer(place: Place, event: () => Promise<BotEvent>, fallback?: RespondFn): void {
    const posts = (async () => {
      const replies = await bot.handle(await event());
      return replies.flatMap((r) =>
        postsFor(r, place).map((post): Post => async () => {
          try {
            await post();
          } catch (err) {
            // Not in the channel (a shortcut used where the bot was not invited): tell the asker privately.
            if (!fallback || !['not_in_channel', 'channel_not_found'].includes(errorCode(err) ?? '')) throw err;
            await fallback({ response_type: 'ephemeral', replace_original: false, ...notInChannel(r) });
          }
        }),
      );
    })();
    void queue.add(`${place.team}/${place.channel}`, posts);
  }

  async function person(client: Client, team: string, user: string) {
    const p = await lookups.person(client, team, user);
    return { ...(p.name ? { userName: p.name } : {}), isAdmin: p.admin };
  }

  async function link(client: Client, team: string, channel: string, ts: string, thread?: string) {
    const url = messageLink(await lookups.teamUrl(client, team), channel, ts, thread);
    return url ? { link: url } : {};
  }

  // --- messages and mentions -----------------------------------------------------------------------------

  interface Said {
    client: Client;
    team: string;
    channel: string;
    user: string;
    ts: string;
    thread_ts?: string;
    text: string;
    kind: 'message' | 'mention';
    eventId?: string;
    /** Its text snippets and plain-text files, read after the text; and the token to read them with. */
    files: SlackFile[];
    token: string | undefined;
  }

  function onMessage(m: Said): void {
    const thread = m.thread_ts ?? m.ts;
    const place: Place = { client: m.client, team: m.team, channel: m.channel, thread, user: m.user };
    answer(place, async () => {
      const read = await withFiles(m.text, m.files, m.client, m.token, `message ${m.channel}/${m.ts}`);
      return {
        platform: PLATFORM,
        workspace: m.team,
        channel: m.channel,
        thread,
        user: m.user,
        ...(await person(m.client, m.team, m.user)),
        ...(await link(m.client, m.team, m.channel, m.ts, m.thread_ts)),
        ...('unread' in read ? { text: m.text, unread: read.unread } : { text: read.text }),
        kind: m.kind,
        ...(m.eventId ? { id: m.eventId } : {}),
      };
    });
  }

  app.event('message', async ({ event, body, context, client }) => {
    const e = event as unknown as Record<string, unknown>;
    if (!USER_MESSAGE_SUBTYPES.has(e.subtype as string | undefined)) return;
    if (e.bot_id || e.bot_profile || typeof e.user !== 'string' || typeof e.text !== 'string') return;
    const direct = e.channel_type === 'im';
    // A message that mentions the bot also comes as app_mention: answered there, once.
    if (!direct && context.botUserId && (e.text as string).includes(`<@${context.botUserId}`)) return;
    onMessage({
      client,
      team: context.teamId ?? body.team_id,
      channel: e.channel as string,
      user: e.user,
      ts: e.ts as string,
      ...(typeof e.thread_ts === 'string' ? { thread_ts: e.thread_ts } : {}),
      text: fromSlackText(e.text as string),
      kind: direct ? 'mention' : 'message',
      ...(body.event_id ? { eventId: body.event_id } : {}),
      files: textFilesOf(e.files),
      token: context.botToken,
    });
  });

  app.event('app_mention', async ({ event, body, context, client }) => {
    if (event.bot_id || !event.user) return;
    onMessage({
      client,
      team: context.teamId ?? body.team_id,
      channel: event.channel,
      user: event.user,
      ts: event.ts,
      ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}),
      text: fromSlackText(stripMention(event.text, context.botUserId)),
      kind: 'mention',
      ...(body.event_id ? { eventId: body.event_id } : {}),
      files: textFilesOf(event.files),
      token: context.botToken,
    });
  });

  // --- slash commands ------------------------------------------------------------------------------------

  for (const c of COMMANDS) {
    app.command(`/${c.name}`, async ({ command, ack, respond, client, context }) => {
      await ack();
      const team = context.teamId ?? command.team_id;
      const replies = await bot.handle({
        platform: PLATFORM,
        workspace: team,
        channel: command.channel_id,
        user: command.user_id,
        userName: command.user_name,
        ...(await person(client, team, command.user_id)),
        text: fromSlackText(command.text),
        kind: 'command',
        command: c.name,
        args: fromSlackText(command.text),
      });
      const place: Place = { client, team, channel: command.channel_id, user: command.user_id };
      for (const reply of replies) await respondWith(reply, place, respond);
    });
  }

  /** A command's reply through its response URL; a file is uploaded to the channel (or the asker is told why not). */
  async function respondWith(reply: Reply, place: Place, respond: RespondFn): Promise<void> {
    for (const b of reply.blocks) {
      if (b.kind !== 'file') continue;
      const post: Post = async () => {
        try {
          await upload(place, b);
        } catch (err) {
          if (errorCode(err) === undefined) throw err;
          log.warn(`slack: upload to ${place.channel} failed: ${errorCode(err)}`);
          await respond({ response_type: 'ephemeral', text: uploadFailed(errorCode(err)!) });
        }
      };
      await queue.add(`${place.team}/${place.channel}`, Promise.resolve([post]));
    }
    const rest = { ...reply, blocks: reply.blocks.filter((b) => b.kind !== 'file') };
    if (rest.blocks.length === 0) return;
    await respond({ response_type: reply.error ? 'ephemeral' : 'in_channel', ...toSlackMessage(rest) });
  }

  // --- the message shortcut ------------------------------------------------------------------------------

  app.shortcut({ callback_id: SUMMARIZE_SHORTCUT, type: 'message_action' }, async ({ shortcut, ack, client, context, respond }) => {
    await ack();
    const team = context.teamId ?? shortcut.team?.id ?? '';
    const channel = shortcut.channel.id;
    const message = shortcut.message as { ts: string; thread_ts?: string; text?: string; files?: unknown };
    const thread = message.thread_ts ?? message.ts;
    const typed = fromSlackText(message.text ?? '');
    const place: Place = { client, team, channel, thread, user: shortcut.user.id };
    answer(
      place,
      async () => {
        const read = await withFiles(typed, textFilesOf(message.files), client, context.botToken, `shortcut on ${channel}/${message.ts}`);
        const text = 'unread' in read ? typed : read.text;
        return {
          platform: PLATFORM,
          workspace: team,
          channel,
          thread,
          user: shortcut.user.id,
          ...(await person(client, team, shortcut.user.id)),
          ...(await link(client, team, channel, message.ts, message.thread_ts)),
          text,
          kind: 'command',
          command: 'summarize',
          args: text,
          ...('unread' in read ? { unread: read.unread } : {}),
        };
      },
      respond,
    );
  });

  return { app, queue };
}

/** files.uploadV2: files.getUploadURLExternal, the upload, files.completeUploadExternal (shared in the place). */
function upload(place: Place, file: Extract<Reply['blocks'][number], { kind: 'file' }>) {
  const common = {
    file: Buffer.from(file.content, 'utf8'),
    filename: file.filename,
    title: file.filename,
    initial_comment: escapeMrkdwn(file.description),
  };
  return place.thread
    ? place.client.files.uploadV2({ channel_id: place.channel, thread_ts: place.thread, ...common })
    : place.client.files.uploadV2({ channel_id: place.channel, ...common });
}

/** What the asker sees when the bot cannot post in the channel: the reply itself, privately, and how to fix it. */
function notInChannel(reply: Reply): { text: string; blocks: ReturnType<typeof toSlackMessage>['blocks'] } {
  const message = toSlackMessage({
    ...reply,
    blocks: [
      { kind: 'context', text: 'Only you can see this: I am not in this channel. Invite me (/invite @ClaimDesk) so I can answer in threads.' },
      ...reply.blocks.filter((b) => b.kind !== 'file'),
    ],
  });
  return message;
}

function uploadFailed(code: string): string {
  const fix =
    code === 'not_in_channel' || code === 'channel_not_found'
      ? 'Invite me to this channel (/invite @ClaimDesk) and run it again'
      : 'Try again in a minute';
  return `The export could not be uploaded here (Slack said: ${escapeMrkdwn(code)}). ${fix}, or use \`claimdesk log export\` on the server.`;
}
