// Finds attribution relations (source, cue, content) in a document: reporting verbs in every order,
// "according to" and its kin, passive "is described by X as", headline "…, Says X", and nominal sources.
import type { Doc, Token } from '../nlp.ts';
import type { Stance } from '../schema.ts';
import { abstractHeads, agentHeads, attitudeVerbs, catenativeVerbs, colonLabels, stanceAdjectives, impressionVerbs, nounForms, possessiveNouns, evidenceHeads, evidenceLemmas, inSourceNouns, headlineCues, nounCues, notCueAfter, notCueBefore, passiveParticiples, phrasalCues, publishedParticiples, showingForms, verbForms, verbNounCues, type VerbCue } from './lexicon.ts';
import { headOf, isPunct, npLeft, npRight, type Range } from './phrases.ts';
import type { Quotes } from './quotes.ts';

export type RelationKind = 'verb' | 'according' | 'passive' | 'headline' | 'hedge' | 'participle' | 'attitude';

export interface Relation {
  kind: RelationKind;
  cue: Range | null;
  stance: Stance;
  source: Range | null;
  /** Where the source is a document or statement ("statements from X"), the phrase naming its owner. */
  owner: Range | null;
  content: Range[];
  /** Sentence index of the cue (first sentence of the content for cue-less relations). */
  sent: number;
  quote: boolean;
  confidence: number;
  /** "X praised Y and said Z": the token ("and") where an earlier relation's content must stop. */
  cutBefore?: number;
  /** "declined to say": a cue verb inside this content that must not start a relation of its own. */
  skipTo?: number;
}

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re"]);
const SKIP_BETWEEN = new Set(['also', 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'did', 'does', 'do', 'not', "n't", 'never', 'previously', 'later', 'again', 'repeatedly', 'already', 'once', 'then', 'now', 'recently', 'just', 'publicly', 'privately', 'reportedly', 'allegedly', 'apparently', 'earlier', 'still', 'further', 'even', 'often', 'frequently', 'openly', 'explicitly', 'initially', 'first', 'firmly', 'flatly', 'quickly', 'immediately', 'since', 'however', 'only', 'widely', 'long', 'separately', 'subsequently', 'ultimately', 'finally', 'simply', 'officially', 'categorically']);
const THAT = new Set(['that']);
const POSSESSIVE = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
const ING_BEFORE = new Set(['and', 'but', 'or', 'while', 'after', 'before', 'by', 'without', 'when', 'since', 'also', 'not', 'of', 'in', 'for', 'repeatedly', 'again', 'publicly', 'then', 'even', 'still', 'just', 'now', 'openly', 'falsely', 'privately', 'reportedly', 'allegedly', 'apparently', 'explicitly', 'effectively', 'essentially', 'implicitly', 'seemingly']);
const ING_PREPS = new Set(['by', 'after', 'before', 'without', 'while', 'when', 'since', 'in']);
const CLAUSE_OPENERS = new Set(['that', 'whether', 'if', 'how', 'what', 'why', 'when', 'where', 'who', 'which']);
const ADJUNCT_PREPS = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'last', 'this', 'earlier', 'late', 'to', 'via', 'through', 'from', 'with', 'by']);
const QUOTE_MARK = /^["“”«»„‘’]$/;
const CLOSE_MARK = /^["”»’]$/;
const OPEN_MARK = /^["“«„‘]$/;
const END_PUNCT = /^[.!?…]+$/;

const wordCount = (doc: Doc, r: Range) => {
  let n = 0;
  for (let k = r.first; k <= r.last; k++) if (!isPunct(doc.tokens[k])) n++;
  return n;
};

export function findRelations(doc: Doc, quotes: Quotes): Relation[] {
  const out: Relation[] = [];
  const { tokens, sentences } = doc;
  const headlineDone = headline(doc, out);

  for (const s of sentences) {
    if (headlineDone && s.i === 0) continue;
    for (let i = s.first; i <= s.last; i++) {
      const t = tokens[i];
      if (quotes.inside[i] >= 0) continue;
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
          verbRelation(doc, quotes, s.i, i, verb) ?? (seeming ? impressionRelation(doc, quotes, s.i, i, verb) : null);
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
      const taggedNoun = !verb && nounAfterName(doc, i) && attitudeVerbs.has(t.lower.slice(0, -1));
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
      if (passiveParticiples.has(t.lower) && i > s.first && BE.has(tokens[i - 1].lower) || (passiveParticiples.has(t.lower) && i > s.first + 1 && BE.has(tokens[i - 2].lower) && (tokens[i - 1].pos === 'ADV' || tokens[i - 1].pos === 'PART'))) {
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

/** Whether token `k` is the closing mark of a quote run (the token before it lies inside that run). */
function closesRun(quotes: Quotes, k: number): boolean {
  const ri = k > 0 ? quotes.inside[k - 1] : -1;
  return ri >= 0 && quotes.runs[ri].closeTok === k;
}

/**
 * Whether the verb at `v` follows a closing quote with at most a short name between (",” X said" order) or
 * directly (",” said X" order), and nothing but adjuncts or the sentence end after it (or after its speaker).
 */
function afterQuote(doc: Doc, quotes: Quotes, v: number, sentFirst: number): boolean {
  const { tokens } = doc;
  if (!/(ed|s)$/.test(tokens[v].lower)) return false;
  let k = v - 1;
  while (k >= sentFirst && v - k <= 6 && (tokens[k].pos === 'PROPN' || tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'NOUN' || tokens[k].pos === 'PRON' && !POSSESSIVE.has(tokens[k].lower) || tokens[k].value === '.')) k--;
  if (k < 0 || k < sentFirst - 1) return false;
  const mark = tokens[k];
  const closes = CLOSE_MARK.test(mark.value) || closesRun(quotes, k);
  if (!closes) return false;
  return k < sentFirst || tokens[k - 1]?.value === ',' || tokens[k - 1]?.value === '?' || tokens[k - 1]?.value === '!';
}

function phrasalAt(doc: Doc, i: number, last: number): { len: number; stance: Stance } | null {
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

function isVerbCue(doc: Doc, i: number, verb: VerbCue): boolean {
  const { tokens } = doc;
  const t = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (t.pos !== 'VERB' && t.pos !== 'AUX') {
    // The tagger reads some verbs as nouns ("the briefing notes that", "observers warning that"): accept one
    // between a noun phrase and a clause opener; "his claims that" stays a noun.
    const clear = t.lower === 'said' || t.lower === 'says' || t.lower === 'told' || (t.lower === 'say' && prev?.pos === 'NUM') ||
      // "by promising to …": an -ing form after a preposition is a verb whatever the tagger says
      (t.lower.endsWith('ing') && !!prev && ING_PREPS.has(prev.lower) && t.pos === 'ADJ') ||
      // "records show", "new fundraising reports show.": a plural document noun before a form the tagger read as a noun
      (evidenceLemmas.has(verb.lemma) && !!prev && !!next && (prev.pos === 'NOUN' || prev.pos === 'PROPN') &&
        (END_PUNCT.test(next.value) || next.value === ',' || next.pos === 'PRON' || next.pos === 'DET' || next.pos === 'NUM' || next.pos === 'PROPN') && evidenceSubject(doc, i));
    const before2 = tokens[i - 2]?.lower ?? '';
    const between = prev && (prev.pos === 'NOUN' || prev.pos === 'PROPN' || (prev.pos === 'PRON' && !POSSESSIVE.has(prev.lower))) &&
      // "a newspaper report that …" is one noun phrase
      !(prev.pos === 'NOUN' && (before2 === 'a' || before2 === 'an' || POSSESSIVE.has(before2))) &&
      next && (CLAUSE_OPENERS.has(next.lower) || OPEN_MARK.test(next.value) || next.value === ':');
    if (!nounAfterName(doc, i) && ((!clear && !between) || nounForms.has(t.lower))) return false;
  }
  // "having said that", "that said," (opening a sentence), "needless to say".
  if (prev && notCueBefore.has(prev.lower) && (prev.lower !== 'that' || i - 1 === firstOfSentence(doc, i))) return false;
  if (prev && (prev.lower === 'the' || prev.lower === 'a' || prev.lower === 'an')) return false;
  // "758 pledged delegates": a participle between a number and a noun modifies the noun
  if (prev?.pos === 'NUM' && next?.pos === 'NOUN' && /ed$/.test(t.lower)) return false;
  // "Breitbart's reporting team", "its reporting": a noun after a possessive.
  if (prev && (POSSESSIVE.has(prev.lower) || prev.lower === "'s" || prev.lower === '’s')) return false;
  // An -ing form is a cue after a comma or dash (", saying …"), an auxiliary ("is saying") or a linking word
  // ("and saying", "by saying"); "all precincts reporting" and "(Additional reporting by …)" are not.
  if (t.lower.endsWith('ing') && prev && !withSubject(doc, i) && !(ING_BEFORE.has(prev.lower) || prev.pos === 'AUX' || prev.pos === 'PUNCT' || prev.pos === 'ADV' || prev.pos === 'CCONJ' || prev.pos === 'SCONJ' || (next && (THAT.has(next.lower) || OPEN_MARK.test(next.value))))) return false;
  // "seemed to be" is an impression (impressionRelation), not a view of the subject's own
  if (!impressionVerbs.has(verb.lemma)) {
    for (const seq of notCueAfter) {
      if (seq.every((w, k) => tokens[i + 1 + k]?.lower === w)) return false;
    }
  }
  if (verb.particle && next?.lower !== verb.particle) return false;
  // Passive use ("is said to", "was told") is handled elsewhere.
  let b = i - 1;
  while (b > 0 && i - b < 3 && (tokens[b].pos === 'ADV' || tokens[b].pos === 'PART')) b--;
  if (b >= 0 && BE.has(tokens[b].lower) && /(ed|en|id|ld|wn|ght)$/.test(t.lower)) return false;
  return true;
}

/**
 * A present-tense verb the tagger read as a plural noun right after a name: "Clinton plans to …", "Schweizer
 * notes the …", "Sanders rips the deal".
 */
function nounAfterName(doc: Doc, i: number): boolean {
  const { tokens } = doc;
  const t = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (t.pos !== 'NOUN' || !/[^s]s$/.test(t.lower) || !prev || !next || prev.pos !== 'PROPN' || prev.sent !== t.sent) return false;
  return next.pos === 'DET' || next.pos === 'PROPN' || next.lower === 'to' || next.lower === 'about' || END_PUNCT.test(next.value) || (next.pos === 'PRON' && !POSSESSIVE.has(next.lower) && !CLAUSE_OPENERS.has(next.lower));
}

/** "…, with Senator X calling it a fiasco": an -ing verb whose named subject follows "with". */
function withSubject(doc: Doc, i: number): boolean {
  const { tokens } = doc;
  let k = i - 1;
  if (!tokens[k] || !(tokens[k].pos === 'PROPN' || tokens[k].pos === 'PRON')) return false;
  while (k > 0 && i - k < 7 && (tokens[k].pos === 'PROPN' || tokens[k].pos === 'NOUN' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'DET' || tokens[k].value === '.' || tokens[k].pos === 'PRON')) k--;
  return tokens[k]?.lower === 'with' && tokens[k].sent === tokens[i].sent;
}

/** Whether the phrase before token `i` is headed by a record or poll ("Records from the election board"). */
function evidenceSubject(doc: Doc, i: number): boolean {
  const np = npLeft(doc, i - 1, firstOfSentence(doc, i));
  return !!np && evidenceHeads.has(headOf(doc, np).lower);
}

function firstOfSentence(doc: Doc, i: number): number {
  return doc.sentences[doc.tokens[i].sent].first;
}

/** Skip adverbs, auxiliaries and "to"-infinitive governors between a subject and its verb, leftwards. */
function skipLeft(doc: Doc, k: number, floor: number): number {
  const { tokens } = doc;
  let steps = 0;
  while (k >= floor && steps < 6) {
    const t = tokens[k];
    if (t.value === ')') {
      // "Rep. Gwen Moore (D-Wis.) said": skip the parenthesis.
      let j = k - 1;
      while (j >= floor && tokens[j].value !== '(' && k - j < 12) j--;
      if (j >= floor && tokens[j].value === '(') { k = j - 1; steps++; continue; }
      break;
    }
    // "The campaign on Tuesday denied …", "X last week said …"
    if (DAY.test(t.lower) && k - 1 >= floor && /^(on|last|this|late|early|since)$/.test(tokens[k - 1].lower)) {
      k -= 2;
      steps++;
      continue;
    }
    // "X two weeks ago said", "X less than a year ago said"
    if (t.lower === 'ago' && k - 1 >= floor && /^(days?|weeks?|months?|years?|hours?|decades?)$/.test(tokens[k - 1].lower)) {
      let j = k - 2;
      while (j >= floor && k - j <= 6 && (tokens[j].pos === 'NUM' || /^(a|an|few|several|than|less|more|about|nearly|almost|just|only|some)$/.test(tokens[j].lower))) j--;
      if (j < k - 2) {
        k = j;
        steps++;
        continue;
      }
    }
    // "A poll released last week shows": a participle after the subject's noun
    if (t.pos === 'VERB' && /(ed|en|wn)$/.test(t.lower) && k - 1 >= floor && (tokens[k - 1].pos === 'NOUN' || tokens[k - 1].pos === 'PROPN') && steps > 0) {
      k--;
      steps++;
      continue;
    }
    if ((t.lower === 'week' || t.lower === 'month' || t.lower === 'year') && k - 1 >= floor && /^(last|this|earlier|next)$/.test(tokens[k - 1].lower)) {
      k -= 2;
      steps++;
      continue;
    }
    if (SKIP_BETWEEN.has(t.lower) || t.pos === 'AUX' || (t.pos === 'ADV' && t.lower.endsWith('ly') && !/^[A-Z]/.test(t.value)) || t.lower === 'to' ||
        (t.lower === 'on' && tokens[k + 1]?.lower === 'to' && tokens[k - 1]?.lemma === 'go') ||
        (t.pos === 'VERB' && (tokens[k + 1]?.lower === 'to' || (tokens[k + 1]?.lower === 'on' && tokens[k + 2]?.lower === 'to')))) {
      k--;
      steps++;
      continue;
    }
    break;
  }
  return k;
}

/** The subject of a cue whose verb is at `v` (tokens to its left), handling appositives and "who". */
function subjectLeft(doc: Doc, v: number, floor: number): { source: Range; viaComma: boolean } | null {
  const { tokens } = doc;
  let k = skipLeft(doc, v - 1, floor);
  if (k < floor) return null;
  let t = tokens[k];
  if (t.value === ',' || t.value === '—' || t.value === '–' || t.value === '--') {
    // "X, a spokeswoman for Y, said" / "X, who …, said" / "X, its chief executive, who …, said": skip back over
    // up to two inserted phrases.
    for (let round = 0; round < 2; round++) {
      let c = k - 1;
      let depth = 0;
      const dash = t.value !== ',';
      while (c >= floor && depth < 24 && (dash || tokens[c].value !== ',') && tokens[c].value !== t.value && !CLOSE_MARK.test(tokens[c].value)) {
        c--;
        depth++;
      }
      if (!(c >= floor && tokens[c].value === t.value && depth > 0)) return null;
      const inner = tokens[c + 1];
      const appositive = inner.pos === 'DET' || inner.pos === 'ADJ' || inner.pos === 'NOUN' || inner.lower === 'who' || inner.lower === 'which' ||
        inner.pos === 'NUM' || inner.pos === 'PROPN' || POSSESSIVE.has(inner.lower) || ((inner.pos === 'ADV' || inner.pos === 'SCONJ') && c + 2 === k) ||
        (inner.pos === 'VERB' && /(ing|ed)$/.test(inner.lower)) || (inner.pos === 'ADP' && inner.lower !== 'of');
      // "Rep. Sander Levin (Mich.), a superdelegate, said": the parenthesis after a name is part of it
      let before = c - 1;
      if (tokens[before]?.value === ')') {
        let j = before - 1;
        while (j >= floor && tokens[j].value !== '(' && before - j < 12) j--;
        if (j >= floor && tokens[j].value === '(') before = j - 1;
      }
      const np = npLeft(doc, before, floor);
      // After a name any inserted phrase is an aside: "Tester, himself up for reelection, said", "Mr. Sperling,
      // then 38, said".
      const named = !!np && tokens[np.last].pos === 'PROPN' && inner.pos !== 'CCONJ' && !QUOTE_MARK.test(inner.value);
      if (!appositive && !named) return null;
      // "X, acting director of Y, which organized it, said": a relative clause after an appositive belongs to it.
      if (np && round === 0 && (inner.lower === 'which' || inner.lower === 'who')) {
        let c2 = c - 1;
        while (c2 >= floor && c - c2 < 16 && tokens[c2].value !== ',' && !CLOSE_MARK.test(tokens[c2].value)) c2--;
        const lead = tokens[c2 + 1];
        if (c2 > floor && tokens[c2].value === ',' && lead && (lead.pos === 'DET' || lead.pos === 'ADJ' || lead.pos === 'NOUN' || POSSESSIVE.has(lead.lower) || (lead.pos === 'VERB' && lead.lower.endsWith('ing')))) {
          const outer = npLeft(doc, c2 - 1, floor);
          if (outer && (tokens[outer.last].pos === 'PROPN' || tokens[outer.last].pos === 'PRON')) return { source: outer, viaComma: true };
        }
      }
      if (np) return { source: np, viaComma: true };
      k = c;
    }
    return null;
  }
  if (QUOTE_MARK.test(t.value)) return null;
  // "About 4 in 10 say …", "nearly nine out of 10 say …": a share of those polled
  if (t.pos === 'NUM' && k - 2 >= floor && (tokens[k - 1].lower === 'in' || tokens[k - 1].lower === 'of') && (tokens[k - 2].pos === 'NUM' || tokens[k - 2].lower === 'out')) {
    let j = tokens[k - 2].lower === 'out' ? k - 3 : k - 2;
    if (j >= floor && tokens[j].pos === 'NUM') {
      while (j - 1 >= floor && /^(about|nearly|almost|roughly|some|only|just|over|more|than|fewer|less)$/.test(tokens[j - 1].lower)) j--;
      return { source: { first: j, last: k }, viaComma: false };
    }
  }
  const np = npLeft(doc, k, floor);
  if (np) return { source: np, viaComma: false };
  // "A senior official who asked not to be named said": the phrase before a relative clause, with the clause.
  for (let j = k; j >= floor && k - j < 12; j--) {
    const w = tokens[j];
    if (w.value === ',' || QUOTE_MARK.test(w.value) || END_PUNCT.test(w.value)) break;
    if ((w.lower === 'who' || w.lower === 'that') && j > floor) {
      const head = npLeft(doc, j - 1, floor);
      if (head && head.first < j) return { source: { first: head.first, last: k }, viaComma: false };
      break;
    }
  }
  return null;
}

/** Content that starts after position `k` to the end of the sentence (or the quote run it opens). */
function contentRight(doc: Doc, quotes: Quotes, k: number, sentLast: number): Range | null {
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
function contentLeft(doc: Doc, quotes: Quotes, comma: number, sentFirst: number): Range | null {
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

function verbRelation(doc: Doc, quotes: Quotes, si: number, v: number, verb: VerbCue): Relation | null {
  const { tokens, sentences } = doc;
  const s = sentences[si];
  const cue = cueSpan(doc, v, verb, s.last);
  const base = { kind: 'verb' as const, cue, stance: verb.stance, owner: null, sent: si, quote: false };
  const after = cue.last + 1;
  const prev = tokens[v - 1];
  // a quote run may close with a mark typed the wrong way round ("…,“ said X")
  const beforeIsBreak = v > s.first && (prev.value === ',' || CLOSE_MARK.test(prev.value) || prev.value === '—' || closesRun(quotes, v - 1));

  // Participle after a comma: "…, saying that X" takes the main clause's subject; also after a comma inside a
  // closing quote ("… a “ridiculous proposition,” adding that …") and with an adverb ("…, eventually saying …").
  const lead = tokens[cue.first - 1];
  const commaBefore = !!lead && cue.first > s.first && (lead.value === ',' || (CLOSE_MARK.test(lead.value) && tokens[cue.first - 2]?.value === ','));
  if (tokens[v].lower.endsWith('ing') && commaBefore) {
    // (", asking them to …" is a request put to someone; ", wanting to …" is no report)
    if (verb.to && verb.strength !== 'strong' && !verb.recipient) return null;
    const content = clauseAfterCue(doc, quotes, after, s.last, verb);
    if (!content) return null;
    const subj = mainSubject(doc, s.first, v - 1);
    return { ...base, kind: 'participle', source: subj, content: [content], confidence: subj ? 0.6 : 0.3, cutBefore: lead.value === ',' ? cue.first - 1 : cue.first };
  }

  // "…, before backing Rubio", "by promising to …", "after noting that …": an -ing cue after a preposition takes
  // the sentence's subject
  if (tokens[v].lower.endsWith('ing') && lead && cue.first > s.first + 1 && ING_PREPS.has(lead.lower)) {
    if (verb.to && verb.strength !== 'strong' && tokens[after]?.lower !== 'to') return null;
    const content = clauseAfterCue(doc, quotes, after, s.last, verb);
    const subj = content && mainSubject(doc, s.first, cue.first - 2);
    if (!content || !subj) return null;
    return { ...base, kind: 'participle', source: subj, owner: ownerOf(doc, subj), content: [content], quote: isQuoted(doc, quotes, content), confidence: 0.6, cutBefore: cue.first - 1 };
  }

  const right = tokens[after];
  const endsAt = (k: number) => k > s.last || END_PUNCT.test(tokens[k].value) || (CLOSE_MARK.test(tokens[k].value) && (k + 1 > s.last || END_PUNCT.test(tokens[k + 1].value)));
  const rightIsEnd = !right || endsAt(after);

  // Cue before the source after the content (CVS): "“…,” said Maria Ostrova, a spokeswoman."
  // A recipient verb takes its speaker after a question: "“Why now?” asked Sen. X."
  const afterQuestion = CLOSE_MARK.test(prev?.value ?? '') && tokens[v - 2]?.value === '?';
  if (beforeIsBreak && right && !rightIsEnd && (!verb.recipient || afterQuestion)) {
    const src = npRight(doc, after, s.last);
    // "…,” said Sen. Jim Whelan who represents Atlantic City.": a relative clause belongs to the source.
    if (src && src.last < s.last && (tokens[src.last + 1].lower === 'who' || tokens[src.last + 1].lower === 'whose')) {
      let j = src.last + 1;
      while (j < s.last && tokens[j + 1].value !== ',' && !END_PUNCT.test(tokens[j + 1].value) && !OPEN_MARK.test(tokens[j + 1].value)) j++;
      src.last = j;
    }
    const tail = src ? adjunctEnd(doc, src.last + 1, s.last, false) : 0;
    if (src && (endsAt(tail) || tokens[tail].value === ',')) {
      const left = contentLeft(doc, quotes, prev.value === ',' ? v - 1 : v, s.first);
      if (left && (wordCount(doc, left) >= 2 || isQuoted(doc, quotes, left))) {
        return { ...base, source: src, content: [left], quote: isQuoted(doc, quotes, left), confidence: 0.85 };
      }
    }
  }

  // Content before source and cue (CSV): "“…,” the ministry said." / "…, he said, adding …", with adjuncts
  // after the cue: "…,” she said on Friday." / "…,” he told reporters."
  const tail = rightIsEnd ? after : adjunctEnd(doc, after, s.last, !!verb.recipient);
  const tailIsEnd = endsAt(tail);
  if (tailIsEnd || tokens[tail].value === ',') {
    const subj = subjectLeft(doc, v, s.first);
    if (subj) {
      const src = subj.source;
      let c = src.first - 1;
      // "“…,” Fight for $15 organizing director Kendall Fells told …": a title the phrase walk stopped inside.
      if (c > s.first && !isBreak(tokens[c])) {
        let j = c;
        while (j > s.first && c - j < 8 && !isBreak(tokens[j]) && (NOMINAL_LIKE.has(tokens[j].pos) || (tokens[j].pos === 'VERB' && tokens[j].lower.endsWith('ing')))) j--;
        if (j < c && isBreak(tokens[j]) && (tokens[j].value !== ',' || QUOTE_MARK.test(tokens[j - 1]?.value ?? ''))) {
          src.first = j + 1;
          c = j;
        }
      }
      if (c === s.first && CLOSE_MARK.test(tokens[c].value)) {
        // The sentence splitter left the closing mark of the quote before: "…help?’” Renteria told reporters."
        const run = quotes.runs.find((r) => r.closeTok === c);
        if (run) return { ...base, source: src, content: [{ first: run.openTok, last: run.closeTok }], quote: true, confidence: 0.8 };
      }
      if (c > s.first && isBreak(tokens[c])) {
        const left = contentLeft(doc, quotes, tokens[c].value === ',' ? c : c + 1, s.first);
        if (left && (wordCount(doc, left) >= 2 || isQuoted(doc, quotes, left))) {
          const content = [left];
          const more = !tailIsEnd && tokens[tail].value === ',' ? continuation(doc, quotes, tail + 1, s.last) : null;
          if (more) content.push(more);
          return { ...base, source: src, content, quote: isQuoted(doc, quotes, left), confidence: 0.9 };
        }
      }
      if (c < s.first && (tailIsEnd || verb.strength === 'strong')) {
        // "He said." / "Obama asked Republicans." with the content in the quote run just before.
        const prevRun = quotes.runs.filter((r) => r.closeTok < s.first && r.closeTok >= s.first - 2).at(-1);
        if (prevRun) {
          return { ...base, source: src, content: [{ first: prevRun.openTok, last: prevRun.closeTok }], quote: true, confidence: 0.6 };
        }
      }
    }
    if (rightIsEnd) return null;
  }

  // Source, verb, content (SVC).
  const subj = subjectLeft(doc, v, s.first);
  if (!subj) {
    // "The envoy shook her head and said …": a second verb shares the clause's subject.
    const and = skipLeft(doc, v - 1, s.first);
    if (and > s.first && (tokens[and].lower === 'and' || tokens[and].lower === 'but')) {
      const main = mainSubject(doc, s.first, and - 1);
      const content = main && clauseAfterCue(doc, quotes, after, s.last, verb);
      if (main && content && (verb.strength === 'strong' || isAgent(headOf(doc, main)))) {
        const cutBefore = tokens[and - 1].value === ',' ? and - 1 : and;
        return { ...base, kind: 'verb', source: main, owner: ownerOf(doc, main), content: [content], quote: isQuoted(doc, quotes, content), confidence: 0.7, cutBefore };
      }
    }
    // "said the ministry" leading a sentence is rare; an inverted "…: said X" likewise. Nothing to attribute.
    return null;
  }
  const content = clauseAfterCue(doc, quotes, after, s.last, verb) ?? nextAfterColon(doc, quotes, after, s.i);
  if (!content) return null;
  // "complained about": the preposition right after the verb belongs to the cue
  if (tokens[content.first].lower === 'about' && content.first === cue.last + 1 && content.first < content.last) {
    cue.last = content.first;
    content.first++;
  }
  const head = headOf(doc, subj.source);
  const evidence = evidenceLemmas.has(verb.lemma) && evidenceHeads.has(head.lower);
  // A weak cue with a noun-phrase or to-infinitive content ("called", "seeks to") needs a subject that can hold a
  // view; one that governs a clause ("the memo suggested that …") may have any subject but an abstract one.
  const clausal = CLAUSE_OPENERS.has(tokens[content.first].lower) || OPEN_MARK.test(tokens[content.first].value) || looksLikeClause(doc, content);
  if (verb.strength === 'weak' && !evidence && (abstractHeads.has(head.lower) || (!isAgent(head) && !clausal))) return null;
  const owner = ownerOf(doc, subj.source);
  // "declined to say whether …": the speech verb inside the content is part of this cue's content, not a cue
  // of its own.
  let skipTo: number | undefined;
  if (verb.to && tokens[content.first].lower === 'to' && content.first + 1 <= content.last) {
    const inner = tokens[content.first + 1];
    if (verbForms.has(inner.lower) && (inner.pos === 'VERB' || inner.pos === 'AUX')) skipTo = content.first + 1;
  }
  return {
    ...base,
    skipTo,
    source: subj.source,
    owner,
    content: [content],
    quote: isQuoted(doc, quotes, content),
    confidence: verb.strength === 'strong' ? 0.9 : 0.7,
  };
}

const EXPLETIVE = new Set(['it', 'there', 'who', 'which', 'that', 'this']);

/** "seemed to be …", "appears confident", "seemed taken aback": a state the subject is seen in, not a view it holds. */
function seemsState(doc: Doc, v: number, sentLast: number): boolean {
  const { tokens } = doc;
  let k = v + 1;
  while (k <= sentLast && k < v + 3 && tokens[k].pos === 'ADV') k++;
  const t = tokens[k];
  if (!t || k > sentLast) return false;
  if (t.lower === 'to') return /^(be|have)$/.test(tokens[k + 1]?.lower ?? '');
  return t.pos === 'ADJ' || (t.pos === 'VERB' && /(ed|en)$/.test(t.lower)) || t.lower === 'like';
}

/**
 * "The music seemed to match the mood", "The team appeared paralyzed", "It appears that …": a verb of seeming
 * whose subject holds no view reports the writer's impression. No source; the content is the subject (unless it
 * is an empty "it") with the complement.
 */
function impressionRelation(doc: Doc, quotes: Quotes, si: number, v: number, verb: VerbCue): Relation | null {
  const { tokens, sentences } = doc;
  const s = sentences[si];
  const cue = cueSpan(doc, v, verb, s.last);
  const k = cue.last + 1;
  const next = tokens[k];
  if (!next || k > s.last) return null;
  const after = tokens[k + 1];
  const complement = next.lower === 'to' || next.pos === 'ADJ' || next.lower === 'like' || THAT.has(next.lower) ||
    (next.pos === 'ADV' && !!after && k + 1 <= s.last && (after.pos === 'ADJ' || after.lower === 'to'));
  if (!complement) return null;
  const rest = contentRight(doc, quotes, k, s.last);
  if (!rest || wordCount(doc, rest) < 2) return null;
  const subj = subjectLeft(doc, v, s.first);
  if (!subj) return null;
  const single = subj.source.first === subj.source.last ? tokens[subj.source.first].lower : '';
  const content: Range[] = EXPLETIVE.has(single) ? [rest] : [subj.source, rest];
  return { kind: 'passive', cue, stance: 'describes', source: null, owner: null, content, sent: si, quote: false, confidence: 0.4 };
}

/** "She went on to say:" closing its sentence: the next sentence (or the quote it opens) is the content. */
function nextAfterColon(doc: Doc, quotes: Quotes, k: number, si: number): Range | null {
  const { tokens, sentences } = doc;
  const s = sentences[si];
  const next = sentences[si + 1];
  if (k !== s.last || tokens[k]?.value !== ':' || !next) return null;
  const content = contentRight(doc, quotes, next.first, next.last);
  return content && wordCount(doc, content) >= 2 ? content : null;
}

/** The content clause after a cue, skipping a recipient ("told Reuters") and adjuncts ("on Monday"). */
function clauseAfterCue(doc: Doc, quotes: Quotes, k: number, sentLast: number, verb: VerbCue): Range | null {
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
  // Adjuncts: "in a statement", "on Monday", "in an interview with X", "last week", "on Telegram".
  for (let n = 0; n < 3 && k <= sentLast; n++) {
    const t = tokens[k];
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

const isBreak = (t: Token) => t.value === ',' || CLOSE_MARK.test(t.value) || t.value === '—';
const NOMINAL_LIKE = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'SYM', 'ADP', 'DET', 'PART']);
const DAY = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight)$/;
const TIME_WORDS = new Set(['this', 'last', 'next', 'earlier', 'later', 'week', 'month', 'year', 'morning', 'afternoon', 'evening', 'night', 'weekend', 'then', 'afterward', 'afterwards', 'again', 'recently', 'once', 'too', 'also', 'instead']);
const CLAUSE_ADJUNCTS = new Set(['when', 'while', 'after', 'before', 'as', 'during', 'because', 'since', 'upon', 'following', 'amid', 'despite']);

/**
 * Where the words after a cue stop being adjuncts: a recipient ("told reporters"), days and times ("Friday",
 * "this week"), prepositional phrases ("in a statement", "to cheers"), -ly adverbs and a trailing "when …"
 * clause. Returns the first token that is none of these (past the sentence when all are).
 */
function adjunctEnd(doc: Doc, k: number, sentLast: number, recipient: boolean): number {
  const { tokens } = doc;
  if (recipient && k <= sentLast && tokens[k].value !== ',') {
    const rec = npRight(doc, k, sentLast, false);
    if (rec) k = rec.last + 1;
  }
  for (let n = 0; n < 5 && k <= sentLast; n++) {
    const t = tokens[k];
    if (t.value === '(') {
      let j = k + 1;
      while (j <= sentLast && tokens[j].value !== ')' && j - k < 12) j++;
      if (j <= sentLast && tokens[j].value === ')') { k = j + 1; continue; }
      break;
    }
    if (DAY.test(t.lower) || TIME_WORDS.has(t.lower) || (t.pos === 'ADV' && t.lower.endsWith('ly'))) { k++; continue; }
    if ((t.pos === 'ADP' || t.lower === 'to') && !CLAUSE_OPENERS.has(t.lower)) {
      const np = npRight(doc, k + 1, sentLast);
      if (np) {
        k = np.last + 1;
        // "in an emailed statement", "by phone from Kyiv": a short phrase to the sentence end is one adjunct.
        let j = k;
        while (j <= sentLast && j - k < 6 && tokens[j].value !== ',' && !END_PUNCT.test(tokens[j].value) && !QUOTE_MARK.test(tokens[j].value) && !THAT.has(tokens[j].lower) &&
          tokens[j].pos !== 'AUX' && !(tokens[j].pos === 'VERB' && !/(ed|en|wn)$/.test(tokens[j].lower))) j++;
        if (j > sentLast || END_PUNCT.test(tokens[j].value)) k = j;
        continue;
      }
    }
    if (CLAUSE_ADJUNCTS.has(t.lower)) {
      // "… when asked about X." runs to the end of the sentence or the next comma, but never over a "that" clause.
      let j = k + 1;
      while (j <= sentLast && tokens[j].value !== ',' && !END_PUNCT.test(tokens[j].value) && !OPEN_MARK.test(tokens[j].value) && !THAT.has(tokens[j].lower)) j++;
      if (j <= sentLast && (THAT.has(tokens[j].lower) || OPEN_MARK.test(tokens[j].value))) break;
      k = j;
      continue;
    }
    break;
  }
  return k;
}

/** A finite clause: a subject-like word followed by a verb within a few tokens. */
function looksLikeClause(doc: Doc, r: Range): boolean {
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
function continuation(doc: Doc, quotes: Quotes, k: number, sentLast: number): Range | null {
  const { tokens } = doc;
  if (k > sentLast) return null;
  const t = tokens[k];
  if (OPEN_MARK.test(t.value)) return contentRight(doc, quotes, k, sentLast);
  return null;
}

function isQuoted(doc: Doc, quotes: Quotes, r: Range): boolean {
  const t = doc.tokens[r.first];
  return OPEN_MARK.test(t.value) || quotes.inside[r.first] >= 0 && quotes.inside[r.last] >= 0;
}

/** The subject at the start of the sentence, skipping a leading adverbial phrase that ends in a comma. */
function mainSubject(doc: Doc, first: number, last: number): Range | null {
  const { tokens } = doc;
  let k = first;
  // Skip "On Monday," / "In a statement," openers.
  for (let j = first; j <= Math.min(last, first + 8); j++) {
    if (tokens[j].value === ',') {
      if (tokens[first].pos === 'ADP' || tokens[first].pos === 'ADV' || tokens[first].pos === 'SCONJ') k = j + 1;
      break;
    }
  }
  // the tagger reads some past tenses as adjectives after a name ("Cruz belittled the issue"), and the phrase
  // walk would take them in
  let p = k;
  while (p <= last && tokens[p].pos === 'PROPN') p++;
  if (p > k && p < last && tokens[p].pos === 'ADJ' && /ed$/.test(tokens[p].lower) && ['DET', 'PRON', 'PROPN'].includes(tokens[p + 1].pos)) {
    return { first: k, last: p - 1 };
  }
  const np = npRight(doc, k, last);
  if (!np) return null;
  let n = np.last + 1;
  // "Gary Emineth, a former state party chairman, became …": skip the appositive.
  if (tokens[n]?.value === ',' && n <= last) {
    let j = n + 1;
    while (j <= last && j - n < 16 && tokens[j].value !== ',') j++;
    const inner = tokens[n + 1];
    if (j <= last && tokens[j].value === ',' && inner && (inner.pos === 'DET' || POSSESSIVE.has(inner.lower) || inner.lower === 'who')) n = j + 1;
  }
  const next = tokens[n];
  if (!next || !(next.pos === 'VERB' || next.pos === 'AUX' || next.pos === 'ADV')) return null;
  return np;
}

/** "statements from X", "descriptions provided by X", "X's report": the phrase naming who is behind it. */
export function ownerOf(doc: Doc, r: Range): Range | null {
  const { tokens } = doc;
  const head = headOf(doc, r);
  if (!nounCues.has(head.lower)) return null;
  for (let k = head.i + 1; k <= r.last; k++) {
    if (tokens[k].lower === 'from' || tokens[k].lower === 'by' || tokens[k].lower === 'of') {
      return npRight(doc, k + 1, r.last);
    }
  }
  for (let k = r.first; k < head.i; k++) {
    if (tokens[k].lower === "'s" || tokens[k].lower === "'") {
      const first = tokens[r.first].pos === 'DET' ? r.first + 1 : r.first;
      if (k - 1 >= first) return { first, last: k - 1 };
    }
  }
  return null;
}

/** "According to X, C" / "C, according to X" / "A, according to X, B" and "as reported by / as stated in". */
function according(doc: Doc, quotes: Quotes, si: number, a: number, len: number, stance: Stance): Relation | null {
  const { tokens, sentences } = doc;
  const s = sentences[si];
  const cue: Range = { first: a, last: a + len - 1 };
  const src = npRight(doc, a + len, s.last) ?? phraseTo(doc, a + len, s.last);
  if (!src) return null;
  // "According to early results of exit polls conducted by X for Y, …": a long source runs to the comma.
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
  if (k <= s.last && (tokens[k].value === ',' || tokens[k].value === ')' || tokens[k].value === '—')) {
    const rest = contentRight(doc, quotes, k + 1, s.last);
    if (rest && wordCount(doc, rest) >= 2) content.push(rest);
  }
  if (!content.length) return null;
  return { ...base, content, quote: false, confidence: 0.9 };
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
function inSourceRelation(doc: Doc, quotes: Quotes, si: number, i: number): Relation | null {
  const { tokens, sentences } = doc;
  const s = sentences[si];
  const src = npRight(doc, i + 1, s.last);
  if (!src) return null;
  let end = src.last;
  // "released Monday", "conducted by X": a short participle phrase inside the source, up to the comma.
  let j = end + 1;
  while (j <= s.last && j - end < 10 && tokens[j].value !== ',' && !END_PUNCT.test(tokens[j].value) && !QUOTE_MARK.test(tokens[j].value)) j++;
  if (!(j <= s.last && tokens[j].value === ',')) return null;
  if (j > end + 1 && !(tokens[end + 1].pos === 'VERB' && /(ed|en|wn)$/.test(tokens[end + 1].lower)) && !DAY.test(tokens[end + 1].lower) && !TIME_WORDS.has(tokens[end + 1].lower)) return null;
  end = j - 1;
  if (!inSourceNouns.has(headOf(doc, src).lower)) return null;
  const content = contentRight(doc, quotes, j + 1, s.last);
  if (!content || wordCount(doc, content) < 3 || !looksLikeClause(doc, content)) return null;
  return { kind: 'according', cue: { first: i, last: i }, stance: 'reports', source: { first: src.first, last: end }, owner: ownerOf(doc, src), content: [content], sent: si, quote: false, confidence: 0.6 };
}

/** "Asked whether he would run, the senator said no": the question is content of its own, put to the subject. */
function askedRelation(doc: Doc, quotes: Quotes, si: number, i: number): Relation | null {
  const { tokens, sentences } = doc;
  const s = sentences[si];
  let j = i + 1;
  while (j <= s.last && j - i < 40 && tokens[j].value !== ',' && !END_PUNCT.test(tokens[j].value)) j++;
  if (!(j <= s.last && tokens[j].value === ',') || j < i + 3) return null;
  const opens = tokens.slice(i + 1, Math.min(j, i + 10)).some((t) => CLAUSE_OPENERS.has(t.lower) || t.lower === 'whom' || t.lower === 'about' || t.lower === 'to');
  if (!opens) return null;
  const src = npRight(doc, j + 1, s.last);
  if (!src || !isAgent(headOf(doc, src))) return null;
  return { kind: 'verb', cue: { first: i, last: i }, stance: 'questions', source: src, owner: null, content: [{ first: i + 1, last: j - 1 }], sent: si, quote: false, confidence: 0.6 };
}

/** "“…,” Christie said when asked whether he would …": the question put to the speaker of the cue before it. */
function whenAskedRelation(doc: Doc, si: number, i: number, prev: Relation | undefined): Relation | null {
  const { tokens, sentences } = doc;
  const s = sentences[si];
  if (!prev || prev.sent !== si || !prev.source || !prev.cue || prev.cue.last >= i) return null;
  const next = tokens[i + 1];
  if (!next || !(CLAUSE_OPENERS.has(next.lower) || next.lower === 'about' || next.lower === 'to')) return null;
  let j = i + 1;
  while (j <= s.last && tokens[j].value !== ',' && !END_PUNCT.test(tokens[j].value)) j++;
  if (j - 1 < i + 2) return null;
  return { kind: 'verb', cue: { first: i, last: i }, stance: 'questions', source: prev.source, owner: prev.owner, content: [{ first: i + 1, last: j - 1 }], sent: si, quote: false, confidence: 0.6, cutBefore: i - 1 };
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

/** "<subject> is (also) described by X as <complement>" and "… is said to …". */
function passive(doc: Doc, quotes: Quotes, si: number, p: number): Relation | null {
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
    // "Blumenthal was asked, “If you had known …?”", "was asked whether …": the question is the content
    const rest = contentRight(doc, quotes, j, s.last);
    if (!rest) return null;
    return { kind: 'passive', cue, stance: 'questions', source: null, owner: null, content: [rest], sent: si, quote: isQuoted(doc, quotes, rest), confidence: 0.4 };
  }
  if (j <= s.last && (tokens[j].lower === 'as' || tokens[j].lower === 'to')) {
    const rest = contentRight(doc, quotes, j + 1, s.last);
    if (rest) content.push(rest);
    if (tokens[j].lower === 'as') cue.last = Math.max(cue.last, j);
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

/** "Russia Seizes Town, Says Ministry of Defense": a title line with the cue near its end. */
function headline(doc: Doc, out: Relation[]): boolean {
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
function titleRelation(doc: Doc, quotes: Quotes): Relation | null {
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

/** "raised questions about", "expressed concern that": a verb lemma followed by one of its cue nouns. */
function verbNounAt(doc: Doc, i: number, sentLast: number): { last: number; stance: Stance } | null {
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

function verbNounRelation(doc: Doc, quotes: Quotes, si: number, v: number, vn: { last: number; stance: Stance }): Relation | null {
  const s = doc.sentences[si];
  const subj = subjectLeft(doc, v, s.first);
  if (!subj) return null;
  const content = contentRight(doc, quotes, vn.last + 1, s.last);
  if (!content || wordCount(doc, content) < 2) return null;
  if (abstractHeads.has(headOf(doc, subj.source).lower)) return null;
  return { kind: 'verb', cue: { first: v, last: vn.last }, stance: vn.stance, source: subj.source, owner: ownerOf(doc, subj.source), content: [content], sent: si, quote: false, confidence: 0.7 };
}

const NOUN_LINKS = new Set(['that', 'to', 'of', 'for', 'about', 'on', 'against', 'with']);

/** "Clinton's support for the deal", "his claim that …": a view named by a noun whose owner is a person or body. */
function possessiveNounRelation(doc: Doc, quotes: Quotes, si: number, n: number): Relation | null {
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
  if (!link || n + 1 > s.last || !NOUN_LINKS.has(link.lower)) return null;
  const content = contentRight(doc, quotes, link.lower === 'that' ? n + 1 : n + 2, s.last);
  if (!content || wordCount(doc, content) < 2) return null;
  // The content of a noun cue is its complement, up to the next comma.
  for (let j = content.first + 1; j <= content.last; j++) if (tokens[j].value === ',' && quotes.inside[j] < 0) { content.last = j - 1; break; }
  return { kind: 'attitude', cue: { first: n, last: link.lower === 'that' ? n : n + 1 }, stance: 'believes', source: src, owner: null, content: [content], sent: si, quote: false, confidence: 0.35 };
}
const NOT_ATTITUDE = new Set(['be', 'have', 'do', 'get', 'say', 'tell']);
const MODALS = new Set(['may', 'might', 'could', 'would', 'should', 'can', 'will', 'must']);

/** "X hinted that …", "X made clear that …": any verb (with up to two words after it) governing a that-clause. */
function thatClauseAfter(doc: Doc, v: number, sentLast: number): boolean {
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
function attitudeRelation(doc: Doc, quotes: Quotes, si: number, v: number, particle = false): Relation | null {
  const { tokens, sentences } = doc;
  const s = sentences[si];
  if (NOT_ATTITUDE.has(tokens[v].lemma)) return null;
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

const ADJ_LINKS = new Set(['of', 'about', 'on', 'with', 'over', 'for', 'against']);

/** "The mayor was critical of the plan", "Voters are confident that …": a stance adjective after a copula. */
function copulaRelation(doc: Doc, quotes: Quotes, si: number, a: number): Relation | null {
  const { tokens, sentences } = doc;
  const s = sentences[si];
  let b = a - 1;
  while (b > s.first && a - b < 4 && (tokens[b].pos === 'ADV' || tokens[b].pos === 'PART')) b--;
  if (!BE.has(tokens[b].lower)) return null;
  let first = b;
  while (first - 1 >= s.first && (tokens[first - 1].pos === 'AUX' || CUE_ADVERBS.has(tokens[first - 1].lower))) first--;
  const subj = subjectLeft(doc, first, s.first);
  if (!subj) return null;
  const head = headOf(doc, subj.source);
  if (!isAgent(head) || abstractHeads.has(head.lower)) return null;
  const next = tokens[a + 1];
  if (!next || a + 1 > s.last) return null;
  let last = a;
  let k = a + 1;
  if (ADJ_LINKS.has(next.lower)) { last = a + 1; k = a + 2; }
  else if (!(THAT.has(next.lower) || next.lower === 'to' || CLAUSE_OPENERS.has(next.lower))) return null;
  const content = contentRight(doc, quotes, k, s.last);
  if (!content || wordCount(doc, content) < 2) return null;
  return { kind: 'attitude', cue: { first, last }, stance: 'believes', source: subj.source, owner: null, content: [content], sent: si, quote: isQuoted(doc, quotes, content), confidence: 0.35 };
}

/** A word that can stand for someone holding or voicing a view: a name, a personal pronoun, a person or body. */
function isAgent(head: Token): boolean {
  if (head.pos === 'PROPN') return true;
  if (head.pos === 'PRON') return true;
  return agentHeads.has(head.lower) || agentHeads.has(head.lemma);
}

const CUE_ADVERBS = new Set(['also', 'has', 'have', 'had', 'later', 'again', 'previously', 'once', 'repeatedly', 'publicly', 'then', 'further',
  'would', 'will', 'could', 'did', 'does', 'do', 'not', "n't", 'never', 'may', 'might', 'must', 'can', 'should', 'just', 'recently', 'already', 'still', 'often', 'even', 'since']);

/** The cue's words: the verb with its particle, adverbs and auxiliaries just before it, and "in a statement". */
function cueSpan(doc: Doc, v: number, verb: VerbCue, sentLast: number): Range {
  const { tokens } = doc;
  let first = v;
  let last = verb.particle ? v + 1 : v;
  // Auxiliaries, modals, negation and adverbs belong to the cue: "has also said", "would not say", "is telling".
  const sent = tokens[v].sent;
  const ing = tokens[v].lower.endsWith('ing');
  const absorb = (limit: number) => {
    while (first - 1 >= 0 && tokens[first - 1].sent === sent && first - v > limit) {
      const t = tokens[first - 1];
      const aux = t.pos === 'AUX' && (!BE.has(t.lower) || ing || /ing$/.test(tokens[first].lower));
      if (!(CUE_ADVERBS.has(t.lower) || aux || (t.pos === 'ADV' && t.lower.endsWith('ly') && !/^[A-Z]/.test(t.value)))) break;
      first--;
    }
  };
  absorb(-5);
  // "continued to deny", "is trying to distance", "went on to say": the verb leading in with "to" is part of it
  if (tokens[first - 1]?.lower === 'to' && tokens[first - 1].sent === sent) {
    let c = first - 2;
    if (tokens[c]?.lower === 'on' && tokens[c - 1]?.lemma === 'go') c--;
    const lead = tokens[c];
    if (lead && lead.sent === sent && (lead.pos === 'VERB' || lead.pos === 'AUX') && catenativeVerbs.has(lead.lemma)) {
      first = c;
      absorb(-9);
    }
  }
  const next = (k: number) => (k <= sentLast ? tokens[k].lower : '');
  // "said recently", "argued repeatedly", "said sarcastically": a manner or time adverb right after the verb
  while (last + 1 <= sentLast && last - v < 2 && tokens[last + 1].pos === 'ADV' && /ly$/.test(tokens[last + 1].lower) && tokens[last + 1].lower !== 'only') last++;
  if (next(last + 1) === 'in' && (next(last + 2) === 'a' || next(last + 2) === 'an') && next(last + 3) === 'statement') {
    last += 3;
  }
  return { first, last };
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
