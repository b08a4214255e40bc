// Prepositional cues: "according to X" and its kin ("as reported by", "as stated in") in every position, "In a
// CBS News poll, …" (a document as the source), and "Asked whether …" / "… when asked whether …" questions.
import type { Doc } from '../nlp.ts';
import type { Stance } from '../schema.ts';
import { adjunctWords, inSourceNouns, phrasalCues } from './lexicon.ts';
import { headOf, npRight, type Range } from './phrases.ts';
import type { Quotes } from './quotes.ts';
import { type Relation, CLAUSE_OPENERS, QUOTE_MARK, CLOSE_MARK, END_PUNCT, POSSESSIVE, wordCount, DAY } from './relation.ts';
import { described } from './mention.ts';
import { ownerOf, isAgent } from './subjects.ts';
import { ROLES } from './entities/lexicon.ts';
import { findHedges } from './hedges.ts';
import { contentRight, looksLikeClause } from './content.ts';

export function phrasalAt(doc: Doc, i: number, last: number): { len: number; stance: Stance } | null {
  if (i > last) return null;
  const list = phrasalCues.get(doc.tokens[i].lower);
  if (!list) return null;
  for (const p of list) {
    let ok = true;
    for (let w = 1; w < p.words.length; w++) {
      if (i + w > last || doc.tokens[i + w].lower !== p.words[w]) { ok = false; break; }
    }
    if (ok) return { len: p.words.length, stance: p.stance };
  }
  return null;
}

/** "According to X, C" / "C, according to X" / "A, according to X, B" and "as reported by / as stated in". */
export function according(doc: Doc, quotes: Quotes, si: number, a: number, len: number, stance: Stance): Relation | null {
  const { tokens, sentences } = doc;
  const s = sentences[si];
  const cue: Range = { first: a, last: a + len - 1 };
  const src = npRight(doc, a + len, s.last) ?? phraseTo(doc, a + len, s.last);
  if (!src) return null;
  // "According to a count of ballots carried out by X for Y, …": a long source runs to the comma.
  if (a === s.first || isOpener(doc, s.first, a - 1)) {
    const next = tokens[src.last + 1];
    if (next && src.last + 1 <= s.last && next.value !== ',' && next.value !== ')' && next.value !== '—') {
      let j = src.last + 1;
      while (j <= s.last && j - src.last < 30 && tokens[j].value !== ',' && !END_PUNCT.test(tokens[j].value) && !QUOTE_MARK.test(tokens[j].value) && tokens[j].value !== ':') j++;
      if (j <= s.last && tokens[j].value === ',') src.last = j - 1;
    }
  }
  const base = { kind: 'according' as const, cue, stance, owner: ownerOf(doc, src), sent: si, quote: false, source: src };
  const afterSrc = src.last + 1;
  const content: Range[] = [];
  // What stands before the cue, up to a comma or the sentence start.
  let before = a - 1;
  while (before >= s.first && (tokens[before].value === ',' || tokens[before].value === '(' || tokens[before].value === '—')) before--;
  const openerOnly = before < s.first || isOpener(doc, s.first, before);
  if (!openerOnly) {
    // Skip an "as reported by …" chain that sits between content and this cue.
    content.push({ first: leftStart(doc, quotes, s.first, before), last: before });
  }
  // What follows the source: after a comma, to the sentence end (skipping a following "as reported by X,").
  let k = afterSrc;
  while (k <= s.last && tokens[k].value === ',') {
    const chain = phrasalAt(doc, k + 1, s.last);
    if (!chain) break;
    const inner = npRight(doc, k + 1 + chain.len, s.last);
    if (!inner) break;
    k = inner.last + 1;
  }
  // "according to Ann Holm, an analyst at the port, …": the description of the source is no content
  if (k <= s.last && tokens[k].value === ',') {
    const end = appositiveEnd(doc, k + 1, s.last, src);
    if (end >= 0 && tokens[end + 1]?.value === ',') {
      const rest = contentRight(doc, quotes, end + 2, s.last);
      if (rest && looksLikeClause(doc, rest)) k = end + 1;
    } else if (end >= 0 && content.length) k = s.last + 1;
  }
  if (k <= s.last && (tokens[k].value === ',' || tokens[k].value === ')' || tokens[k].value === '—')) {
    const rest = contentRight(doc, quotes, k + 1, s.last);
    if (rest && wordCount(doc, rest) >= 2) content.push(rest);
  }
  if (!content.length) return null;
  return { ...base, content, quote: false, confidence: 0.9 };
}

/**
 * The last token of an appositive opening at `k` ("an analyst at the port") and running to a comma or the sentence
 * end, or -1.
 */
function appositiveEnd(doc: Doc, k: number, sentLast: number, source: Range): number {
  const { tokens } = doc;
  const lead = tokens[k];
  if (!lead || k > sentLast) return -1;
  let j = k;
  while (j + 1 <= sentLast && tokens[j + 1].value !== ',' && !END_PUNCT.test(tokens[j + 1].value) && j - k < 20) j++;
  if (j + 1 <= sentLast && tokens[j + 1].value !== ',' && !END_PUNCT.test(tokens[j + 1].value)) return -1;
  // (a description that hedges the claim stays with it: "according to officials, whose figures could not be verified, …")
  if (findHedges(doc.text.slice(tokens[k].start, tokens[j].end)).some((h) => !h.weak)) return -1;
  // "according to the mayor, whose office …,"
  if (/^(who|whose)$/.test(lead.lower)) return j;
  // "according to the regional governor, Vyacheslav Gladkov, …": the name of a source named by its role
  const role = ROLES.has(headOf(doc, source).lower);
  let name = role && j - k < 4;
  for (let m = k; m <= j && name; m++) name = tokens[m].pos === 'PROPN';
  if (name) return j;
  // "according to Oleh Kiper, head of the regional administration, …", "…, NATO's secretary general, …": a title
  // with no article, or after a name's 's
  const titled = ROLES.has(lead.lower) || (lead.pos === 'PROPN' && /^['’]s$/.test(tokens[k + 1]?.value ?? ''));
  if (!(/^(a|an|the)$/.test(lead.lower) || POSSESSIVE.has(lead.lower) || titled)) return -1;
  // "According to the mayor, the shelling damaged 12 homes, …": a phrase headed by no person or body is the
  // content's first clause, not a description of the source
  const np = npRight(doc, k, j);
  const head = np && headOf(doc, np);
  if (!head || !(isAgent(head) || ROLES.has(head.lower))) return -1;
  return described(doc, k, j) === j ? j : -1;
}

/**
 * The words from `k` to the next comma, dash, bracket or sentence end (at most 12): the tagger reads the noun
 * after "according to" as an infinitive ("according to sources", "according to exit polls").
 */
function phraseTo(doc: Doc, k: number, sentLast: number): Range | null {
  const { tokens } = doc;
  if (k > sentLast || tokens[k].pos !== 'VERB') return null;
  let j = k;
  while (j <= sentLast && j - k < 12 && !/^[,;:()—–-]$/.test(tokens[j].value) && !END_PUNCT.test(tokens[j].value) && !QUOTE_MARK.test(tokens[j].value)) j++;
  if (j - k > 11) return null;
  return { first: k, last: j - 1 };
}

/** "In a CBS News poll released Monday, Clinton led by 10 points": a document or poll as the source. */
export function inSourceRelation(doc: Doc, quotes: Quotes, si: number, i: number): Relation | null {
  const { tokens, sentences } = doc;
  const s = sentences[si];
  const src = npRight(doc, i + 1, s.last);
  if (!src) return null;
  let end = src.last;
  // "released Monday", "conducted by X": a short participle phrase inside the source, up to the comma.
  let j = end + 1;
  while (j <= s.last && j - end < 10 && tokens[j].value !== ',' && !END_PUNCT.test(tokens[j].value) && !QUOTE_MARK.test(tokens[j].value)) j++;
  if (!(j <= s.last && tokens[j].value === ',')) return null;
  if (j > end + 1 && !(tokens[end + 1].pos === 'VERB' && /(ed|en|wn)$/.test(tokens[end + 1].lower)) && !DAY.test(tokens[end + 1].lower) && !adjunctWords.has(tokens[end + 1].lower)) return null;
  end = j - 1;
  if (!inSourceNouns.has(headOf(doc, src).lower)) return null;
  const content = contentRight(doc, quotes, j + 1, s.last);
  if (!content || wordCount(doc, content) < 3 || !looksLikeClause(doc, content)) return null;
  return { kind: 'according', cue: { first: i, last: i }, stance: 'reports', source: { first: src.first, last: end }, owner: ownerOf(doc, src), content: [content], sent: si, quote: false, confidence: 0.6 };
}

/** "Asked whether he would run, the senator said no": the question is content of its own, put to the subject. */
export function askedRelation(doc: Doc, quotes: Quotes, si: number, i: number): Relation | null {
  const { tokens, sentences } = doc;
  const s = sentences[si];
  let j = i + 1;
  while (j <= s.last && j - i < 40 && tokens[j].value !== ',' && !END_PUNCT.test(tokens[j].value)) j++;
  if (!(j <= s.last && tokens[j].value === ',') || j < i + 3) return null;
  const opens = tokens.slice(i + 1, Math.min(j, i + 10)).some((t) => CLAUSE_OPENERS.has(t.lower) || t.lower === 'whom' || t.lower === 'about' || t.lower === 'to');
  if (!opens) return null;
  const src = npRight(doc, j + 1, s.last);
  if (!src || !isAgent(headOf(doc, src))) return null;
  const about = aboutAfter(doc, i, j);
  return { kind: 'verb', cue: { first: i, last: i + about }, stance: 'questions', source: src, owner: null, content: [{ first: i + 1 + about, last: j - 1 }], sent: si, quote: false, confidence: 0.6 };
}

/** 1 when "about" follows "asked" with a topic after it ("Asked about the vote, …": "about" joins the cue), else 0. */
function aboutAfter(doc: Doc, i: number, end: number): number {
  return doc.tokens[i + 1]?.lower === 'about' && i + 2 < end ? 1 : 0;
}

/** "“…,” Holm said when asked whether she would …": the question put to the speaker of the cue before it. */
export function whenAskedRelation(doc: Doc, si: number, i: number, prev: Relation | undefined): Relation | null {
  const { tokens, sentences } = doc;
  const s = sentences[si];
  if (!prev || prev.sent !== si || !prev.source || !prev.cue || prev.cue.last >= i) return null;
  const next = tokens[i + 1];
  if (!next || !(CLAUSE_OPENERS.has(next.lower) || next.lower === 'about' || next.lower === 'to')) return null;
  let j = i + 1;
  while (j <= s.last && tokens[j].value !== ',' && !END_PUNCT.test(tokens[j].value)) j++;
  if (j - 1 < i + 2) return null;
  const about = aboutAfter(doc, i, j);
  return { kind: 'verb', cue: { first: i, last: i + about }, stance: 'questions', source: prev.source, owner: prev.owner, content: [{ first: i + 1 + about, last: j - 1 }], sent: si, quote: false, confidence: 0.6, cutBefore: i - 1 };
}

/** Sentence openers that are not content: "However,", "In a statement,", "Meanwhile,". */
function isOpener(doc: Doc, first: number, last: number): boolean {
  if (last - first > 3) return false;
  for (let k = first; k <= last; k++) {
    const p = doc.tokens[k].pos;
    if (!(p === 'ADV' || p === 'CCONJ' || p === 'SCONJ' || p === 'PUNCT')) return false;
  }
  return true;
}

function leftStart(doc: Doc, quotes: Quotes, first: number, last: number): number {
  const t = doc.tokens[last];
  if (CLOSE_MARK.test(t.value)) {
    const run = quotes.runs.find((r) => r.closeTok === last);
    if (run) return Math.min(first, run.openTok);
  }
  return first;
}
