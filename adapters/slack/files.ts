// Long pastes on Slack: the client can turn a long paste into a text snippet, a `file_share` message whose file
// is plain text (filetype "text", mimetype text/plain). Its content is read (adapters/text-files.ts) from the
// file's url_private_download (or url_private) with the bot token, as Slack serves files (scope files:read),
// and added to the message's text. The token is sent only to Slack's file host, files.slack.com, or the host
// of SLACK_API_URL when it is set (government cloud, the tests); a URL anywhere else is not fetched.
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/log.ts';
import { cannotRead, originOf, readTextFiles, type ReadText, type TextFile } from '../text-files.ts';

export const SLACK_FILE_ORIGINS = ['https://files.slack.com'];

/** The fields of a Slack file object used here. */
export interface SlackFile {
  id?: string;
  name?: string;
  title?: string;
  mimetype?: string;
  filetype?: string;
  size?: number;
  url_private?: string;
  url_private_download?: string;
  /** "check_file_info": the event left the details out; files.info has them. */
  file_access?: string;
}

/** A text snippet or a plain-text file. */
export function isTextFile(f: SlackFile): boolean {
  return f.filetype === 'text' || /^text\/plain\b/i.test(f.mimetype ?? '') || /\.txt$/i.test(f.name ?? '');
}

/** The text files among a message's `files` (as an event or a shortcut gives them), in order. */
export function textFilesOf(files: unknown): SlackFile[] {
  if (!Array.isArray(files)) return [];
  return (files as SlackFile[]).filter((f) => f && typeof f === 'object' && (isTextFile(f) || f.file_access === 'check_file_info'));
}

export interface ReadSlackFilesOptions {
  client: webApi.WebClient;
  /** The bot token of the workspace the message is in. */
  token: string | undefined;
  /** SLACK_API_URL, whose host is allowed as well. */
  apiUrl?: string;
  maxBytes: number;
  log: Logger;
  what: string;
}

/** Files the event named without details: completed from files.info (null when Slack will not say). */
async function completed(f: SlackFile, opts: ReadSlackFilesOptions): Promise<SlackFile | null> {
  if (f.file_access !== 'check_file_info' || !f.id) return f;
  try {
    const info = await opts.client.files.info({ file: f.id });
    return (info.file as SlackFile | undefined) ?? null;
  } catch (err) {
    opts.log.warn(`${opts.what}: files.info on ${f.id} failed: ${(err as Error).message}`);
    return null;
  }
}

/** The typed text with the text files' contents after it, or why they could not be read. */
export async function readSlackFiles(typed: string, files: SlackFile[], opts: ReadSlackFilesOptions): Promise<ReadText> {
  const found: TextFile[] = [];
  for (const f of files) {
    const full = await completed(f, opts);
    if (full === null) return { unread: cannotRead(f.name ?? f.id ?? 'file', 'Slack did not give it to me') };
    if (!isTextFile(full)) continue;
    const url = full.url_private_download ?? full.url_private ?? '';
    found.push({ name: full.name ?? full.title ?? 'the file', url, ...(typeof full.size === 'number' ? { size: full.size } : {}) });
  }
  if (found.length === 0) return { text: typed };
  const api = originOf(opts.apiUrl);
  return readTextFiles(found, {
    origins: [...SLACK_FILE_ORIGINS, ...(api ? [api] : [])],
    headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
    maxBytes: opts.maxBytes,
    typed,
    log: opts.log,
    what: opts.what,
  });
}
