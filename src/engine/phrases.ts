// Noun-phrase boundaries found by walking tokens left or right from a cue, by part of speech.
import type { Doc, Token } from '../nlp.ts';
import { months } from './lexicon.ts';

export interface Range {
  first: number;
  last: number;
}

const NOMINAL = new Set(['NOUN', 'PROPN', 'NUM', 'ADJ', 'DET', 'PRON']);
const INNER_ADP = new Set(['of', 'for', 'at', 'from', 'with', 'to', 'in', 'on', 'close', 'familiar', 'by']);
const COORD = new Set(['and', 'or', '&']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you', 'who', 'which', 'that', 'this', 'these', 'those', 'some', 'others', 'many', 'most', 'both', 'all', 'one', 'none']);
const NOT_HEAD = new Set(['that', 'which', 'what', 'whether', 'if', 'when', 'where', 'while', 'because', 'as', 'than', 'there', 'here']);
const MAX_NP = 14;
const TIME_HEAD = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)$/;
const POSSESSIVE_PRON = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

export const isPunct = (t: Token) => t.pos === 'PUNCT' || t.pos === 'SYM' || t.pos === 'SPACE';
const isPossessive = (t: Token) => t.lower === "'s" || t.lower === "'";
const isHyphen = (t: Token) => t.value === '-' || t.value === '–' || t.value === '/';

/** Two to four capitalised words, each read as a name (or a name the tagger took for a verb: "Josh Earnest"). */
export function isName(doc: Doc, first: number, last: number): boolean {
  if (last - first < 1 || last - first > 3) return false;
  for (let k = first; k <= last; k++) {
    const t = doc.tokens[k];
    if (!/^[A-Z][a-z]/.test(t.value) || !(t.pos === 'PROPN' || t.pos === 'VERB' || t.pos === 'NOUN')) return false;
  }
  return doc.tokens[last].pos === 'PROPN';
}

/** Noun phrase that ends at token `end` (inclusive), walking left within the sentence. */
export function npLeft(doc: Doc, end: number, floor: number): Range | null {
  const { tokens } = doc;
  const t0 = tokens[end];
  if (!t0 || end < floor) return null;
  if (t0.pos === 'PRON' || SUBJECT_PRONOUNS.has(t0.lower)) {
    // "some analysts" etc. are caught below; a bare pronoun is its own phrase.
    if (t0.pos === 'PRON' || !(end > floor && NOMINAL.has(tokens[end - 1].pos) && tokens[end - 1].pos !== 'DET')) {
      return { first: end, last: end };
    }
  }
  // "42% say": a percentage; "the mayor's thinking": an -ing form after a possessive is a noun
  const percent = t0.value === '%' && end > floor && tokens[end - 1].pos === 'NUM';
  const gerund = t0.pos === 'VERB' && t0.lower.endsWith('ing') && end > floor && (isPossessive(tokens[end - 1]) || POSSESSIVE_PRON.has(tokens[end - 1].lower));
  if (percent || gerund) {
    let first = end - 1;
    if (gerund) {
      const owner = isPossessive(tokens[end - 1]) ? npLeft(doc, end - 2, floor) : null;
      if (owner) first = owner.first;
      else if (isPossessive(tokens[end - 1])) return null;
    }
    return { first, last: end };
  }
  if (!(NOMINAL.has(t0.pos) || isPossessive(t0)) || t0.pos === 'DET' && !SUBJECT_PRONOUNS.has(t0.lower)) {
    // A capitalised word the tagger read as a verb ("Lynch said") is a name.
    if (!(/^[A-Z][a-z]/.test(t0.value) && t0.pos !== 'PUNCT')) return null;
  }
  if (NOT_HEAD.has(t0.lower)) return null;
  let first = end;
  for (let k = end - 1; k >= floor && end - k < MAX_NP; k--) {
    const t = tokens[k];
    const right = tokens[k + 1];
    if (NOMINAL.has(t.pos) && t.pos !== 'PRON') {
      if (NOT_HEAD.has(t.lower)) break;
      first = k;
      continue;
    }
    if (t.pos === 'PRON' && (t.lower === 'his' || t.lower === 'her' || t.lower === 'its' || t.lower === 'their' || t.lower === 'our' || t.lower === 'my')) {
      first = k;
      break;
    }
    // "registered voters", "likely voters": a participle the tagger read as a verb, modifying the noun after it
    if (t.pos === 'VERB' && /ed$/.test(t.lower) && right.pos === 'NOUN' && k - 1 >= floor && ['DET', 'NUM', 'ADP', 'ADJ', 'NOUN', 'PROPN'].includes(tokens[k - 1].pos)) {
      first = k;
      continue;
    }
    if (isPossessive(t) || isHyphen(t) || (t.value === '.' && /^[A-Z]/.test(tokens[k - 1]?.value ?? ''))) {
      continue;
    }
    // a word inside a hyphenated modifier: "Boston-based analyst", "warm-and-fuzzy Berg"
    const left = tokens[k - 1];
    if (t.pos !== 'PUNCT' && ((isHyphen(right) && t.end === right.start) || (k - 1 >= floor && isHyphen(left) && left.end === t.start))) {
      first = k;
      continue;
    }
    if (t.pos === 'VERB' && /^[A-Z]/.test(t.value) && (right.pos === 'PROPN')) {
      first = k; // a capitalised name the tagger read as a verb
      continue;
    }
    if ((t.pos === 'ADP' || t.pos === 'ADJ' || t.pos === 'SCONJ' || t.pos === 'ADV') && INNER_ADP.has(t.lower)) {
      // "on Tuesday", "in March" is when, not part of who
      if (TIME_HEAD.test(right.lower) || months.has(right.lower)) break;
      const left = tokens[k - 1];
      if (left && k - 1 >= floor && (left.pos === 'NOUN' || left.pos === 'PROPN' || left.pos === 'ADJ' || INNER_ADP.has(left.lower)) &&
          // ("percent of registered voters": the participle after "of" is already in the phrase)
          (NOMINAL.has(right.pos) || INNER_ADP.has(right.lower) || (first === k + 1 && right.pos === 'VERB'))) {
        continue;
      }
      break;
    }
    if (COORD.has(t.lower)) {
      const left = tokens[k - 1];
      // "the ministry and the army", "current and former officials"
      // "the ministry and the army", "current and former officials", "she and another reporter"
      if (left && k - 1 >= floor && (left.pos === 'NOUN' || left.pos === 'PROPN' || (left.pos === 'ADJ' && right.pos === 'ADJ') || (left.pos === 'PRON' && /^(he|she|they|we|i)$/.test(left.lower) && right.pos === 'DET')) && (right.pos === 'NOUN' || right.pos === 'PROPN' || right.pos === 'ADJ' || right.pos === 'DET')) {
        if (left.pos === 'PRON') { first = k - 1; break; }
        continue;
      }
      break;
    }
    break;
  }
  // Trim what cannot open a noun phrase.
  while (first < end && (tokens[first].pos === 'ADP' || COORD.has(tokens[first].lower) || isPunct(tokens[first]) || isPossessive(tokens[first]))) first++;
  return { first, last: end };
}

/** Noun phrase that starts at token `start`, walking right within the sentence up to `ceil` (inclusive). */
export function npRight(doc: Doc, start: number, ceil: number, allowPP = true): Range | null {
  const { tokens } = doc;
  let k = start;
  if (k > ceil) return null;
  const t0 = tokens[k];
  const possessive = t0.pos === 'PRON' && POSSESSIVE_PRON.has(t0.lower) && k + 1 <= ceil && NOMINAL.has(tokens[k + 1].pos) && tokens[k + 1].pos !== 'PRON';
  if (t0.pos === 'PRON' && !possessive) return { first: k, last: k };
  if (possessive) k++;
  else if (!NOMINAL.has(t0.pos) && !(t0.pos === 'VERB' && /^[A-Z]/.test(t0.value))) return null;
  let last = -1;
  for (; k <= ceil && k - start < MAX_NP; k++) {
    const t = tokens[k];
    if (NOMINAL.has(t.pos) && t.pos !== 'PRON') {
      if (NOT_HEAD.has(t.lower)) break;
      last = k;
      continue;
    }
    // A capitalised name the tagger read as a verb: "Josh Earnest", "Mark Kelly", "Concord resident X".
    // ("the Associated Press": after a determiner too, when a name follows)
    const nameNext = tokens[k + 1]?.pos === 'PROPN' || tokens[k + 1]?.pos === 'NOUN';
    if (t.pos === 'VERB' && /^[A-Z]/.test(t.value) && ((last >= 0 && tokens[last].pos === 'PROPN') || ((k === start || (last === k - 1 && tokens[last].pos === 'DET')) && nameNext))) {
      last = k;
      continue;
    }
    if (isPossessive(t) || isHyphen(t) || (t.value === '.' && /^[A-Z]\w?$/.test(tokens[k - 1]?.value ?? ''))) continue;
    if (allowPP && INNER_ADP.has(t.lower) && (t.lower === 'of' || t.lower === 'for' || t.lower === 'at' || t.lower === 'from' || t.lower === 'close' || t.lower === 'familiar' || t.lower === 'with' || t.lower === 'in' || t.lower === 'to')) {
      const next = tokens[k + 1];
      if (next && k + 1 <= ceil && (NOMINAL.has(next.pos) || INNER_ADP.has(next.lower)) && next.pos !== 'PRON') continue;
      break;
    }
    if (COORD.has(t.lower)) {
      const next = tokens[k + 1];
      if (next && k + 1 <= ceil && (next.pos === 'PROPN' || next.pos === 'NOUN' || next.pos === 'DET' || next.pos === 'ADJ')) continue;
      break;
    }
    break;
  }
  if (last < 0) return null;
  return { first: start, last };
}

/** The head token of a phrase: its last nominal before any 'of'/'for' modifier. */
export function headOf(doc: Doc, r: Range): Token {
  const { tokens } = doc;
  let head = tokens[r.last];
  // In "the Ministry of Defense's statement" the head follows the possessive.
  let from = r.first;
  for (let k = r.last - 1; k >= r.first; k--) if (isPossessive(tokens[k])) { from = k + 1; break; }
  for (let k = from; k <= r.last; k++) {
    const t = tokens[k];
    if (INNER_ADP.has(t.lower) && (t.pos === 'ADP' || t.pos === 'ADJ' || t.pos === 'SCONJ')) break;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON' || t.pos === 'NUM') head = t;
  }
  return head;
}

export function rangeText(doc: Doc, r: Range): string {
  return doc.text.slice(doc.tokens[r.first].start, doc.tokens[r.last].end);
}
