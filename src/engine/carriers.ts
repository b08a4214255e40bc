// Outlets that carry another speaker's claim. "The ministry said …, according to TASS" and "The ministry said …,
// TASS reported" are the ministry's claim with TASS as its conduit, not a second claim by TASS.
import type { Doc } from '../nlp.ts';
import { isOutlet } from './conduits.ts';
import type { Range } from './phrases.ts';
import type { Relation } from './relation.ts';

const SET_OFF = /^[,;:(—–-]$/;

const textOf = (doc: Doc, r: Range) => doc.text.slice(doc.tokens[r.first].start, doc.tokens[r.last].end);
const within = (rs: Range[], k: number) => rs.some((c) => c.first <= k && k <= c.last);

export function carriedClaims(doc: Doc, rels: Relation[]): Relation[] {
  const dropped = new Set<Relation>();
  for (const host of rels) {
    if (dropped.has(host) || !host.source || !host.cue || !isOutlet(textOf(doc, host.source))) continue;
    relayed(doc, host, rels, dropped);
  }
  return dropped.size ? rels.filter((r) => !dropped.has(r)) : rels;
}

/**
 * "The ministry said …, according to TASS", "…, the ministry said, TASS reported": the outlet's relation holds
 * another speaker's cue and source; that relation keeps the claim, with the outlet as its conduit.
 */
function relayed(doc: Doc, host: Relation, rels: Relation[], dropped: Set<Relation>): void {
  // (a reporting verb with its own source and content, both inside what the outlet reports; an outlet's verb
  // carries it only after it: "The Times wrote that Trump had claimed a loss" is the Times' report)
  const inner = rels.find((o) => o !== host && !dropped.has(o) && o.sent === host.sent && o.source && o.cue && o.confidence >= 0.85 &&
    (host.kind === 'according' || host.cue!.first > o.cue.last) &&
    (o.kind === 'verb' || o.kind === 'according') && within(host.content, o.cue.first) && within(host.content, o.source.first) &&
    !isOutlet(textOf(doc, o.source)));
  if (!inner) return;
  // the inner content stops before "…, according to TASS" / "…, TASS reported"
  const at = Math.min(host.cue!.first, host.source!.first);
  const content = inner.content
    .map((c) => (c.first < at && at <= c.last ? { first: c.first, last: trimEnd(doc, c.first, at - 1) } : c))
    .filter((c) => c.last >= c.first && !(c.first >= at && c.last <= Math.max(host.cue!.last, host.source!.last)));
  if (!content.length) return;
  inner.content = content;
  inner.conduit = host.source!;
  dropped.add(host);
}

/** The last token at or before `last` that is not a comma, dash or bracket setting off what followed. */
function trimEnd(doc: Doc, first: number, last: number): number {
  while (last >= first && SET_OFF.test(doc.tokens[last].value)) last--;
  return last;
}
