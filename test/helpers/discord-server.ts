// A small local server that speaks enough of Discord's gateway (WebSocket, JSON frames) and REST API for a
// real discord.js Client to log in, receive messages and interactions, and answer them. Every REST call is
// recorded (JSON and multipart bodies, with files); unknown routes answer 404 so that gaps are loud.
// Written for these tests from Discord's public API documentation; nothing here reaches discord.com.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RestCall {
  method: string;
  /** Path after /api/v10, percent-decoded: /webhooks/APP/TOKEN/messages/@original. */
  path: string;
  query: URLSearchParams;
  /** The JSON body, or a multipart body's payload_json. */
  body: any;
  files: { field: string; name: string; text: string; size: number }[];
}

export interface GatewayFrame {
  op: number;
  d: any;
}

/** Permission bits (Discord's). */
export const PERMISSIONS = {
  viewChannel: 1n << 10n,
  sendMessages: 1n << 11n,
  manageMessages: 1n << 13n,
  readHistory: 1n << 16n,
  createPublicThreads: 1n << 35n,
  sendInThreads: 1n << 38n,
};
const EVERYONE_PERMS = PERMISSIONS.viewChannel | PERMISSIONS.sendMessages | PERMISSIONS.readHistory | PERMISSIONS.sendInThreads;

let nextId = 1_310_000_000_000_000_000n;
/** A fresh snowflake. */
export const snowflake = () => String(nextId++);

export const GUILD_ID = '1300000000000000001';
export const CHANNEL_ID = '1300000000000000002';
export const OTHER_CHANNEL_ID = '1300000000000000003';
export const APP_ID = '1300000000000000010';
export const EDITOR_ROLE = '1300000000000000020';
export const BOT_USER = { id: APP_ID, username: 'ClaimDesk', discriminator: '0', global_name: 'ClaimDesk', avatar: null, bot: true };

export interface PersonOptions {
  id: string;
  username: string;
  /** Holds Manage Messages in the channels. */
  editor?: boolean;
  bot?: boolean;
}

export const ALICE: PersonOptions = { id: '1300000000000000101', username: 'alice' };
export const BORIS: PersonOptions = { id: '1300000000000000102', username: 'boris' };
export const EDITH: PersonOptions = { id: '1300000000000000103', username: 'edith', editor: true };
export const OTHER_BOT: PersonOptions = { id: '1300000000000000104', username: 'newsfeed', bot: true };

const user = (p: PersonOptions) => ({
  id: p.id,
  username: p.username,
  discriminator: '0',
  global_name: p.username,
  avatar: null,
  ...(p.bot ? { bot: true } : {}),
});
const member = (p: PersonOptions) => ({
  roles: p.editor ? [EDITOR_ROLE] : [],
  joined_at: '2026-01-01T00:00:00.000Z',
  deaf: false,
  mute: false,
  flags: 0,
  nick: null,
  avatar: null,
  premium_since: null,
  pending: false,
  communication_disabled_until: null,
});

function channel(id: string, name: string) {
  return {
    id,
    type: 0,
    guild_id: GUILD_ID,
    name,
    position: 0,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

function guild() {
  const role = (id: string, name: string, permissions: bigint, position: number) => ({
    id,
    name,
    permissions: String(permissions),
    position,
    color: 0,
    hoist: false,
    managed: false,
    mentionable: false,
    flags: 0,
  });
  return {
    id: GUILD_ID,
    name: 'Newsroom',
    icon: null,
    owner_id: '1300000000000000999',
    unavailable: false,
    large: false,
    member_count: 4,
    joined_at: '2026-01-01T00:00:00.000Z',
    features: [],
    roles: [role(GUILD_ID, '@everyone', EVERYONE_PERMS, 0), role(EDITOR_ROLE, 'editors', EVERYONE_PERMS | PERMISSIONS.manageMessages, 1)],
    channels: [channel(CHANNEL_ID, 'desk'), channel(OTHER_CHANNEL_ID, 'sports')],
    threads: [],
    members: [],
    emojis: [],
    stickers: [],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    premium_tier: 0,
    preferred_locale: 'en-US',
    system_channel_flags: 0,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    afk_timeout: 300,
  };
}

export interface FakeDiscord {
  /** REST base for the client: `rest: { api }` / DISCORD_API_URL. */
  apiUrl: string;
  calls: RestCall[];
  /** Frames the client sent on the gateway (IDENTIFY, RESUME, heartbeats), in order. */
  received: GatewayFrame[];
  /** Threads the bot started: thread id → parent channel and message. */
  threads: Map<string, { parent: string; message: string; name: string }>;
  /** When set, starting a thread fails with 403 Missing Permissions (a channel where the bot may not). */
  refuseThreads: boolean;
  /** Sends a dispatch (op 0) to the connected client. */
  dispatch(t: string, d: unknown): void;
  /** Asks the client to reconnect (op 7, as Discord does before moving a session). */
  askReconnect(): void;
  /** A MESSAGE_CREATE payload from `from` in `channelId`. */
  message(from: PersonOptions, content: string, channelId?: string, id?: string): any;
  /** An INTERACTION_CREATE for a slash command. */
  slash(from: PersonOptions, name: string, options?: Record<string, string | number | boolean>, channelId?: string): any;
  /**
   * A file served here, as a message attachment (Discord's attachment object, its url on this server):
   * GET /attachments/… answers with `text` (or `status`, e.g. 404). `size` defaults to the text's bytes.
   */
  attachment(name: string, text: string, opts?: { contentType?: string | null; size?: number; status?: number }): any;
  /** The GET requests for attachment files so far (their paths). */
  fileGets(): RestCall[];
  /** An INTERACTION_CREATE for the message context-menu command on `target` (a message() payload). */
  contextMenu(from: PersonOptions, name: string, target: any): any;
  /**
   * Answers the next `times` REST requests whose method and path match with `status` and `body` (a Discord
   * error, e.g. 403 { message: 'Missing Access', code: 50001 }) instead of as usual.
   */
  /** The next `times` matching calls (after letting `after` through) are answered with `status` and `body`. */
  refuse(method: string, path: RegExp | string, status: number, body: unknown, times?: number, after?: number): void;
  /** Resolves once `check` returns something truthy (polled); fails after `ms` with `what`. */
  until<T>(check: () => T | undefined | null | false, what: string, ms?: number): Promise<T>;
  /** The REST calls whose method and path match. */
  find(method: string, path: RegExp | string): RestCall[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<{ body: any; files: RestCall['files'] }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { body: null, files: [] };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const files: RestCall['files'] = [];
    let body: any = null;
    for (const [field, value] of form.entries()) {
      if (field === 'payload_json') body = JSON.parse(String(value));
      else if (typeof value !== 'string') {
        const text = await value.text();
        files.push({ field, name: value.name, text, size: value.size });
      }
    }
    return { body, files };
  }
  return { body: JSON.parse(raw.toString('utf8')), files: [] };
}

export async function startFakeDiscord(): Promise<FakeDiscord> {
  const calls: RestCall[] = [];
  const received: GatewayFrame[] = [];
  const threads = new Map<string, { parent: string; message: string; name: string }>();
  const served = new Map<string, { text: string; contentType: string | null; status: number }>();
  const refusals: { method: string; path: RegExp | string; status: number; body: unknown; left: number; pass: number }[] = [];
  let socket: WebSocket | null = null;
  let seq = 0;
  const sessionId = 'session-' + snowflake();

  const server: Server = createServer((req, res) => void handle(req, res));
  const wss = new WebSocketServer({ noServer: true });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  const gatewayUrl = `ws://127.0.0.1:${port}/gateway`;

  const messageJson = (channelId: string, body: any, extra: Record<string, unknown> = {}) => ({
    id: snowflake(),
    channel_id: channelId,
    author: BOT_USER,
    content: body?.content ?? '',
    embeds: body?.embeds ?? [],
    attachments: [],
    components: [],
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    pinned: false,
    type: 0,
    flags: body?.flags ?? 0,
    ...extra,
  });

  function json(res: ServerResponse, status: number, data?: unknown) {
    if (data === undefined) {
      res.writeHead(status).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', base);
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ''));
    const method = req.method ?? 'GET';
    const { body, files } = await readBody(req);
    calls.push({ method, path, query: url.searchParams, body, files });
    const refusal = refusals.find((r) => r.left > 0 && r.method === method && (typeof r.path === 'string' ? r.path === path : r.path.test(path)));
    if (refusal && refusal.pass > 0) refusal.pass--;
    else if (refusal) {
      refusal.left--;
      return json(res, refusal.status, refusal.body);
    }
    let m: RegExpExecArray | null;
    if (method === 'GET' && served.has(url.pathname)) {
      const f = served.get(url.pathname)!;
      if (f.status !== 200) return json(res, f.status, { message: 'Not Found', code: 0 });
      res.writeHead(200, f.contentType ? { 'content-type': f.contentType } : {}).end(f.text);
      return;
    }
    if (method === 'GET' && path === '/gateway/bot') {
      return json(res, 200, {
        url: gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return json(res, 204);
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/.exec(path))) {
      if (method === 'DELETE') return json(res, 204);
      if (method === 'PATCH') return json(res, 200, messageJson(CHANNEL_ID, body, { webhook_id: m[1], application_id: m[1] }));
    }
    if (method === 'POST' && (m = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(path))) {
      return json(res, 200, messageJson(CHANNEL_ID, body, { webhook_id: m[1], application_id: m[1] }));
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path))) {
      if (fake.refuseThreads) return json(res, 403, { message: 'Missing Permissions', code: 50013 });
      const id = snowflake();
      threads.set(id, { parent: m[1], message: m[2], name: body?.name });
      return json(res, 201, {
        id,
        type: 11,
        guild_id: GUILD_ID,
        parent_id: m[1],
        owner_id: APP_ID,
        name: body?.name,
        last_message_id: null,
        rate_limit_per_user: 0,
        message_count: 0,
        member_count: 1,
        flags: 0,
        thread_metadata: {
          archived: false,
          auto_archive_duration: body?.auto_archive_duration ?? 1440,
          archive_timestamp: new Date().toISOString(),
          locked: false,
        },
        total_message_sent: 0,
      });
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      return json(res, 200, messageJson(m[1], body, { guild_id: GUILD_ID }));
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      return json(res, 200, (body as any[]).map((c) => ({ ...c, id: snowflake(), application_id: APP_ID, version: snowflake() })));
    }
    return json(res, 404, { message: `Unknown route ${method} ${path} (local fake Discord)`, code: 0 });
  }

  function send(frame: unknown) {
    socket?.send(JSON.stringify(frame));
  }
  function dispatch(t: string, d: unknown) {
    send({ op: 0, s: ++seq, t, d });
  }

  server.on('upgrade', (req, sock, head) => {
    if (!req.url?.startsWith('/gateway')) {
      sock.destroy();
      return;
    }
    wss.handleUpgrade(req, sock, head, (ws) => {
      socket = ws;
      ws.on('message', (data) => {
        const frame = JSON.parse(String(data)) as GatewayFrame;
        received.push(frame);
        if (frame.op === 1) ws.send(JSON.stringify({ op: 11 }));
        else if (frame.op === 6) ws.send(JSON.stringify({ op: 9, d: false }));
        else if (frame.op === 2) {
          seq = 0;
          dispatch('READY', {
            v: 10,
            user: BOT_USER,
            guilds: [{ id: GUILD_ID, unavailable: true }],
            session_id: sessionId,
            resume_gateway_url: gatewayUrl,
            application: { id: APP_ID, flags: 0 },
            shard: frame.d?.shard ?? [0, 1],
          });
          dispatch('GUILD_CREATE', guild());
        }
      });
      ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    });
  });

  function message(from: PersonOptions, content: string, channelId = CHANNEL_ID, id = snowflake()) {
    const mentions = [...content.matchAll(/<@!?(\d+)>/g)].map((x) => (x[1] === APP_ID ? BOT_USER : { id: x[1], username: 'someone', discriminator: '0', avatar: null }));
    return {
      id,
      channel_id: channelId,
      guild_id: GUILD_ID,
      author: user(from),
      member: member(from),
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: /@everyone|@here/.test(content),
      mentions,
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 0,
      flags: 0,
    };
  }

  function interaction(from: PersonOptions, data: unknown, channelId = CHANNEL_ID) {
    const perms = EVERYONE_PERMS | (from.editor ? PERMISSIONS.manageMessages : 0n);
    return {
      id: snowflake(),
      application_id: APP_ID,
      type: 2,
      token: 'itoken-' + snowflake(),
      version: 1,
      guild_id: GUILD_ID,
      guild: { id: GUILD_ID, locale: 'en-US', features: [] },
      guild_locale: 'en-US',
      channel_id: channelId,
      channel: channel(channelId, channelId === CHANNEL_ID ? 'desk' : 'sports'),
      member: { ...member(from), user: user(from), permissions: String(perms) },
      app_permissions: String(EVERYONE_PERMS | PERMISSIONS.createPublicThreads),
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': GUILD_ID },
      context: 0,
      attachment_size_limit: 10 * 1024 * 1024,
      data,
    };
  }

  const fake: FakeDiscord = {
    refuseThreads: false,
    apiUrl: `${base}/api`,
    calls,
    received,
    threads,
    dispatch,
    askReconnect: () => send({ op: 7, d: null }),
    message,
    slash: (from, name, options = {}, channelId) =>
      interaction(
        from,
        {
          id: snowflake(),
          name,
          type: 1,
          options: Object.entries(options).map(([n, value]) => ({
            name: n,
            type: typeof value === 'string' ? 3 : typeof value === 'boolean' ? 5 : 10,
            value,
          })),
        },
        channelId,
      ),
    attachment(name, text, opts = {}) {
      const id = snowflake();
      const path = `/attachments/${CHANNEL_ID}/${id}/${encodeURIComponent(name)}`;
      const contentType = opts.contentType === undefined ? 'text/plain; charset=utf-8' : opts.contentType;
      served.set(path, { text, contentType, status: opts.status ?? 200 });
      return {
        id,
        filename: name,
        size: opts.size ?? Buffer.byteLength(text),
        url: `${base}${path}?ex=0&is=0&hm=0`,
        proxy_url: `${base}${path}`,
        ...(contentType ? { content_type: contentType } : {}),
      };
    },
    refuse: (method, path, status, body, times = 1, after = 0) => void refusals.push({ method, path, status, body, left: times, pass: after }),
    fileGets: () => calls.filter((c) => c.method === 'GET' && c.path.startsWith('/attachments/')),
    contextMenu: (from, name, target) =>
      interaction(
        from,
        { id: snowflake(), name, type: 3, target_id: target.id, resolved: { messages: { [target.id]: target } } },
        target.channel_id,
      ),
    async until(check, what, ms = 30_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const got = check();
        if (got) return got as any;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    find: (method, path) => calls.filter((c) => c.method === method && (typeof path === 'string' ? c.path === path : path.test(c.path))),
    async close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
