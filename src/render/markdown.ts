// Draws a Reply as Markdown (CommonMark/GFM, as Discord and most chat tools read it). All user text is
// escaped, so pasted `*`, `_`, `#`, `<`, `[` ... cannot change the formatting, and mentions (@everyone, @here,
// <!channel>, <@U123> ...) are broken with a zero-width space so that pasted text never pings anyone.
import {
  FLAG_LABELS,
  crossRefLines,
  describeType,
  formatDate,
  mergedCount,
  mergedWho,
  type CrossRefFields,
  type CrossRefLine,
  type MergedLine,
  type Reply,
  type ReplyBlock,
} from '../reply.ts';
import { neutraliseMentions } from './mentions.ts';

export { neutraliseMentions };

/** Escapes user text for use inline in Markdown; newlines become spaces. */
export function escapeMarkdown(text: string): string {
  const line = text
    .replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]#|~<>&]/g, '\\$&')
    // ( ) ! only matter next to [ ], which are escaped. Only at the start of a line: list markers ("- ", "+ ", "1. ", "1) ") and a setext underline.
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
  return neutraliseMentions(line);
}

const esc = escapeMarkdown;

// The line builders below are shared with the Discord embeds (adapters/discord/embeds.ts), which read the same
// Markdown: each gives a line without its list marker, and each renderer adds its own ("- ", "• ", "↳ ").

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** A code span; backticks inside would end it early, so they are dropped. */
const code = (text: string) => `\`${text.replace(/`/g, '')}\``;

/** A platform link as a Markdown link, or null when it is not a plain http(s) URL. */
function safeLink(label: string, url: string | undefined): string | null {
  if (!url || !/^https?:\/\/[^\s()<>\[\]]+$/.test(url)) return null;
  return `[${esc(label)}](${url})`;
}

function hedges(list: string[]): string {
  return list.length > 0 ? ` (hedged: ${list.map((h) => `*${esc(h)}*`).join(', ')})` : '';
}

/** "(government source, via Reuters): 2 claims", what follows a source's name. */
export function sourceDetail(b: Extract<ReplyBlock, { kind: 'source' }>): string {
  const via = b.conduits.length > 0 ? `, via ${b.conduits.map(esc).join(', ')}` : '';
  return `(${describeType(b.type)}${via}): ${plural(b.claims, 'claim')}`;
}

/** "**c1** *said:* “…” (hedged: *reportedly*) `category`" */
export function claimLine(b: Extract<ReplyBlock, { kind: 'claim' }>): string {
  const cue = b.cue ? `*${esc(b.cue)}:* ` : '';
  const said = b.quote ? `“${esc(b.text)}”` : esc(b.text);
  return `**${esc(b.id)}** ${cue}${said}${hedges(b.hedges)} \`${b.category}\``;
}

/** A claim found in the log: who, what, `category` · when · who posted it · a link to it. */
export function hitLine(b: Extract<ReplyBlock, { kind: 'hit' }>): string {
  const who = b.source ? `**${esc(b.source)}** (${describeType(b.sourceType ?? 'unknown')})` : '**No source**';
  const via = b.conduit ? ` via ${esc(b.conduit)}` : '';
  const cue = b.cue ? ` *${esc(b.cue)}:*` : ':';
  const said = b.quote ? `“${esc(b.text)}”` : esc(b.text);
  const id = `${b.reportId}/${b.claimId}`;
  const ref = safeLink(id, b.link) ?? code(id);
  return `${who}${via}${cue} ${said}${hedges(b.hedges)} \`${b.category}\` · ${formatDate(new Date(b.postedAt))} · ${esc(b.poster)} · ${ref}`;
}

/** The lines under a claim or hit: "*also reported in* [k3x9ab/c2](link) (TASS), …" (none without cross-references). */
export function refLines(b: CrossRefFields): string[] {
  const one = (r: CrossRefLine['refs'][number]) => {
    const id = `${r.reportId}/${r.claimId}`;
    return `${safeLink(id, r.link) ?? code(id)} (${esc(r.note)})`;
  };
  return crossRefLines(b).map((l) => `*${l.label}* ${l.refs.map(one).join(', ')}`);
}

/** "⚠️ **Label** (c1, c2): message" */
export function flagLine(b: Extract<ReplyBlock, { kind: 'flag' }>): string {
  const ids = b.claims.length > 0 ? ` (${b.claims.map(esc).join(', ')})` : '';
  return `⚠️ **${FLAG_LABELS[b.code]}**${ids}: ${esc(b.message)}`;
}

/** "*description* (`filename`)" */
export function fileLine(b: Extract<ReplyBlock, { kind: 'file' }>): string {
  return `*${esc(b.description)}* (${code(b.filename)})`;
}

const ref = (r: { id: string; link?: string }) => safeLink(r.id, r.link) ?? code(`/report ${r.id}`);

function mergedText(m: MergedLine): string {
  const said = m.quote ? `“${esc(m.text)}”` : esc(m.text);
  const { count, more } = mergedCount(m);
  return `${said} — **${esc(mergedWho(m))}**, ${count}: ${m.reports.map(ref).join(', ')}${more}`;
}

/** A merged claim (the digest): its line, then a line "disputed (why): …" for each claim disputing it. */
export function mergedLines(b: Extract<ReplyBlock, { kind: 'merged' }>): string[] {
  const check = b.check?.length ? ` · check: ${b.check.map(esc).join(', ')}` : '';
  const disputes = (b.disputedBy ?? []).map((d) => `disputed (${esc(d.why)}): ${mergedText(d)}`);
  return [`${mergedText(b)}${hedges(b.hedges)} \`${b.category}\`${check}`, ...disputes];
}

/** A report in a list: when · who posted it · its headline · N claims · a link to it. */
export function reportLine(b: Extract<ReplyBlock, { kind: 'report' }>): string {
  return `${formatDate(new Date(b.postedAt))} · ${esc(b.poster)} · ${esc(b.headline)} · ${plural(b.claims, 'claim')} · ${ref(b)}`;
}

const subItems = (lines: string[]) => lines.map((l) => `\n  - ${l}`).join('');

function block(b: ReplyBlock, first: boolean): string {
  switch (b.kind) {
    case 'heading':
      return `${first ? '##' : '###'} ${esc(b.text)}`;
    case 'paragraph':
      return esc(b.text);
    case 'context':
      return `*${esc(b.text)}*`;
    case 'source':
      return `**${esc(b.name)}** ${sourceDetail(b)}`;
    case 'claim':
      return `- ${claimLine(b)}${subItems(refLines(b))}`;
    case 'hit':
      return `- ${hitLine(b)}${subItems(refLines(b))}`;
    case 'merged': {
      const [line, ...disputes] = mergedLines(b);
      return `- ${line}${subItems(disputes)}`;
    }
    case 'report':
      return `- ${reportLine(b)}`;
    case 'file':
      return fileLine(b);
    case 'flag':
      return `- ${flagLine(b)}`;
    case 'fields':
      return b.fields.map((f) => `- **${esc(f.label)}:** ${esc(f.value)}`).join('\n');
    case 'divider':
      return '---';
  }
}

export function renderMarkdown(reply: Reply): string {
  const out: string[] = [];
  let prev: ReplyBlock['kind'] | null = null;
  reply.blocks.forEach((b, i) => {
    const text = block(b, i === 0);
    // List items of one kind stay one tight list; everything else is its own paragraph.
    const tight = prev === b.kind && (b.kind === 'claim' || b.kind === 'flag' || b.kind === 'hit' || b.kind === 'merged' || b.kind === 'report');
    if (out.length > 0) out.push(tight ? '\n' : '\n\n');
    out.push(text);
    prev = b.kind;
  });
  return out.join('') + '\n';
}
