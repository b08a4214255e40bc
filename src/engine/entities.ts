// Named entities and figures in a report: places, organisations, military units, persons, quantities, dates.
//
// One linear pass over the tokens. At each token every matcher says how far it could reach; the longest
// reach wins (a match from a known-name list beats a pattern match of the same length; remaining ties go
// date > quantity > unit > organization > person > place) and the pass jumps past it, so entities never
// overlap. All word lists, head words and gazetteers live in src/lexicon/entities.json and are turned into
// Sets, Maps and token tries once, at module load. Spans come from token offsets, so they are exact.
import { readFileSync } from 'node:fs';
import type { Entity } from '../schema.ts';
import type { Doc, Token } from '../nlp.ts';

type EntityType = Entity['type'];

interface Lexicon {
  stopCaps: string[];
  demonyms: string[];
  months: string[];
  ambiguousMonths: string[];
  monthContext: string[];
  weekdays: string[];
  dates: {
    classes: Record<string, { words: string[] | string; cap?: boolean }>;
    patterns: string[][];
  };
  quantity: {
    prefixes: string[];
    currency: string[];
    numberWords: string[];
    scales: string[];
    pluralScales: string[];
    rangeLinks: string[];
    units: string[];
    nounModifiers: string[];
    notCounted: string[];
  };
  units: {
    known: string[];
    heads: string[];
    capHeads: string[];
    namedHeadsLower: string[];
    modifiers: string[];
    lowerPhraseHeads: string[];
    lowerPhraseModifiers: string[];
    lowerPhraseWeak: string[];
  };
  organizations: {
    known: string[];
    heads: string[];
    weakHeads: string[];
    tailLinks: string[];
    tailInner: string[];
    lowerTopics: string[];
    lowerHeads: string[];
  };
  persons: {
    titles: string[];
    roles: string[];
    speechVerbs: string[];
    known: string[];
    firstNames: string[];
    nameParticles: string[];
  };
  places: {
    gazetteer: string[];
    suffixes: string[];
    facilitySuffixes: string[];
    prepositions: string[];
    preOfNouns: string[];
    weakPrepositions: string[];
  };
}

const LEX = JSON.parse(readFileSync(new URL('../lexicon/entities.json', import.meta.url), 'utf8')) as Lexicon;

// ---------------------------------------------------------------------------------------------------------
// Tables built once.

/** Splits a lexicon entry the way wink-nlp tokenises: spaces, '-' as its own token, a trailing 's apart. */
function entryTokens(entry: string): string[] {
  const out: string[] = [];
  for (const piece of entry.split(/\s+/)) {
    if (!piece) continue;
    const parts = piece.split(/(-)/).filter(Boolean);
    for (const p of parts) {
      if (p.length > 2 && /'s$/i.test(p)) {
        out.push(p.slice(0, -2), p.slice(-2));
      } else out.push(p);
    }
  }
  return out;
}

/**
 * Per lower-cased word: a bit for each trie that has an entry starting with it (see Trie.bit) and for each
 * hot word set it belongs to (see wordBit), so that one lookup per token answers all of them.
 */
const FIRST_BITS = new Map<string, number>();
let bitCount = 0;

/** A new bit in FIRST_BITS, set for `words`. */
function wordBit(words: Iterable<string>): number {
  if (bitCount >= 30) throw new Error('entities: too many word sets for the first-word bits');
  const bit = 1 << bitCount++;
  for (const w of words) FIRST_BITS.set(w, (FIRST_BITS.get(w) ?? 0) | bit);
  return bit;
}

interface TrieNode {
  next?: Map<string, TrieNode>;
  /** The entry as written (its casing decides how it must appear in the text). */
  entry?: string[];
}

/** Multi-token phrases keyed on lower-cased tokens. */
class Trie {
  readonly root: TrieNode = {};
  /** This trie's bit in FIRST_BITS. */
  readonly bit: number;
  constructor(entries: Iterable<string>) {
    for (const e of entries) this.add(e);
    this.bit = wordBit(this.firstWords());
  }
  add(entry: string): void {
    const toks = entryTokens(entry);
    let node = this.root;
    for (const t of toks) {
      const k = t.toLowerCase();
      node.next ??= new Map();
      let n = node.next.get(k);
      if (!n) node.next.set(k, (n = {}));
      node = n;
    }
    node.entry ??= toks;
  }
  firstWords(): Iterable<string> {
    return this.root.next?.keys() ?? [];
  }
  /**
   * Longest match starting at token i; returns the end (exclusive) or -1.
   * casing: 'any' ignores case; 'name' wants entries in capitals matched exactly and the first token
   * capitalised.
   */
  longest(i: number, casing: 'any' | 'name'): number {
    // Most calls start on a word no entry starts with: answered from the token's first-word bits.
    if (i >= N || (firstBits(i) & this.bit) === 0) return -1;
    let node: TrieNode | undefined = this.root;
    let best = -1;
    for (let k = i; k < N && node?.next; k++) {
      const t = T[k];
      if (t.pos === 'SPACE') break;
      node = node.next.get(t.lower);
      if (!node) break;
      if (node.entry && (casing === 'any' || casingOk(node.entry, i))) best = k + 1;
    }
    return best;
  }
}

function isAllCaps(s: string): boolean {
  let letters = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
  }
  return letters >= 2;
}

function casingOk(entry: string[], i: number): boolean {
  for (let k = 0; k < entry.length; k++) {
    const e = entry[k];
    if (isAllCaps(e) && T[i + k].value !== e) return false;
  }
  return capAt(i);
}

const lower = (xs: string[]) => xs.map((x) => x.toLowerCase());
const set = (xs: string[]) => new Set(lower(xs));

const STOP_CAPS = set(LEX.stopCaps);
const DEMONYMS = set(LEX.demonyms);
const MONTHS = set(LEX.months);
const AMBIGUOUS_MONTHS = set(LEX.ambiguousMonths);
const MONTH_CONTEXT = set(LEX.monthContext);
const WEEKDAYS = set(LEX.weekdays);

const Q = LEX.quantity;
const QUANT_PREFIX = new Trie(Q.prefixes);
const CURRENCY = set(Q.currency);
const NUMBER_WORDS = new Trie(Q.numberWords);
const SCALES = set(Q.scales);
const PLURAL_SCALES = set(Q.pluralScales);
const RANGE_LINKS = set(Q.rangeLinks);
const QUANT_UNITS = new Trie(Q.units);
const NOUN_MODIFIERS = set(Q.nounModifiers);
const NOT_COUNTED = set(Q.notCounted);

const U = LEX.units;
const UNIT_KNOWN = new Trie(U.known);
const UNIT_HEADS = new Trie(U.heads);
const UNIT_CAP_HEADS = new Trie(U.capHeads);
const UNIT_NAMED_HEADS_LOWER = new Trie(U.namedHeadsLower);
const UNIT_MODIFIERS = set(U.modifiers);
const UNIT_PHRASE_HEADS = set(U.lowerPhraseHeads);
const UNIT_PHRASE_MODIFIERS = set(U.lowerPhraseModifiers);
const UNIT_PHRASE_WEAK = set(U.lowerPhraseWeak);

const O = LEX.organizations;
const ORG_KNOWN = new Trie(O.known);
const ORG_HEADS = new Trie(O.heads);
const ORG_WEAK_HEADS = set(O.weakHeads);
const ORG_TAIL_LINKS = set(O.tailLinks);
const ORG_TAIL_INNER = set(O.tailInner);
const ORG_LOWER_TOPICS = new Trie(O.lowerTopics);
const ORG_LOWER_HEADS = set(O.lowerHeads);

const P = LEX.persons;
const TITLES = new Trie(P.titles);
const ROLES = set(P.roles);
const SPEECH_VERBS = set(P.speechVerbs);
const PERSON_KNOWN = new Trie(P.known);
const FIRST_NAMES = set(P.firstNames);
const NAME_PARTICLES = set(P.nameParticles);

const PL = LEX.places;
const GAZETTEER = new Trie(PL.gazetteer);
const PLACE_SUFFIXES = new Trie(PL.suffixes);
const FACILITY_SUFFIXES = new Trie(PL.facilitySuffixes);
const PLACE_PREPS = set(PL.prepositions);
const PRE_OF_NOUNS = set(PL.preOfNouns);
const WEAK_PREPS = set(PL.weakPrepositions);

/** Single words that never start or continue a name: head words, suffixes, calendar words. */
const NOT_NAME = new Set<string>([
  ...STOP_CAPS,
  ...DEMONYMS,
  ...MONTHS,
  ...WEEKDAYS,
  ...lower(O.heads),
  ...lower(U.capHeads),
  ...lower(PL.suffixes),
]);
// A few capital-initial words are both month and name ("May", "June"): a name run may still hold them.
NOT_NAME.delete('may');
NOT_NAME.delete('june');

const QUOTES = new Set(["'", '"', '‘', '’', '“', '”', '«', '»']);
const ORDINAL = /^\d+(?:st|nd|rd|th)$/i;
const SPELLED_ORDINALS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth']);
const ISO_DATE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|(?:19|20)\d\d[-–](?:19|20)?\d\d)$/;
const DECADE = /^(?:1[89]|20)\d0s$/;
const LETTER_START = /^\p{L}/u;
const DAY_ORD = /^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$/i;

// ---------------------------------------------------------------------------------------------------------
// Date patterns: compiled to element tests and indexed by the words that can start them.

type Test = (k: number) => boolean;
interface Pattern {
  els: { test: Test; optional: boolean }[];
}

const DATE_CLASSES = new Map<string, { words: Set<string>; cap: boolean }>();
for (const [name, c] of Object.entries(LEX.dates.classes)) {
  const words = typeof c.words === 'string' ? (LEX as unknown as Record<string, string[]>)[c.words.slice(1)] : c.words;
  DATE_CLASSES.set(name, { words: set(words), cap: !!c.cap });
}

const BUILTINS: Record<string, Test> = {
  '#day': (k) => DAY_ORD.test(T[k].value),
  '#year': (k) => isYear(T[k].value),
  '#iso': (k) => ISO_DATE.test(T[k].value),
  '#num': (k) => isNumeric(T[k].value),
  '#numword': (k) => NUMBER_WORDS.longest(k, 'any') === k + 1,
  '#decade': (k) => DECADE.test(T[k].value),
};

function classTest(name: string): Test {
  const c = DATE_CLASSES.get(name);
  if (!c) throw new Error(`entities.json: unknown date class @${name}`);
  return (k) => {
    const t = T[k];
    if (!c.words.has(t.lower)) return false;
    if (c.cap && !capAt(k)) return false;
    if (name === 'month' && AMBIGUOUS_MONTHS.has(t.lower)) {
      const prev = k > 0 ? T[k - 1] : undefined;
      const next = k + 1 < N ? T[k + 1] : undefined;
      const numNext = !!next && (DAY_ORD.test(next.value) || isYear(next.value));
      const ctxPrev = !!prev && (MONTH_CONTEXT.has(prev.lower) || DAY_ORD.test(prev.value));
      return numNext || ctxPrev;
    }
    return true;
  };
}

/** First words of each pattern ('' key: patterns that start with a number test). */
const DATE_INDEX = new Map<string, Pattern[]>();
const DATE_NUMERIC: Pattern[] = [];

function compileDates(): void {
  for (const raw of LEX.dates.patterns) {
    const els = raw.map((spec) => {
      const optional = spec.length > 1 && spec.endsWith('?');
      const body = optional ? spec.slice(0, -1) : spec;
      const tests: Test[] = [];
      const literals = new Set<string>();
      for (const alt of body.split('|')) {
        if (alt.startsWith('@')) tests.push(classTest(alt.slice(1)));
        else if (alt.startsWith('#')) {
          const b = BUILTINS[alt];
          if (!b) throw new Error(`entities.json: unknown date test ${alt}`);
          tests.push(b);
        } else literals.add(alt.toLowerCase());
      }
      const test: Test = (k) => {
        if (literals.has(T[k].lower)) return true;
        for (let f = 0; f < tests.length; f++) if (tests[f](k)) return true;
        return false;
      };
      return { test, optional, body };
    });
    // Index by possible first words; an optional first element indexes the pattern under both.
    const pattern: Pattern = { els: els.map(({ test, optional }) => ({ test, optional })) };
    const firstKeys = (el: (typeof els)[number], into: Set<string>): boolean => {
      let numeric = false;
      for (const alt of el.body.split('|')) {
        if (alt.startsWith('@')) for (const w of DATE_CLASSES.get(alt.slice(1))!.words) into.add(w);
        else if (alt === '#numword') for (const w of Q.numberWords) into.add(entryTokens(w)[0].toLowerCase());
        else if (alt.startsWith('#')) numeric = true;
        else into.add(alt.toLowerCase());
      }
      return numeric;
    };
    const keys = new Set<string>();
    let numeric = false;
    for (const el of els) {
      numeric = firstKeys(el, keys) || numeric;
      if (!el.optional) break;
    }
    for (const k of keys) {
      let list = DATE_INDEX.get(k);
      if (!list) DATE_INDEX.set(k, (list = []));
      list.push(pattern);
    }
    if (numeric) DATE_NUMERIC.push(pattern);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The document being read (module state keeps the hot loop free of closures and allocation).

let T: Token[] = [];
let N = 0;
/** Per token: FIRST_BITS of its lower-cased form. */
let FB = new Int32Array(0);
/** Per token, and 0 for PAD entries past the end: F_LIVE (not white space), F_CAP (isCapTok). */
let FLAGS = new Uint8Array(0);
const F_LIVE = 1;
const F_CAP = 2;
/** Entries past the last token, so that a look a few tokens ahead reads 0 (a read further out gives undefined: also 0 as a flag). */
const PAD = 16;
/** Per token, filled in on first use: 0 not yet known, 1 false, 2 true (for capWord and nameTok). */
let CAP = new Uint8Array(0);
let NAME = new Uint8Array(0);
/** Last names of persons found so far in this document: a later bare "Ostrova" is the same person. */
let seenSurnames = new Set<string>();
/** The last entity emitted: its type and the token after it (for "near Bakhmut and Soledar"). */
let lastType: EntityType | null = null;
let lastEndTok = -1;

compileDates();

/** Lower-case words that can start some entity; any other lower-case, non-numeric token is skipped at once. */
const LOWER_STARTS = new Set<string>([
  ...DATE_INDEX.keys(),
  ...QUANT_PREFIX.firstWords(),
  ...CURRENCY,
  ...NUMBER_WORDS.firstWords(),
  ...UNIT_PHRASE_MODIFIERS,
  ...ORG_LOWER_TOPICS.firstWords(),
]);

function firstBits(k: number): number {
  return FB[k];
}

/** Lower-case words that can start a quantity (a prefix, a currency, a number word); digits can too. */
const B_QUANT_START = wordBit([...QUANT_PREFIX.firstWords(), ...CURRENCY, ...NUMBER_WORDS.firstWords()]);
const B_LOWER_START = wordBit(LOWER_STARTS);
const B_DATE_START = wordBit(DATE_INDEX.keys());
const B_DEMONYM = wordBit(DEMONYMS);
const B_STOP_CAP = wordBit(STOP_CAPS);
const B_NOT_NAME = wordBit(NOT_NAME);
const B_UNIT_PHRASE_MODIFIER = wordBit(UNIT_PHRASE_MODIFIERS);

function isCapTok(t: Token): boolean {
  const c = t.value.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = t.value[0];
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** isCapTok(T[k]), read from the per-token flags (false past the end). */
function capAt(k: number): boolean {
  return (FLAGS[k] & F_CAP) !== 0;
}

/** Digits with thousands separators and decimals ("10,000", "3.5"), or a range in one token ("5-7"). */
function isNumeric(v: string): boolean {
  const c = v.charCodeAt(0);
  if (c < 48 || c > 57) return false;
  let dash = false;
  for (let k = 1; k < v.length; k++) {
    const d = v.charCodeAt(k);
    if (d >= 48 && d <= 57) continue;
    if (d === 44 || d === 46) continue;
    if ((d === 45 || d === 8211) && !dash && k + 1 < v.length) {
      dash = true;
      continue;
    }
    return false;
  }
  return true;
}

function isYear(v: string): boolean {
  if (v.length !== 4 || !isNumeric(v)) return false;
  const y = +v;
  return y >= 1900 && y <= 2099;
}

/** A token that is not white space (false past the end). */
function live(k: number): boolean {
  return (FLAGS[k] & F_LIVE) !== 0;
}

function sentenceInitial(k: number): boolean {
  if (k === 0 || T[k].newline) return true;
  if (T[k - 1].sent !== T[k].sent) return true;
  // After an opening quote or bracket that opens the sentence.
  const p = T[k - 1];
  return (p.pos === 'PUNCT' || p.pos === 'SYM') && (k === 1 || T[k - 2].sent !== T[k].sent);
}

/** A capitalised word that can be part of a proper name. */
function capWord(k: number): boolean {
  if (!live(k)) return false;
  const memo = CAP[k];
  if (memo !== 0) return memo === 2;
  const yes = capWordAt(k);
  CAP[k] = yes ? 2 : 1;
  return yes;
}

function capWordAt(k: number): boolean {
  const t = T[k];
  if (!capAt(k) || (firstBits(k) & B_STOP_CAP) !== 0) return false;
  // Sentence-initial ordinary words ("Residents", "Local") are capitalised too: trust wink's PROPN there.
  if (sentenceInitial(k) && t.pos !== 'PROPN') return false;
  return true;
}

function nameTok(k: number): boolean {
  if (!capWord(k)) return false;
  const memo = NAME[k];
  if (memo !== 0) return memo === 2;
  const yes = nameTokAt(k);
  NAME[k] = yes ? 2 : 1;
  return yes;
}

/** nameTok for a token that is a capWord. */
function nameTokAt(k: number): boolean {
  const t = T[k];
  if ((firstBits(k) & B_NOT_NAME) !== 0) return false;
  if (isAllCaps(t.value) && t.value.length <= 5) return false; // acronyms: NATO, TASS
  return LETTER_START.test(t.value);
}

/** End of a run of 1..max name tokens from k (particles and hyphens inside), or k when none. */
function nameRun(k: number, max: number): number {
  let j = k;
  let count = 0;
  while (count < max) {
    if (nameTok(j)) {
      j++;
      count++;
      continue;
    }
    if (count > 0 && live(j) && (NAME_PARTICLES.has(T[j].lower) || T[j].value === '-')) {
      // "von der Leyen", "al-Assad": only when a name token follows.
      let m = j;
      while (live(m) && (NAME_PARTICLES.has(T[m].lower) || T[m].value === '-') && m - j < 3) m++;
      if (m > j && nameTok(m)) {
        j = m;
        continue;
      }
    }
    break;
  }
  return j;
}

// ---------------------------------------------------------------------------------------------------------
// Matchers: each returns the end (exclusive token index) of its longest match at i, or -1.

let knownHit = false;

function matchDate(i: number): number {
  const t = T[i];
  let best = -1;
  const byWord = (firstBits(i) & B_DATE_START) !== 0 ? DATE_INDEX.get(t.lower) : undefined;
  if (byWord) for (const p of byWord) best = Math.max(best, matchPattern(p, 0, i));
  const c = t.value.charCodeAt(0);
  if (c >= 48 && c <= 57) for (const p of DATE_NUMERIC) best = Math.max(best, matchPattern(p, 0, i));
  return best;
}

function matchPattern(p: Pattern, el: number, k: number): number {
  if (el === p.els.length) return k;
  const { test, optional } = p.els[el];
  let best = -1;
  if (live(k) && test(k)) best = matchPattern(p, el + 1, k + 1);
  if (optional) {
    const skip = matchPattern(p, el + 1, k);
    if (skip > best) best = skip;
  }
  // A pattern that ends on optional elements only must still have consumed something.
  return best;
}

/** End of a number ("3.5 million", "thirty-five", "10,000", "a few hundred") at k, or -1. */
function numberCore(k: number, money: boolean): number {
  let j = k;
  let got = false;
  for (;;) {
    if (!live(j)) break;
    const v = T[j].value;
    if (!got && isNumeric(v)) {
      j++;
      got = true;
      continue;
    }
    const w = NUMBER_WORDS.longest(j, 'any');
    if (w > j && (!got || !isNumeric(T[j - 1].value) || SCALES.has(T[j].lower))) {
      j = w;
      got = true;
      continue;
    }
    if (got && v === '-' && NUMBER_WORDS.longest(j + 1, 'any') > j + 1 && !isNumeric(T[j - 1].value)) {
      j++;
      continue;
    }
    if (got && SCALES.has(T[j].lower) && (money || T[j].lower.length > 1)) {
      j++;
      continue;
    }
    break;
  }
  return got ? j : -1;
}

function matchQuantity(i: number): number {
  // Every quantity starts on a digit or on a word of QUANT_STARTS.
  const c = T[i].value.charCodeAt(0);
  if (!(c >= 48 && c <= 57) && (firstBits(i) & B_QUANT_START) === 0) return -1;
  let k = i;
  const pre = QUANT_PREFIX.longest(i, 'any');
  if (pre > i && live(pre)) {
    const v = T[pre];
    if (CURRENCY.has(v.lower) || isNumeric(v.value) || NUMBER_WORDS.longest(pre, 'any') > pre) k = pre;
    else return -1;
  }
  let money = false;
  if (live(k) && CURRENCY.has(T[k].lower)) {
    money = true;
    k++;
  }
  const coreStart = k;
  if (live(k) && ISO_DATE.test(T[k].value)) return -1;
  let e = numberCore(k, money);
  if (e < 0) return -1;
  const coreEnd = e;
  const spelledOnly = !isNumeric(T[coreStart].value);
  const pluralScale = PLURAL_SCALES.has(T[e - 1].lower) || T[e - 1].lower === 'dozen';
  // Range: "10 to 15 km", "$3-$5", "between 100 and 200".
  const link = live(e) ? T[e].lower : '';
  if (RANGE_LINKS.has(link) && (link !== 'and' || (pre > i && T[i].lower === 'between'))) {
    let s = e + 1;
    if (live(s) && CURRENCY.has(T[s].lower)) s++;
    const e2 = live(s) ? numberCore(s, money) : -1;
    if (e2 > 0 && !(isYear(T[coreStart].value) && isYear(T[s].value))) e = e2;
  }
  // Unit: "3 km", "12%", "30-km", "40 billion euros".
  let u = QUANT_UNITS.longest(e, 'any');
  if (u < 0 && live(e) && T[e].value === '-') u = QUANT_UNITS.longest(e + 1, 'any');
  if (u > 0) return u;
  if (money) return e;
  // Counted noun: "200 soldiers", "12 main battle tanks", "dozens of tanks".
  let j = e;
  if (live(j) && T[j].lower === 'of' && pluralScale) j++;
  let mods = 0;
  while (live(j) && mods < 3) {
    const t = T[j];
    if (t.pos === 'NOUN' && !capAt(j) && !NOT_COUNTED.has(t.lower)) {
      let end = j + 1;
      // One more noun for compounds: "tank crews", "power stations".
      if (live(end) && T[end].pos === 'NOUN' && !capAt(end) && !NOT_COUNTED.has(T[end].lower)) end++;
      return end;
    }
    if (NOUN_MODIFIERS.has(t.lower) || (t.pos === 'ADJ' && !capAt(j)) || t.value === '-') {
      j++;
      mods++;
      continue;
    }
    break;
  }
  // A bare figure: digits or money; a bare year is a date; "one", "two" alone are not figures.
  if (money) return e;
  if (e === coreEnd && e - coreStart === 1 && isYear(T[coreStart].value)) return -1;
  if (spelledOnly && !pluralScale) return -1;
  if (spelledOnly && T[e - 1].lower === 'dozen') return -1;
  return e;
}

function matchUnit(i: number): number {
  const t = T[i];
  const c0 = t.value.charCodeAt(0);
  const digit = c0 >= 48 && c0 <= 57;
  // Every unit starts on a capital, a digit (ordinals), a quote or a lower-case formation modifier.
  if (!digit && !capAt(i) && !QUOTES.has(t.value) && (firstBits(i) & B_UNIT_PHRASE_MODIFIER) === 0) return -1;
  let best = -1;
  const known = UNIT_KNOWN.longest(i, 'name');
  if (known > i) {
    best = known;
    knownHit = true;
  }
  // Ordinal formations: "93rd Mechanized Brigade", "1st Guards Tank Army", "2nd Army Corps".
  if ((digit && ORDINAL.test(t.value)) || (SPELLED_ORDINALS.has(t.lower) && capAt(i))) {
    let lastHead = -1;
    for (let j = i + 1; j < i + 8 && live(j); ) {
      const h = UNIT_HEADS.longest(j, 'any');
      const hc = UNIT_CAP_HEADS.longest(j, 'any');
      const he = Math.max(h, hc);
      if (he > j) {
        lastHead = he;
        j = he;
        continue;
      }
      if (capWord(j) || UNIT_MODIFIERS.has(T[j].lower)) {
        j++;
        continue;
      }
      break;
    }
    if (lastHead > best) {
      best = lastHead;
      knownHit = false;
    }
  }
  // Named formations: "Central Military District", "Azov regiment", "'East' group of forces".
  let n0 = i;
  let quoted = false;
  if (QUOTES.has(t.value) && live(i + 1)) {
    n0 = i + 1;
    quoted = true;
  }
  if (unitNameWord(n0, quoted)) {
    let j = n0;
    let allDemonyms = true;
    let allPlaces = true;
    while (j < n0 + 4 && unitNameWord(j, quoted)) {
      if (UNIT_CAP_HEADS.longest(j, 'any') > j && j > n0) break;
      if ((firstBits(j) & B_DEMONYM) === 0) allDemonyms = false;
      if (GAZETTEER.longest(j, 'any') !== j + 1) allPlaces = false;
      j++;
    }
    if (quoted) {
      if (!live(j) || !QUOTES.has(T[j].value)) return best;
      j++;
    }
    if (j > n0 && !allDemonyms) {
      const capHead = live(j) && capAt(j) ? UNIT_CAP_HEADS.longest(j, 'any') : -1;
      const lowHead = UNIT_NAMED_HEADS_LOWER.longest(j, 'any');
      let e = Math.max(capHead, allPlaces ? -1 : lowHead);
      if (quoted && lowHead > e) e = lowHead;
      if (e > best) {
        best = e;
        knownHit = false;
      }
    }
  }
  // Lower-case formation phrases: "motorized rifle units", "airborne troops".
  if (UNIT_PHRASE_MODIFIERS.has(t.lower) && (!capAt(i) || sentenceInitial(i))) {
    let j = i;
    let strong = false;
    while (j < i + 4 && live(j) && UNIT_PHRASE_MODIFIERS.has(T[j].lower) && (j === i || !capAt(j))) {
      if (!UNIT_PHRASE_WEAK.has(T[j].lower)) strong = true;
      j++;
      if (strong && live(j) && UNIT_PHRASE_HEADS.has(T[j].lower) && !capAt(j)) {
        // Prefer the longest head chain: "special forces units".
        let e = j + 1;
        while (live(e) && UNIT_PHRASE_HEADS.has(T[e].lower) && !capAt(e) && e < j + 3) e++;
        if (e > best) {
          best = e;
          knownHit = false;
        }
      }
    }
  }
  return best;
}

function unitNameWord(k: number, quoted: boolean): boolean {
  return quoted ? live(k) && capAt(k) : capWord(k);
}

function orgTailWord(m: number): boolean {
  return live(m) && capAt(m) && LETTER_START.test(T[m].value);
}

function matchOrganization(i: number): number {
  let best = -1;
  const known = ORG_KNOWN.longest(i, 'name');
  if (known > i) {
    best = known;
    knownHit = true;
  }
  // Head words: "Russian Ministry of Defense", "Defense Ministry", "State Emergency Service".
  if (capWord(i)) {
    let j = i;
    let lastHead = -1;
    let headIsWeak = false;
    let mods = 0;
    let nonDemonymMods = 0;
    while (j < i + 6 && live(j)) {
      const h = capAt(j) ? ORG_HEADS.longest(j, 'any') : -1;
      if (h > j) {
        lastHead = h;
        headIsWeak = h === j + 1 && ORG_WEAK_HEADS.has(T[j].lower);
        j = h;
        continue;
      }
      if (capWord(j) && T[j].lower !== "'s") {
        if (lastHead > 0) break; // a name after a head word starts something else
        mods++;
        if (!DEMONYMS.has(T[j].lower)) nonDemonymMods++;
        j++;
        continue;
      }
      if (T[j].value === '-' && capWord(j + 1)) {
        j++;
        continue;
      }
      break;
    }
    if (lastHead > 0) {
      let e = lastHead;
      // Tail: "of Defense", "for the Study of War", "of Ukraine".
      let tail = -1;
      if (live(e) && ORG_TAIL_LINKS.has(T[e].lower)) {
        let k = e + 1;
        if (live(k) && T[k].lower === 'the') k++;
        if (capWord(k)) {
          while (orgTailWord(k)) {
            k++;
            if (live(k) && ORG_TAIL_INNER.has(T[k].lower)) {
              // "of the", "for the", "and", "&": never "and the", never onto a nationality ("and the Russian").
              let m = k + 1;
              if (T[k].lower !== 'and' && T[k].lower !== '&' && live(m) && T[m].lower === 'the') m++;
              if (orgTailWord(m) && !DEMONYMS.has(T[m].lower)) k = m;
            }
          }
          tail = k;
        }
      }
      const headOnly = mods === 0;
      const ok = tail > 0 || (!headOnly && (!headIsWeak || nonDemonymMods > 0));
      if (ok) {
        e = tail > 0 ? tail : e;
        if (e > best) {
          best = e;
          knownHit = false;
        }
      }
    }
  }
  // Lower case: "the defence ministry", "Russian defence ministry".
  let k = i;
  if ((firstBits(i) & B_DEMONYM) !== 0 && capAt(i)) k = i + 1;
  const topic = ORG_LOWER_TOPICS.longest(k, 'any');
  if (topic > k && live(topic) && ORG_LOWER_HEADS.has(T[topic].lower) && (k > i || !capAt(i) || sentenceInitial(i))) {
    if (topic + 1 > best) {
      best = topic + 1;
      knownHit = false;
    }
  }
  return best;
}

function matchPerson(i: number): number {
  const t = T[i];
  let best = -1;
  const known = PERSON_KNOWN.longest(i, 'name');
  if (known > i) {
    best = nameRun(known, 1) > known && known - i === 1 ? -1 : known;
    if (best > 0) knownHit = true;
  }
  if (seenSurnames.has(t.lower) && nameTok(i) && i + 1 > best) {
    best = i + 1;
    knownHit = true;
  }
  // Titles: "President Zelensky", "Gen. Valery Gerasimov", "Deputy Prime Minister Iryna Vereshchuk".
  if (capAt(i)) {
    let k = i;
    for (;;) {
      const e = TITLES.longest(k, 'any');
      if (e <= k) break;
      let capped = true;
      for (let m = k; m < e; m++) if (!capAt(m) && T[m].value !== '-' && T[m].lower !== 'of') capped = false;
      if (!capped) break;
      k = e;
    }
    if (k > i) {
      const e = nameRun(k, 3);
      if (e > k && e > best) {
        best = e;
        knownHit = false;
      }
    }
  }
  if (!nameTok(i)) return best;
  // First name + surname: "Maria Ostrova".
  if (FIRST_NAMES.has(t.lower)) {
    const e = nameRun(i, 3);
    if (e > i + 1 && e > best) {
      best = e;
      knownHit = false;
    } else if (e === i + 1 && live(e) && SPEECH_VERBS.has(T[e].lower) && e > best) {
      best = e;
      knownHit = false;
    }
  }
  // After a role noun: "spokesman Dmitry Peskov", "commander Ivan Petrov".
  const prev = i > 0 ? T[i - 1] : undefined;
  if (prev && ROLES.has(prev.lower) && !capAt(i - 1) && GAZETTEER.longest(i, 'name') < 0 && ORG_KNOWN.longest(i, 'name') < 0) {
    const e = nameRun(i, 3);
    if (e > i && t.pos === 'PROPN' && e > best) {
      best = e;
      knownHit = false;
    }
  }
  // Two or three name words before a speech verb: "Olha Marchenko said".
  if (!sentenceInitial(i) || t.pos === 'PROPN') {
    const e = nameRun(i, 3);
    if (e >= i + 2 && live(e) && SPEECH_VERBS.has(T[e].lower) && e > best) {
      let plain = true;
      for (let k = i; k < e; k++) if (T[k].pos !== 'PROPN' || GAZETTEER.longest(k, 'any') > k) plain = false;
      if (plain) {
        best = e;
        knownHit = false;
      }
    }
  }
  return best;
}

/** End of a run of capitalised place-name words (1..3, hyphens inside), or k. */
function placeRun(k: number): number {
  let j = k;
  let count = 0;
  while (count < 3) {
    if (capWord(j) && !NOT_NAME.has(T[j].lower) && LETTER_START.test(T[j].value)) {
      j++;
      count++;
      continue;
    }
    if (count > 0 && live(j) && T[j].value === '-' && capWord(j + 1)) {
      j++;
      continue;
    }
    break;
  }
  return j;
}

function withPlaceSuffix(e: number): number {
  const s = PLACE_SUFFIXES.longest(e, 'any');
  const f = FACILITY_SUFFIXES.longest(e, 'any');
  return Math.max(e, s, f);
}

function matchPlace(i: number): number {
  const t = T[i];
  if (!capAt(i)) return -1;
  let best = -1;
  const g = GAZETTEER.longest(i, 'name');
  if (g > i) {
    best = withPlaceSuffix(g);
    knownHit = true;
  }
  const run = placeRun(i);
  if (run === i) return best;
  // Name + place word: "Kupiansk direction", "Azovstal steel plant", "Donetsk People's Republic".
  const suffixed = withPlaceSuffix(run);
  if (suffixed > run && ORG_KNOWN.longest(i, 'name') < 0 && suffixed > best) {
    best = suffixed;
    knownHit = false;
  }
  // Context: "near X", "the town of X", "Bakhmut and X".
  let p = i - 1;
  if (p >= 0 && QUOTES.has(T[p].value)) p--;
  if (p >= 0 && T[p].lower === 'the') p--;
  if (p < 0) return best;
  const prep = T[p];
  let context = false;
  if (prep.lower === 'of' && p > 0 && PRE_OF_NOUNS.has(T[p - 1].lower)) context = true;
  else if (PLACE_PREPS.has(prep.lower) && !capAt(p)) {
    if (!WEAK_PREPS.has(prep.lower)) context = true;
    else {
      // "to X", "from X", "at X": a proper noun that does not speak and is not a first name.
      context = !FIRST_NAMES.has(t.lower) && !(live(run) && SPEECH_VERBS.has(T[run].lower));
      for (let k = i; k < run; k++) if (T[k].pos !== 'PROPN') context = false;
    }
  } else if ((prep.lower === 'and' || prep.lower === 'or' || prep.value === ',') && lastType === 'place' && lastEndTok === p) {
    context = true;
  }
  if (context) {
    const e = withPlaceSuffix(run);
    if (e > best) {
      best = e;
      knownHit = false;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------

// Matchers in tie order: date > quantity > unit > organization > person > place.
const ORDER: EntityType[] = ['date', 'quantity', 'unit', 'organization', 'person', 'place'];

/** Runs matcher number m of ORDER at i (a switch, not a table of closures, keeps the call direct). */
function runMatcher(m: number, i: number): number {
  switch (m) {
    case 0:
      return matchDate(i);
    case 1:
      return matchQuantity(i);
    case 2:
      return matchUnit(i);
    case 3:
      return matchOrganization(i);
    case 4:
      return matchPerson(i);
    default:
      return matchPlace(i);
  }
}

/** All entities in the document: sorted by start, non-overlapping, spans exact. */
export function findEntities(doc: Doc): Entity[] {
  T = doc.tokens;
  N = T.length;
  FB = new Int32Array(N + PAD);
  FLAGS = new Uint8Array(N + PAD);
  for (let k = 0; k < N; k++) {
    const t = T[k];
    FB[k] = FIRST_BITS.get(t.lower) ?? 0;
    FLAGS[k] = (t.pos !== 'SPACE' ? F_LIVE : 0) | (isCapTok(t) ? F_CAP : 0);
  }
  CAP = new Uint8Array(N);
  NAME = new Uint8Array(N);
  seenSurnames = new Set();
  lastType = null;
  lastEndTok = -1;
  const out: Entity[] = [];
  const text = doc.text;
  try {
    let i = 0;
    while (i < N) i = entityAt(i, out, text);
  } finally {
    T = [];
    N = 0;
    FB = new Int32Array(0);
    FLAGS = new Uint8Array(0);
    CAP = new Uint8Array(0);
    NAME = new Uint8Array(0);
  }
  return out;
}

/**
 * The entity starting at token i, if any, pushed onto out; returns the token to go on from. (The loop body of
 * findEntities, kept apart so the engine optimises it once, not once inside the loop and again as a whole.)
 */
function entityAt(i: number, out: Entity[], text: string): number {
  const t = T[i];
  if (t.pos === 'SPACE' || ((t.pos === 'PUNCT' || t.pos === 'SYM') && !QUOTES.has(t.value) && !CURRENCY.has(t.lower))) return i + 1;
  const c = t.value.charCodeAt(0);
  if (c >= 97 && c <= 122 && (firstBits(i) & B_LOWER_START) === 0) return i + 1;
  let bestEnd = -1;
  let bestScore = 0;
  let bestType: EntityType | null = null;
  for (let m = 0; m < ORDER.length; m++) {
    knownHit = false;
    const e = runMatcher(m, i);
    if (e <= i) continue;
    const score = (e - i) * 2 + (knownHit ? 1 : 0);
    if (score > bestScore) {
      bestScore = score;
      bestEnd = e;
      bestType = ORDER[m];
    }
  }
  if (!bestType) return i + 1;
  // Trailing punctuation never ends an entity ("Sept. 11," keeps its comma out).
  let end = bestEnd;
  while (end > i + 1 && (T[end - 1].pos === 'PUNCT' || T[end - 1].pos === 'SPACE') && !QUOTES.has(T[end - 1].value)) end--;
  const start = T[i].start;
  const stop = T[end - 1].end;
  out.push({ type: bestType, text: text.slice(start, stop), span: { start, end: stop } });
  if (bestType === 'person') {
    const last = T[end - 1];
    if (nameTok(end - 1)) seenSurnames.add(last.lower);
  }
  lastType = bestType;
  lastEndTok = end;
  return end;
}
