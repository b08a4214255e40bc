// A small stand-in for Slack, on 127.0.0.1, for the Slack adapter's tests: it speaks the Web API (form-encoded
// POSTs to /api/METHOD, as @slack/web-api sends them), takes response_url POSTs and file uploads, and serves
// Socket Mode (apps.connections.open → a ws:// URL here; hello, envelopes, acks). It records every call, so a
// test waits for what the bot sent instead of sleeping. Unknown methods get 404, so gaps are loud.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const TEAM = 'T0DESK';
export const BOT_USER = 'UCLAIMBOT';
export const BOT_ID = 'BCLAIMBOT';
export const TEAM_URL = 'https://newsroom-test.slack.com/';

export interface ApiCall {
  method: string;
  args: Record<string, any>;
  /** The bearer token the call carried. */
  token: string | undefined;
  /** Set when the fake refused the call as Slack would (blocks over Slack's limits). */
  refused?: string;
  /** What the fake answered: its status and JSON body (e.g. the ts of a posted message). */
  response?: { status: number; body: any };
}

export interface Envelope {
  envelope_id: string;
  type: string;
  payload: unknown;
}

/** A method's answer: a JSON body (status 200), or a status with headers (e.g. a 429 with retry-after). */
export type Answer = Record<string, unknown> | { status: number; headers?: Record<string, string>; body?: unknown };
type Handler = (call: ApiCall) => Answer | undefined;

/** Fields Slack sends as JSON inside form-encoded bodies. */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'files']);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function parseArgs(req: IncomingMessage, raw: Buffer): Record<string, any> {
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) return raw.length ? JSON.parse(raw.toString('utf8')) : {};
  const args: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) args[k] = JSON_FIELDS.has(k) ? JSON.parse(v) : v;
  return args;
}

/** The file in an upload: the body itself, or the part of a multipart/form-data body that carries a filename. */
function uploadedFile(req: IncomingMessage, raw: Buffer): string {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(req.headers['content-type'] ?? '');
  if (!boundary) return raw.toString('utf8');
  const parts = raw.toString('utf8').split(`--${boundary[1] ?? boundary[2]}`);
  const file = parts.find((p) => /filename=/.test(p.slice(0, p.indexOf('\r\n\r\n'))));
  if (!file) throw new Error('an upload without a file part');
  return file.slice(file.indexOf('\r\n\r\n') + 4).replace(/\r\n$/, '');
}

/**
 * Why Slack would refuse these blocks, or null: more than 50, a section text over 3,000 characters, more than
 * 10 fields or one over 2,000, or more than about 12,000 characters in all (msg_blocks_too_long near 13k).
 */
export function blockProblem(blocks: unknown): string | null {
  if (blocks === undefined) return null;
  if (!Array.isArray(blocks)) return 'invalid_blocks_format';
  if (blocks.length > 50) return 'invalid_blocks: more than 50 blocks';
  let total = 0;
  for (const b of blocks as { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { text?: string }[] }[]) {
    if (b.text) {
      if (b.text.text.length > 3000) return 'invalid_blocks: section text over 3000';
      total += b.text.text.length;
    }
    if (b.fields) {
      if (b.fields.length > 10 || b.fields.some((f) => f.text.length > 2000)) return 'invalid_blocks: fields';
      total += b.fields.reduce((n, f) => n + f.text.length, 0);
    }
    if (b.elements) {
      if (b.elements.length > 10) return 'invalid_blocks: context elements';
      total += b.elements.reduce((n, e) => n + (e.text?.length ?? 0), 0);
    }
  }
  return total > 12_000 ? 'msg_blocks_too_long' : null;
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  /** Bodies POSTed to response URLs, by their id (/respond/ID). */
  readonly responses: { id: string; body: any }[] = [];
  /** File contents uploaded to the upload URLs files.getUploadURLExternal handed out. */
  readonly uploads: { id: string; content: string }[] = [];
  /** Users who are workspace admins (users.info says is_admin). */
  readonly admins = new Set<string>();
  readonly acks: { envelope_id: string; payload?: unknown }[] = [];
  /** GET requests for served files (serveFile): their path and Authorization header. */
  readonly fileRequests: { path: string; authorization: string | undefined }[] = [];
  #served = new Map<string, { text: string; html: boolean }>();
  /** files.info answers: the file objects serveFile made, by id. */
  #fileObjects = new Map<string, Record<string, unknown>>();
  #server: Server;
  #wss: WebSocketServer;
  #sockets = new Set<WebSocket>();
  #handlers = new Map<string, Handler[]>();
  #ts = 0;
  #files = 0;

  private constructor() {
    this.#server = createServer((req, res) => {
      this.#route(req, res).catch((err: Error) => {
        res.writeHead(500).end(err.message);
      });
    });
    this.#wss = new WebSocketServer({ server: this.#server, path: '/socket' });
    this.#wss.on('connection', (ws) => {
      this.#sockets.add(ws);
      ws.on('close', () => this.#sockets.delete(ws));
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { envelope_id: string; payload?: unknown };
        this.acks.push(msg);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0CLAIM' }, debug_info: { host: 'local' } }));
    });
  }

  static async start(): Promise<FakeSlack> {
    const s = new FakeSlack();
    await new Promise<void>((resolve) => s.#server.listen(0, '127.0.0.1', resolve));
    return s;
  }

  get base(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** What SLACK_API_URL is set to. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /**
   * A file served here as Slack serves files (url_private, url_private_download, with the bot token as
   * `Authorization: Bearer`; without it, Slack's sign-in page), as a message's file object: a text snippet
   * unless `fields` says otherwise. `html` answers with the sign-in page even with the token (an app without
   * files:read).
   */
  serveFile(name: string, text: string, fields: Record<string, unknown> = {}, opts: { html?: boolean } = {}): Record<string, unknown> {
    const id = `F0S${++this.#files}`;
    const path = `/files-pri/${TEAM}-${id}/${encodeURIComponent(name)}`;
    const download = `/files-pri/${TEAM}-${id}/download/${encodeURIComponent(name)}`;
    for (const p of [path, download]) this.#served.set(p, { text, html: opts.html ?? false });
    const file = {
      id,
      created: Math.floor(Date.now() / 1000),
      timestamp: Math.floor(Date.now() / 1000),
      name,
      title: name,
      mimetype: 'text/plain',
      filetype: 'text',
      pretty_type: 'Plain Text',
      user: 'U0ALICE',
      mode: 'snippet',
      editable: true,
      is_external: false,
      external_type: '',
      size: Buffer.byteLength(text),
      url_private: `${this.base}${path}`,
      url_private_download: `${this.base}${download}`,
      permalink: `${TEAM_URL}files/U0ALICE/${id}/${name}`,
      ...fields,
    };
    this.#fileObjects.set(id, file);
    return file;
  }

  responseUrl(id: string): string {
    return `${this.base}/respond/${id}`;
  }

  /** Answers `method` with `handler` while it returns something (first registered first); else the default. */
  on(method: string, handler: Handler): void {
    this.#handlers.set(method, [...(this.#handlers.get(method) ?? []), handler]);
  }

  /** Answers the next call of `method` with `answer`, once. */
  once(method: string, answer: Answer): void {
    let used = false;
    this.on(method, () => {
      if (used) return undefined;
      used = true;
      return answer;
    });
  }

  called(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Polls until `check` returns a value that is not undefined/false; fails after `ms` with `what`. */
  async waitFor<T>(what: string, check: () => T | undefined | false, ms = 20_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const v = check();
      if (v !== undefined && v !== false) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; calls so far: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Sends a Socket Mode envelope to every connected client and waits for its ack. */
  async envelope(type: string, payload: unknown, extra: Record<string, unknown> = {}): Promise<{ envelope_id: string; payload?: unknown }> {
    await this.waitFor('a Socket Mode connection', () => this.#sockets.size > 0);
    const envelope_id = `env-${Math.random().toString(36).slice(2)}`;
    for (const ws of this.#sockets) ws.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type !== 'events_api', ...extra }));
    return this.waitFor(`the ack of ${type} ${envelope_id}`, () => this.acks.find((a) => a.envelope_id === envelope_id));
  }

  get socketCount(): number {
    return this.#sockets.size;
  }

  async close(): Promise<void> {
    for (const ws of this.#sockets) ws.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    const raw = await readBody(req);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    };
    if (url.pathname.startsWith('/respond/')) {
      const body = JSON.parse(raw.toString('utf8'));
      const problem = blockProblem(body.blocks);
      if (problem) return json(400, { ok: false, error: problem });
      this.responses.push({ id: url.pathname.slice('/respond/'.length), body });
      return json(200, { ok: true });
    }
    const served = this.#served.get(url.pathname);
    if (req.method === 'GET' && served) {
      const authorization = req.headers.authorization;
      this.fileRequests.push({ path: url.pathname, authorization });
      if (served.html || authorization !== 'Bearer xoxb-test-token') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html><title>Sign in | Slack</title></html>');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(served.text);
      return;
    }
    if (url.pathname.startsWith('/upload/')) {
      this.uploads.push({ id: url.pathname.slice('/upload/'.length), content: uploadedFile(req, raw) });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
      return;
    }
    if (!url.pathname.startsWith('/api/')) return json(404, { ok: false, error: 'not_found' });
    const method = url.pathname.slice('/api/'.length);
    const auth = req.headers.authorization;
    const call: ApiCall = { method, args: parseArgs(req, raw), token: auth?.replace(/^Bearer /, '') };
    this.calls.push(call);
    const reply = (status: number, body: unknown, headers?: Record<string, string>) => {
      call.response = { status, body };
      json(status, body, headers);
    };
    for (const h of this.#handlers.get(method) ?? []) {
      const answer = h(call);
      if (answer === undefined) continue;
      if (typeof answer.status === 'number') {
        const a = answer as { status: number; headers?: Record<string, string>; body?: unknown };
        return reply(a.status, a.body ?? { ok: false }, a.headers);
      }
      return reply(200, answer);
    }
    const answer = this.#default(call);
    return answer ? reply(200, answer) : reply(404, { ok: false, error: 'unknown_method' });
  }

  #default(call: ApiCall): Record<string, unknown> | undefined {
    const { method, args } = call;
    if (method.startsWith('chat.')) {
      const problem = blockProblem(args.blocks);
      if (problem) {
        call.refused = problem;
        return { ok: false, error: problem };
      }
    }
    switch (method) {
      case 'auth.test':
        return { ok: true, url: TEAM_URL, team: 'Newsroom', user: 'claimdesk', team_id: TEAM, user_id: BOT_USER, bot_id: BOT_ID };
      case 'apps.connections.open':
        return { ok: true, url: `${this.base.replace('http', 'ws')}/socket` };
      case 'users.info': {
        const id = String(args.user);
        return {
          ok: true,
          user: { id, name: id.toLowerCase(), real_name: `Real ${id}`, profile: { display_name: `name-${id}` }, is_admin: this.admins.has(id), is_owner: false },
        };
      }
      case 'chat.postMessage': {
        const ts = `${1_800_000_000 + ++this.#ts}.000100`;
        return { ok: true, channel: args.channel, ts, message: { type: 'message', text: args.text, ts, bot_id: BOT_ID } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${1_800_000_000 + ++this.#ts}.000200` };
      case 'files.getUploadURLExternal': {
        const id = `F0${++this.#files}`;
        return { ok: true, upload_url: `${this.base}/upload/${id}`, file_id: id };
      }
      case 'files.info': {
        const file = this.#fileObjects.get(String(args.file));
        return file ? { ok: true, file } : { ok: false, error: 'file_not_found' };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: (args.files as { id: string; title?: string }[]).map((f) => ({ id: f.id, title: f.title })) };
      default:
        return undefined;
    }
  }
}
