// Long pastes that a chat client sent as a text file (Discord's message.txt, a Slack text snippet): the adapters
// read them here, so that the report in the file is summarised like one pasted as a message.
//
// Safety: a file is fetched only from the origins the adapter allows (the platform's own file hosts, as named in
// the platform's payload); any other URL is refused with a log line and no request, so a header such as Slack's
// bot token never goes anywhere else. Redirects are followed only within those origins. The sizes the platform
// gives are checked against the largest report accepted (CLAIMDESK_MAX_INPUT_BYTES) before anything is
// downloaded, and the download stops there too; it is given up after a timeout.
import type { Logger } from '../src/log.ts';
import { tooLargeError } from '../src/input.ts';

export interface TextFile {
  name: string;
  url: string;
  /** The size the platform gives, in bytes (when it gives one). */
  size?: number;
}

export interface ReadTextOptions {
  /** Origins files may come from, e.g. https://files.slack.com; anything else is not fetched. */
  origins: string[];
  /** Sent with each request (Slack: the bot token). */
  headers?: Record<string, string>;
  /** Largest report accepted, in UTF-8 bytes (CLAIMDESK_MAX_INPUT_BYTES). */
  maxBytes: number;
  /** The typed text the files' texts are added to (it counts towards maxBytes). */
  typed: string;
  timeoutMs?: number;
  log: Logger;
  /** Names the message in log lines: "discord: message 123". */
  what: string;
}

/** The typed text and the files' texts, or why the files could not be read (a message for the person). */
export type ReadText = { text: string } | { unread: string };

export const DOWNLOAD_TIMEOUT_MS = 20_000;
const MAX_REDIRECTS = 3;
/** Between the typed text and each file's text. */
const JOIN = '\n\n';

/** The origin of a URL (https://files.slack.com), or null when it is not an http(s) URL. */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

export function cannotRead(name: string, why: string): string {
  return `I could not read the attached file “${name}” (${why}), so nothing was saved. Try again, or paste the report as text.`;
}

class ReadFailure extends Error {
  /** Already logged where it happened. */
  logged = false;
}

/** Joins the typed text and each file's text, in order, with a blank line between; checks sizes first. */
export async function readTextFiles(files: TextFile[], opts: ReadTextOptions): Promise<ReadText> {
  const typed = opts.typed.trim();
  const joins = Buffer.byteLength(JOIN) * (files.length - (typed ? 0 : 1));
  const announced = Buffer.byteLength(typed) + joins + files.reduce((n, f) => n + (f.size ?? 0), 0);
  if (announced > opts.maxBytes) {
    opts.log.info(`${opts.what}: attached text of ${announced} bytes is over the limit of ${opts.maxBytes}; not downloaded`);
    return { unread: tooLargeError(announced, opts.maxBytes).message };
  }
  const parts = typed ? [typed] : [];
  let used = Buffer.byteLength(typed) + joins;
  for (const file of files) {
    try {
      const text = await download(file, opts, opts.maxBytes - used);
      used += Buffer.byteLength(text);
      parts.push(text);
    } catch (err) {
      if (err instanceof TooLarge) return { unread: tooLargeError(used + err.bytes, opts.maxBytes).message };
      const why = err instanceof ReadFailure ? err.message : 'the download failed';
      if (!(err instanceof ReadFailure && err.logged)) opts.log.warn(`${opts.what}: ${file.name} not read: ${(err as Error).message}`);
      return { unread: cannotRead(file.name, why) };
    }
  }
  return { text: parts.join(JOIN) };
}

class TooLarge extends Error {
  constructor(readonly bytes: number) {
    super('too large');
  }
}

async function download(file: TextFile, opts: ReadTextOptions, budget: number): Promise<string> {
  const signal = AbortSignal.timeout(opts.timeoutMs ?? DOWNLOAD_TIMEOUT_MS);
  let url = file.url;
  for (let hop = 0; ; hop++) {
    const origin = originOf(url);
    if (!origin || !opts.origins.includes(origin)) {
      opts.log.warn(`${opts.what}: not fetching ${file.name}: ${origin ?? 'its URL'} is not one of the platform's file hosts`);
      const refused = new ReadFailure('it is not on the platform’s own file host');
      refused.logged = true;
      throw refused;
    }
    let res: Response;
    try {
      res = await fetch(url, { headers: opts.headers ?? {}, redirect: 'manual', signal });
    } catch (err) {
      throw new ReadFailure(signal.aborted ? 'the download timed out' : `the download failed: ${(err as Error).message}`);
    }
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location && hop < MAX_REDIRECTS) {
      await res.body?.cancel();
      url = new URL(location, url).href;
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new ReadFailure(`the file host answered ${res.status}`);
    }
    if (/^text\/html/i.test(res.headers.get('content-type') ?? '')) {
      // Slack answers a request it will not serve (no files:read scope) with its sign-in page.
      await res.body?.cancel();
      throw new ReadFailure('the file host sent a web page instead of the file');
    }
    return await readBody(res, budget, signal);
  }
}

/** The body as UTF-8 text, stopping once it passes `budget` bytes. */
async function readBody(res: Response, budget: number, signal: AbortSignal): Promise<string> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    for await (const chunk of res.body ?? []) {
      bytes += chunk.byteLength;
      if (bytes > budget) throw new TooLarge(bytes);
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof TooLarge) {
      await res.body?.cancel().catch(() => {});
      throw err;
    }
    throw new ReadFailure(signal.aborted ? 'the download timed out' : `the download failed: ${(err as Error).message}`);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}
