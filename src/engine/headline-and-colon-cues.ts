// Cues in titles and after colons: a headline "Russia Seizes Town, Says Ministry", a cue-less title line, and
// "PENCE: And that's why …" (a speaker, a colon, and what they said).
import type { Doc } from '../nlp.ts';
import { attitudeVerbs, colonLabels, headlineCues, verbForms } from './lexicon.ts';
import { headOf, npLeft, npRight } from './phrases.ts';
import type { Quotes } from './quotes.ts';
import { type Relation, END_PUNCT, wordCount } from './relation.ts';
import { isAgent } from './subjects.ts';
import { contentRight, isQuoted } from './content.ts';
import { cueSpan } from './verb-cues.ts';

/** "Russia Seizes Town, Says Ministry of Defense": a title line with the cue near its end. */
export function headline(doc: Doc, out: Relation[]): boolean {
  const { tokens, sentences } = doc;
  const s = sentences[0];
  if (!s) return false;
  const last = tokens[s.last];
  const next = sentences[1];
  const ownLine = !next || next.para !== s.para;
  if (!ownLine || END_PUNCT.test(last.value) && last.value !== '?') return false;
  for (let i = s.last - 1; i > s.first + 2; i--) {
    const t = tokens[i];
    const lower = t.lower;
    if (headlineCues.has(lower) && (tokens[i - 1].value === ',' || tokens[i - 1].value === ':' || tokens[i - 1].value === '—')) {
      const src = npRight(doc, i + 1, s.last);
      if (!src || src.last !== s.last) continue;
      out.push({
        kind: 'headline',
        cue: { first: i, last: i },
        stance: verbForms.get(lower)?.stance ?? 'asserts',
        source: src,
        owner: null,
        content: [{ first: s.first, last: i - 2 }],
        sent: 0,
        quote: false,
        confidence: 0.8,
      });
      return true;
    }
  }
  // "Ministry: Russian forces took the town"
  for (let i = s.first + 1; i < Math.min(s.last, s.first + 6); i++) {
    if (tokens[i].value === ':') {
      const src = npLeft(doc, i - 1, s.first);
      if (src && src.first === s.first && i + 2 <= s.last && !colonLabels.has(headOf(doc, src).lower)) {
        out.push({ kind: 'headline', cue: { first: i, last: i }, stance: 'asserts', source: src, owner: null, content: [{ first: i + 1, last: s.last }], sent: 0, quote: false, confidence: 0.6 });
        return true;
      }
      break;
    }
  }
  return false;
}

/**
 * "Super PAC Blasts Senator Over Debate": a title line (the first line, a paragraph of its own) whose main verb
 * is a cue or stance verb after its subject. The words before it are the source, the
 * rest is the content.
 */
export function titleRelation(doc: Doc, quotes: Quotes): Relation | null {
  const { tokens, sentences } = doc;
  const s = sentences[0];
  if (sentences[1].para === s.para || s.last - s.first < 3 || s.last - s.first > 30) return null;
  for (let i = s.first + 1; i < s.last; i++) {
    const t = tokens[i];
    if (quotes.inside[i] >= 0 || t.value === ':' || t.value === ',' || t.value === ';') return null;
    const lower = t.lower;
    const cue = verbForms.get(lower);
    // title case hides verbs from the tagger ("Backs" as a name): strip a third-person or past ending
    const stem = lower.replace(/(?<=[^s])s$|(?<=(?:ch|sh|ss|x|z))es$|(?<=[^e])ed$|(?<=e)d$/, '');
    const known = (!!cue && (!lower.endsWith('ing'))) || (attitudeVerbs.has(t.lemma) && t.pos === 'VERB') || (stem !== lower && attitudeVerbs.has(stem));
    if (!known) continue;
    const prev = tokens[i - 1];
    if (!(prev.pos === 'NOUN' || prev.pos === 'PROPN' || prev.pos === 'PRON' || prev.pos === 'ADV')) continue;
    const span = cueSpan(doc, i, cue ?? { lemma: t.lemma, stance: 'asserts', strength: 'weak' }, s.last);
    if (span.first <= s.first) return null;
    const src = npLeft(doc, span.first - 1, s.first);
    if (!src || src.first !== s.first) return null;
    const content = contentRight(doc, quotes, span.last + 1, s.last);
    if (!content || wordCount(doc, content) < 2) return null;
    return { kind: 'verb', cue: span, stance: cue?.stance ?? 'believes', source: src, owner: null, content: [content], sent: 0, quote: false, confidence: 0.5 };
  }
  return null;
}

/** "PENCE: And that's why …" / "The ministry: troops took the town": a speaker, a colon, and what they said. */
export function colonRelation(doc: Doc, quotes: Quotes, si: number, c: number): Relation | null {
  const { tokens, sentences } = doc;
  const s = sentences[si];
  if (c - s.first > 6 || c === s.first) return null;
  const src = npLeft(doc, c - 1, s.first);
  if (!src || src.first !== s.first) return null;
  const head = headOf(doc, src);
  if (!isAgent(head) || head.pos === 'PRON' || colonLabels.has(head.lower)) return null;
  const content = contentRight(doc, quotes, c + 1, s.last);
  if (!content || wordCount(doc, content) < 3) return null;
  return { kind: 'verb', cue: { first: c, last: c }, stance: 'asserts', source: src, owner: null, content: [content], sent: si, quote: isQuoted(doc, quotes, content), confidence: 0.6 };
}
