// Where unquoted content after a cue stops before the sentence does: at the main clause after an opening
// "When …," clause that holds the cue, and at a clause of the writer's own after ", and" / ", but".
import type { Doc } from '../nlp.ts';
import type { Quotes } from './quotes.ts';
import type { Range } from './phrases.ts';
import { type Relation, QUOTE_MARK } from './relation.ts';
import { looksLikeClause } from './content.ts';

const SUBORDINATORS = new Set(['when', 'as', 'while', 'after', 'before', 'although', 'though', 'if', 'because', 'since', 'once', 'until', 'whereas', 'whenever']);

export function trimTails(doc: Doc, quotes: Quotes, rels: Relation[]): Relation[] {
  for (const r of rels) {
    if (!r.cue || r.kind === 'hedge') continue;
    const cue = r.cue;
    r.content = r.content.map((c) => (c.first > cue.last && !quoted(doc, quotes, c) ? trim(doc, r, c) : c));
  }
  return rels;
}

function quoted(doc: Doc, quotes: Quotes, c: Range): boolean {
  for (let k = c.first; k <= c.last; k++) if (QUOTE_MARK.test(doc.tokens[k].value) || quotes.inside[k] >= 0) return true;
  return false;
}

function trim(doc: Doc, r: Relation, c: Range): Range {
  const { tokens } = doc;
  const s = doc.sentences[r.sent];
  let last = c.last;
  // "When she said the bridge was safe, the crowd cheered": the cue sits in the opening clause; its content ends
  // at the comma before the main clause
  if (SUBORDINATORS.has(tokens[s.first].lower) && r.cue!.first > s.first && !commaBetween(doc, s.first, r.cue!.first)) {
    for (let k = c.first + 1; k < last; k++) {
      if (tokens[k].value === ',' && looksLikeClause(doc, { first: k + 1, last })) { last = k - 1; break; }
    }
  }
  // ", and the crowd cheered": a clause with a subject of its own after ", and" / ", but"
  for (let k = c.first + 1; k < last - 1; k++) {
    if (tokens[k].value === ',' && /^(and|but)$/.test(tokens[k + 1].lower) && looksLikeClause(doc, { first: k + 2, last })) { last = k - 1; break; }
  }
  return last >= c.first ? { first: c.first, last } : c;
}

function commaBetween(doc: Doc, first: number, last: number): boolean {
  for (let k = first; k < last; k++) if (doc.tokens[k].value === ',') return true;
  return false;
}
