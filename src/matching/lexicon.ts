// The matcher's word lists (src/lexicon/matching.json), loaded once and turned into phrase tables.
import { readFileSync } from 'node:fs';

interface MatchingFile {
  events: { classes: { name: string; phrases: string[] }[]; opposes: [string, string][] };
  negation: { window: number; words: string[]; denialWords: string[] };
  figures: {
    objects: Record<string, string[]>;
    general: Record<string, string[]>;
    kinds: Record<string, Record<string, string[]>>;
    partOf: string[];
    qualifiers: { min: string[]; max: string[]; approx: string[] };
    approxShare: number;
    words: Record<string, number>;
    scales: Record<string, number>;
    vague: Record<string, [number, number]>;
    notCounted: string[];
  };
  places: { variants: string[][]; broad: string[]; notPlace: string[]; generic: string[] };
  words: { stop: string[] };
}

const FILE = JSON.parse(readFileSync(new URL('../lexicon/matching.json', import.meta.url), 'utf8')) as MatchingFile;

/** Phrases (word sequences) mapped to a value; a word ending in * matches any word it starts (at least 3 letters). */
export class PhraseTable<V> {
  readonly #byFirst = new Map<string, { words: string[]; value: V }[]>();
  /** Entries whose first word is a prefix, by its first three letters. */
  readonly #byPrefix = new Map<string, { words: string[]; value: V }[]>();

  add(phrase: string, value: V): void {
    const words = phrase.split(' ').filter(Boolean);
    const entry = { words, value };
    const prefix = words[0].endsWith('*');
    if (prefix && words[0].length < 4) throw new Error(`matching lexicon: prefix "${words[0]}" is shorter than 3 letters`);
    const map = prefix ? this.#byPrefix : this.#byFirst;
    const k = prefix ? words[0].slice(0, 3) : words[0];
    const list = map.get(k) ?? [];
    list.push(entry);
    list.sort((a, b) => b.words.length - a.words.length);
    map.set(k, list);
  }

  /** Some phrase, a prefix one too, may start with this word (at() finds nothing at a word for which this is false). */
  mayStart(word: string): boolean {
    if (this.#byFirst.has(word)) return true;
    const prefixed = word.length >= 3 ? this.#byPrefix.get(word.slice(0, 3)) : undefined;
    return prefixed !== undefined && prefixed.some((e) => word.startsWith(e.words[0].slice(0, -1)));
  }

  /** Some phrase (not a prefix one) starts with this word. */
  starts(word: string): boolean {
    return this.#byFirst.has(word);
  }

  /** The longest phrase starting at words[i]: its value and length in words, or null. (No closures: a hot path.) */
  at(words: readonly string[], i: number): { value: V; length: number } | null {
    const first = words[i];
    if (first === undefined) return null;
    let best: { words: string[]; value: V } | null = null;
    const exact = this.#byFirst.get(first);
    if (exact) for (const e of exact) if ((!best || e.words.length > best.words.length) && matches(e.words, words, i)) best = e;
    const prefixed = first.length >= 3 ? this.#byPrefix.get(first.slice(0, 3)) : undefined;
    if (prefixed) for (const e of prefixed) if ((!best || e.words.length > best.words.length) && matches(e.words, words, i)) best = e;
    return best ? { value: best.value, length: best.words.length } : null;
  }
}

/** The phrase's words (a final * a prefix) stand at words[i…]. */
function matches(phrase: readonly string[], words: readonly string[], i: number): boolean {
  for (let k = 0; k < phrase.length; k++) {
    const w = words[i + k];
    const p = phrase[k];
    if (w === undefined) return false;
    if (p.charCodeAt(p.length - 1) === 42 /* * */ ? !w.startsWith(p.slice(0, -1)) : w !== p) return false;
  }
  return true;
}

function table<V>(entries: Iterable<[string, V]>): PhraseTable<V> {
  const t = new PhraseTable<V>();
  for (const [p, v] of entries) t.add(p, v);
  return t;
}

/** Event classes in priority order (index 0 first). */
export const EVENT_NAMES = FILE.events.classes.map((c) => c.name);
export const EVENTS = table(FILE.events.classes.flatMap((c, rank) => c.phrases.map((p): [string, number] => [p, rank])));
const opposed = new Set(FILE.events.opposes.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
export const opposes = (a: string, b: string): boolean => opposed.has(`${a}|${b}`);
/** The classes opposite to one (capture: hold). */
export const opposites = (a: string): string[] => FILE.events.opposes.flatMap(([x, y]) => (x === a ? [y] : y === a ? [x] : []));

export const NEGATION_WINDOW = FILE.negation.window;
export const NEGATIONS = table(FILE.negation.words.map((w): [string, true] => [w, true]));
export const DENIALS = table(FILE.negation.denialWords.map((w): [string, true] => [w, true]));

export const OBJECTS = table(Object.entries(FILE.figures.objects).flatMap(([cls, ws]) => ws.map((w): [string, string] => [w, cls])));
/** A specific class → its general class (civilians → people). */
const generalOf = new Map(Object.entries(FILE.figures.general).flatMap(([g, cs]) => cs.map((c): [string, string] => [c, g])));
/** Two counted things that may be compared: the same class (or one unknown), or a general class and one it covers ("people" and "civilians"); two classes a general one covers are different things ("civilians", "troops"). */
export const objectsComparable = (a: string | null, b: string | null): boolean =>
  a === null || b === null || a === b || generalOf.get(b) === a || generalOf.get(a) === b;
/** Words that say which one of a set is counted ("Ukrainian", "cruise") → "set:value". */
export const KINDS = table(
  Object.entries(FILE.figures.kinds).flatMap(([set, values]) =>
    Object.entries(values).flatMap(([value, ps]) => ps.map((p): [string, string] => [p, `${set}:${value}`])),
  ),
);
/** Words that make the figure after them a part of a total ("including"). */
export const PART_OF = table(FILE.figures.partOf.map((p): [string, true] => [p, true]));

export type QualifierKind = 'min' | 'max' | 'approx';
export const QUALIFIERS = table(
  (Object.entries(FILE.figures.qualifiers) as [QualifierKind, string[]][]).flatMap(([kind, ps]) => ps.map((p): [string, QualifierKind] => [p, kind])),
);
export const APPROX_SHARE = FILE.figures.approxShare;
export const NUMBER_WORDS = table(Object.entries(FILE.figures.words));
export const NUMBER_WORD_LIST = Object.keys(FILE.figures.words);
export const VAGUE_LIST = Object.keys(FILE.figures.vague);
export const SCALES = new Map(Object.entries(FILE.figures.scales));
export const VAGUE = table(Object.entries(FILE.figures.vague));
export const NOT_COUNTED = new Set(FILE.figures.notCounted);

/** A place spelling → the key of its set of spellings. */
export const PLACE_VARIANTS = new Map(FILE.places.variants.flatMap((set) => set.map((v): [string, string] => [v, set[0]])));
export const BROAD_PLACES = new Set(FILE.places.broad);
export const NOT_PLACE = new Set(FILE.places.notPlace);
export const PLACE_GENERIC = new Set(FILE.places.generic);

export const STOP_WORDS = new Set(FILE.words.stop);
