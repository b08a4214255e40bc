// Draws a Reply as plain text for a terminal: headline, claims grouped by source, hedged claims, flags.
import { FLAG_LABELS, crossRefLines, describeType, formatDate, type CrossRefFields, type Reply, type ReplyBlock } from '../reply.ts';
import { neutraliseMentions } from './mentions.ts';
import { mergedCount, mergedWho, type MergedLine } from '../reply.ts';

const WIDTH = 100;

/**
 * User text for a terminal: one line, with no control characters (no escape sequences), and no mention that
 * could ping if the text is copied on to a chat.
 */
function safe(text: string): string {
  return neutraliseMentions(text.replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ').replace(/\s+/g, ' ').trim());
}

/** Wraps at word boundaries; the first line starts with `first`, the others with `rest`. */
export function wrap(text: string, first: string, rest = ' '.repeat(first.length), width = WIDTH): string {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ')) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

/** "      also reported in k3x9ab/c2 (TASS), m2p8qq/c1 (no source)": one wrapped line per kind, none without cross-references. */
function refLines(b: CrossRefFields): string {
  return crossRefLines(b)
    .map((l) => '\n' + wrap(`${l.label} ${l.refs.map((r) => `${r.reportId}/${r.claimId} (${safe(r.note)})`).join(', ')}`, '      ↳ ', '        '))
    .join('');
}

function claimLines(b: Extract<ReplyBlock, { kind: 'claim' }>): string {
  const said = b.quote ? `“${safe(b.text)}”` : safe(b.text);
  const cue = b.cue ? `${safe(b.cue)}: ` : '';
  const head = wrap(cue + said, `  ${b.id.padEnd(4)}`, '      ');
  const notes: string[] = [];
  if (b.hedges.length > 0) notes.push(`hedged: ${b.hedges.map((h) => `"${safe(h)}"`).join(', ')}`);
  if (b.stance) notes.push(b.stance);
  notes.push(b.category);
  return `${head}\n${wrap(`[${notes.join(' · ')}]`, '      ')}${refLines(b)}`;
}

function hitLines(b: Extract<ReplyBlock, { kind: 'hit' }>): string {
  const said = b.quote ? `“${safe(b.text)}”` : safe(b.text);
  const who = b.source ? `${safe(b.source)} (${describeType(b.sourceType ?? 'unknown')})` : 'No source';
  const via = b.conduit ? ` via ${safe(b.conduit)}` : '';
  const cue = b.cue ? ` ${safe(b.cue)}` : '';
  const head = wrap(`${who}${via}${cue}: ${said}`, `  ${b.reportId}/${b.claimId}  `, '      ');
  const notes: string[] = [];
  if (b.hedges.length > 0) notes.push(`hedged: ${b.hedges.map((h) => `"${safe(h)}"`).join(', ')}`);
  notes.push(b.category);
  notes.push(formatDate(new Date(b.postedAt)));
  notes.push(`pasted by ${safe(b.poster)}`);
  notes.push(b.link ? safe(b.link) : `/report ${b.reportId}`);
  return `${head}\n${wrap(`[${notes.join(' · ')}]`, '      ')}${refLines(b)}`;
}

function block(b: ReplyBlock): string {
  switch (b.kind) {
    case 'heading':
      return wrap(safe(b.text), '');
    case 'paragraph':
    case 'context':
      return wrap(safe(b.text), '');
    case 'source': {
      const via = b.conduits.length > 0 ? `, via ${b.conduits.map(safe).join(', ')}` : '';
      const claims = `${b.claims} claim${b.claims === 1 ? '' : 's'}`;
      return wrap(`${safe(b.name)} (${describeType(b.type)}${via}): ${claims}`, '');
    }
    case 'claim':
      return claimLines(b);
    case 'hit':
      return hitLines(b);
    case 'merged':
      return mergedLines(b);
    case 'report':
      return reportLine(b);
    case 'file':
      return wrap(`${safe(b.description)} (${safe(b.filename)})`, '');
    case 'flag': {
      const ids = b.claims.length > 0 ? ` (${b.claims.join(', ')})` : '';
      return wrap(`${FLAG_LABELS[b.code]}${ids}: ${safe(b.message)}`, '  ! ', '    ');
    }
    case 'fields':
      return b.fields.map((f) => wrap(safe(f.value), `  ${safe(f.label)}: `, '    ')).join('\n');
    case 'divider':
      return '';
  }
}

/** A report's link when it is a plain http(s) URL, else `/report ID`. */
const refText = (r: { id: string; link?: string }) => (r.link && /^https?:\/\/\S+$/.test(r.link) ? safe(r.link) : `/report ${safe(r.id)}`);

function mergedLine(m: MergedLine, first: string, rest: string): string {
  const said = m.quote ? `“${safe(m.text)}”` : safe(m.text);
  const { count, more } = mergedCount(m);
  return wrap(`${said} — ${safe(mergedWho(m))}, ${count}: ${m.reports.map(refText).join(', ')}${more}`, first, rest);
}

function mergedLines(b: Extract<ReplyBlock, { kind: 'merged' }>): string {
  const notes: string[] = [];
  if (b.hedges.length > 0) notes.push(`hedged: ${b.hedges.map((h) => `"${safe(h)}"`).join(', ')}`);
  if (b.check?.length) notes.push(`check: ${b.check.map(safe).join(', ')}`);
  notes.push(b.category);
  const lines = [mergedLine(b, '  • ', '    '), wrap(`[${notes.join(' · ')}]`, '    ')];
  for (const d of b.disputedBy ?? []) lines.push(mergedLine(d, `    ↳ disputed (${safe(d.why)}): `, '      '));
  return lines.join('\n');
}

function reportLine(b: Extract<ReplyBlock, { kind: 'report' }>): string {
  const claims = `${b.claims} claim${b.claims === 1 ? '' : 's'}`;
  return wrap(`${formatDate(new Date(b.postedAt))} · ${safe(b.poster)} · ${safe(b.headline)} · ${claims} · ${refText(b)}`, '  • ', '    ');
}

export function renderText(reply: Reply): string {
  return reply.blocks.map(block).join('\n') + '\n';
}
