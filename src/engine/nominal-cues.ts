// Cues that are nouns: a verb with its cue noun ("raised questions about", "expressed concern that") and a view
// named by a possessed noun ("Clinton's support for the deal", "his claim that …").
import type { Doc } from '../nlp.ts';
import type { Stance } from '../schema.ts';
import { abstractHeads, possessiveLinks, verbNounCues } from './lexicon.ts';
import { headOf, npLeft, type Range } from './phrases.ts';
import type { Quotes } from './quotes.ts';
import { type Relation, POSSESSIVE, wordCount } from './relation.ts';
import { subjectLeft, ownerOf, isAgent } from './subjects.ts';
import { contentRight } from './content.ts';

/** "raised questions about", "expressed concern that": a verb lemma followed by one of its cue nouns. */
export function verbNounAt(doc: Doc, i: number, sentLast: number): { last: number; stance: Stance } | null {
  const { tokens } = doc;
  const t = tokens[i];
  if (t.pos !== 'VERB') return null;
  const options = verbNounCues.get(t.lemma);
  if (!options) return null;
  for (const words of options) {
    let k = i + 1;
    if (tokens[k]?.pos === 'ADJ' && words[0] !== tokens[k].lower) k++; // "raised serious questions"
    if (words.every((w, n) => k + n <= sentLast && tokens[k + n].lower === w)) {
      let last = k + words.length - 1;
      const after = tokens[last + 1];
      if (after && (after.lower === 'about' || after.lower === 'over' || after.lower === 'that' || after.lower === 'regarding' || after.lower === 'whether')) last++;
      return { last, stance: t.lemma === 'raise' || t.lemma === 'cast' ? 'questions' : 'believes' };
    }
  }
  return null;
}

export function verbNounRelation(doc: Doc, quotes: Quotes, si: number, v: number, vn: { last: number; stance: Stance }): Relation | null {
  const s = doc.sentences[si];
  const subj = subjectLeft(doc, v, s.first);
  if (!subj) return null;
  const content = contentRight(doc, quotes, vn.last + 1, s.last);
  if (!content || wordCount(doc, content) < 2) return null;
  if (abstractHeads.has(headOf(doc, subj.source).lower)) return null;
  return { kind: 'verb', cue: { first: v, last: vn.last }, stance: vn.stance, source: subj.source, owner: ownerOf(doc, subj.source), content: [content], sent: si, quote: false, confidence: 0.7 };
}


/** "Clinton's support for the deal", "his claim that …": a view named by a noun whose owner is a person or body. */
export function possessiveNounRelation(doc: Doc, quotes: Quotes, si: number, n: number): Relation | null {
  const { tokens, sentences } = doc;
  const s = sentences[si];
  const prev = tokens[n - 1];
  if (!prev) return null;
  let src: Range | null = null;
  if (POSSESSIVE.has(prev.lower) && prev.lower !== 'its' && prev.lower !== 'your' && prev.lower !== 'my') src = { first: n - 1, last: n - 1 };
  else if ((prev.lower === "'s" || prev.lower === '’s' || prev.lower === "'") && n - 2 >= s.first) {
    const np = npLeft(doc, n - 2, s.first);
    if (np && (tokens[np.last].pos === 'PROPN' || isAgent(headOf(doc, np)))) src = np;
  }
  if (!src) return null;
  const link = tokens[n + 1];
  if (!link || n + 1 > s.last || !possessiveLinks.has(link.lower)) return null;
  const content = contentRight(doc, quotes, link.lower === 'that' ? n + 1 : n + 2, s.last);
  if (!content || wordCount(doc, content) < 2) return null;
  // The content of a noun cue is its complement, up to the next comma.
  for (let j = content.first + 1; j <= content.last; j++) if (tokens[j].value === ',' && quotes.inside[j] < 0) { content.last = j - 1; break; }
  return { kind: 'attitude', cue: { first: n, last: link.lower === 'that' ? n : n + 1 }, stance: 'believes', source: src, owner: null, content: [content], sent: si, quote: false, confidence: 0.35 };
}
