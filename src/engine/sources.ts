// A source phrase's canonical name and type: titles and determiners dropped, types from the source lexicon.
import type { Doc } from '../nlp.ts';
import type { SourceType } from '../schema.ts';
import { channels, descriptionTypes, femaleMarkers, maleMarkers, officeTitles, outlets, placeNames, pronouns, sourceOrder, sourceTypes, titles } from './lexicon.ts';
import { isName, type Range } from './phrases.ts';
import { asideEnds } from './asides.ts';

export interface Named {
  name: string;
  type: SourceType;
  gender: 'm' | 'f' | 'n' | 'any';
  plural: boolean;
  /** Lower-case content words of the name, for alias matching. */
  words: string[];
  /** A person, whatever the role: "regional governor Olena Savchuk" is a government source and a "she". */
  human: boolean;
}

const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'for', 'at', 'in', 'on', 'and', 'to', 'from', "'s", "'", 'by', 'with']);
const LEADING_DROP = new Set(['the', 'a', 'an', 'some', 'several', 'other', 'many', 'two', 'three', 'both']);

/** Canonical display name of a phrase: determiners, titles (for personal names) and possessives removed. */
export function canonicalName(doc: Doc, r: Range): string {
  const { tokens } = doc;
  let first = r.first;
  let last = r.last;
  while (first < last && tokens[first].lower === 'the') first++;
  // "Councillor Ann Holm who represents the harbour ward" -> "Councillor Ann Holm"; "officials speaking on condition of
  // anonymity" -> "officials"
  const asides = asideEnds(doc);
  for (let k = first + 1; k <= last; k++) {
    if (asides[k] >= 0) { last = k - 1; break; }
    if (tokens[k].lower === 'who' || tokens[k].lower === 'whose' || tokens[k].value === ',') {
      // "the port authority spokesman, Tomas Berg" -> "Tomas Berg": a name set off after a common noun
      let e = k + 1;
      while (e < last && tokens[e + 1].value !== ',') e++;
      if (tokens[k].value === ',' && tokens[k - 1].pos === 'NOUN' && isName(doc, k + 1, e)) { first = k + 1; last = e; break; }
      last = k - 1;
      break;
    }
  }
  while (last > first && (tokens[last].lower === "'s" || tokens[last].lower === "'")) last--;
  // "Florida delegate John Archer" -> "John Archer": a name after a lowercase job word.
  let p = last;
  while (p >= first && tokens[p].pos === 'PROPN' && /^[A-Z]/.test(tokens[p].value)) p--;
  if (p > first && last - p >= 2 && tokens[p].pos === 'NOUN' && /^[a-z]/.test(tokens[p].value)) first = p + 1;
  // "President Vladimir Putin" -> "Vladimir Putin" when two or more capitalised words remain.
  let k = first;
  while (k < last && titles.has(tokens[k].lower) && /^[A-Z]/.test(tokens[k].value)) k++;
  if (k > first && last - k >= 1 && tokens.slice(k, last + 1).every((t) => t.pos === 'PROPN' || t.value === '.' || /^[A-Z]/.test(t.value))) {
    first = k;
  }
  return doc.text.slice(tokens[first].start, tokens[last].end).replace(/\s+/g, ' ').replace(/[’‘]/g, "'");
}

export function contentWords(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[\s,]+/)
    .map((w) => w.replace(/'s$/, ''))
    .filter((w) => w && !FUNCTION_WORDS.has(w) && !LEADING_DROP.has(w));
}

/**
 * "Mayor Ivan Dorosh", "General Olena Marchuk", "Foreign Minister Ann Holm": the type a capitalised title before a
 * person's name gives (sources.json descriptionTypes, office titles are officials), or null.
 */
function titleType(doc: Doc, r: Range): SourceType | null {
  // (a first name and a surname after the title, no company word: "General Electric", "General Harbour Works")
  const company = sourceTypes.get('company')?.heads;
  for (let k = r.first; k <= r.last; k++) if (company?.has(doc.tokens[k].lower) || ORG_WORDS.test(doc.tokens[k].value)) return null;
  for (let k = r.first; k < r.last - 1 && /^[A-Z]/.test(doc.tokens[k].value); k++) {
    const w = doc.tokens[k].lower;
    const type = descriptionTypes.find((t) => sourceTypes.get(t)?.heads.has(w));
    if (type) return type;
    if (officeTitles.has(w)) return 'official';
  }
  return null;
}

/** Type of a source from its words: lexicon phrases first, then head words, in the lexicon's order. */
export function typeOf(doc: Doc, r: Range): SourceType {
  const { tokens } = doc;
  const phrase = doc.text.slice(tokens[r.first].start, tokens[r.last].end).toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
  const words = new Set<string>();
  const asides = asideEnds(doc);
  let aside = false;
  for (let k = r.first; k <= r.last; k++) {
    words.add(tokens[k].lower);
    if (asides[k] >= 0) aside = true;
  }
  for (const t of sourceOrder) {
    const def = sourceTypes.get(t)!;
    if (def.phrases?.test(phrase) || (aside && def.asides)) return t;
  }
  const head = headWord(doc, r);
  for (const t of sourceOrder) if (sourceTypes.get(t)!.heads.has(head)) return t;
  if (outlets.has(phrase.replace(/^the /, ''))) return 'media';
  // "Ukraine says", "Moscow denied": a country or capital speaks for its government
  if (placeNames.has(phrase.replace(/^the /, ''))) return 'government';
  if (tokens[r.last].pos === 'PROPN' || /^[A-Z]/.test(tokens[r.last].value)) {
    if (looksLikePerson(doc, r)) return titleType(doc, r) ?? 'person';
    for (const t of sourceOrder) {
      const heads = sourceTypes.get(t)!.heads;
      for (const w of words) if (heads.has(w)) return t;
    }
    return 'person';
  }
  const pro = pronouns.get(tokens[r.last].lower);
  if (pro && r.first === r.last) return pro.kind === 'person' ? 'person' : 'unknown';
  for (const t of sourceOrder) {
    const heads = sourceTypes.get(t)!.heads;
    for (const w of words) if (heads.has(w)) return t;
  }
  return 'unknown';
}

function headWord(doc: Doc, r: Range): string {
  const { tokens } = doc;
  let head = tokens[r.last].lower;
  for (let k = r.first; k <= r.last; k++) {
    const t = tokens[k];
    if (t.lower === 'of' || t.lower === 'for' || t.lower === 'at' || t.lower === 'from' || t.lower === 'close' || t.lower === 'familiar' || t.lower === 'who') break;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON') head = t.lower;
  }
  return head;
}

const HUMAN_ROLES = new Set<SourceType>(['official', 'government', 'military', 'expert', 'media', 'anonymous']);

/** "Olena Savchuk", "Dana K. Whitlow": two to four capitalised words, none of them an organisation word. */
function personalName(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  return words.every((w) => /^[A-Z][a-z'’.-]*$|^[A-Z]\.$/.test(w)) && !words.some((w) => ORG_WORDS.test(w));
}
const ORG_WORDS = /^(Ministry|Office|Council|Committee|Department|Agency|Service|Staff|Command|Force|Forces|Army|Navy|Party|Group|Bank|Fund|House|Court|Union|Institute|University|News|Post|Times|Press|Guard|Police|Government|Administration|Commission|Board|Center|Centre)$/;

export function looksLikePerson(doc: Doc, r: Range): boolean {
  const { tokens } = doc;
  let caps = 0;
  // "on Telegram", "told Reuters": an outlet or channel is not a person
  if (r.first === r.last && (outlets.has(tokens[r.first].lower) || channels.has(tokens[r.first].lower))) return false;
  for (let k = r.first; k <= r.last; k++) {
    const t = tokens[k];
    if (maleMarkers.has(t.lower) || femaleMarkers.has(t.lower)) return true;
    if (titles.has(t.lower) && /^[A-Z]/.test(t.value) && k < r.last) return true;
    if (t.pos === 'PROPN') caps++;
    else if (t.pos === 'NOUN' || t.lower === 'of') return false;
  }
  return caps >= 1 && caps <= 3;
}

export function genderOf(doc: Doc, r: Range): 'm' | 'f' | 'any' {
  const { tokens } = doc;
  for (let k = r.first; k <= r.last; k++) {
    const w = tokens[k].lower;
    if (femaleMarkers.has(w)) return 'f';
    if (maleMarkers.has(w)) return 'm';
  }
  return 'any';
}

export function isPlural(doc: Doc, r: Range): boolean {
  const { tokens } = doc;
  const last = tokens[r.last];
  for (let k = r.first; k <= r.last; k++) if (tokens[k].lower === 'and') return true;
  return last.pos === 'NOUN' && /[^s]s$/.test(last.lower);
}

/**
 * describe() reads the tokens of the range (their offsets from its start, values and tags), the text they cover,
 * and which of them open an anonymity aside (asides.ts: an aside may run on past the range, so that is read from
 * the document and put in the key too). Its answer is kept per such key: a name said again, in this report or a
 * later one, is described once. The answers are shared: callers copy, never change them.
 */
const DESCRIBED = new Map<string, Named>();
const DESCRIBED_MAX = 20_000;

export function describe(doc: Doc, r: Range): Named {
  const { tokens } = doc;
  const base = tokens[r.first].start;
  const asides = asideEnds(doc);
  let key = doc.text.slice(base, tokens[r.last].end);
  for (let k = r.first; k <= r.last; k++) {
    const t = tokens[k];
    key += '\u0000' + (t.start - base) + ' ' + t.pos + ' ' + t.value + (asides[k] >= 0 ? '+' : '');
  }
  let named = DESCRIBED.get(key);
  if (!named) {
    named = describeRange(doc, r);
    if (DESCRIBED.size >= DESCRIBED_MAX) DESCRIBED.clear();
    DESCRIBED.set(key, named);
  }
  return named;
}

function describeRange(doc: Doc, r: Range): Named {
  const name = canonicalName(doc, r);
  const type = typeOf(doc, r);
  const human = type === 'person' || (HUMAN_ROLES.has(type) && personalName(name));
  return {
    name,
    type,
    gender: human ? genderOf(doc, r) : 'n',
    plural: isPlural(doc, r),
    words: contentWords(name),
    human,
  };
}
