// Draws a Reply as Markdown (CommonMark/GFM, as Discord and most chat tools read it). All user text is
// escaped, so pasted `*`, `_`, `#`, `<`, `[` ... cannot change the formatting, and mentions (@everyone, @here,
// <!channel>, <@U123> ...) are broken with a zero-width space so that pasted text never pings anyone.
import { FLAG_LABELS, crossRefLines, describeType, formatDate, type CrossRefFields, type Reply, type ReplyBlock } from '../reply.ts';
import { neutraliseMentions } from './mentions.ts';
import { mergedCount, mergedWho, type MergedLine } from '../reply.ts';

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

function claim(b: Extract<ReplyBlock, { kind: 'claim' }>): string {
  const cue = b.cue ? `*${esc(b.cue)}:* ` : '';
  const said = b.quote ? `“${esc(b.text)}”` : esc(b.text);
  const hedges = b.hedges.length > 0 ? ` (hedged: ${b.hedges.map((h) => `*${esc(h)}*`).join(', ')})` : '';
  return `- **${esc(b.id)}** ${cue}${said}${hedges} \`${b.category}\`${refs(b)}`;
}

/** A platform link as a Markdown link, or null when it is not a plain http(s) URL. */
function safeLink(label: string, url: string | undefined): string | null {
  if (!url || !/^https?:\/\/[^\s()<>\[\]]+$/.test(url)) return null;
  return `[${esc(label)}](${url})`;
}

/** Nested list items under a claim or hit: "also reported in [k3x9ab/c2](link) (TASS), …". */
function refs(b: CrossRefFields): string {
  return crossRefLines(b)
    .map((l) => `\n  - *${l.label}* ${l.refs.map((r) => `${safeLink(`${r.reportId}/${r.claimId}`, r.link) ?? `\`${r.reportId}/${r.claimId}\``} (${esc(r.note)})`).join(', ')}`)
    .join('');
}

function hit(b: Extract<ReplyBlock, { kind: 'hit' }>): string {
  const who = b.source ? `**${esc(b.source)}** (${describeType(b.sourceType ?? 'unknown')})` : '**No source**';
  const via = b.conduit ? ` via ${esc(b.conduit)}` : '';
  const cue = b.cue ? ` *${esc(b.cue)}:*` : ':';
  const said = b.quote ? `“${esc(b.text)}”` : esc(b.text);
  const hedges = b.hedges.length > 0 ? ` (hedged: ${b.hedges.map((h) => `*${esc(h)}*`).join(', ')})` : '';
  const id = `${b.reportId}/${b.claimId}`;
  const ref = safeLink(id, b.link) ?? `\`${id}\``;
  return `- ${who}${via}${cue} ${said}${hedges} \`${b.category}\` · ${formatDate(new Date(b.postedAt))} · ${esc(b.poster)} · ${ref}${refs(b)}`;
}

function block(b: ReplyBlock, first: boolean): string {
  switch (b.kind) {
    case 'heading':
      return `${first ? '##' : '###'} ${esc(b.text)}`;
    case 'paragraph':
      return esc(b.text);
    case 'context':
      return `*${esc(b.text)}*`;
    case 'source': {
      const via = b.conduits.length > 0 ? `, via ${b.conduits.map(esc).join(', ')}` : '';
      return `**${esc(b.name)}** (${describeType(b.type)}${via}): ${b.claims} claim${b.claims === 1 ? '' : 's'}`;
    }
    case 'claim':
      return claim(b);
    case 'hit':
      return hit(b);
    case 'merged':
      return merged(b);
    case 'report':
      return reportItem(b);
    case 'file':
      return `*${esc(b.description)}* (\`${b.filename.replace(/`/g, '')}\`)`;
    case 'flag': {
      const ids = b.claims.length > 0 ? ` (${b.claims.map(esc).join(', ')})` : '';
      return `- ⚠️ **${FLAG_LABELS[b.code]}**${ids}: ${esc(b.message)}`;
    }
    case 'fields':
      return b.fields.map((f) => `- **${esc(f.label)}:** ${esc(f.value)}`).join('\n');
    case 'divider':
      return '---';
  }
}

const ref = (r: { id: string; link?: string }) => safeLink(r.id, r.link) ?? `\`/report ${r.id.replace(/`/g, '')}\``;

function mergedText(m: MergedLine): string {
  const said = m.quote ? `“${esc(m.text)}”` : esc(m.text);
  const { count, more } = mergedCount(m);
  return `${said} — **${esc(mergedWho(m))}**, ${count}: ${m.reports.map(ref).join(', ')}${more}`;
}

function merged(b: Extract<ReplyBlock, { kind: 'merged' }>): string {
  const hedges = b.hedges.length > 0 ? ` (hedged: ${b.hedges.map((h) => `*${esc(h)}*`).join(', ')})` : '';
  const check = b.check?.length ? ` · check: ${b.check.map(esc).join(', ')}` : '';
  const lines = [`- ${mergedText(b)}${hedges} \`${b.category}\`${check}`];
  for (const d of b.disputedBy ?? []) lines.push(`  - disputed (${esc(d.why)}): ${mergedText(d)}`);
  return lines.join('\n');
}

function reportItem(b: Extract<ReplyBlock, { kind: 'report' }>): string {
  const claims = `${b.claims} claim${b.claims === 1 ? '' : 's'}`;
  return `- ${formatDate(new Date(b.postedAt))} · ${esc(b.poster)} · ${esc(b.headline)} · ${claims} · ${ref(b)}`;
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
