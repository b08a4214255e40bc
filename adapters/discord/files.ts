// Long pastes on Discord: the client turns a message over 2,000 characters (4,000 with Nitro) into a
// `message.txt` attachment, with little or no content. The plain-text attachments of a message itself (not of
// a message it replies to or forwards) are read (adapters/text-files.ts) and added to its text, in order; the
// paste rule then applies to the whole. Files are fetched only from Discord's CDN, or the host of
// DISCORD_API_URL when it is set (a REST proxy, the tests).
import type { Attachment, Collection } from 'discord.js';
import type { BotEvent } from '../../src/bot.ts';
import type { Logger } from '../../src/log.ts';
import { originOf, readTextFiles, type TextFile } from '../text-files.ts';

export const DISCORD_FILE_ORIGINS = ['https://cdn.discordapp.com', 'https://media.discordapp.net'];

/** A text file: content type text/plain, or a .txt name. */
export function isTextAttachment(a: Attachment): boolean {
  return /^text\/plain\b/i.test(a.contentType ?? '') || /\.txt$/i.test(a.name);
}

export interface AttachedTextOptions {
  maxBytes: number;
  log: Logger;
  /** DISCORD_API_URL, whose host is allowed as well. */
  apiUrl?: string;
  timeoutMs?: number;
}

/**
 * The event with its message's text files read into its text (and a command's `text` argument), or with
 * `unread` saying why they could not be; unchanged when the message has none.
 */
export async function withAttachedText(
  event: BotEvent,
  attachments: Collection<string, Attachment>,
  what: string,
  opts: AttachedTextOptions,
): Promise<BotEvent> {
  const files: TextFile[] = attachments.filter(isTextAttachment).map((a) => ({ name: a.name, url: a.url, size: a.size }));
  if (files.length === 0) return event;
  const api = originOf(opts.apiUrl);
  const read = await readTextFiles(files, {
    origins: [...DISCORD_FILE_ORIGINS, ...(api ? [api] : [])],
    maxBytes: opts.maxBytes,
    typed: event.text,
    log: opts.log,
    what,
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
  });
  if ('unread' in read) return { ...event, unread: read.unread };
  return { ...event, text: read.text, ...(event.kind === 'command' ? { args: { text: read.text } } : {}) };
}
