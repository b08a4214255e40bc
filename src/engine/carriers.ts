// Outlets that carry another speaker's claim. "The ministry said …, according to TASS" and "The ministry said …,
// TASS reported" are the ministry's claim with TASS as its conduit, not a second claim by TASS; "Reuters reported
// …, citing the ministry" (the lexicon's `citing` participles) makes the cited speaker the source and the outlet
// the conduit.
import type { Doc } from '../nlp.ts';
import { isOutlet } from './conduits.ts';
import { citingParticiples, nounCues } from './lexicon.ts';
import { headOf, npRight, type Range } from './phrases.ts';
import type { Relation } from './relation.ts';
import { END_PUNCT } from './relation.ts';
import { isAgent } from './subjects.ts';

const SET_OFF = /^[,;:(—–-]$/;

const textOf = (doc: Doc, r: Range) => doc.text.slice(doc.tokens[r.first].start, doc.tokens[r.last].end);
const within = (rs: Range[], k: number) => rs.some((c) => c.first <= k && k <= c.last);

export function carriedClaims(doc: Doc, rels: Relation[]): Relation[] {
  const dropped = new Set<Relation>();
  for (const host of rels) {
    if (dropped.has(host) || !host.source || !host.cue || !isOutlet(textOf(doc, host.source))) continue;
    if (cited(doc, host, rels, dropped)) continue;
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
  // carries it only after it: "The Harbour Post wrote that the mayor had admitted a loss" is the Post's report)
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

/**
 * "Reuters reported …, citing the Defence Ministry", "TASS, quoting a source close to the ministry, said …": the
 * cited person, body or document is the source and the outlet the conduit; the participle is no claim of its own.
 */
function cited(doc: Doc, host: Relation, rels: Relation[], dropped: Set<Relation>): boolean {
  const { tokens } = doc;
  const s = doc.sentences[host.sent];
  const src = host.source!;
  // the participle set off after the outlet ("TASS, citing …, reported") or after its cue ("reported, citing …")
  const at: number[] = [];
  if (tokens[src.last + 1]?.value === ',' && src.last + 2 <= s.last) at.push(src.last + 2);
  for (let k = host.cue!.last + 2; k <= s.last; k++) if (tokens[k - 1].value === ',') at.push(k);
  for (const k of at) {
    if (!citingParticiples.has(tokens[k].lower)) continue;
    const who = npRight(doc, k + 1, s.last);
    if (!who) continue;
    const head = headOf(doc, who);
    const next = tokens[who.last + 1];
    if (!(isAgent(head) || nounCues.has(head.lower)) || (next && who.last + 1 <= s.last && !SET_OFF.test(next.value) && !END_PUNCT.test(next.value))) continue;
    // the participle and the cited phrase, with the commas that set them off, leave the outlet's content
    const cutFirst = k - 1;
    const cutLast = next?.value === ',' ? who.last + 1 : who.last;
    const content = host.content.flatMap((c) => {
      if (c.last < cutFirst || c.first > cutLast) return [c];
      const parts: Range[] = [];
      if (c.first < cutFirst) parts.push({ first: c.first, last: trimEnd(doc, c.first, cutFirst - 1) });
      if (c.last > cutLast) parts.push({ first: cutLast + 1, last: c.last });
      return parts.filter((r) => r.last >= r.first);
    });
    if (!content.length) continue;
    host.content = content;
    host.conduit = src;
    host.source = who;
    host.owner = null;
    // the participle is no claim of its own
    for (const p of rels) if (p !== host && p.cue && p.cue.first <= k && k <= p.cue.last) dropped.add(p);
    return true;
  }
  return false;
}

/** The last token at or before `last` that is not a comma, dash or bracket setting off what followed. */
function trimEnd(doc: Doc, first: number, last: number): number {
  while (last >= first && SET_OFF.test(doc.tokens[last].value)) last--;
  return last;
}
