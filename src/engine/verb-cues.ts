// Reporting-verb cues in every order ("X said C", "C, X said", "C, said X"), with participles ("…, citing Y") and
// conjoined cues ("X praised Y and said Z"), impressions ("seemed confident"), and the cue's own words.
import type { Doc } from '../nlp.ts';
import { abstractHeads, authoringLemmas, authoredWorks, pluralQuantities, compoundHeads, catenativeVerbs, channels, cueAdverbs, ingLeads, namingParticiples, impressionVerbs, nounForms, evidenceHeads, evidenceLemmas, pronounSpeech, notCueAfter, notCueBefore, notCueDeterminers, verbForms, subordinators, type VerbCue } from './lexicon.ts';
import { headOf, npLeft, npRight, type Range } from './phrases.ts';
import type { Quotes } from './quotes.ts';
import { type Relation, BE, THAT, POSSESSIVE, CLAUSE_OPENERS, QUOTE_MARK, CLOSE_MARK, OPEN_MARK, END_PUNCT, wordCount, EXPLETIVE } from './relation.ts';
import { skipLeft, subjectLeft, mainSubject, ownerOf, isAgent } from './subjects.ts';
import { asideEnds } from './asides.ts';
import { described } from './mention.ts';
import { contentRight, contentLeft, nextAfterColon, clauseAfterCue, isBreak, NOMINAL_LIKE, adjunctEnd, looksLikeClause, continuation, isQuoted } from './content.ts';

const isPossessiveMark = (t: { lower: string }) => t.lower === "'s" || t.lower === '’s' || t.lower === "'" || t.lower === '’';
const ING_PREPS = new Set(['by', 'after', 'before', 'without', 'while', 'when', 'since', 'in']);

/** Whether token `k` is the closing mark of a quote run (the token before it lies inside that run). */
function closesRun(quotes: Quotes, k: number): boolean {
  const ri = k > 0 ? quotes.inside[k - 1] : -1;
  return ri >= 0 && quotes.runs[ri].closeTok === k;
}

/**
 * Whether the verb at `v` follows a closing quote with at most a short name between (",” X said" order) or
 * directly (",” said X" order), and nothing but adjuncts or the sentence end after it (or after its speaker).
 */
export function afterQuote(doc: Doc, quotes: Quotes, v: number, sentFirst: number): boolean {
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

export function isVerbCue(doc: Doc, i: number, verb: VerbCue): boolean {
  const { tokens } = doc;
  const t = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (t.pos !== 'VERB' && t.pos !== 'AUX') {
    // The tagger reads some verbs as nouns ("the briefing notes that", "observers warning that"): accept one
    // between a noun phrase and a clause opener; "his claims that" stays a noun.
    const clear = t.lower === 'said' || t.lower === 'says' || t.lower === 'told' || (t.lower === 'say' && prev?.pos === 'NUM') ||
      // "by promising to …": an -ing form after a preposition is a verb whatever the tagger says
      (t.lower.endsWith('ing') && !!prev && ING_PREPS.has(prev.lower) && (t.pos === 'ADJ' || t.pos === 'NOUN')) ||
      // ", repeating a false claim", "but warning that …": an -ing form opening a clause after a comma or "and"
      ingClause(doc, i) ||
      // "Polls show", "many economists say", "64 percent call him": a base form after a plural subject
      pluralSubject(doc, i, verb) ||
      // "records show", "new fundraising reports show.": a plural document noun before a form the tagger read as a noun
      (evidenceLemmas.has(verb.lemma) && !!prev && !!next && (prev.pos === 'NOUN' || prev.pos === 'PROPN') &&
        (END_PUNCT.test(next.value) || next.value === ',' || next.pos === 'PRON' || next.pos === 'DET' || next.pos === 'NUM' || next.pos === 'PROPN' || next.pos === 'NOUN' || next.pos === 'ADJ') && evidenceSubject(doc, i));
    const before2 = tokens[i - 2]?.lower ?? '';
    const between = prev && (prev.pos === 'NOUN' || prev.pos === 'PROPN' || (prev.pos === 'PRON' && !POSSESSIVE.has(prev.lower))) &&
      // "a newspaper report that …" is one noun phrase
      !(prev.pos === 'NOUN' && (before2 === 'a' || before2 === 'an' || POSSESSIVE.has(before2))) &&
      next && (CLAUSE_OPENERS.has(next.lower) || OPEN_MARK.test(next.value) || next.value === ':');
    if (!nounAfterName(doc, i) && ((!clear && !between) || nounForms.has(t.lower))) return false;
  }
  // "having said that", "that said," (opening a sentence), "needless to say".
  if (prev && notCueBefore.has(prev.lower) && (prev.lower !== 'that' || i - 1 === firstOfSentence(doc, i))) return false;
  // "the report", "a claim": a cue word after a determiner is a noun
  if (prev && notCueDeterminers.has(prev.lower)) return false;
  // "a group called Citizens First", "an app dubbed …": a naming participle after an indefinite noun phrase
  if (namingParticiples.has(t.lower) && namedAfterIndefinite(doc, i)) return false;
  // "I want to thank …", "we want safe streets": a speaker's own wish, inside what they say, is no claim
  if (verb.lemma === 'want' && firstPersonSubject(doc, i)) return false;
  // "wrote the letter Feb. 2", "wrote a children's book": the work written, with no clause after it, is no claim
  if (authoringLemmas.has(verb.lemma) && next && writtenWork(doc, { first: i + 1, last: doc.sentences[t.sent].last })) return false;
  // "voters showed up", "she shows up late": turning up somewhere, not showing anything
  if (verb.lemma === 'show' && next?.lower === 'up') return false;
  // "Smith reported from Denver.": a byline naming where a reporter worked, not a report
  if (t.lower === 'reported' && next?.lower === 'from' && /^[A-Z]/.test(tokens[i + 2]?.value ?? '')) return false;
  // "758 pledged delegates": a participle between a number and a noun modifies the noun
  if (prev?.pos === 'NUM' && next?.pos === 'NOUN' && /ed$/.test(t.lower)) return false;
  // "Breitbart's reporting team", "its reporting": a noun after a possessive.
  if (prev && (POSSESSIVE.has(prev.lower) || prev.lower === "'s" || prev.lower === '’s')) return false;
  // An -ing form is a cue after a comma or dash (", saying …"), an auxiliary ("is saying") or a linking word
  // ("and saying", "by saying"); "all precincts reporting" and "(Additional reporting by …)" are not.
  if (t.lower.endsWith('ing') && prev && !withSubject(doc, i) && !(ingLeads.has(prev.lower) || prev.pos === 'AUX' || prev.pos === 'PUNCT' || prev.pos === 'ADV' || prev.pos === 'CCONJ' || prev.pos === 'SCONJ' || (next && (THAT.has(next.lower) || OPEN_MARK.test(next.value))))) return false;
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

const ING_LINKS = new Set([',', 'and', 'but']);

/** An -ing cue form the tagger read as a noun after a comma or "and"/"but", with an object or clause after it. */
function ingClause(doc: Doc, i: number): boolean {
  const { tokens } = doc;
  const t = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (t.pos !== 'NOUN' || !t.lower.endsWith('ing') || !prev || !next || !ING_LINKS.has(prev.lower)) return false;
  return next.pos === 'DET' || next.pos === 'PRON' || next.pos === 'ADJ' || next.pos === 'NUM' || next.pos === 'PROPN' || next.pos === 'NOUN' || THAT.has(next.lower) || OPEN_MARK.test(next.value);
}

/** A cue verb's base form the tagger read as a noun right after a plural noun or a quantity ("critics fear"). */
export function pluralSubject(doc: Doc, i: number, verb: Pick<VerbCue, 'lemma'>): boolean {
  const { tokens } = doc;
  const t = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (t.pos !== 'NOUN' || t.lower !== verb.lemma || !prev || !next || prev.sent !== t.sent) return false;
  if ((next.pos === 'ADP' && !THAT.has(next.lower)) || next.pos === 'CCONJ' || compoundHeads.has(t.lower)) return false;
  // "most state laws": after a quantity, a noun or adjective next makes the form a noun modifier
  if (pluralQuantities.has(prev.lower)) return next.pos !== 'NOUN' && next.pos !== 'ADJ';
  // "polls show", "her allies fear" (but not "a news show")
  if (!(prev.pos === 'NOUN' || prev.pos === 'PROPN') || !/[^su']s$/.test(prev.lower) || !/^[a-z]/.test(prev.value) || prev.lower === 'news') return false;
  const before = tokens[i - 2];
  return !(before && (before.lower === 'a' || before.lower === 'an'));
}

/** "I want", "we really wanted", "I don't want": "I" or "we" right before the verb, past adverbs and auxiliaries. */
function firstPersonSubject(doc: Doc, i: number): boolean {
  const { tokens } = doc;
  for (let k = i - 1; k >= 0 && i - k <= 4 && tokens[k].sent === tokens[i].sent; k--) {
    const t = tokens[k];
    if (t.lower === 'i' || t.lower === 'we') return true;
    if (!(t.pos === 'ADV' || t.pos === 'AUX' || t.pos === 'PART')) return false;
  }
  return false;
}

/** "a small group called X": a lower-case noun, up to four words back to "a"/"an", then a name or quote. */
function namedAfterIndefinite(doc: Doc, i: number): boolean {
  const { tokens } = doc;
  const t = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  // ("a local PAC called Harbour 21", "a movement called the Harbour League": a capitalised noun and "the" + name too)
  if (!prev || !next || !(prev.pos === 'NOUN' || (prev.pos === 'PROPN' && tokens[i - 2]?.pos !== 'PROPN'))) return false;
  const theName = next.lower === 'the' && /^[A-Z]/.test(tokens[i + 2]?.value ?? '');
  if (!(/^[A-Z#]/.test(next.value) || OPEN_MARK.test(next.value) || theName)) return false;
  // past a capitalised noun, only when nothing follows the name that could complete "called X a liar"
  if (prev.pos === 'PROPN' || theName) {
    let j = theName ? i + 2 : i + 1;
    while (tokens[j] && tokens[j].sent === t.sent && (/^[A-Z0-9]/.test(tokens[j].value) || tokens[j].lower === 'of' || isPossessiveMark(tokens[j]))) j++;
    const after = tokens[j];
    if (after && after.sent === t.sent && (after.pos === 'DET' || after.pos === 'ADJ' || after.pos === 'NOUN' || OPEN_MARK.test(after.value) || after.pos === 'PRON' && !/^(who|which|that)$/.test(after.lower))) return false;
  }
  for (let k = i - 2; k >= 0 && i - k <= 6; k--) {
    const w = tokens[k];
    if (w.lower === 'a' || w.lower === 'an') return true;
    if (!(w.pos === 'NOUN' || w.pos === 'ADJ' || w.pos === 'ADV' || w.value === '-' || w.pos === 'PROPN' || (w.pos === 'VERB' && /ed$/.test(w.lower))) || w.sent !== tokens[i].sent) return false;
  }
  return false;
}

/**
 * A present-tense verb the tagger read as a plural noun right after a name: "Clinton plans to …", "Schweizer
 * notes the …", "Sanders rips the deal".
 */
export function nounAfterName(doc: Doc, i: number): boolean {
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

export function verbRelation(doc: Doc, quotes: Quotes, si: number, v: number, verb: VerbCue): Relation | null {
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
    // past a long opener ("At a meeting in Salem, Oregon, on Friday, the mayor …, saying") the subject of the verb before
    const subj = mainSubject(doc, s.first, v - 1) ?? subjectOfVerbBefore(doc, s.first, cue.first - 2);
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
  // "After blasting the report, Beck urged …": an opening "After/By/While …ing" clause takes the subject after its comma
  if (tokens[v].lower.endsWith('ing') && lead && cue.first === s.first + 1 && ING_PREPS.has(lead.lower)) {
    // (the comma that closes the opener: outside quotation marks, or right before the closing mark)
    let comma = after;
    let subjAt = -1;
    for (; comma <= s.last && !END_PUNCT.test(tokens[comma].value); comma++) {
      if (tokens[comma].value !== ',') continue;
      if (CLOSE_MARK.test(tokens[comma + 1]?.value ?? '')) { subjAt = comma + 2; break; }
      if (quotes.inside[comma] < 0) { subjAt = comma + 1; break; }
    }
    if (subjAt < 0) return null;
    const content = clauseAfterCue(doc, quotes, after, subjAt === comma + 2 ? comma + 1 : comma - 1, verb);
    const subj = content && npRight(doc, subjAt, s.last);
    const next = subj ? tokens[subj.last + 1] : undefined;
    if (!content || !subj || !next || !(next.pos === 'VERB' || next.pos === 'AUX' || next.pos === 'ADV') || !isAgent(headOf(doc, subj))) return null;
    return { ...base, kind: 'participle', source: subj, owner: ownerOf(doc, subj), content: [content], quote: isQuoted(doc, quotes, content), confidence: 0.6 };
  }

  const right = tokens[after];
  const endsAt = (k: number) => k > s.last || END_PUNCT.test(tokens[k].value) || (CLOSE_MARK.test(tokens[k].value) && (k + 1 > s.last || END_PUNCT.test(tokens[k + 1].value)));
  const rightIsEnd = !right || endsAt(after);

  // Cue before the source after the content (CVS): "“…,” said Maria Ostrova, a spokeswoman."
  // A recipient verb takes its speaker after a question: "“Why now?” asked Sen. X."
  const afterQuestion = CLOSE_MARK.test(prev?.value ?? '') && tokens[v - 2]?.value === '?';
  if (beforeIsBreak && right && !rightIsEnd && (!verb.recipient || afterQuestion)) {
    const src = npRight(doc, after, s.last) ?? capitalRun(doc, after, s.last);
    // "…,” said Sen. Ann Holm who represents the harbour district.": a relative clause belongs to the source.
    if (src && src.last < s.last && (tokens[src.last + 1].lower === 'who' || tokens[src.last + 1].lower === 'whose')) {
      let j = src.last + 1;
      while (j < s.last && tokens[j + 1].value !== ',' && !END_PUNCT.test(tokens[j + 1].value) && !OPEN_MARK.test(tokens[j + 1].value)) j++;
      src.last = j;
    }
    const tail = src ? adjunctEnd(doc, src.last + 1, s.last, false) : 0;
    if (src && (endsAt(tail) || tokens[tail].value === ',')) {
      const left = contentLeft(doc, quotes, prev.value === ',' ? v - 1 : v, s.first);
      // "The pier, said the mayor, would be rebuilt" / "“…,” said the mayor, “…”": past a description of the
      // speaker ("said Ann Holm, an engineer, …"), the content goes on
      let after = endsAt(tail) ? -1 : tail + 1;
      if (after >= 0) {
        let j = after;
        while (j <= s.last && tokens[j].value !== ',' && !END_PUNCT.test(tokens[j].value) && !QUOTE_MARK.test(tokens[j].value)) j++;
        if (j > after && described(doc, after, j - 1) === j - 1) after = j <= s.last && tokens[j].value === ',' ? j + 1 : -1;
      }
      const more = after < 0 || !left ? null : isQuoted(doc, quotes, left) ? continuation(doc, quotes, after, s.last) : restAfterTag(doc, quotes, left, after, s.last);
      if (left && (wordCount(doc, left) >= 2 || isQuoted(doc, quotes, left) || more)) {
        return { ...base, source: src, content: more ? [left, more] : [left], quote: isQuoted(doc, quotes, left), confidence: 0.85 };
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
      // "“…,” Harbour Watch field director Piet Dekker told …": a title the phrase walk stopped inside;
      // "…, a spokeswoman for his office said.": a role phrase after a plain comma.
      if (c > s.first && !isBreak(tokens[c])) {
        let j = c;
        while (j > s.first && c - j < 8 && !isBreak(tokens[j]) && (NOMINAL_LIKE.has(tokens[j].pos) || (tokens[j].pos === 'VERB' && tokens[j].lower.endsWith('ing')))) j--;
        if (j < c && isBreak(tokens[j]) && (tokens[j].value !== ',' || QUOTE_MARK.test(tokens[j - 1]?.value ?? '') || /^(a|an|the)$/.test(tokens[j + 1].lower))) {
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
        // "The pier, the mayor said, would be rebuilt": the content goes on after the tag
        const rest = left && !tailIsEnd && tokens[tail].value === ',' && !isQuoted(doc, quotes, left) ? restAfterTag(doc, quotes, left, tail + 1, s.last) : null;
        if (left && (wordCount(doc, left) >= 2 || isQuoted(doc, quotes, left) || rest)) {
          const content = [left];
          const more = rest ?? (!tailIsEnd && tokens[tail].value === ',' ? continuation(doc, quotes, tail + 1, s.last) : null);
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
  // ("It added that …", "It added, “…”": a bare "it" before a that-clause or a quote stands for a body named
  // earlier, through a few speech verbs only; "It suggests that …" is the writer's reasoning)
  const itSpeaks = verb.strength === 'weak' && pronounSpeech.has(verb.lemma) && head.lower === 'it' && subj.source.first === subj.source.last && (THAT.has(tokens[content.first].lower) || OPEN_MARK.test(tokens[content.first].value));
  if (verb.strength === 'weak' && !evidence && !itSpeaks && (abstractHeads.has(head.lower) || (!isAgent(head) && !clausal))) return null;
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
    ...(itSpeaks ? { bodyOnly: true } : {}),
  };
}

/**
 * "The strike, officials said, hit a depot", "In the end, he said, the town voted": unquoted content before a tag
 * set off by commas goes on after it only when the two sides make one clause: a subject before the tag and its
 * verb after, or a short opener before and the clause after. After a whole clause the rest is the writer's
 * (", without providing evidence", ", but Moscow denied it", ", as rescuers searched …", ", a claim Kyiv denied").
 * Not into a participle of the speaker's own (", adding that …"), nor a quotation (continuation() reads it).
 * The range after the tag, or null.
 */
function restAfterTag(doc: Doc, quotes: Quotes, left: Range, k: number, sentLast: number): Range | null {
  const { tokens } = doc;
  // (", who emphasized …" describes the speaker)
  if (k > sentLast || OPEN_MARK.test(tokens[k].value) || (tokens[k].pos === 'VERB' && /ing$/.test(tokens[k].lower)) || /^(who|whose|which)$/.test(tokens[k].lower)) return null;
  const rest = contentRight(doc, quotes, k, sentLast);
  if (!rest || wordCount(doc, rest) < 2) return null;
  const clause = looksLikeClause(doc, left);
  // "The pier, the mayor said, would (soon) be rebuilt"
  let v = rest.first;
  while (v < rest.last && tokens[v].pos === 'ADV') v++;
  if (!clause && (tokens[v].pos === 'AUX' || (tokens[v].pos === 'VERB' && !/ing$/.test(tokens[v].lower)))) return rest;
  // "In the end, he said, the town voted", "After weeks of fighting, officials said, troops took …", "Since the
  // start of the war, the ministry said, 500 civilians …": words that are no clause before the tag, a clause after
  // it (not one opened by a conjunction, a preposition or a subordinator: ", as rescuers searched …")
  const head = tokens[rest.first];
  const opens = head.pos === 'ADP' || head.pos === 'CCONJ' || head.pos === 'SCONJ' || subordinators.has(head.lower);
  if (!clause && !opens && looksLikeClause(doc, rest)) return rest;
  // "Russian troops pushed back Ukrainian units, the ministry said, and took 30 prisoners": a second verb of the same
  // subject after ", and"/", but" (or "and there were no casualties") is more of what was said; not a cue verb of
  // the speaker's own (", and added that …")
  if (clause && /^(and|but)$/.test(head.lower) && rest.first < rest.last) {
    let w = rest.first + 1;
    while (w < rest.last && tokens[w].pos === 'ADV') w++;
    if (tokens[w].lower === 'there' && w < rest.last && (tokens[w + 1].pos === 'AUX' || BE.has(tokens[w + 1].lower))) return rest;
    if ((tokens[w].pos === 'VERB' || tokens[w].pos === 'AUX') && !/ing$/.test(tokens[w].lower) && !verbForms.has(tokens[w].lower)) return rest;
  }
  return null;
}

/**
 * "…,” said Holm, who …" / "…,” said Piet Dekker.": capitalised words right after the cue, up to a comma or the
 * sentence end, that the tagger read as a verb or an auxiliary (a name all the same).
 */
function capitalRun(doc: Doc, k: number, sentLast: number): Range | null {
  const { tokens } = doc;
  let j = k;
  while (j <= sentLast && j - k < 4 && /^[A-Z][a-z'’-]+$/.test(tokens[j].value)) j++;
  if (j === k || (j <= sentLast && tokens[j].value !== ',' && !END_PUNCT.test(tokens[j].value))) return null;
  return { first: k, last: j - 1 };
}

/** Whether content opens with a phrase naming a written work and holds no verb after it ("a book about the war"). */
function writtenWork(doc: Doc, content: Range): boolean {
  const { tokens } = doc;
  if (CLAUSE_OPENERS.has(tokens[content.first].lower) || OPEN_MARK.test(tokens[content.first].value)) return false;
  const np = npRight(doc, content.first, content.last, false);
  if (!np || !authoredWorks.has(headOf(doc, np).lower)) return false;
  for (let k = np.last + 1; k <= content.last; k++) if (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX' || THAT.has(tokens[k].lower)) return false;
  return true;
}

/**
 * A reporting verb none of the word orders above could read ("X met survivors on Thursday and said …" with a long
 * insertion, "…, then says he'll welcome advice"): the sentence's subject (or the phrase right before the verb)
 * as its source and the rest of the clause as its content, with a low confidence so any other reading wins.
 */
export function fallbackRelation(doc: Doc, quotes: Quotes, si: number, v: number, verb: VerbCue): Relation | null {
  const { tokens, sentences } = doc;
  const s = sentences[si];
  const prev = tokens[v - 1];
  const next = tokens[v + 1];
  // "in pledged delegates", "her newly-announced running mate": a participle modifying the noun after it
  if (prev && next && /ed$/.test(tokens[v].lower) && next.pos === 'NOUN' && (prev.pos === 'ADP' || prev.pos === 'DET' || prev.pos === 'ADJ' || prev.value === '-')) return null;
  // "so-called", "truth-telling": the second half of a hyphenated word
  if (prev && (prev.value === '-' || prev.value === '–') && prev.end === tokens[v].start) return null;
  // "criticised for refusing to …", "while adding …": a gerund after a preposition (the participle finders' job)
  if (prev && tokens[v].lower.endsWith('ing') && (prev.pos === 'ADP' || prev.pos === 'SCONJ')) return null;
  // "refugees admitted to the country", "as recalled by X": a participle with a preposition after it
  if (prev && next && /(ed|en)$/.test(tokens[v].lower) && prev.pos !== 'AUX' && (next.lower === 'by' || next.lower === 'to' || next.lower === 'with')) return null;
  const cue = cueSpan(doc, v, verb, s.last);
  const left = subjectLeft(doc, v, s.first)?.source;
  // a weak cue with a subject of its own was rejected above for its subject or its content
  if (left && verb.strength !== 'strong') return null;
  const source = left ?? clauseSubject(doc, s.first, cue.first - 1, verb.strength !== 'strong');
  if (!source) return null;
  const content = contentRight(doc, quotes, cue.last + 1, s.last) ?? (source.first > s.first ? contentLeft(doc, quotes, source.first, s.first) : null);
  if (!content || wordCount(doc, content) < 2) return null;
  // "he called the plan reckless and said …": the content of the verb before ends at "and"
  const link = skipLeft(doc, cue.first - 1, s.first);
  const cutBefore = !left && link > s.first && (tokens[link].lower === 'and' || tokens[link].lower === 'but') ? (tokens[link - 1].value === ',' ? link - 1 : link) : undefined;
  return { kind: 'verb', cue, stance: verb.stance, source, owner: ownerOf(doc, source), content: [content], sent: si, quote: isQuoted(doc, quotes, content), confidence: 0.4, cutBefore };
}

/** The agent subject of the nearest verb at or before `last` ("Holm went after Berg, calling him …" → Holm). */
function subjectOfVerbBefore(doc: Doc, first: number, last: number): Range | null {
  const { tokens } = doc;
  for (let j = last; j > first && last - j < 30; j--) {
    if (tokens[j].pos !== 'VERB' || END_PUNCT.test(tokens[j - 1].value)) continue;
    const subj = subjectLeft(doc, j, first);
    if (subj && isAgent(headOf(doc, subj.source))) return subj.source;
  }
  return null;
}

/**
 * The subject a verb with none right before it shares: after "and"/"but" the subject of the nearest verb before
 * ("he called the plan reckless and said …"), after a comma or dash a name opening the sentence and set off by a comma
 * ("Hemsley, the co-author of …, said"), else the sentence's subject (one that can hold a view, for a weak cue).
 */
function clauseSubject(doc: Doc, first: number, last: number, needAgent: boolean): Range | null {
  const { tokens } = doc;
  if (last < first) return null;
  const k = skipLeft(doc, last, first);
  const link = tokens[k];
  if (link && k > first && (link.lower === 'and' || link.lower === 'but')) {
    const subj = subjectOfVerbBefore(doc, first, k - 1);
    if (subj) return subj;
  }
  if (link && (link.value === ',' || link.value === '—' || link.value === '-' || link.value === '--' || (CLOSE_MARK.test(link.value) && tokens[k - 1]?.value === ','))) {
    const np = npRight(doc, first, k - 1);
    if (np && tokens[np.last + 1]?.value === ',' && isAgent(headOf(doc, np))) return np;
  }
  const main = mainSubject(doc, first, last);
  return main && (!needAgent || isAgent(headOf(doc, main))) ? main : null;
}

/** "seemed to be …", "appears confident", "seemed taken aback": a state the subject is seen in, not a view it holds. */
export function seemsState(doc: Doc, v: number, sentLast: number): boolean {
  const { tokens } = doc;
  let k = v + 1;
  while (k <= sentLast && k < v + 3 && tokens[k].pos === 'ADV') k++;
  const t = tokens[k];
  if (!t || k > sentLast) return false;
  if (t.lower === 'to') return /^(be|have)$/.test(tokens[k + 1]?.lower ?? '');
  return t.pos === 'ADJ' || (t.pos === 'VERB' && /(ed|en)$/.test(t.lower)) || t.lower === 'like';
}

/**
 * "The crowd seemed to share the mood", "The team appeared paralyzed", "It appears that …": a verb of seeming
 * whose subject holds no view reports the writer's impression. No source; the content is the subject (unless it
 * is an empty "it") with the complement.
 */
export function impressionRelation(doc: Doc, quotes: Quotes, si: number, v: number, verb: VerbCue): Relation | null {
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


/** The cue's words: the verb with its particle, adverbs and auxiliaries just before it, and "in a statement". */
export function cueSpan(doc: Doc, v: number, verb: VerbCue, sentLast: number): Range {
  const { tokens } = doc;
  let first = v;
  let last = verb.particle ? v + 1 : v;
  // Auxiliaries, modals, negation and adverbs belong to the cue: "has also said", "would not say", "is telling".
  const sent = tokens[v].sent;
  const ing = tokens[v].lower.endsWith('ing');
  const asides = asideEnds(doc);
  const absorb = (limit: number) => {
    while (first - 1 >= 0 && tokens[first - 1].sent === sent && first - v > limit) {
      const t = tokens[first - 1];
      const aux = t.pos === 'AUX' && (!BE.has(t.lower) || ing || /ing$/.test(tokens[first].lower));
      // ("who was not authorized to speak publicly said": an adverb inside an anonymity aside is the aside's)
      if (!(cueAdverbs.has(t.lower) || aux || (t.pos === 'ADV' && t.lower.endsWith('ly') && !/^[A-Z]/.test(t.value))) || asides[first - 1] >= 0) break;
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
  } else if (next(last + 1) === 'on' && channels.has(next(last + 2))) {
    // "wrote on Facebook", "said on Telegram" (the lexicon's channels): the platform names the medium, as "in a statement" does
    last += 2;
  }
  return { first, last };
}
