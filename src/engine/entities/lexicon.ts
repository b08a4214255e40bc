// The entity word lists, loaded once from src/lexicon/entities.json and turned into Sets and token tries
// (multi-token phrases matched against the document being read), plus the fixed patterns the matchers share.
// Each trie and hot word set has a bit in FIRST_BITS (./document.ts), so one lookup per token answers all.
import { readFileSync } from 'node:fs';
import { T, N, firstBits, capAt, wordBit } from './document.ts';

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

export const LEX = JSON.parse(readFileSync(new URL('../../lexicon/entities.json', import.meta.url), 'utf8')) as Lexicon;

/** Splits a lexicon entry the way wink-nlp tokenises: spaces, '-' as its own token, a trailing 's apart. */
export function entryTokens(entry: string): string[] {
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

interface TrieNode {
  next?: Map<string, TrieNode>;
  /** The entry as written (its casing decides how it must appear in the text). */
  entry?: string[];
}

/** Multi-token phrases keyed on lower-cased tokens. */
export class Trie {
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

export function isAllCaps(s: string): boolean {
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

export const lower = (xs: string[]) => xs.map((x) => x.toLowerCase());
export const set = (xs: string[]) => new Set(lower(xs));

export const STOP_CAPS = set(LEX.stopCaps);
export const DEMONYMS = set(LEX.demonyms);
export const MONTHS = set(LEX.months);
export const AMBIGUOUS_MONTHS = set(LEX.ambiguousMonths);
export const MONTH_CONTEXT = set(LEX.monthContext);
export const WEEKDAYS = set(LEX.weekdays);

export const Q = LEX.quantity;
export const QUANT_PREFIX = new Trie(Q.prefixes);
export const CURRENCY = set(Q.currency);
export const NUMBER_WORDS = new Trie(Q.numberWords);
export const SCALES = set(Q.scales);
export const PLURAL_SCALES = set(Q.pluralScales);
export const RANGE_LINKS = set(Q.rangeLinks);
export const QUANT_UNITS = new Trie(Q.units);
export const NOUN_MODIFIERS = set(Q.nounModifiers);
export const NOT_COUNTED = set(Q.notCounted);

export const U = LEX.units;
export const UNIT_KNOWN = new Trie(U.known);
export const UNIT_HEADS = new Trie(U.heads);
export const UNIT_CAP_HEADS = new Trie(U.capHeads);
export const UNIT_NAMED_HEADS_LOWER = new Trie(U.namedHeadsLower);
export const UNIT_MODIFIERS = set(U.modifiers);
export const UNIT_PHRASE_HEADS = set(U.lowerPhraseHeads);
export const UNIT_PHRASE_MODIFIERS = set(U.lowerPhraseModifiers);
export const UNIT_PHRASE_WEAK = set(U.lowerPhraseWeak);

export const O = LEX.organizations;
export const ORG_KNOWN = new Trie(O.known);
export const ORG_HEADS = new Trie(O.heads);
export const ORG_WEAK_HEADS = set(O.weakHeads);
export const ORG_TAIL_LINKS = set(O.tailLinks);
export const ORG_TAIL_INNER = set(O.tailInner);
export const ORG_LOWER_TOPICS = new Trie(O.lowerTopics);
export const ORG_LOWER_HEADS = set(O.lowerHeads);

export const P = LEX.persons;
export const TITLES = new Trie(P.titles);
export const ROLES = set(P.roles);
export const SPEECH_VERBS = set(P.speechVerbs);
export const PERSON_KNOWN = new Trie(P.known);
export const FIRST_NAMES = set(P.firstNames);
export const NAME_PARTICLES = set(P.nameParticles);

export const PL = LEX.places;
export const GAZETTEER = new Trie(PL.gazetteer);
export const PLACE_SUFFIXES = new Trie(PL.suffixes);
export const FACILITY_SUFFIXES = new Trie(PL.facilitySuffixes);
export const PLACE_PREPS = set(PL.prepositions);
export const PRE_OF_NOUNS = set(PL.preOfNouns);
export const WEAK_PREPS = set(PL.weakPrepositions);

/** Single words that never start or continue a name: head words, suffixes, calendar words. */
export const NOT_NAME = new Set<string>([
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

export const QUOTES = new Set(["'", '"', '‘', '’', '“', '”', '«', '»']);
export const ORDINAL = /^\d+(?:st|nd|rd|th)$/i;
export const SPELLED_ORDINALS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth']);
export const ISO_DATE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|(?:19|20)\d\d[-–](?:19|20)?\d\d)$/;
export const DECADE = /^(?:1[89]|20)\d0s$/;
export const LETTER_START = /^\p{L}/u;
export const DAY_ORD = /^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$/i;

/** Demonyms ("Russian", "Ukrainian"): units and organisations look them up per token. */
export const B_DEMONYM = wordBit(DEMONYMS);
