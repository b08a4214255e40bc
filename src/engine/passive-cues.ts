// Passive cues: "<subject> is (also) described by X as <complement>" and "… is said to …".
import type { Doc } from '../nlp.ts';
import { abstractHeads, passiveLinks, passiveParticiples } from './lexicon.ts';
import { headOf, npRight, type Range } from './phrases.ts';
import type { Quotes } from './quotes.ts';
import { type Relation, BE, CLAUSE_OPENERS, OPEN_MARK, RELATIVE_PRONOUNS, wordCount, EXPLETIVE } from './relation.ts';
import { ownerOf } from './subjects.ts';
import { contentRight, isQuoted } from './content.ts';

/** "<subject> is (also) described by X as <complement>" and "… is said to …". */
export function passive(doc: Doc, quotes: Quotes, si: number, p: number): Relation | null {
  const { tokens, sentences } = doc;
  const s = sentences[si];
  let be = p - 1;
  if (!BE.has(tokens[be].lower)) be--;
  let k = be - 1;
  while (k >= s.first && (tokens[k].lower === 'has' || tokens[k].lower === 'have' || tokens[k].lower === 'had' || tokens[k].pos === 'ADV' || tokens[k].pos === 'AUX')) k--;
  // The subject: back to the sentence start or an opening comma phrase.
  let subjFirst = s.first;
  for (let j = k; j >= s.first; j--) {
    if ((tokens[j].lower === 'that' || tokens[j].lower === 'which') && j > s.first) { subjFirst = j + 1; break; }
  }
  const lead = isOpenerRange(doc, subjFirst, k);
  if (lead >= 0) subjFirst = lead;
  if (k < subjFirst) return null;
  const subject: Range = { first: subjFirst, last: k };
  // a participle outside the passive list ("was criticized for") takes no clause with its own auxiliary as its
  // subject ("observers may compare the reports with what lessons are being stressed by each side")
  if (!passiveParticiples.has(tokens[p].lower)) {
    for (let j = subject.first; j <= subject.last; j++) {
      // an auxiliary inside a relative clause of the subject is that clause's own ("Residents who had lost power
      // were praised by the governor")
      if (RELATIVE_PRONOUNS.has(tokens[j].lower)) break;
      if (tokens[j].pos === 'AUX') return null;
    }
  }
  let j = p + 1;
  let source: Range | null = null;
  const cue: Range = { first: be, last: p };
  if (tokens[j]?.lower === 'by' && j <= s.last) {
    source = npRight(doc, j + 1, s.last, false);
    if (!source) return null;
    cue.last = j;
    j = source.last + 1;
  }
  const content: Range[] = [subject];
  const opensClause = j <= s.last && (CLAUSE_OPENERS.has(tokens[j].lower) || OPEN_MARK.test(tokens[j].value) || tokens[j].value === ':' ||
    (tokens[j].value === ',' && OPEN_MARK.test(tokens[j + 1]?.value ?? '')));
  if (j <= s.last && tokens[j].lower === 'about' && !source) {
    // "Pence was asked about the comment": the topic is the content
    const rest = contentRight(doc, quotes, j + 1, s.last);
    if (!rest) return null;
    return { kind: 'passive', cue: { first: be, last: j }, stance: 'questions', source: null, owner: null, content: [rest], sent: si, quote: false, confidence: 0.4 };
  }
  if (opensClause && !source && tokens[p].lower === 'asked') {
    // "Holm was asked, “Had you seen the report …?”", "was asked whether …": the question is the content
    const rest = contentRight(doc, quotes, j, s.last);
    if (!rest) return null;
    return { kind: 'passive', cue, stance: 'questions', source: null, owner: null, content: [rest], sent: si, quote: isQuoted(doc, quotes, rest), confidence: 0.4 };
  }
  if (j <= s.last && (tokens[j].lower === 'as' || tokens[j].lower === 'to' || (!source && passiveLinks.has(tokens[j].lower) && tokens[j].lower !== 'by'))) {
    const rest = contentRight(doc, quotes, j + 1, s.last);
    if (rest) content.push(rest);
    if (tokens[j].lower !== 'to') cue.last = Math.max(cue.last, j);
  } else if (!source) {
    return null;
  }
  // a one-word subject must name someone or something: "Trump is expected to …", not "It is expected"
  if (wordCount(doc, subject) < 2 && !source && (EXPLETIVE.has(tokens[subject.first].lower) || content.length < 2)) return null;
  if (source && abstractHeads.has(headOf(doc, source).lower)) return null;
  return {
    kind: 'passive',
    cue,
    stance: 'describes',
    source,
    owner: source ? ownerOf(doc, source) : null,
    content,
    sent: si,
    quote: false,
    confidence: source ? 0.75 : 0.4,
  };
}

/** Index after a leading "On the Ukrainian side," opener within [first, last], or -1. */
function isOpenerRange(doc: Doc, first: number, last: number): number {
  for (let j = first; j <= last && j <= first + 8; j++) {
    if (doc.tokens[j].value === ',') {
      const p = doc.tokens[first].pos;
      if (p === 'ADP' || p === 'ADV' || p === 'SCONJ') return j + 1;
      return -1;
    }
  }
  return -1;
}
