// Finds attribution relations (source, cue, content) in a document: walks each sentence and hands each cue word to
// the finder for its form (verb-cues.ts, according-cues.ts, passive-cues.ts, headline-and-colon-cues.ts, nominal-cues.ts,
// attitude-cues.ts), then drops relations with a generic "you" source or a cue governed by "to".
import type { Doc } from '../nlp.ts';
import { attitudeVerbs, passiveLinks, stanceAdjectives, impressionVerbs, possessiveNouns, passiveParticiples, publishedParticiples, showingForms, verbForms } from './lexicon.ts';
import type { Quotes } from './quotes.ts';
import { type Relation, BE, wordCount } from './relation.ts';
import { carrierAt, contentRight } from './content.ts';
import { afterQuote, fallbackRelation, isVerbCue, nounAfterName, pluralSubject, verbRelation, seemsState, impressionRelation } from './verb-cues.ts';
import { phrasalAt, according, inSourceRelation, askedRelation, whenAskedRelation } from './according-cues.ts';
import { passive } from './passive-cues.ts';
import { headline, titleRelation, colonRelation } from './headline-and-colon-cues.ts';
import { verbNounAt, verbNounRelation, possessiveNounRelation } from './nominal-cues.ts';
import { thatClauseAfter, attitudeRelation, copulaRelation } from './attitude-cues.ts';
import { asideEnds } from './asides.ts';

export type { Relation, RelationKind } from './relation.ts';
export { afterDateline } from './content.ts';
export { ownerOf } from './subjects.ts';
export { colonRelation } from './headline-and-colon-cues.ts';

export function findRelations(doc: Doc, quotes: Quotes): Relation[] {
  const out: Relation[] = [];
  const { tokens, sentences } = doc;
  const headlineDone = headline(doc, out);
  const asides = asideEnds(doc);

  for (const s of sentences) {
    if (headlineDone && s.i === 0) continue;
    for (let i = s.first; i <= s.last; i++) {
      const t = tokens[i];
      if (quotes.inside[i] >= 0) continue;
      // "who asked not to be named": an anonymity aside describes the source; its verbs are no cues
      if (asides[i] >= 0) { i = asides[i]; continue; }
      // "in a statement carried by TASS": a carrier names the conduit, it is no cue
      const carried = carrierAt(doc, i, s.last);
      if (carried >= 0) { i = carried; continue; }
      const ph = phrasalAt(doc, i, s.last);
      if (ph) {
        // "as reported by X" right after another attribution's source is that source's conduit.
        const chained = t.lower === 'as' && tokens[i - 1]?.value === ',' && out.at(-1)?.kind === 'according' && out.at(-1)!.sent === s.i && out.at(-1)!.source!.last === i - 2;
        // "as described by X" with no comma modifies the phrase before it, not the sentence.
        const bare = t.lower === 'as' && i > s.first && tokens[i - 1].value !== ',' && tokens[i - 1].value !== '(';
        const rel = chained || bare ? null : according(doc, quotes, s.i, i, ph.len, ph.stance);
        if (rel) out.push(rel);
        i += ph.len - 1;
        continue;
      }
      if (showingForms.has(t.lower) && i > s.first && publishedParticiples.has(tokens[i - 1].lower)) {
        const content = contentRight(doc, quotes, i + 1, s.last);
        if (content && wordCount(doc, content) >= 3) {
          out.push({ kind: 'verb', cue: { first: i - 1, last: i }, stance: 'shows', source: null, owner: null, content: [content], sent: s.i, quote: false, confidence: 0.5 });
        }
        continue;
      }
      if (t.lower === 'in' && (i === s.first || tokens[i - 1].value === ',')) {
        const rel = inSourceRelation(doc, quotes, s.i, i);
        if (rel) { out.push(rel); continue; }
      }
      if (t.lower === 'asked' && (i === s.first || (i === s.first + 1 && tokens[s.first].lower === 'when'))) {
        const rel = askedRelation(doc, quotes, s.i, i);
        if (rel) { out.push(rel); continue; }
      }
      if (t.lower === 'asked' && i > s.first + 1 && tokens[i - 1].lower === 'when') {
        const rel = whenAskedRelation(doc, s.i, i, out.at(-1));
        if (rel) { out.push(rel); continue; }
      }
      const vn = verbNounAt(doc, i, s.last);
      if (vn) {
        const rel = verbNounRelation(doc, quotes, s.i, i, vn);
        if (rel) out.push(rel);
        i = vn.last;
        continue;
      }
      if (t.value === ':' && !(headlineDone && s.i === 0)) {
        const rel = colonRelation(doc, quotes, s.i, i);
        if (rel) out.push(rel);
        continue;
      }
      if (t.pos === 'NOUN' && possessiveNouns.has(t.lower)) {
        const rel = possessiveNounRelation(doc, quotes, s.i, i);
        if (rel) { out.push(rel); continue; }
      }
      const verb = verbForms.get(t.lower);
      if (verb && isVerbCue(doc, i, verb)) {
        const seeming = impressionVerbs.has(verb.lemma);
        const rel = seeming && seemsState(doc, i, s.last) ? impressionRelation(doc, quotes, s.i, i, verb) :
          verbRelation(doc, quotes, s.i, i, verb) ?? (seeming ? impressionRelation(doc, quotes, s.i, i, verb) :
            t.pos === 'VERB' ? fallbackRelation(doc, quotes, s.i, i, verb) : null);
        if (rel?.kind === 'participle') {
          // "“…,” McCain said, citing low growth": the participle shares the speaker of the cue before it.
          const prev = out.at(-1);
          if (prev && prev.sent === s.i && prev.source && prev.cue && prev.cue.last < i) {
            rel.source = prev.source;
            rel.owner = prev.owner;
            rel.confidence = 0.7;
          }
        }
        if (rel) {
          out.push(rel);
          // "declined to say": the inner verb is read as part of the content only
          if (rel.skipTo !== undefined) i = rel.skipTo;
        }
        continue;
      }
      if (t.pos === 'VERB' && !verb && afterQuote(doc, quotes, i, s.first)) {
        // "“…,” an angry Hollande retaliated." / "“…,” recalled Roy Verley.": any verb right after a quote and
        // its speaker reports that quote
        const rel = verbRelation(doc, quotes, s.i, i, { lemma: t.lemma, stance: 'asserts', strength: 'strong' });
        if (rel && rel.quote) { out.push(rel); continue; }
      }
      // "Clinton plans to …": a stance verb the tagger read as a plural noun after a name
      // ("two-thirds back a curfew", "most councillors favour …": a stance verb's base form read as a noun after a plural)
      const taggedNoun = !verb && ((nounAfterName(doc, i) && attitudeVerbs.has(t.lower.slice(0, -1))) ||
        (t.pos === 'NOUN' && attitudeVerbs.has(t.lower) && pluralSubject(doc, i, { lemma: t.lower })));
      // "pointed to X" (the cue lexicon knows "point out"): a cue verb without its particle reads as a stance verb
      const otherParticle = !!verb?.particle && tokens[i + 1]?.lower !== verb.particle && (tokens[i + 1]?.pos === 'ADP' || tokens[i + 1]?.lower === 'to');
      if ((!verb || otherParticle) && (t.pos === 'VERB' || taggedNoun) && (taggedNoun || otherParticle || attitudeVerbs.has(t.lemma) || thatClauseAfter(doc, i, s.last))) {
        const rel = attitudeRelation(doc, quotes, s.i, i, otherParticle);
        if (rel) { out.push(rel); continue; }
      }
      if (stanceAdjectives.has(t.lower) && (t.pos === 'ADJ' || t.pos === 'VERB') && i > s.first + 1) {
        const rel = copulaRelation(doc, quotes, s.i, i);
        if (rel) { out.push(rel); continue; }
      }
      // "was criticized for …", "is accused of …", "were charged with …": any cue or stance verb's participle with
      // the preposition that names what it is about
      const passiveForm = passiveParticiples.has(t.lower) ||
        (!!(verb || attitudeVerbs.has(t.lemma)) && /(ed|en|wn)$/.test(t.lower) && passiveLinks.has(tokens[i + 1]?.lower ?? ''));
      if (passiveForm && i > s.first && BE.has(tokens[i - 1].lower) || (passiveForm && i > s.first + 1 && BE.has(tokens[i - 2].lower) && (tokens[i - 1].pos === 'ADV' || tokens[i - 1].pos === 'PART'))) {
        const rel = passive(doc, quotes, s.i, i);
        if (rel) out.push(rel);
      }
    }
  }
  if (!headlineDone && sentences.length > 1 && !out.some((r) => r.sent === 0)) {
    const rel = titleRelation(doc, quotes);
    if (rel) out.unshift(rel);
  }
  // Generic "you" ("What do you call …?", "whatever you want to call it") names nobody.
  // A cue right after "to" ("will have to tell", "is quick to deny") is a plan or a possibility, not a claim made.
  return out.filter((r) => !(r.source && r.source.first === r.source.last && tokens[r.source.first].lower === 'you') &&
    !(r.cue && r.cue.first > 0 && tokens[r.cue.first - 1].lower === 'to' && tokens[r.cue.first - 1].sent === r.sent));
}
