// The matcher's word lists (src/lexicon/matching.json, numbers from src/lexicon/numbers.json), loaded once and
// turned into phrase tables.
import { readFileSync } from 'node:fs';
import { table } from '../phrase-table.ts';

// The number lists are shared with the summary's figures (src/lexicon/numbers.json).
export { APPROX_SHARE, NUMBER_WORDS, NUMBER_WORD_LIST, QUALIFIERS, SCALES, VAGUE, VAGUE_LIST, type QualifierKind } from '../numbers.ts';

interface MatchingFile {
  events: { classes: { name: string; phrases: string[] }[]; ownSide: string[]; ownVoice: string[]; opposes: [string, string][] };
  negation: { window: number; words: string[]; denialWords: string[] };
  figures: {
    objects: Record<string, string[]>;
    general: Record<string, string[]>;
    kinds: Record<string, Record<string, string[]>>;
    partOf: string[];
    notCounted: string[];
  };
  places: { variants: string[][]; broad: string[]; notPlace: string[]; generic: string[] };
  words: { stop: string[] };
}

const FILE = JSON.parse(readFileSync(new URL('../lexicon/matching.json', import.meta.url), 'utf8')) as MatchingFile;

/** Event classes in priority order (index 0 first). */
export const EVENT_NAMES = FILE.events.classes.map((c) => c.name);
export const EVENTS = table(FILE.events.classes.flatMap((c, rank) => c.phrases.map((p): [string, number] => [p, rank])));
/** Each event class → the classes opposite to it (a hot path: no strings built per call). */
const opposed = new Map<string, Set<string>>();
for (const [a, b] of FILE.events.opposes) {
  for (const [x, y] of [[a, b], [b, a]]) {
    const set = opposed.get(x) ?? new Set<string>();
    set.add(y);
    opposed.set(x, set);
  }
}
export const opposes = (a: string, b: string): boolean => opposed.get(a)?.has(b) ?? false;
/** Events a side reports of its own forces (matching.json events.ownSide). */
export const OWN_SIDE_EVENTS = new Set(FILE.events.ownSide);
/** Words that tell of the source's own forces ("its air defences", "our troops"). */
export const OWN_VOICE = new Set(FILE.events.ownVoice);
/** The sides a figure's kinds name ("ukrainian", "russian" …), each as its words. */
export const SIDES = Object.keys(FILE.figures.kinds.side ?? {}).map((s) => s.split(' '));
/** The classes opposite to one (capture: hold). */
export const opposites = (a: string): readonly string[] => [...(opposed.get(a) ?? [])];

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

export const NOT_COUNTED = new Set(FILE.figures.notCounted);

/** A place spelling → the key of its set of spellings. */
export const PLACE_VARIANTS = new Map(FILE.places.variants.flatMap((set) => set.map((v): [string, string] => [v, set[0]])));
export const BROAD_PLACES = new Set(FILE.places.broad);
export const NOT_PLACE = new Set(FILE.places.notPlace);
export const PLACE_GENERIC = new Set(FILE.places.generic);

export const STOP_WORDS = new Set(FILE.words.stop);
