// Draws a platform-neutral Reply (src/reply.ts) as Discord messages: a short plain answer as message content,
// anything else as embeds (one per section: the headline, each source with its claims, the hedged claims, the
// flags). Everything stays within Discord's limits, so a send never fails for size:
//   content 2,000 characters; an embed's title 256, description 4,096, 25 fields (name 256, value 1,024),
//   author 256; at most 10 embeds and 6,000 characters across the embeds of one message.
// A section too long for one embed goes on in the next; embeds go on in a next message. Past MAX_MESSAGES
// messages the rest of the claims is left out with a line "…and N more — /report ID" (a /report itself:
// "— /report ID from:K", K the first claim left out; the flags are kept, after it). A file (an /export) is
// attached to the first message, unless it is over the upload limit.
// All user text is escaped (escapeMarkdown: Discord markdown, and mentions broken so nothing pings); senders
// also pass allowedMentions { parse: [] }. Discord reads Markdown, so the lines are the Markdown renderer's
// (src/render/markdown.ts); only the list marks ("• ", "↳ ") and the packing into embeds are Discord's.
import type { APIEmbed } from 'discord.js';
import { nextFrom, splitFlags, type Reply, type ReplyBlock } from '../../src/reply.ts';
import {
  claimLine,
  escapeMarkdown,
  fileLine,
  flagLine,
  hitLine,
  mergedLines,
  refLines,
  reportLine,
  sourceDetail,
} from '../../src/render/markdown.ts';

export const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  author: 256,
  footer: 2048,
  embeds: 10,
  embedTotal: 6000,
} as const;

/** Most messages one reply becomes (a thread is not flooded; the rest is one /report away). */
export const MAX_MESSAGES = 5;
/** Longest line of a description; a longer one is split at a space. */
const LINE_MAX = 1800;
/** Discord's upload limit for a server without boosts, used when the interaction does not say. */
export const DEFAULT_UPLOAD_LIMIT = 10 * 1024 * 1024;
const COLOR = 0x2f6f9f;
const ERROR_COLOR = 0xb3261e;

export interface DiscordFile {
  name: string;
  data: Buffer;
  description: string;
}

/** One message to send: the shape discord.js's send, editReply and followUp take (plus allowedMentions). */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  files: DiscordFile[];
}

export interface RenderOptions {
  /** Largest attachment in bytes (the interaction's attachment_size_limit when known). */
  uploadLimit?: number;
}

const esc = escapeMarkdown;

/** Cuts escaped text to `max` characters with "…", never leaving half an escape. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const backslashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (backslashes % 2 === 1) cut = cut.slice(0, -1);
  return cut + '…';
}

/** A line longer than `max` as several, split at spaces (or hard, outside an escape). */
function splitLine(line: string, max = LINE_MAX): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let at = rest.lastIndexOf(' ', max);
    if (at < max / 2) {
      at = max;
      if (rest[at - 1] === '\\') at--;
    }
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest !== '') out.push(rest);
  return out;
}

type Piece =
  /** Starts a new embed with this title. */
  | { kind: 'title'; text: string }
  /** Ends the current embed. */
  | { kind: 'break' }
  /**
   * A description line; `item` counts as one of the things "…and N more" counts; `cont` goes on the item line
   * before it (the rest of a split line, its cross-references), so a cut never falls between them.
   */
  | { kind: 'line'; text: string; item: boolean; cont?: boolean }
  | { kind: 'field'; name: string; value: string };

function pieces(b: ReplyBlock): Piece[] {
  switch (b.kind) {
    case 'heading':
      return [{ kind: 'title', text: clip(esc(b.text), LIMITS.title) }];
    case 'paragraph':
      return splitLine(esc(b.text)).map((text) => ({ kind: 'line', text, item: false }));
    case 'context':
      return splitLine(`*${esc(b.text)}*`).map((text) => ({ kind: 'line', text, item: false }));
    case 'source':
      return [{ kind: 'title', text: clip(`${esc(b.name)} ${sourceDetail(b)}`, LIMITS.title) }];
    case 'claim':
    case 'hit': {
      const line = b.kind === 'claim' ? claimLine(b) : hitLine(b);
      const main = splitLine(line).map((text, i): Piece => ({ kind: 'line', text, item: i === 0, cont: i > 0 }));
      const refs = refLines(b).map((r) => `↳ ${r}`);
      return [...main, ...refs.flatMap((r) => splitLine(r).map((text): Piece => ({ kind: 'line', text, item: false, cont: true })))];
    }
    case 'flag':
      return splitLine(flagLine(b)).map((text, i) => ({ kind: 'line', text, item: i === 0 }));
    case 'fields':
      return b.fields.map((f) => ({
        kind: 'field',
        name: clip(esc(f.label) || '\u200b', LIMITS.fieldName),
        value: clip(esc(f.value) || '\u200b', LIMITS.fieldValue),
      }));
    case 'file':
      return [{ kind: 'line', text: `📎 ${fileLine(b)}`, item: false }];
    case 'merged': {
      const lines = mergedLines(b).map((line, k) => (k === 0 ? `• ${line}` : `  ↳ ${line}`));
      return lines.flatMap((line, k) => splitLine(line).map((text, i) => ({ kind: 'line' as const, text, item: k === 0 && i === 0 })));
    }
    case 'report':
      return splitLine(`• ${reportLine(b)}`).map((text, i) => ({ kind: 'line', text, item: i === 0 }));
    case 'divider':
      return [{ kind: 'break' }];
  }
}

interface Draft {
  author?: string;
  title?: string;
  lines: { text: string; item: boolean; cont?: boolean }[];
  fields: { name: string; value: string }[];
}

const description = (d: Draft) => d.lines.map((l) => l.text).join('\n');
const size = (d: Draft) =>
  (d.author?.length ?? 0) + (d.title?.length ?? 0) + description(d).length + d.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
const isEmpty = (d: Draft) => d.lines.length === 0 && d.fields.length === 0;

/** Packs pieces into embeds and embeds into messages, each within the limits. */
function pack(all: Piece[], author: string | undefined): Draft[][] {
  const messages: Draft[][] = [];
  const state: { current: Draft | null } = { current: null };
  const last = () => messages[messages.length - 1];
  const total = () => (messages.length === 0 ? 0 : last().reduce((n, d) => n + size(d), 0));
  /** A new embed, in the last message when it and `cost` more characters fit there, else in a new one. */
  const open = (cost: number, title?: string): Draft => {
    const d: Draft = { lines: [], fields: [], ...(title ? { title } : {}) };
    if (messages.length === 0 && author) d.author = clip(author, LIMITS.author);
    if (messages.length === 0 || last().length >= LIMITS.embeds || total() + size(d) + cost > LIMITS.embedTotal) messages.push([]);
    last().push(d);
    state.current = d;
    return d;
  };
  /** The embed that takes `cost` more characters: the current one if `fits`, else a new one. */
  const target = (cost: number, fits: (d: Draft) => boolean): Draft => {
    const d = state.current;
    if (d && fits(d) && total() + cost <= LIMITS.embedTotal) return d;
    if (d && isEmpty(d) && last()[last().length - 1] === d && fits(d)) {
      // A section title with nothing under it yet moves on with its first line.
      last().pop();
      messages.push([d]);
      return d;
    }
    return open(cost);
  };
  for (const p of all) {
    if (p.kind === 'title') {
      const d = state.current;
      if (d && isEmpty(d) && !d.title && total() + p.text.length <= LIMITS.embedTotal) d.title = p.text;
      else open(0, p.text);
    } else if (p.kind === 'break') {
      state.current = null;
    } else if (p.kind === 'line') {
      const cost = (d: Draft | null) => p.text.length + (d && d.lines.length > 0 ? 1 : 0);
      const d = target(cost(state.current), (d) => d.fields.length === 0 && description(d).length + cost(d) <= LIMITS.description);
      d.lines.push({ text: p.text, item: p.item, ...(p.cont ? { cont: true } : {}) });
    } else {
      const d = target(p.name.length + p.value.length, (d) => d.fields.length < LIMITS.fields);
      d.fields.push({ name: p.name, value: p.value });
    }
  }
  return messages.map((m) => m.filter((d) => !isEmpty(d) || d.title)).filter((m) => m.length > 0);
}

const countItems = (drafts: Draft[]) => drafts.reduce((n, d) => n + d.lines.filter((l) => l.item).length + d.fields.length, 0);

/** Keeps the first `max` messages and ends the last with "…and N more". */
function trim(messages: Draft[][], reply: Reply, max = MAX_MESSAGES): Draft[][] {
  if (messages.length <= max) return messages;
  const kept = messages.slice(0, max);
  let omitted = countItems(messages.slice(max).flat());
  const last = kept[kept.length - 1];
  const r = reply.report;
  // A cut /report goes on at the first claim left out: the kept messages hold the claims before it.
  const note = (n: number, next = nextFrom(reply, n)) =>
    r?.shown === 'report'
      ? `…and ${n} more claim${n === 1 ? '' : 's'} — /report ${esc(r.id)} from:${next}`
      : r
        ? `…and ${n} more — /report ${esc(r.id)}; /export format:md has every claim.`
        : `…and ${n} more, past Discord's message limits.`;
  // Room for the note however many more are left out while making it.
  const noteRoom = () => note(omitted + 99, nextFrom(reply, 0)).length;
  const total = () => last.reduce((n, d) => n + size(d), 0);
  // Whether the first line left out goes on a kept one: then that kept item is left out too.
  let splitItem = messages[max].find((d) => d.lines.length > 0 || d.fields.length > 0)?.lines[0]?.cont ?? false;
  while (last.length > 0 && (splitItem || last.length >= LIMITS.embeds || total() + noteRoom() > LIMITS.embedTotal)) {
    const d = last[last.length - 1];
    const line = d.lines.pop();
    const field = line ? undefined : d.fields.pop();
    if (line?.item || field) omitted++;
    if (line) splitItem = line.cont ?? false;
    else if (field) splitItem = false;
    if (isEmpty(d)) last.pop();
  }
  last.push({ lines: [{ text: note(omitted), item: false }], fields: [] });
  return kept;
}

function toEmbed(d: Draft, color: number): APIEmbed {
  const text = description(d);
  return {
    color,
    ...(d.author ? { author: { name: d.author } } : {}),
    ...(d.title ? { title: d.title } : {}),
    ...(text ? { description: text } : {}),
    ...(d.fields.length > 0 ? { fields: d.fields.map((f) => ({ name: f.name, value: f.value })) } : {}),
  };
}

/** A reply that is only a few short paragraphs (and maybe a title) reads best as plain message content. */
function asContent(reply: Reply): string | null {
  if (reply.blocks.some((b) => b.kind !== 'paragraph')) return null;
  const paragraphs = reply.blocks.map((b) => (b.kind === 'paragraph' ? esc(b.text) : ''));
  const text = [...(reply.title ? [`**${esc(reply.title)}**`] : []), ...paragraphs].join('\n');
  return text.length > 0 && text.length <= LIMITS.content ? text : null;
}

function attachments(reply: Reply, limit: number): { files: DiscordFile[]; notes: Piece[] } {
  const files: DiscordFile[] = [];
  const notes: Piece[] = [];
  for (const b of reply.blocks) {
    if (b.kind !== 'file') continue;
    const data = Buffer.from(b.content, 'utf8');
    if (data.length > limit) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      notes.push({
        kind: 'line',
        text: `The file is ${mb(data.length)}, over this server's upload limit of ${mb(limit)}: narrow it with since: and until:, or use \`claimdesk log export\`.`,
        item: false,
      });
    } else {
      files.push({ name: b.filename.replace(/[^\w.-]+/g, '-'), data, description: b.description.slice(0, 1024) });
    }
  }
  return { files, notes };
}

/** The messages that show `reply` on Discord, in order, each within Discord's limits. */
export function renderDiscord(reply: Reply, opts: RenderOptions = {}): DiscordMessage[] {
  const content = asContent(reply);
  if (content !== null) return [{ content, embeds: [], files: [] }];
  const { files, notes } = attachments(reply, opts.uploadLimit ?? DEFAULT_UPLOAD_LIMIT);
  const author = reply.title ? esc(reply.title) : undefined;
  let messages = pack([...reply.blocks.flatMap(pieces), ...notes], author);
  if (messages.length > MAX_MESSAGES) {
    // Cut from the claims, never the flags: they go last, in messages of their own.
    const { body, flags } = splitFlags(reply.blocks);
    const flagMessages = flags.length > 0 ? pack(flags.flatMap(pieces), undefined) : [];
    const bodyMessages = pack([...body.flatMap(pieces), ...notes], author);
    messages = [...trim(bodyMessages, reply, Math.max(1, MAX_MESSAGES - flagMessages.length)), ...flagMessages].slice(0, MAX_MESSAGES);
  }
  const color = reply.error ? ERROR_COLOR : COLOR;
  return messages.map((m, i) => ({ embeds: m.map((d) => toEmbed(d, color)), files: i === 0 ? files : [] }));
}

/** The characters Discord counts toward an embed's share of the 6,000 per message. */
export function embedChars(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}
