// A platform-neutral reply: what the bot wants to say, as blocks that the text and Markdown renderers (and
// later Slack Block Kit and Discord embeds) draw in their own way. Every `text` field is plain user text,
// never pre-escaped: each renderer escapes for its own format.
import { neutraliseMentions } from './render/mentions.ts';
import type { Category, Claim, FlagCode, SourceType, Stance, Summary } from './schema.ts';

/** Another report in this channel with the same claim (see src/matching/cross-refs.ts). */
export interface AlsoReportedRef {
  reportId: string;
  claimId: string;
  /** Its source; null for a claim with no source. */
  source: string | null;
  link?: string;
}

/** Another report in this channel whose claim disputes this one, and how ("denies it", "says 20 civilians, not 12 civilians"). */
export interface DisputedByRef extends AlsoReportedRef {
  why: string;
}

/** The cross-reference fields a claim or a hit may carry ("also reported in …", "disputed by …"). */
export interface CrossRefFields {
  alsoIn?: AlsoReportedRef[];
  disputedBy?: DisputedByRef[];
}

export type ReplyBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** Starts a group of claims from one source. */
  | { kind: 'source'; name: string; type: SourceType; conduits: string[]; claims: number }
  | ({
      kind: 'claim';
      id: string;
      source: string | null;
      conduit: string | null;
      cue: string | null;
      stance: Stance | null;
      hedges: string[];
      text: string;
      quote: boolean;
      category: Category;
    } & CrossRefFields)
  | { kind: 'flag'; code: FlagCode; message: string; claims: string[] }
  /** One claim found in the channel's log: the claim, and where and when its report came in. */
  | ({
      kind: 'hit';
      reportId: string;
      claimId: string;
      source: string | null;
      sourceType: SourceType | null;
      conduit: string | null;
      cue: string | null;
      stance: Stance | null;
      hedges: string[];
      text: string;
      quote: boolean;
      category: Category;
      /** ISO 8601 instant the report was posted. */
      postedAt: string;
      /** Display name (or id) of whoever pasted the report: shown, never turned into a mention. */
      poster: string;
      /** The report's message on the platform, when there is one. */
      link?: string;
    } & CrossRefFields)
  /** A file for the user (an export): chat adapters upload it, the console saves it. */
  | { kind: 'file'; filename: string; mediaType: string; content: string; description: string }
  | { kind: 'fields'; fields: { label: string; value: string }[] }
  | { kind: 'divider' }
  | { kind: 'context'; text: string }
  /**
   * One claim as several reports carry it (the digest): who says it, in how many reports, and links back to them
   * (`reports` lists the first few; `reportCount` counts them all). `disputedBy` lists claims that cannot hold with it.
   */
  | ({ kind: 'merged' } & MergedLine & { check?: string[]; disputedBy?: (MergedLine & { why: string })[] })
  /** One report in a list (the digest): when, who pasted it, its headline, and a link back to it. */
  | {
      kind: 'report';
      id: string;
      link?: string;
      /** ISO 8601 instant the report was posted. */
      postedAt: string;
      poster: string;
      headline: string;
      claims: number;
    };

/** A claim of a `merged` block (or one that disputes it). */
export interface MergedLine {
  text: string;
  quote: boolean;
  category: Category;
  /** Each source that says it, with its conduit and cue ("said", "denied"); empty: no source. */
  sources: { name: string; conduit: string | null; cue: string | null }[];
  /** The cue of a claim with no source ("reportedly"). */
  cue: string | null;
  hedges: string[];
  /** The first few reports it came from: a link when the report has one, else its id (for /report). */
  reports: { id: string; link?: string }[];
  reportCount: number;
}

export interface Reply {
  title?: string;
  /**
   * A message for the person who asked only (a mistake they can fix, a refusal, a store that is down): chat
   * adapters show it privately where the platform can (Slack ephemeral, Discord ephemeral).
   */
  error?: boolean;
  /**
   * The stored report this reply shows: a summary just saved (`shown: 'saved'`), or one read back with /report
   * (`shown: 'report'`). Adapters that must cut a long reply point to it ("…and 12 more — /report k3x9ab"); a cut
   * /report points on to the first claim it left out ("/report k3x9ab from:43"), counting from `from`: the number
   * of the first claim this reply shows (/report ID from:N; absent: 1).
   */
  report?: { id: string; shown: 'saved' | 'report'; from?: number };
  /** One plain line for notifications and clients that cannot show blocks; mentions in it are neutralised. */
  fallback: string;
  blocks: ReplyBlock[];
}

/** The `from:` a cut /report reply goes on at: the first of its claims left out (`leftOut` of them, at its end). */
export function nextFrom(reply: Reply, leftOut: number): number {
  return (reply.report?.from ?? 1) + reply.blocks.filter((b) => b.kind === 'claim').length - leftOut;
}

/** A claim the report states in its own voice (no source, no hedge): summaries and the digest leave it out. */
export const isNarration = (c: Claim): boolean => c.source === null && c.hedges.length === 0;

export const UNATTRIBUTED_HEADING = 'Unattributed but hedged';
export const FLAGS_HEADING = 'Flags';

const n = (k: number, word: string) => `${k} ${k === 1 ? word : word + 's'}`;

/** A reply that is one message (an error, a confirmation). */
export function messageReply(text: string, title?: string): Reply {
  return { ...(title ? { title } : {}), fallback: neutraliseMentions(text), blocks: [{ kind: 'paragraph', text }] };
}

/** A message for the person who asked only: see Reply.error. */
export function errorReply(text: string): Reply {
  return { ...messageReply(text), error: true };
}

/** "2026-11-03 14:05 UTC": how every surface shows a date. */
export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export function summaryReply(summary: Summary): Reply {
  const blocks: ReplyBlock[] = [{ kind: 'heading', text: summary.headline }];
  const { stats } = summary;
  blocks.push({
    kind: 'context',
    text:
      `${n(stats.words, 'word')}, ${n(stats.sentences, 'sentence')}; ` +
      `${n(summary.claims.length, 'claim')} from ${n(summary.sources.length, 'source')}`,
  });
  for (const notice of summary.notices ?? []) blocks.push({ kind: 'context', text: notice });

  const byId = new Map(summary.claims.map((c) => [c.id, c]));
  const claimBlock = (id: string): ReplyBlock | null => {
    const c = byId.get(id);
    if (!c) return null;
    return {
      kind: 'claim',
      id: c.id,
      source: c.source?.name ?? null,
      conduit: c.conduit?.name ?? null,
      cue: c.cue?.text ?? null,
      stance: c.cue?.stance ?? null,
      hedges: c.hedges.map((h) => h.text),
      text: c.text,
      quote: c.quote,
      category: c.category,
    };
  };

  for (const s of summary.sources) {
    blocks.push({ kind: 'divider' });
    blocks.push({ kind: 'source', name: s.name, type: s.type, conduits: s.conduits, claims: s.claims.length });
    for (const id of s.claims) {
      const b = claimBlock(id);
      if (b) blocks.push(b);
    }
  }

  const hedged = summary.claims.filter((c) => c.source === null && c.hedges.length > 0);
  if (hedged.length > 0) {
    blocks.push({ kind: 'divider' });
    blocks.push({ kind: 'heading', text: UNATTRIBUTED_HEADING });
    for (const c of hedged) blocks.push(claimBlock(c.id)!);
  }

  const background = summary.claims.filter(isNarration).length;
  if (background > 0) {
    blocks.push({ kind: 'context', text: `${n(background, 'unsourced statement')} in the report's own voice not shown.` });
  }
  if (summary.sources.length === 0 && hedged.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'ClaimDesk found no attributed or hedged claims in this text.' });
  }

  if (summary.flags.length > 0) {
    blocks.push({ kind: 'divider' });
    blocks.push({ kind: 'heading', text: FLAGS_HEADING });
    for (const f of summary.flags) blocks.push({ kind: 'flag', code: f.code, message: f.message, claims: f.claims });
  }
  return { title: 'ClaimDesk summary', fallback: neutraliseMentions(summary.headline), blocks };
}

/** The blocks before a summary's flags section, and the section (its divider, heading and flags): renderers that
 * must cut a long reply cut the claims and keep the flags. */
export function splitFlags(blocks: ReplyBlock[]): { body: ReplyBlock[]; flags: ReplyBlock[] } {
  let at = blocks.findIndex((b) => b.kind === 'heading' && b.text === FLAGS_HEADING);
  if (at < 0) return { body: blocks, flags: [] };
  if (at > 0 && blocks[at - 1].kind === 'divider') at--;
  return { body: blocks.slice(0, at), flags: blocks.slice(at) };
}

/** "military" → "military source": a short phrase for a source type. */
export function describeType(type: SourceType): string {
  return type === 'unknown' ? 'source of unknown type' : `${type} source`;
}

/** One line of cross-references, for renderers: its label and the reports, each with a plain-text note. */
export interface CrossRefLine {
  label: 'also reported in' | 'disputed by';
  refs: { reportId: string; claimId: string; link?: string; /** "Russian Defence Ministry", "Ukraine's army: denies it" */ note: string }[];
}

/** The "also reported in …" and "disputed by …" lines of a claim or hit block (none when it has no cross-references). */
export function crossRefLines(b: CrossRefFields): CrossRefLine[] {
  const out: CrossRefLine[] = [];
  const who = (r: AlsoReportedRef) => r.source ?? 'no source';
  const ref = (r: AlsoReportedRef, note: string) => ({ reportId: r.reportId, claimId: r.claimId, ...(r.link ? { link: r.link } : {}), note });
  if (b.alsoIn?.length) out.push({ label: 'also reported in', refs: b.alsoIn.map((r) => ref(r, who(r))) });
  if (b.disputedBy?.length) out.push({ label: 'disputed by', refs: b.disputedBy.map((r) => ref(r, `${who(r)}: ${r.why}`)) });
  return out;
}

/** Flag codes as short readable labels. */
export const FLAG_LABELS: Record<FlagCode, string> = {
  'single-party-sourcing': 'Single-party sourcing',
  'anonymous-sources': 'Anonymous sources',
  'unattributed-hedged': 'Hedged without a source',
  'conflicting-figures': 'Conflicting figures',
  unverified: 'Unverified',
  'unresolved-source': 'Unresolved source',
};

/**
 * Who says a merged claim, as plain text: "Russian Defence Ministry via TASS (said); Ukrainian officials (denied)",
 * or "no source (reportedly)".
 */
export function mergedWho(m: MergedLine): string {
  if (m.sources.length === 0) return m.cue ? `no source (${m.cue})` : 'no source';
  return m.sources.map((s) => `${s.name}${s.conduit ? ` via ${s.conduit}` : ''}${s.cue ? ` (${s.cue})` : ''}`).join('; ');
}

/** "3 reports"; with " (+N more)" when only the first few of them are listed. */
export function mergedCount(m: MergedLine): { count: string; more: string } {
  const rest = m.reportCount - m.reports.length;
  return { count: `${m.reportCount} report${m.reportCount === 1 ? '' : 's'}`, more: rest > 0 ? ` (+${rest} more)` : '' };
}
