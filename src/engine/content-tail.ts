// Where unquoted content after a cue stops before the sentence does: at the main clause after an opening
// "When …," clause that holds the cue, at a clause of the writer's own after ", and" / ", but", before the
// occasion or day after an object ("praised the crews at a rally"), and before a closing ", in a statement …".
import type { Doc } from '../nlp.ts';
import type { Quotes } from './quotes.ts';
import type { Range } from './phrases.ts';
import { type Relation, QUOTE_MARK, POSSESSIVE, THAT, CLAUSE_OPENERS, DAY } from './relation.ts';
import { npRight, headOf } from './phrases.ts';
import { statementSettings, months, timeNouns, subordinators } from './lexicon.ts';
import { looksLikeClause } from './content.ts';

export function trimTails(doc: Doc, quotes: Quotes, rels: Relation[]): Relation[] {
  // "The ministry denied the claim, a spokesman said.": the comma before a speaker tag that closes the sentence
  // ends every other content that runs over it
  const tags = new Set<number>();
  for (const r of rels) {
    if (!r.source || !r.cue || r.source.last >= r.cue.first || r.content.length !== 1) continue;
    const comma = r.source.first - 1;
    if (r.content[0].last < comma && doc.tokens[comma]?.value === ',') tags.add(comma);
  }
  for (const r of rels) {
    if (!tags.size) break;
    r.content = r.content.map((c) => {
      for (const k of tags) if (c.first < k && k <= c.last) return { first: c.first, last: k - 1 };
      return c;
    });
  }
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
  if (subordinators.has(tokens[s.first].lower) && r.cue!.first > s.first && !commaBetween(doc, s.first, r.cue!.first)) {
    for (let k = c.first + 1; k < last; k++) {
      if (tokens[k].value === ',' && looksLikeClause(doc, { first: k + 1, last })) { last = k - 1; break; }
    }
  }
  // ", and the crowd cheered": a clause with a subject of its own after ", and" / ", but" ("…, and that tugs were
  // on their way" is a second thing said, kept: PolNeAR dev content F1 is 0.1 lower with it kept, but a desk
  // reading the summary would lose half of what the source said)
  for (let k = c.first + 1; k < last - 1; k++) {
    if (tokens[k].value === ',' && /^(and|but)$/.test(tokens[k + 1].lower) && tokens[k + 2].lower !== 'that' && looksLikeClause(doc, { first: k + 2, last })) { last = k - 1; break; }
  }
  // "praised the crews at a rally in Salem", "endorsed Holm on Thursday": after an object (no clause), a phrase
  // naming the occasion (statementSettings) or the day is no part of it
  // (not after "to": "is expected to sign the order on Monday" dates the signing)
  if (r.kind !== 'passive' && tokens[c.first].lower !== 'to' && !CLAUSE_OPENERS.has(tokens[c.first].lower) && !looksLikeClause(doc, c)) {
    for (let k = c.first + 1; k < last; k++) {
      if (!/^(at|during|on|in)$/.test(tokens[k].lower) || !(tokens[k - 1].pos === 'NOUN' || tokens[k - 1].pos === 'PROPN' || tokens[k - 1].pos === 'PRON')) continue;
      const np = npRight(doc, k + 1, last, false);
      if (!np) continue;
      const head = headOf(doc, np).lower;
      if (statementSettings.has(head) || DAY.test(head) || months.has(head) || timeNouns.has(head)) { last = k - 1; break; }
    }
  }
  // "which he has said was unfair, drove …": a cue inside a relative clause ends its content with the clause
  if (r.source && r.source.first > 0 && (/^(which|whom)$/.test(tokens[r.source.first - 1].lower) || (tokens[r.source.first - 1].lower === 'that' && /^(NOUN|PROPN)$/.test(tokens[r.source.first - 2]?.pos ?? ''))) && r.source.last < r.cue!.first) {
    for (let k = c.first + 1; k < last; k++) if (tokens[k].value === ',') { last = k - 1; break; }
  }
  // "…, in a statement posted on Telegram", "…, at a rally in Salem": where it was said, set off at the end
  const at = settingAt(doc, c.first + 1, last);
  if (at >= 0) last = at - 2;
  return last >= c.first ? { first: c.first, last } : c;
}

const SETTING_PREPS = new Set(['in', 'on', 'at', 'during', 'via', 'through']);

/** The first token of a phrase after a comma naming the occasion of a statement and running to `last` (", in an interview with X"), or -1. */
function settingAt(doc: Doc, from: number, last: number): number {
  const { tokens } = doc;
  for (let k = from; k < last; k++) {
    if (!SETTING_PREPS.has(tokens[k].lower) || tokens[k - 1].value !== ',') continue;
    let j = k + 1;
    while (j <= last && j - k <= 4 && !statementSettings.has(tokens[j].lower) && (tokens[j].pos === 'DET' || tokens[j].pos === 'ADJ' || tokens[j].pos === 'NOUN' || tokens[j].pos === 'PROPN' || tokens[j].pos === 'NUM' || POSSESSIVE.has(tokens[j].lower) || tokens[j].lower === "'s" || tokens[j].lower === '’s')) j++;
    if (j > last || !statementSettings.has(tokens[j].lower) || tokens[j].pos !== 'NOUN') continue;
    // the rest is more of the setting ("posted on Telegram", "with CNN on Monday"), with no clause of its own
    let finite = false;
    for (let m = j + 1; m <= last; m++) {
      const t = tokens[m];
      if (t.pos === 'AUX' || (t.pos === 'VERB' && !/(ed|en|ing)$/.test(t.lower)) || t.value === ',' || THAT.has(t.lower)) { finite = true; break; }
    }
    if (!finite) return k;
  }
  return -1;
}

function commaBetween(doc: Doc, first: number, last: number): boolean {
  for (let k = first; k < last; k++) if (doc.tokens[k].value === ',') return true;
  return false;
}
