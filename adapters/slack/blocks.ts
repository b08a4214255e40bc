// Draws a platform-neutral Reply (src/reply.ts) as one Slack message: Block Kit blocks plus a `text` fallback
// for notifications, within Slack's limits (../shared/docs/platforms.md): at most 50 blocks, 3,000 characters
// of text a section, 10 fields of 2,000, and about 12,000 characters in all (msg_blocks_too_long comes near
// 13k). A reply that does not fit keeps its first parts, then "…and N more claims — /report ID" (a /report
// itself: "— /report ID from:K", K the first claim left out), then its flags (kept, as on Discord): the post
// never fails for length.
// Everything users wrote is escaped for mrkdwn (&, <, >), so pasted text cannot form links or mentions, and
// mentions in plain form (@channel) are broken by neutraliseMentions: nothing pasted pings anyone.
import type { types } from '@slack/bolt';
import { mergedCount, mergedWho, nextFrom, type MergedLine } from '../../src/reply.ts';
import { neutraliseMentions } from '../../src/render/mentions.ts';
import { FLAG_LABELS, crossRefLines, describeType, formatDate, splitFlags, type CrossRefFields, type Reply, type ReplyBlock } from '../../src/reply.ts';

type Block = types.KnownBlock;

export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  /** Characters of text across all blocks: Slack refuses near 13k (msg_blocks_too_long). */
  totalChars: 12_000,
  fallback: 3000,
} as const;

export interface SlackMessage {
  /** mrkdwn: the notification line and what clients without blocks show. */
  text: string;
  blocks: Block[];
}

/** User text for mrkdwn: one line, &, <, > escaped, mentions broken. */
export function escapeMrkdwn(text: string): string {
  const line = text.replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ').replace(/\s+/g, ' ').trim();
  return neutraliseMentions(line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

const esc = escapeMrkdwn;

/** Cuts to `max` characters with an ellipsis, never inside an &amp;-style escape. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const amp = cut.lastIndexOf('&');
  if (amp >= 0 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  return `${cut}…`;
}

/** A plain http(s) link as <url|label>, or null (anything else is shown as text). */
function link(url: string | undefined, label: string): string | null {
  if (!url || !/^https?:\/\/[^\s<>|]+$/.test(url)) return null;
  return `<${url}|${label}>`;
}

/** Lines under a claim or hit: "↳ _also reported in_ <link|k3x9ab/c2> (TASS), …" (none without cross-references). */
function refLines(b: CrossRefFields): string {
  return crossRefLines(b)
    .map((l) => `\n      ↳ _${l.label}_ ${l.refs.map((r) => `${link(r.link, esc(`${r.reportId}/${r.claimId}`)) ?? `\`${esc(`${r.reportId}/${r.claimId}`)}\``} (${esc(r.note)})`).join(', ')}`)
    .join('');
}

function claimLine(b: Extract<ReplyBlock, { kind: 'claim' }>): string {
  const cue = b.cue ? `_${esc(b.cue)}:_ ` : '';
  const said = b.quote ? `“${esc(b.text)}”` : esc(b.text);
  const hedges = b.hedges.length > 0 ? ` (hedged: ${b.hedges.map((h) => `_${esc(h)}_`).join(', ')})` : '';
  return `• \`${esc(b.id)}\` ${cue}${said}${hedges} \`${b.category}\`${refLines(b)}`;
}

function hitLine(b: Extract<ReplyBlock, { kind: 'hit' }>): string {
  const who = b.source ? `*${esc(b.source)}* (${describeType(b.sourceType ?? 'unknown')})` : '*No source*';
  const via = b.conduit ? ` via ${esc(b.conduit)}` : '';
  const cue = b.cue ? ` _${esc(b.cue)}:_` : ':';
  const said = b.quote ? `“${esc(b.text)}”` : esc(b.text);
  const hedges = b.hedges.length > 0 ? ` (hedged: ${b.hedges.map((h) => `_${esc(h)}_`).join(', ')})` : '';
  const id = `${b.reportId}/${b.claimId}`;
  const ref = link(b.link, esc(id)) ?? `\`${esc(id)}\``;
  return `${who}${via}${cue} ${said}${hedges} \`${b.category}\` · ${formatDate(new Date(b.postedAt))} · ${esc(b.poster)} · ${ref}${refLines(b)}`;
}

function flagLine(b: Extract<ReplyBlock, { kind: 'flag' }>): string {
  const ids = b.claims.length > 0 ? ` (${b.claims.map(esc).join(', ')})` : '';
  return `:warning: *${FLAG_LABELS[b.code]}*${ids}: ${esc(b.message)}`;
}

const ref = (r: { id: string; link?: string }) => link(r.link, esc(r.id)) ?? `\`/report ${esc(r.id).replace(/`/g, '')}\``;

function mergedText(m: MergedLine): string {
  const said = m.quote ? `“${esc(m.text)}”` : esc(m.text);
  const { count, more } = mergedCount(m);
  return `${said} — *${esc(mergedWho(m))}*, ${count}: ${m.reports.map(ref).join(', ')}${more}`;
}

function mergedLine(b: Extract<ReplyBlock, { kind: 'merged' }>): string {
  const hedges = b.hedges.length > 0 ? ` (hedged: ${b.hedges.map((h) => `_${esc(h)}_`).join(', ')})` : '';
  const check = b.check?.length ? ` · check: ${b.check.map(esc).join(', ')}` : '';
  const lines = [`• ${mergedText(b)}${hedges} \`${b.category}\`${check}`];
  for (const d of b.disputedBy ?? []) lines.push(`      ↳ disputed (${esc(d.why)}): ${mergedText(d)}`);
  return lines.join('\n');
}

function reportLine(b: Extract<ReplyBlock, { kind: 'report' }>): string {
  const claims = `${b.claims} claim${b.claims === 1 ? '' : 's'}`;
  return `• ${formatDate(new Date(b.postedAt))} · ${esc(b.poster)} · ${esc(b.headline)} · ${claims} · ${ref(b)}`;
}

/**
 * One piece of the message: a block of its own, or a line gathered with the lines before it into one section
 * (a source's line starts a section that its claims join; flags join flags; hits join hits).
 */
type LineKind = 'source' | 'claim' | 'flag' | 'hit' | 'merged' | 'report';
type Piece = { block: Block; chars: number } | { line: string; kind: LineKind };
const JOINS: Record<LineKind, LineKind[]> = {
  source: [],
  claim: ['source', 'claim'],
  flag: ['flag'],
  hit: ['hit'],
  merged: ['source', 'merged'],
  report: ['report'],
};

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) } });
const context = (text: string): Block => ({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(text, LIMITS.sectionText) }] });
/** Characters of text in a block, as Slack counts them toward msg_blocks_too_long. */
function textChars(block: Block): number {
  if (block.type === 'section') return (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((n, f) => n + f.text.length, 0);
  if (block.type === 'context') return block.elements.reduce((n, e) => n + ('text' in e && typeof e.text === 'string' ? e.text.length : 0), 0);
  return 0;
}
const own = (block: Block): Piece => ({ block, chars: textChars(block) });

function pieces(b: ReplyBlock): Piece[] {
  switch (b.kind) {
    case 'heading':
      return [own(section(`*${esc(b.text)}*`))];
    case 'paragraph':
      return [own(section(esc(b.text)))];
    case 'context':
      return [own(context(esc(b.text)))];
    case 'source': {
      const via = b.conduits.length > 0 ? `, via ${b.conduits.map(esc).join(', ')}` : '';
      const text = `*${esc(b.name)}* (${describeType(b.type)}${via}): ${b.claims} claim${b.claims === 1 ? '' : 's'}`;
      return [{ line: clip(text, LIMITS.sectionText), kind: 'source' }];
    }
    case 'claim':
      return [{ line: clip(claimLine(b), LIMITS.sectionText), kind: 'claim' }];
    case 'hit':
      return [{ line: clip(hitLine(b), LIMITS.sectionText), kind: 'hit' }];
    case 'flag':
      return [{ line: clip(flagLine(b), LIMITS.sectionText), kind: 'flag' }];
    case 'merged':
      return [{ line: clip(mergedLine(b), LIMITS.sectionText), kind: 'merged' }];
    case 'report':
      return [{ line: clip(reportLine(b), LIMITS.sectionText), kind: 'report' }];
    case 'file': {
      const text = `:page_facing_up: ${esc(b.description)} (\`${esc(b.filename).replace(/`/g, '')}\`)`;
      return [own(context(text))];
    }
    case 'fields': {
      const out: Piece[] = [];
      for (let i = 0; i < b.fields.length; i += LIMITS.fields) {
        const fields = b.fields.slice(i, i + LIMITS.fields).map((f) => ({
          type: 'mrkdwn' as const,
          text: clip(`*${esc(f.label)}*\n${esc(f.value)}`, LIMITS.fieldText),
        }));
        out.push(own({ type: 'section', fields }));
      }
      return out;
    }
    case 'divider':
      return [own({ type: 'divider' })];
  }
}

function moreLine(reply: Reply, claims: number, rest: number): string {
  const what = claims > 0 ? `${claims} more claim${claims === 1 ? '' : 's'}` : `${rest} more part${rest === 1 ? '' : 's'}`;
  const r = reply.report;
  if (r?.shown === 'saved') return `…and ${what} — /report ${esc(r.id)}; /export format:md has every claim.`;
  if (r?.shown === 'report' && claims > 0) {
    // The claims drawn are the first ones of the reply (fit keeps a prefix).
    return `…and ${what} — /report ${esc(r.id)} from:${nextFrom(reply, claims)}`;
  }
  return `…and ${what}, too long for one Slack message — /export format:md has every report whole.`;
}

/** As many pieces as fit in `room` characters and `maxBlocks` blocks, drawn; and the pieces left over. */
function fit(all: Piece[], room: number, maxBlocks: number): { blocks: Block[]; chars: number; rest: Piece[] } {
  const blocks: Block[] = [];
  // The section that lines are being gathered into, and the kind of its last line.
  let open: { text: string; kind: LineKind } | null = null;
  let chars = 0;
  let i = 0;
  for (; i < all.length; i++) {
    const p = all[i];
    if ('line' in p) {
      if (open && JOINS[p.kind].includes(open.kind) && open.text.length + 1 + p.line.length <= LIMITS.sectionText) {
        if (chars + 1 + p.line.length > room) break;
        open.text += `\n${p.line}`;
        open.kind = p.kind;
        chars += 1 + p.line.length;
        (blocks[blocks.length - 1] as types.SectionBlock).text = { type: 'mrkdwn', text: open.text };
        continue;
      }
      if (blocks.length + 1 > maxBlocks || chars + p.line.length > room) break;
      open = { text: p.line, kind: p.kind };
      blocks.push(section(p.line));
      chars += p.line.length;
      continue;
    }
    if (blocks.length + 1 > maxBlocks || chars + p.chars > room) break;
    open = null;
    blocks.push(p.block);
    chars += p.chars;
  }
  return { blocks, chars, rest: all.slice(i) };
}

/**
 * Reply → one Slack message within the limits. File blocks are drawn as a line (the adapter uploads the file).
 * A reply too long for it keeps its first claims, then "…and N more", then its flags: those are cut last.
 */
export function toSlackMessage(reply: Reply): SlackMessage {
  const room = LIMITS.totalChars - 300; // kept for the "and N more" line
  let drawn = fit(reply.blocks.flatMap(pieces), room, LIMITS.blocks - 1);
  let flagBlocks: Block[] = [];
  if (drawn.rest.length > 0) {
    const { body, flags } = splitFlags(reply.blocks);
    // The flags take at most half the message; the claims that fit go before them.
    const f = fit(flags.flatMap(pieces), room / 2, Math.floor(LIMITS.blocks / 2));
    const b = fit(body.flatMap(pieces), room - f.chars, LIMITS.blocks - 1 - f.blocks.length);
    drawn = { blocks: b.blocks, chars: b.chars + f.chars, rest: [...b.rest, ...f.rest] };
    flagBlocks = f.blocks;
  }
  const blocks = drawn.blocks;
  if (drawn.rest.length > 0) {
    const rest = drawn.rest;
    const claims = rest.filter((p) => 'line' in p && (p.kind === 'claim' || p.kind === 'hit' || p.kind === 'merged')).length;
    blocks.push(context(moreLine(reply, claims, rest.length)));
  }
  blocks.push(...flagBlocks);
  const fallback = esc(reply.fallback) || (reply.title ? esc(reply.title) : 'ClaimDesk');
  return { text: clip(fallback, LIMITS.fallback), blocks };
}
