// The whole written mention of a source: the name with the appositive or "who" clause set off after it
// ("Ann Holm, a spokeswoman for the port, said" → "Ann Holm, a spokeswoman for the port"). The name alone
// still gives the source's canonical name (and its type, unless a title in the description types a person);
// the mention and its span cover what the report wrote.
import type { Doc, Token } from '../nlp.ts';
import type { SourceType } from '../schema.ts';
import { POSSESSIVE, QUOTE_MARK, END_PUNCT, RELATIVE_PRONOUNS, DAY, type Relation } from './relation.ts';
import { skipLeft } from './subjects.ts';
import { descriptionTypes, officeTitles, sourceTypes, verbForms, months, asideLeads, placeLeads } from './lexicon.ts';
import { headOf, npRight, type Range } from './phrases.ts';

const MAX_INSERT = 40;
const when = (w: string) => DAY.test(w) || months.has(w);
const SETS_OFF = new Set([',', '—', '–', '--']);
const RELATIVE = new Set([...RELATIVE_PRONOUNS, 'which']);

/**
 * "Ivan Hrytsenko, a spokesman for the ministry": the type the head of the description after `name` (within the
 * mention `whole`) gives a named person (sources.json descriptionTypes), or null.
 */
export function descriptionType(doc: Doc, name: Range, whole: Range): SourceType | null {
  const { tokens } = doc;
  let k = name.last + 1;
  if (tokens[k]?.value === '(') {
    while (k < whole.last && tokens[k].value !== ')') k++;
    k++;
  }
  if (k >= whole.last || !SETS_OFF.has(tokens[k].value)) return null;
  let last = k + 1;
  while (last + 1 <= whole.last && !SETS_OFF.has(tokens[last + 1].value)) last++;
  const np = RELATIVE.has(tokens[k + 1].lower) ? null : npRight(doc, k + 1, last);
  if (!np) return null;
  const head = headOf(doc, np).lower;
  const type = descriptionTypes.find((t) => sourceTypes.get(t)?.heads.has(head));
  return type ?? (officeTitles.has(head) ? 'official' : null);
}

/** The source mention of `rel` with its set-off description, or null when there is none. */
export function mentionExtent(doc: Doc, rel: Relation): Range | null {
  const { source, cue } = rel;
  if (!source || !cue || rel.kind === 'participle' || rel.cutBefore !== undefined) return null;
  if (source.first === source.last && RELATIVE.has(doc.tokens[source.first].lower)) return null;
  if (source.last < cue.first) return before(doc, source, cue);
  if (source.first > cue.last) return after(doc, source, rel.content.filter((c) => c.first > source.last).map((c) => c.first));
  return null;
}

/** "X, a spokesman for Y, said", "X (D-Md.), who chairs the panel, said": the insertion up to the cue. */
function before(doc: Doc, source: Range, cue: Range): Range | null {
  const { tokens } = doc;
  let open = source.last + 1;
  if (tokens[open]?.value === '(') {
    while (open < cue.first && tokens[open].value !== ')') open++;
    open++;
  }
  const mark = tokens[open];
  // "A poll released Wednesday shows", "A poll out Monday found": the day it came out is part of the mention
  const day = tokens[source.last + 2];
  if (mark && day && source.last + 2 < cue.first && (/^(out|in)$/.test(mark.lower) || (mark.pos === 'VERB' && /(ed|en|wn)$/.test(mark.lower))) && when(day.lower)) {
    return { first: source.first, last: source.last + 2 };
  }
  if (!mark || !SETS_OFF.has(mark.value)) return null;
  let close = skipLeft(doc, cue.first - 1, open);
  // "Ann Holm, the author of “Low Tide,” said": the comma closing the description sits inside the title's quotes
  const titled = QUOTE_MARK.test(tokens[close]?.value ?? '') && tokens[close - 1]?.value === ',';
  if (titled) close--;
  const closes = mark.value === ',' ? tokens[close].value === ',' : SETS_OFF.has(tokens[close].value) && tokens[close].value !== ',';
  if (close <= open + 1 || close - open > MAX_INSERT || !closes) return null;
  const end = described(doc, open + 1, close - 1, titled);
  return end >= 0 ? { first: source.first, last: end === close - 1 && titled ? close + 1 : end } : null;
}

/**
 * "…,” said Maria Ostrova, a spokeswoman for the council.", "According to Ann Holm, an analyst, prices rose": a
 * description running to the sentence end or to the content after it.
 */
function after(doc: Doc, source: Range, contentStarts: number[]): Range | null {
  const { tokens } = doc;
  const sent = doc.sentences[tokens[source.first].sent];
  // "…, according to a count of crossings compiled by the port office.": a participle phrase closing the sentence
  const part = tokens[source.last + 1];
  if (part && !contentStarts.length && source.last + 2 <= sent.last && part.pos === 'VERB' && /(ed|en|wn)$/.test(part.lower) && (tokens[source.last + 2].pos === 'ADP' || when(tokens[source.last + 2].lower))) {
    let j = source.last + 1;
    while (j <= sent.last && j - source.last < 20 && tokens[j].value !== ',' && !END_PUNCT.test(tokens[j].value) && !QUOTE_MARK.test(tokens[j].value)) j++;
    if (j > sent.last || END_PUNCT.test(tokens[j].value)) return { first: source.first, last: j - 1 };
  }
  let comma = source.last + 1;
  // "said Rep. Ann Holm (D-Ore.), a member of …": past the party and state
  if (tokens[comma]?.value === '(') {
    while (comma < tokens.length && comma - source.last < 12 && tokens[comma].value !== ')') comma++;
    comma++;
  }
  if (tokens[comma]?.value !== ',') return null;
  let last = Math.min(sent.last, ...contentStarts.map((k) => k - 1));
  if (last < sent.last && tokens[last].value === ',') last--;
  while (last > comma && (END_PUNCT.test(tokens[last].value) || QUOTE_MARK.test(tokens[last].value) || tokens[last].pos === 'SPACE')) last--;
  if (last <= comma || last - comma > MAX_INSERT || !opensDescription(tokens[comma + 1])) return null;
  const end = described(doc, comma + 1, last);
  return end >= 0 ? { first: source.first, last: end } : null;
}

const opensDescription = (t: Token | undefined) =>
  !!t && (t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM' || POSSESSIVE.has(t.lower) || RELATIVE.has(t.lower));

/**
 * How far tokens first..last describe the source: each comma-separated part opens like a noun phrase or a
 * relative clause, and only a relative clause holds a finite verb (a second clause is no description). A
 * relative clause with a cue verb of its own ("…, who said …") is a claim of its own: the mention ends before it.
 * Returns the last token of the description, or -1 when there is none.
 */
export function described(doc: Doc, first: number, last: number, titled = false): number {
  const { tokens } = doc;
  let start = first;
  for (let k = first; k <= last + 1; k++) {
    if (k <= last && !SETS_OFF.has(tokens[k].value)) {
      // (quotation marks only around a title the description names, "the author of “Low Tide,”")
      if ((QUOTE_MARK.test(tokens[k].value) && !titled) || END_PUNCT.test(tokens[k].value) && tokens[k].value !== '.') return -1;
      continue;
    }
    if (k > start) {
      const lead = tokens[start];
      if (!opensDescription(lead) && !asideLeads.has(lead.lower) && !placeLeads.has(lead.lower)) return -1;
      // "a retiree who fished off the pier": a relative clause may follow the noun phrase it describes
      let rel = RELATIVE.has(lead.lower) ? start : -1;
      for (let j = start; j < k && rel < 0; j++) {
        const t = tokens[j];
        if (j > start && (RELATIVE.has(t.lower) || t.lower === 'that') && (tokens[j - 1].pos === 'NOUN' || tokens[j - 1].pos === 'PROPN')) { rel = j; break; }
        // (a capitalised word is part of a name: "the Docks and Works Committee")
        if (/^[A-Z]/.test(t.value)) continue;
        if (t.pos === 'AUX' || (t.pos === 'VERB' && !participle(doc, j))) return -1;
      }
      if (rel >= 0) {
        for (let j = rel + 1; j < k; j++) {
          if ((tokens[j].pos === 'VERB' || tokens[j].pos === 'AUX') && verbForms.has(tokens[j].lower)) {
            if (rel > start) return rel - 1;
            return start - 2 >= first ? start - 2 : -1;
          }
        }
      }
    }
    start = k + 1;
  }
  return last;
}

/**
 * Whether the verb at `j` is a participle in a description: an -ing form ("a group representing farmers",
 * "including …"), or an -ed form right after the noun it describes ("a volunteer based in Kharkiv"); an -ed form
 * with an object after it is a verb of its own ("the shelling damaged 12 homes").
 */
function participle(doc: Doc, j: number): boolean {
  const { tokens } = doc;
  const t = tokens[j];
  if (/ing$/.test(t.lower)) return true;
  const prev = tokens[j - 1];
  if (!/(ed|en)$/.test(t.lower) || !prev || !(prev.pos === 'NOUN' || prev.pos === 'PROPN' || prev.pos === 'ADV')) return false;
  const next = tokens[j + 1];
  return !next || !OBJECT_OPENERS.has(next.pos);
}

const OBJECT_OPENERS = new Set(['DET', 'NUM', 'PRON', 'NOUN', 'PROPN', 'ADJ']);
