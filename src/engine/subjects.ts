// Finding a cue's source phrase: the subject left of a verb (past adverbs, appositives and "who"), the main
// subject of a sentence, the owner named behind a document ("statements from X"), and which heads can be agents.
import type { Doc, Token } from '../nlp.ts';
import { agentHeads, nounCues, subjectVerbGap, months } from './lexicon.ts';
import { headOf, isName, npLeft, npRight, type Range } from './phrases.ts';
import { POSSESSIVE, QUOTE_MARK, CLOSE_MARK, END_PUNCT, DAY } from './relation.ts';
import { asideAt, asideEnds } from './asides.ts';


/** Skip adverbs, auxiliaries and "to"-infinitive governors between a subject and its verb, leftwards. */
export function skipLeft(doc: Doc, k: number, floor: number): number {
  const { tokens } = doc;
  let steps = 0;
  while (k >= floor && steps < 6) {
    const t = tokens[k];
    if (t.value === ')') {
      // "Rep. Ann Holm (D-Ore.) said": skip the parenthesis.
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
    // "A poll released Wednesday shows", "A poll out Monday shows", "A poll in January found": the day or month
    // the subject came out
    if ((DAY.test(t.lower) || months.has(t.lower)) && k - 2 >= floor && (/^(out|in)$/.test(tokens[k - 1].lower) || (tokens[k - 1].pos === 'VERB' && /(ed|en|wn)$/.test(tokens[k - 1].lower))) &&
        (tokens[k - 2].pos === 'NOUN' || tokens[k - 2].pos === 'PROPN')) {
      k -= tokens[k - 1].pos === 'VERB' ? 1 : 2;
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
    if (subjectVerbGap.has(t.lower) || t.pos === 'AUX' || (t.pos === 'ADV' && t.lower.endsWith('ly') && !/^[A-Z]/.test(t.value)) || t.lower === 'to' ||
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

/** "Sanders’ campaign manager": an apostrophe closing a word that ends in s, with a word after it, marks a possessive. */
function possessiveMark(doc: Doc, k: number): boolean {
  const { tokens } = doc;
  const t = tokens[k];
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  return (t.value === '’' || t.value === "'") && !!prev && !!next && prev.end === t.start && /s$/i.test(prev.value) &&
    next.start > t.end && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ');
}

/** The subject of a cue whose verb is at `v` (tokens to its left), handling appositives and "who". */
export function subjectLeft(doc: Doc, v: number, floor: number): { source: Range; viaComma: boolean } | null {
  const { tokens } = doc;
  let k = skipLeft(doc, v - 1, floor);
  if (k < floor) return null;
  // "A senior official who spoke on condition of anonymity said", "Two officials speaking on condition of
  // anonymity said": the aside belongs to the source mention; the source is the phrase before it
  const aside = asideAt(doc, k);
  if (aside && aside.first > floor) {
    let b = aside.first - 1;
    while (b > floor && tokens[b].pos === 'AUX') b--;
    if (tokens[b].lower === 'who' || tokens[b].lower === 'that') b--;
    const head = tokens[b].value === ',' ? null : npLeft(doc, b, floor);
    if (head) return { source: { first: head.first, last: Math.min(aside.last, v - 1) }, viaComma: false };
  }
  let t = tokens[k];
  if (t.value === ',' || t.value === '—' || t.value === '–' || t.value === '--') {
    // "X, a spokeswoman for Y, said" / "X, who …, said" / "X, its chief executive, who …, said": skip back over
    // up to two inserted phrases.
    for (let round = 0; round < 2; round++) {
      let c = k - 1;
      let depth = 0;
      const dash = t.value !== ',';
      while (c >= floor && depth < 24 && (dash || tokens[c].value !== ',') && tokens[c].value !== t.value && (!CLOSE_MARK.test(tokens[c].value) || possessiveMark(doc, c))) {
        c--;
        depth++;
      }
      if (!(c >= floor && tokens[c].value === t.value && depth > 0)) return null;
      const inner = tokens[c + 1];
      const appositive = inner.pos === 'DET' || inner.pos === 'ADJ' || inner.pos === 'NOUN' || inner.lower === 'who' || inner.lower === 'which' ||
        inner.pos === 'NUM' || inner.pos === 'PROPN' || POSSESSIVE.has(inner.lower) || ((inner.pos === 'ADV' || inner.pos === 'SCONJ') && c + 2 === k) ||
        (inner.pos === 'VERB' && (/(ing|ed)$/.test(inner.lower) || /^[A-Z][a-z]/.test(inner.value))) || (inner.pos === 'ADP' && inner.lower !== 'of');
      // "Rep. Sander Levin (Mich.), a superdelegate, said": the parenthesis after a name is part of it
      let before = c - 1;
      if (tokens[before]?.value === ')') {
        let j = before - 1;
        while (j >= floor && tokens[j].value !== '(' && before - j < 12) j--;
        if (j >= floor && tokens[j].value === '(') before = j - 1;
      }
      const np = npLeft(doc, before, floor);
      // After a name any inserted phrase is an aside: "Holm, herself a candidate for mayor, said", "Mr. Berg,
      // then 38, said".
      const named = !!np && tokens[np.last].pos === 'PROPN' && inner.pos !== 'CCONJ' && !QUOTE_MARK.test(inner.value);
      // "Democrats — and some Republicans — say": a coordinated part set off by dashes joins the subject
      if (dash && inner.pos === 'CCONJ' && np) return { source: { first: np.first, last: k - 1 }, viaComma: true };
      if (!appositive && !named) return null;
      // "A diplomat, who asked not to be named, said": an anonymity aside stays in the source mention
      if (np && asideEnds(doc)[k - 1] >= 0) return { source: { first: np.first, last: k - 1 }, viaComma: true };
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
      // "the port authority spokesman, Tomas Berg, said": a name set off after a common noun is the speaker
      if (np && round === 0 && tokens[np.last].pos === 'NOUN' && isName(doc, c + 1, k - 1)) return { source: { first: np.first, last: k - 1 }, viaComma: true };
      // "Ines Varga, 41, a nurse, said": an age is an insertion too; the name is further left
      const age = !!np && np.first === np.last && tokens[np.first].pos === 'NUM' && tokens[np.first - 1]?.value === ',';
      if (np && !age) return { source: np, viaComma: true };
      k = c;
    }
    return null;
  }
  if (QUOTE_MARK.test(t.value)) return null;
  // "About 3 in 10 say …", "roughly eight out of 10 say …": a share of those polled
  if (t.pos === 'NUM' && k - 2 >= floor && (tokens[k - 1].lower === 'in' || tokens[k - 1].lower === 'of') && (tokens[k - 2].pos === 'NUM' || tokens[k - 2].lower === 'out')) {
    let j = tokens[k - 2].lower === 'out' ? k - 3 : k - 2;
    if (j >= floor && tokens[j].pos === 'NUM') {
      while (j - 1 >= floor && /^(about|nearly|almost|roughly|some|only|just|over|more|than|fewer|less)$/.test(tokens[j - 1].lower)) j--;
      return { source: { first: j, last: k }, viaComma: false };
    }
  }
  const np = npLeft(doc, k, floor);
  if (np) {
    // "Officials who met with Putin said": the noun before a relative clause is the source, not the clause's object
    const noun = tokens[np.last].pos === 'NOUN' || tokens[np.last].pos === 'PROPN';
    const coordinated = tokens.slice(np.first, np.last + 1).some((w) => w.pos === 'CCONJ');
    const head = noun && !coordinated ? relativeHead(doc, np.first - 1, floor) : null;
    return { source: head ? { first: head.first, last: k } : np, viaComma: false };
  }
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

/** The phrase before a "who" clause that ends at token `end` ("Officials [who met with] Putin"), or null. */
function relativeHead(doc: Doc, end: number, floor: number): Range | null {
  const { tokens } = doc;
  let verb = false;
  for (let j = end; j > floor && end - j < 10; j--) {
    const w = tokens[j];
    // (a coordinated phrase may join the clause's object to another verb: "who drove … and door knock")
    if (w.value === ',' || w.value === ':' || w.pos === 'CCONJ' || QUOTE_MARK.test(w.value) || END_PUNCT.test(w.value)) return null;
    if (w.lower === 'who') {
      const before = tokens[j - 1];
      if (!verb || !(before.pos === 'NOUN' || before.pos === 'PROPN')) return null;
      // ("residents in Jupiter, Florida who …": a head after a comma may be only the tail of the phrase)
      const head = npLeft(doc, j - 1, floor);
      return head && tokens[head.first - 1]?.value !== ',' ? head : null;
    }
    if (w.pos === 'VERB' || w.pos === 'AUX') verb = true;
  }
  return null;
}

/** The subject at the start of the sentence, skipping a leading adverbial phrase that ends in a comma. */
export function mainSubject(doc: Doc, first: number, last: number): Range | null {
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
  // "Ines Varga, a former harbour pilot, became …": skip the appositive.
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

/** A word that can stand for someone holding or voicing a view: a name, a personal pronoun, a person or body. */
export function isAgent(head: Token): boolean {
  if (head.pos === 'PROPN') return true;
  if (head.pos === 'PRON') return true;
  return agentHeads.has(head.lower) || agentHeads.has(head.lemma);
}
