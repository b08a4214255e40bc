// Where unquoted content after a cue stops before the sentence does: at the main clause after an opening
// "When …," clause that holds the cue, at a clause after ", and" / ", but" with a cue of its own or the speaker
// for subject, before the occasion or day after a person ("praised the crews at a rally"), at the end of a
// relative clause holding the cue, and before a closing ", in a statement …".
import type { Doc, Token } from '../nlp.ts';
import type { Quotes } from './quotes.ts';
import type { Range } from './phrases.ts';
import { type Relation, QUOTE_MARK, POSSESSIVE, THAT, CLAUSE_OPENERS, DAY, BE } from './relation.ts';
import { npRight, headOf } from './phrases.ts';
import { statementSettings, occasionNouns, occasionPeople, occasionTimes, verbForms, subordinators } from './lexicon.ts';
import { looksLikeClause } from './content.ts';
import { isAgent } from './subjects.ts';

export function trimTails(doc: Doc, quotes: Quotes, rels: Relation[]): Relation[] {
  // "The ministry denied the claim, a spokesman said.": the comma before a speaker tag that closes the sentence
  // ends every other content that runs over it
  const tags = new Set<number>();
  for (const r of rels) {
    if (!r.source || !r.cue || r.source.last >= r.cue.first || r.content.length !== 1) continue;
    const comma = r.source.first - 1;
    if (r.content[0].last < comma && doc.tokens[comma]?.value === ',') tags.add(comma);
  }
  for (const r of rels) {
    if (!tags.size) break;
    r.content = r.content.map((c) => {
      for (const k of tags) if (c.first < k && k <= c.last) return { first: c.first, last: k - 1 };
      return c;
    });
  }
  // "The pier, the mayor said, was lost, officials said": unquoted words after a mid-sentence tag that hold another
  // relation's cue are that relation's, not more of this content
  for (const r of rels) {
    if (r.content.length !== 2 || !r.cue || r.content[1].first < r.cue.last || quoted(doc, quotes, r.content[1])) continue;
    const rest = r.content[1];
    if (rels.some((o) => o !== r && o.cue && o.cue.first >= rest.first && o.cue.first <= rest.last)) r.content = [r.content[0]];
  }
  for (const r of rels) {
    if (!r.cue || r.kind === 'hedge') continue;
    const cue = r.cue;
    r.content = r.content.map((c) => (c.first > cue.last && !quoted(doc, quotes, c) ? trim(doc, r, c, rels) : c));
  }
  return rels;
}

function quoted(doc: Doc, quotes: Quotes, c: Range): boolean {
  for (let k = c.first; k <= c.last; k++) if (QUOTE_MARK.test(doc.tokens[k].value) || quotes.inside[k] >= 0) return true;
  return false;
}

function trim(doc: Doc, r: Relation, c: Range, rels: Relation[]): Range {
  const { tokens } = doc;
  const s = doc.sentences[r.sent];
  let last = c.last;
  // "When she said the bridge was safe, the crowd cheered": the cue sits in the opening clause; its content ends
  // at the comma before the main clause
  if (subordinators.has(tokens[s.first].lower) && r.cue!.first > s.first && !commaBetween(doc, s.first, r.cue!.first)) {
    for (let k = c.first + 1; k < last; k++) {
      if (tokens[k].value === ',' && looksLikeClause(doc, { first: k + 1, last })) { last = k - 1; break; }
    }
  }
  // ", but Moscow denied it", ", but he gave no details": a clause after ", and" / ", but" ends the content when it
  // holds a cue of its own or its subject is the speaker; any other clause is more of what was said (", and a
  // hospital was damaged"), and ", and that …" is a second thing said
  for (let k = c.first + 1; k < last - 1; k++) {
    if (tokens[k].value !== ',' || !/^(and|but)$/.test(tokens[k + 1].lower) || tokens[k + 2].lower === 'that' || !looksLikeClause(doc, { first: k + 2, last })) continue;
    // (a strong or denying cue verb, with or without a relation of its own: "but Kyiv disputed that"; not a weak
    // verb that may be more of the source's words: "but residents should expect outages")
    let cueOwn = rels.some((o) => o !== r && o.cue && o.stance === 'denies' && o.cue.first > k + 1 && o.cue.first <= last);
    for (let j = k + 2; j <= last && !cueOwn; j++) {
      const v = tokens[j].pos === 'VERB' ? verbForms.get(tokens[j].lower) : undefined;
      // (a passive is no one's cue here: "and residents were warned to stay indoors" is more of what was said)
      const passive = j > k + 2 && (BE.has(tokens[j - 1].lower) || tokens[j - 1].lower === 'been');
      cueOwn = !!v && !passive && (v.strength === 'strong' || v.stance === 'denies');
    }
    if (cueOwn || speakerSubject(doc, r, c, k + 2, last)) { last = k - 1; break; }
  }
  // "praised the crews at a rally in Salem", "endorsed Holm on Thursday": after an object that is one phrase naming
  // a person or body, "at/during" an occasion or "on/in" a day is no part of it. An event noun or gerund keeps its
  // phrase ("denied the strike on the dam", "announced the evacuation on Monday"), and so does a clause the tagger
  // misread ("shot down 42 drones … on Sunday").
  if (r.kind !== 'passive' && !CLAUSE_OPENERS.has(tokens[c.first].lower) && !looksLikeClause(doc, c)) {
    const np = npRight(doc, c.first, last, false);
    const k = np ? np.last + 1 : -1;
    const head = np ? headOf(doc, np) : null;
    const occasion = head && k < last && (isAgent(head) || occasionPeople.has(head.lower)) ? npRight(doc, k + 1, last, false) : null;
    if (occasion) {
      const when = headOf(doc, occasion).lower;
      const prep = tokens[k].lower;
      // (only with nothing after but more place and time: "thanked Holm in March for his work" keeps it all)
      let j = occasion.last + 1;
      while (j < last && /^(at|in|on|during)$/.test(tokens[j].lower)) {
        const more = npRight(doc, j + 1, last, false);
        if (!more) break;
        j = more.last + 1;
      }
      // (or "in a statement", "in a video": where it was said)
      const setting = ((prep === 'at' || prep === 'during') && occasionNouns.has(when)) || ((prep === 'on' || prep === 'in') && (DAY.test(when) || occasionTimes.has(when) || (prep === 'in' && statementSettings.has(when))));
      if (setting && j > last) last = k - 1;
    }
  }
  // "which she has said was a mistake, cost …": a cue inside a relative clause ends its content with the clause, at
  // the comma before the main clause's verb (not inside a list: "which they said held fuel, food and parts, was …")
  if (r.source && r.source.first > 0 && (/^(which|whom)$/.test(tokens[r.source.first - 1].lower) || (tokens[r.source.first - 1].lower === 'that' && /^(NOUN|PROPN)$/.test(tokens[r.source.first - 2]?.pos ?? ''))) && r.source.last < r.cue!.first) {
    let end = -1;
    for (let k = c.first + 1; k < last && end < 0; k++) {
      if (tokens[k].value !== ',') continue;
      let v = k + 1;
      while (v < last && tokens[v].pos === 'ADV') v++;
      if (tokens[v].pos === 'VERB' || tokens[v].pos === 'AUX') end = k;
    }
    // (a main verb the tagger misread, "…, cost the town its pier": the last comma, unless a list ends after it)
    if (end < 0) {
      let k = last - 1;
      while (k > c.first && tokens[k].value !== ',') k--;
      let list = false;
      for (let j = k + 1; j <= last; j++) if (/^(and|or|nor)$/.test(tokens[j].lower)) list = true;
      if (k > c.first && !list) end = k;
    }
    if (end > 0) last = end - 1;
  }
  // "…, without giving further details", "…, without providing evidence": the writer's caveat set off at the end
  for (let k = c.first + 1; k < last; k++) {
    if (tokens[k].value === ',' && tokens[k + 1].lower === 'without' && tokens[k + 2]?.pos === 'VERB' && /ing$/.test(tokens[k + 2].lower)) { last = k - 1; break; }
  }
  // "…, in a statement posted on Telegram", "…, at a rally in Salem": where it was said, set off at the end
  const at = settingAt(doc, c.first + 1, last);
  if (at >= 0) last = at - 2;
  return last >= c.first ? { first: c.first, last } : c;
}

const SETTING_PREPS = new Set(['in', 'on', 'at', 'during', 'via', 'through']);

/** The first token of a phrase after a comma naming the occasion of a statement and running to `last` (", in an interview with X"), or -1. */
function settingAt(doc: Doc, from: number, last: number): number {
  const { tokens } = doc;
  for (let k = from; k < last; k++) {
    if (!SETTING_PREPS.has(tokens[k].lower) || tokens[k - 1].value !== ',') continue;
    let j = k + 1;
    while (j <= last && j - k <= 4 && !statementSettings.has(tokens[j].lower) && (tokens[j].pos === 'DET' || tokens[j].pos === 'ADJ' || tokens[j].pos === 'NOUN' || tokens[j].pos === 'PROPN' || tokens[j].pos === 'NUM' || POSSESSIVE.has(tokens[j].lower) || tokens[j].lower === "'s" || tokens[j].lower === '’s')) j++;
    if (j > last || !statementSettings.has(tokens[j].lower) || tokens[j].pos !== 'NOUN') continue;
    // the rest is more of the setting ("posted on Telegram", "with CNN on Monday"), with no clause of its own
    let finite = false;
    for (let m = j + 1; m <= last; m++) {
      const t = tokens[m];
      if (t.pos === 'AUX' || (t.pos === 'VERB' && !/(ed|en|ing)$/.test(t.lower)) || t.value === ',' || THAT.has(t.lower)) { finite = true; break; }
    }
    if (!finite) return k;
  }
  return -1;
}

/**
 * Whether the clause at `first` has the speaker for subject: the source's own head word ("…, but the ministry gave
 * no details") or a pronoun that agrees in number with the speaker and not with the subject of the content before
 * (", but he gave no details" after "two drones were downed"; not ", but he survived" after "the soldier was hurt").
 */
function speakerSubject(doc: Doc, r: Relation, c: Range, first: number, last: number): boolean {
  if (!r.source) return false;
  const subj = npRight(doc, first, last, false);
  if (!subj) return false;
  const head = headOf(doc, subj).lower;
  const speaker = headOf(doc, r.source);
  if (head === speaker.lower) return true;
  if (!/^(he|she|it|they)$/.test(head) || plural(speaker) !== (head === 'they')) return false;
  // "…, and it would continue to protect the region": a tense shifted back is still the speaker's reported words
  if (/^(would|could|should|might|had)$/.test(doc.tokens[subj.last + 1]?.lower ?? '')) return false;
  const before = npRight(doc, THAT.has(doc.tokens[c.first].lower) ? c.first + 1 : c.first, first - 1, false);
  return !before || plural(headOf(doc, before)) !== (head === 'they');
}

const plural = (t: Token) => (t.pos === 'NOUN' && t.lower !== t.lemma) || t.lower === 'they';

function commaBetween(doc: Doc, first: number, last: number): boolean {
  for (let k = first; k < last; k++) if (doc.tokens[k].value === ',') return true;
  return false;
}
