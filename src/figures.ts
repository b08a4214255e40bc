// Reads a quantity ("three kilometers", "5 km", "at least 120 soldiers", "dozens of civilians") as a range of
// values of one kind, so that figures given by different sources can be compared.

import { readFileSync } from 'node:fs';
import { APPROX_SHARE, NUMBER_WORDS, QUALIFIERS, SCALES, VAGUE, type QualifierKind } from './numbers.ts';

export interface Figure {
  /** What is counted or measured: 'distance', 'percent', 'money:usd', 'count:soldier', ... */
  kind: string;
  /** The value range in the kind's base unit (metres for distance); lo = hi for an exact figure. */
  lo: number;
  hi: number;
  /** The quantity as written, with its unit ("120 soldiers"). */
  label: string;
}

interface FiguresFile {
  distance: Record<string, number>;
  currency: Record<string, string>;
  synonyms: Record<string, string>;
  stop: string[];
  status: string[];
}
// Units, currencies and counted nouns are the flag's own (src/lexicon/figures.json); numbers, vague amounts and
// qualifiers are the list the matcher reads too (src/lexicon/numbers.json).
const FILE = JSON.parse(readFileSync(new URL('./lexicon/figures.json', import.meta.url), 'utf8')) as FiguresFile;
const DISTANCE = new Map(Object.entries(FILE.distance));
const CURRENCY = new Map(Object.entries(FILE.currency));
const SYNONYMS = new Map(Object.entries(FILE.synonyms));
const STOP = new Set(FILE.stop);
const STATUS = new Set(FILE.status);

function singular(w: string): string {
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('men')) return w.slice(0, -3) + 'man';
  if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) return w.slice(0, -1);
  return w;
}

function words(text: string): string[] {
  // each rewrite runs only when its text is there (the result is the same; most figures need none of them)
  let low = text.toLowerCase();
  if (low.includes('per cent')) low = low.replace(/per cent\b/g, 'percent');
  if (low.includes(',')) low = low.replace(/(\d),(?=\d{3}\b)/g, '$1');
  low = low.replace(/(\d)(?=[a-z%])/g, '$1 ');
  if (low.includes('%')) low = low.replace(/%/g, ' percent ');
  if (low.includes('-') || low.includes('–')) low = low.replace(/[-–]/g, ' ');
  const ws = low.split(/[^a-z0-9.$€£]+/);
  // a word's final dot ends a sentence or an abbreviation ("approx."): only a decimal point is kept
  for (let k = 0; k < ws.length; k++) if (ws[k].endsWith('.')) ws[k] = ws[k].replace(/\.+$/, '');
  return ws.filter(Boolean);
}

/** Reads the number at the start of `ws` from index i: value (or vague range) and the index after it. */
function readNumber(ws: string[], i: number): { range: [number, number]; next: number } | null {
  const vague = VAGUE.at(ws, i);
  if (vague) return { range: vague.value, next: i + vague.length };
  let total = 0;
  let current = 0;
  let seen = false;
  let k = i;
  while (k < ws.length) {
    const w = ws[k];
    const scale = seen ? SCALES.get(w) : undefined;
    if (scale !== undefined) {
      // "two hundred" multiplies the number so far; "thousand" and up close a group ("two hundred thousand")
      if (scale < 1000) current *= scale;
      else {
        total += current * scale;
        current = 0;
      }
      k++;
    } else if (!seen && /^\d+(\.\d+)?$/.test(w)) {
      current += parseFloat(w);
      k++;
    } else if (w === 'and' && seen && SCALES.has(ws[k - 1]) && NUMBER_WORDS.at(ws, k + 1)) {
      k++; // "one hundred and twenty"
      continue;
    } else {
      const word = NUMBER_WORDS.at(ws, k);
      if (!word) break;
      current += word.value;
      k += word.length;
    }
    seen = true;
  }
  if (!seen) return null;
  const v = total + current;
  return { range: [v, v], next: k };
}

/** A qualified number's range: "at least 120" is [120, ∞), "about 40" 40 give or take the shared share. */
function widen(kind: QualifierKind, v: number): [number, number] {
  if (kind === 'min') return [v, Infinity];
  if (kind === 'max') return [0, v];
  return [v * (1 - APPROX_SHARE), v * (1 + APPROX_SHARE)];
}

/**
 * Reads `text` (a quantity entity). When the entity has no unit, `after` (the text right after it) may
 * give one: "120" followed by " soldiers were killed".
 */
export function parseFigure(text: string, after = ''): Figure | null {
  const raw = text.trim();
  let ws = words(raw);
  let currency = raw.match(/[$€£]/)?.[0];
  const qualifier = QUALIFIERS.at(ws, 0);
  if (qualifier) ws = ws.slice(qualifier.length);
  if (currency) ws = ws.map((w) => w.replace(/^[$€£]/, '')).filter(Boolean);
  const num = readNumber(ws, 0);
  if (!num) return null;
  let [lo, hi] = num.range;
  if (lo === hi && qualifier) [lo, hi] = widen(qualifier.value, lo);

  let rest = ws.slice(num.next);
  if (rest[0] === 'of') rest = rest.slice(1);
  let label = raw;
  if (rest.length === 0 && !currency) {
    const more = after.match(/^[ \t]*([A-Za-z%][A-Za-z-]*(?:[ \t]+[A-Za-z][A-Za-z-]*){0,2})/);
    if (more) {
      rest = words(more[1]);
      if (rest[0] === 'of') rest = rest.slice(1);
      label = `${raw} ${more[1]}`;
    }
  }

  const unitWords: string[] = [];
  for (const w of rest) {
    if (DISTANCE.has(w) || CURRENCY.has(w) || w === 'percent') {
      unitWords.push(w);
      break;
    }
    if (STATUS.has(w)) {
      if (unitWords.length === 0) unitWords.push(w);
      break;
    }
    if (STOP.has(w) || /^\d/.test(w) || unitWords.length === 3) break;
    unitWords.push(w);
  }
  label = trimLabel(label, unitWords);
  const unit = unitWords.at(-1);
  if (currency || (unit && CURRENCY.has(unit))) {
    currency = CURRENCY.get(currency ?? unit!);
    return { kind: `money:${currency}`, lo, hi, label };
  }
  if (!unit) return null;
  const metres = DISTANCE.get(unit);
  if (metres !== undefined) return { kind: 'distance', lo: lo * metres, hi: hi * metres, label };
  if (unit === 'percent') return { kind: 'percent', lo, hi, label };
  const noun = singular(unit);
  return { kind: `count:${SYNONYMS.get(noun) ?? SYNONYMS.get(unit) ?? noun}`, lo, hi, label };
}

/** trimLabel's pattern per unit word, compiled once (no g or y flag: it keeps no state between matches). */
const UNIT_END = new Map<string, RegExp>();

/** Cuts the label after its unit word: "120 soldiers were killed" → "120 soldiers". */
function trimLabel(label: string, unitWords: string[]): string {
  const last = unitWords.at(-1);
  if (!last) return label;
  let re = UNIT_END.get(last);
  if (!re) {
    re = new RegExp(`^.*?\\b${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
    if (UNIT_END.size >= 10_000) UNIT_END.clear();
    UNIT_END.set(last, re);
  }
  return label.match(re)?.[0] ?? label;
}

/** True when two figures of the same kind cannot both be right. */
export function disagree(a: Figure, b: Figure): boolean {
  if (a.kind !== b.kind) return false;
  const eps = 1e-9;
  return a.lo > b.hi * (1 + eps) || b.lo > a.hi * (1 + eps);
}
