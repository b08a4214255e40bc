// Where a cue's content starts and ends: right of the cue (past recipients and time or place adjuncts), left of
// "…, X said", after a dateline, after a colon, a continuation after "he said,", and whether a span is quoted.
import type { Doc, Token } from '../nlp.ts';
import { adjunctWords, carrierParticiples, verbForms, type VerbCue } from './lexicon.ts';
import { isOutlet } from './conduits.ts';
import { npRight, type Range } from './phrases.ts';
import type { Quotes } from './quotes.ts';
import { THAT, CLAUSE_OPENERS, QUOTE_MARK, CLOSE_MARK, OPEN_MARK, END_PUNCT, wordCount, DAY } from './relation.ts';

const ADJUNCT_PREPS = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'last', 'this', 'earlier', 'late', 'to', 'via', 'through', 'from', 'with', 'by']);

/** Content that starts after position `k` to the end of the sentence (or the quote run it opens). */
export function contentRight(doc: Doc, quotes: Quotes, k: number, sentLast: number): Range | null {
  const { tokens } = doc;
  while (k <= sentLast && (tokens[k].value === ',' || tokens[k].value === ':' || tokens[k].value === '—')) k++;
  if (k > sentLast) return null;
  let last = sentLast;
  // A quote opened here may run over several sentences.
  if (OPEN_MARK.test(tokens[k].value)) {
    const run = quotes.runs.find((r) => r.openTok === k);
    if (run && run.closeTok > sentLast) last = Math.min(run.closeTok, tokens.length - 1);
  }
  while (last > k && (END_PUNCT.test(tokens[last].value) || tokens[last].pos === 'SPACE')) last--;
  if (last < k) return null;
  return { first: k, last };
}

/**
 * The token after a wire dateline that opens a sentence ("KYIV, March 14 (Reuters) -", "CHARLESTON, S.C. —"):
 * a capitalised place within the first dozen tokens, then a dash. `first` itself when there is none.
 */
export function afterDateline(doc: Doc, first: number, last: number): number {
  const { tokens } = doc;
  const t0 = tokens[first];
  if (!t0 || !/^[A-Z][A-Z.'-]{2,}$/.test(t0.value)) return first;
  for (let k = first + 1; k <= Math.min(last - 1, first + 12); k++) {
    const v = tokens[k].value;
    if (v === '-' || v === '—' || v === '–' || v === '--') return k + 1;
    if (END_PUNCT.test(v) && v !== '.') return first;
  }
  return first;
}

/** Content that ends before the comma at `comma`: from the sentence start, or the start of the quote run. */
export function contentLeft(doc: Doc, quotes: Quotes, comma: number, sentFirst: number): Range | null {
  const { tokens } = doc;
  let last = comma - 1;
  while (last >= sentFirst && (tokens[last].value === ',' || tokens[last].pos === 'SPACE')) last--;
  if (last < sentFirst) return null;
  let first = sentFirst;
  if (CLOSE_MARK.test(tokens[last].value) || (quotes.inside[last] >= 0)) {
    const ri = CLOSE_MARK.test(tokens[last].value) ? quotes.runs.findIndex((r) => r.closeTok === last) : quotes.inside[last];
    const run = ri >= 0 ? quotes.runs[ri] : null;
    if (run && !run.single) first = Math.min(first, run.openTok);
    else if (run && run.single && run.openTok >= sentFirst) first = Math.min(first, run.openTok);
  }
  // Leading conjunctions are not content, nor a dateline: "KYIV, March 14 (Reuters) - …".
  while (first < last && (tokens[first].lower === 'but' || tokens[first].lower === 'and')) first++;
  first = afterDateline(doc, first, last);
  return { first, last };
}

/** "She went on to say:" closing its sentence: the next sentence (or the quote it opens) is the content. */
export function nextAfterColon(doc: Doc, quotes: Quotes, k: number, si: number): Range | null {
  const { tokens, sentences } = doc;
  const s = sentences[si];
  const next = sentences[si + 1];
  if (k !== s.last || tokens[k]?.value !== ':' || !next) return null;
  const content = contentRight(doc, quotes, next.first, next.last);
  return content && wordCount(doc, content) >= 2 ? content : null;
}

/** The content clause after a cue, skipping a recipient ("told Reuters") and adjuncts ("on Monday"). */
export function clauseAfterCue(doc: Doc, quotes: Quotes, k: number, sentLast: number, verb: VerbCue): Range | null {
  const { tokens } = doc;
  if (k > sentLast) return null;
  if (verb.recipient) {
    const rec = npRight(doc, k, sentLast, false);
    if (rec) {
      k = rec.last + 1;
      // "as she tried to ask a question, she and …": after the recipient a comma ends a weak cue's reach.
      if (verb.strength === 'weak' && tokens[k]?.value === ',' && !OPEN_MARK.test(tokens[k + 1]?.value ?? '')) return null;
    }
  }
  // Adjuncts: "in a statement", "on Monday", "in an interview with X", "last week", "on Telegram", "carried by TASS".
  for (let n = 0; n < 3 && k <= sentLast; n++) {
    const t = tokens[k];
    const carried = carrierAt(doc, k, sentLast);
    if (carried >= 0) {
      k = carried + 1;
      continue;
    }
    if (ADJUNCT_PREPS.has(t.lower) && !THAT.has(t.lower)) {
      const np = npRight(doc, k + 1, sentLast);
      const after = np ? tokens[np.last + 1] : undefined;
      if (np && after && (after.value === ',' || THAT.has(after.lower) || OPEN_MARK.test(after.value) || after.value === ':' || ADJUNCT_PREPS.has(after.lower))) {
        k = np.last + 1;
        continue;
      }
      if (t.lower === 'to' && !verb.recipient) break;
      break;
    }
    if (t.pos === 'PROPN' && /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(t.lower)) {
      k++;
      continue;
    }
    break;
  }
  const content = contentRight(doc, quotes, k, sentLast);
  if (!content) return null;
  const first = tokens[content.first];
  // "wrote to the prosecutor, asking him to …": a participle cue after the adjuncts has a content of its own
  if (tokens[content.first - 1]?.value === ',' && first.lower.endsWith('ing') && verbForms.has(first.lower)) return null;
  const words = wordCount(doc, content);
  if (words < 2 && !(verb.object && words === 1) && !(words === 1 && /^(yes|no)\.?$/.test(tokens[content.first].lower))) return null;
  const clauseStart = CLAUSE_OPENERS.has(first.lower) || OPEN_MARK.test(first.value) || tokens[content.first - 1]?.value === ':';
  if (verb.needs) {
    let has = false;
    for (let j = content.first; j <= content.last; j++) if (tokens[j].lower === verb.needs) { has = true; break; }
    if (!has) return null;
    return content;
  }
  if (verb.strength === 'weak' && !clauseStart) {
    if (verb.to && first.lower === 'to') return content;
    // "complained about the tone", "asked Trump about the loan": the topic is the content
    if (first.lower === 'about' && words >= 2) return content;
    if (verb.object && words >= 1) return content;
    if (!looksLikeClause(doc, content)) return null;
  }
  if (first.lower === 'to' && !verb.recipient && !verb.to && verb.lemma !== 'refer') return null;
  return content;
}

/**
 * "a statement carried by TASS", "a video posted by state television": the last token of a carrier phrase at `k`
 * that modifies the noun before it and names an outlet, or -1 ("was first reported by the Post" is a cue).
 */
export function carrierAt(doc: Doc, k: number, sentLast: number): number {
  const { tokens } = doc;
  const noun = tokens[k - 1]?.pos === 'NOUN' || tokens[k - 1]?.pos === 'PROPN';
  if (!noun || !carrierParticiples.has(tokens[k].lower) || tokens[k + 1]?.lower !== 'by' || k + 2 > sentLast) return -1;
  const np = npRight(doc, k + 2, sentLast);
  return np && isOutlet(doc.text.slice(tokens[np.first].start, tokens[np.last].end)) ? np.last : -1;
}

export const isBreak = (t: Token) => t.value === ',' || CLOSE_MARK.test(t.value) || t.value === '—';
export const NOMINAL_LIKE = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'SYM', 'ADP', 'DET', 'PART']);
const CLAUSE_ADJUNCTS = new Set(['when', 'while', 'after', 'before', 'as', 'during', 'because', 'since', 'upon', 'following', 'amid', 'despite']);

/**
 * Where the words after a cue stop being adjuncts: a recipient ("told reporters"), days and times ("Friday",
 * "this week"), prepositional phrases ("in a statement", "to cheers"), -ly adverbs and a trailing "when …"
 * clause. Returns the first token that is none of these (past the sentence when all are).
 */
export function adjunctEnd(doc: Doc, k: number, sentLast: number, recipient: boolean): number {
  const { tokens } = doc;
  if (recipient && k <= sentLast && tokens[k].value !== ',') {
    const rec = npRight(doc, k, sentLast, false);
    if (rec) k = rec.last + 1;
  }
  for (let n = 0; n < 5 && k <= sentLast; n++) {
    const t = tokens[k];
    // "…, the ministry said in a statement carried by TASS.": the carrier phrase names the conduit
    const carried = carrierAt(doc, k, sentLast);
    if (carried >= 0) { k = carried + 1; continue; }
    if (t.value === '(') {
      let j = k + 1;
      while (j <= sentLast && tokens[j].value !== ')' && j - k < 12) j++;
      if (j <= sentLast && tokens[j].value === ')') { k = j + 1; continue; }
      break;
    }
    if (DAY.test(t.lower) || adjunctWords.has(t.lower) || (t.pos === 'ADV' && t.lower.endsWith('ly'))) { k++; continue; }
    if ((t.pos === 'ADP' || t.lower === 'to') && !CLAUSE_OPENERS.has(t.lower)) {
      const np = npRight(doc, k + 1, sentLast);
      if (np) {
        k = np.last + 1;
        // "in an emailed statement", "by phone from Kyiv": a short phrase to the sentence end is one adjunct.
        let j = k;
        // ("on a phone briefing set up by the ferry union": a participle with its "by" phrase)
        const participle = (m: number) => tokens[m].pos === 'VERB' && (/(ed|en|wn)$/.test(tokens[m].lower) || tokens[m + 1]?.lower === 'by' || (tokens[m + 1]?.pos === 'ADP' && tokens[m + 2]?.lower === 'by'));
        while (j <= sentLast && j - k < 6 && tokens[j].value !== ',' && !END_PUNCT.test(tokens[j].value) && !QUOTE_MARK.test(tokens[j].value) && !THAT.has(tokens[j].lower) &&
          tokens[j].pos !== 'AUX' && !(tokens[j].pos === 'VERB' && !participle(j))) j++;
        if (j > sentLast || END_PUNCT.test(tokens[j].value)) k = j;
        continue;
      }
    }
    if (CLAUSE_ADJUNCTS.has(t.lower)) {
      // "… when asked about X." runs to the end of the sentence or the next comma, but never over a "that" clause
      // (unless it is the question's: "when asked about fears that …")
      const asked = tokens[k + 1]?.lower === 'asked';
      let j = k + 1;
      while (j <= sentLast && tokens[j].value !== ',' && !END_PUNCT.test(tokens[j].value) && !OPEN_MARK.test(tokens[j].value) && !(THAT.has(tokens[j].lower) && !asked)) j++;
      if (j <= sentLast && ((THAT.has(tokens[j].lower) && !asked) || OPEN_MARK.test(tokens[j].value))) break;
      k = j;
      continue;
    }
    break;
  }
  return k;
}

/** A finite clause: a subject-like word followed by a verb within a few tokens. */
export function looksLikeClause(doc: Doc, r: Range): boolean {
  const { tokens } = doc;
  const first = tokens[r.first];
  if (!(first.pos === 'PRON' || first.pos === 'DET' || first.pos === 'PROPN' || first.pos === 'NOUN' || first.pos === 'ADJ' || first.pos === 'NUM')) return false;
  for (let k = r.first + 1; k <= Math.min(r.last, r.first + 10); k++) {
    const p = tokens[k].pos;
    if (p === 'VERB' || p === 'AUX') return true;
    if (tokens[k].value === ',') return false;
  }
  return false;
}

/** After "…, he said, " the rest of the sentence continues the quote when it opens with a mark or a clause. */
export function continuation(doc: Doc, quotes: Quotes, k: number, sentLast: number): Range | null {
  const { tokens } = doc;
  if (k > sentLast) return null;
  const t = tokens[k];
  if (OPEN_MARK.test(t.value)) return contentRight(doc, quotes, k, sentLast);
  return null;
}

export function isQuoted(doc: Doc, quotes: Quotes, r: Range): boolean {
  const t = doc.tokens[r.first];
  return OPEN_MARK.test(t.value) || quotes.inside[r.first] >= 0 && quotes.inside[r.last] >= 0;
}
