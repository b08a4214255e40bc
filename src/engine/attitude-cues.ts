// Attitude cues: any verb governing a that-clause ("X hinted that …"), stance verbs ("Clinton plans to …"), and a
// stance adjective after a copula ("The mayor was critical of the plan").
import type { Doc } from '../nlp.ts';
import { abstractHeads, attitudeVerbs, cueAdverbs, notAttitudeLemmas, stanceLinks, verbForms } from './lexicon.ts';
import { headOf, type Range } from './phrases.ts';
import type { Quotes } from './quotes.ts';
import { type Relation, BE, THAT, CLAUSE_OPENERS, QUOTE_MARK, END_PUNCT, wordCount } from './relation.ts';
import { subjectLeft, isAgent } from './subjects.ts';
import { contentRight, isQuoted } from './content.ts';
import { cueSpan } from './verb-cues.ts';

const MODALS = new Set(['may', 'might', 'could', 'would', 'should', 'can', 'will', 'must']);

/** "X hinted that …", "X made clear that …": any verb (with up to two words after it) governing a that-clause. */
export function thatClauseAfter(doc: Doc, v: number, sentLast: number): boolean {
  const { tokens } = doc;
  for (let k = v + 1; k <= Math.min(sentLast - 2, v + 3); k++) {
    const t = tokens[k];
    if (t.lower === 'that' && t.pos === 'SCONJ') return true;
    if (k === v + 1 && (t.lower === 'whether' || t.lower === 'why')) return true;
    if (t.value === ',' || END_PUNCT.test(t.value) || QUOTE_MARK.test(t.value)) return false;
  }
  return false;
}

/**
 * "The senator supported the bill", "Clinton sees a path to victory": a verb of stance or intent (the
 * attitudeVerbs list) with a named or personal subject right before it and an object or clause after it.
 */
export function attitudeRelation(doc: Doc, quotes: Quotes, si: number, v: number, particle = false): Relation | null {
  const { tokens, sentences } = doc;
  const s = sentences[si];
  if (notAttitudeLemmas.has(tokens[v].lemma)) return null;
  const subj = subjectLeft(doc, v, s.first);
  if (!subj) return null;
  const head = headOf(doc, subj.source);
  if (!isAgent(head) || abstractHeads.has(head.lower)) return null;
  let k = v + 1;
  // a particle or preposition that belongs to the verb: "voted for", "pointed to", "talked about"
  if (particle || (k <= s.last && (tokens[k].pos === 'ADP' || tokens[k].pos === 'PART') && !THAT.has(tokens[k].lower) && tokens[k].lower !== 'to')) k++;
  // "made it clear that …": the words up to "that" belong to the cue
  else if (!attitudeVerbs.has(tokens[v].lemma) && !verbForms.has(tokens[v].lower)) {
    while (k <= s.last && k < v + 4 && !(THAT.has(tokens[k].lower) && tokens[k].pos === 'SCONJ')) k++;
  }
  const content = contentRight(doc, quotes, k, s.last);
  if (!content || wordCount(doc, content) < 2) return null;
  const cue: Range = { first: cueSpan(doc, v, { lemma: tokens[v].lemma, stance: 'believes', strength: 'weak' }, s.last).first, last: k - 1 };
  // "Observers may compare …" is a possibility, not a view anyone voiced.
  for (let j = cue.first; j < v; j++) if (MODALS.has(tokens[j].lower)) return null;
  return { kind: 'attitude', cue, stance: 'believes', source: subj.source, owner: null, content: [content], sent: si, quote: isQuoted(doc, quotes, content), confidence: 0.35 };
}

/** "The mayor was critical of the plan", "Voters are confident that …": a stance adjective after a copula. */
export function copulaRelation(doc: Doc, quotes: Quotes, si: number, a: number): Relation | null {
  const { tokens, sentences } = doc;
  const s = sentences[si];
  let b = a - 1;
  while (b > s.first && a - b < 4 && (tokens[b].pos === 'ADV' || tokens[b].pos === 'PART')) b--;
  if (!BE.has(tokens[b].lower)) return null;
  let first = b;
  while (first - 1 >= s.first && (tokens[first - 1].pos === 'AUX' || cueAdverbs.has(tokens[first - 1].lower))) first--;
  const subj = subjectLeft(doc, first, s.first);
  if (!subj) return null;
  const head = headOf(doc, subj.source);
  if (!isAgent(head) || abstractHeads.has(head.lower)) return null;
  const next = tokens[a + 1];
  if (!next || a + 1 > s.last) return null;
  let last = a;
  let k = a + 1;
  if (stanceLinks.has(next.lower)) { last = a + 1; k = a + 2; }
  else if (!(THAT.has(next.lower) || next.lower === 'to' || CLAUSE_OPENERS.has(next.lower))) return null;
  const content = contentRight(doc, quotes, k, s.last);
  if (!content || wordCount(doc, content) < 2) return null;
  return { kind: 'attitude', cue: { first, last }, stance: 'believes', source: subj.source, owner: null, content: [content], sent: si, quote: isQuoted(doc, quotes, content), confidence: 0.35 };
}
