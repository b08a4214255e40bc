// Dates: "March 3", "3 March 2022", "last Tuesday", "the 1990s", "2022-03-01". The patterns live in
// src/lexicon/entities.json (dates.patterns); they are compiled once to element tests and indexed by the
// words that can start them, and matchDate tries the patterns indexed under the token at hand.
import { T, N, firstBits, capAt, live, wordBit } from './document.ts';
import { LEX, Q, set, entryTokens, NUMBER_WORDS, AMBIGUOUS_MONTHS, MONTH_CONTEXT, DAY_ORD, ISO_DATE, DECADE } from './lexicon.ts';
import { isNumeric, isYear } from './name-words.ts';

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
export const DATE_INDEX = new Map<string, Pattern[]>();
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

compileDates();

export const B_DATE_START = wordBit(DATE_INDEX.keys());

export function matchDate(i: number): number {
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
