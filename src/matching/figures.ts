// Figures in a claim: a number (digits or words, "at least 12", "about 40", "dozens", "12 to 15"), what it
// counts (the noun after it: civilians, drones …) and the event it belongs to (the event word nearest it).
// Two claims about one event whose figures for the same thing cannot both hold dispute each other.
import {
  APPROX_SHARE,
  NOT_COUNTED,
  NUMBER_WORDS,
  OBJECTS,
  QUALIFIERS,
  SCALES,
  VAGUE,
  VAGUE_LIST,
  NUMBER_WORD_LIST,
  KINDS,
  PART_OF,
  objectsComparable,
  type QualifierKind,
} from './lexicon.ts';

export interface Figure {
  /** The range of values the claim allows: "at least 12" is [12, ∞). */
  lo: number;
  hi: number;
  /** What is counted (an object class of the lexicon), when a known noun follows the number. */
  object: string | null;
  /** The event class it counts for (killed, shot down …), when known. */
  event: string | null;
  /** Which one of a set is counted, as "set:value" ("side:russian" for "30 Russian drones"). */
  kinds: string[];
  /** A part of a total said before it ("including two children"). */
  part: boolean;
  /** The words as written, for "why": "at least 12 civilians". */
  text: string;
}

export interface EventMention {
  event: string;
  at: number;
  length: number;
}

/** First words of number words and vague amounts ("twenty", "a" of "a dozen", "dozens"). */
const NUMBER_STARTS = new Set([...NUMBER_WORD_LIST, ...VAGUE_LIST].map((p) => p.split(' ')[0]));

/** Digit groups and decimals kept whole before the text is cut into words: "1,200" is one number. */
export function numberFriendly(text: string): string {
  return text.replace(/(\d),(?=\d{3}\b)/g, '$1').replace(/(\d)\.\d+/g, '$1');
}

const isDigits = (w: string | undefined) => w !== undefined && /^\d+$/.test(w);

/** A number starting at words[i]: its value and how many words it took, or null. */
function numberAt(words: readonly string[], i: number): { value: number; length: number } | null {
  let value: number;
  let k = i;
  if (isDigits(words[k])) {
    value = Number(words[k]);
    k++;
  } else {
    const w = NUMBER_WORDS.at(words, k);
    if (!w) return null;
    value = w.value;
    k += w.length;
    // "twenty five"
    if (value >= 20 && value < 100 && value % 10 === 0) {
      const unit = NUMBER_WORDS.at(words, k);
      if (unit && unit.value < 10) {
        value += unit.value;
        k += unit.length;
      }
    }
  }
  // "two hundred", "3 thousand", "one hundred and twenty"
  while (SCALES.has(words[k] ?? '')) {
    value *= SCALES.get(words[k])!;
    k++;
    if (words[k] === 'and') {
      const rest = numberAt(words, k + 1);
      if (rest && rest.value < value) {
        value += rest.value;
        k += 1 + rest.length;
      }
    }
  }
  return { value, length: k - i };
}

/** The qualifier phrase that ends right before words[i] ("at least", "about"), or null. */
function qualifierBefore(words: readonly string[], i: number): { kind: QualifierKind; start: number } | null {
  for (let s = Math.max(0, i - 4); s < i; s++) {
    const q = QUALIFIERS.at(words, s);
    if (q && s + q.length === i) return { kind: q.value, start: s };
  }
  return null;
}

/** Up to two words after a number ("12 Ukrainian soldiers", "40 attack drones") before what it counts. */
function objectAfter(words: readonly string[], i: number): { object: string; end: number } | null {
  for (let k = i; k < Math.min(words.length, i + 3); k++) {
    const o = OBJECTS.at(words, k);
    if (o) return { object: o.value, end: k + o.length };
  }
  return null;
}

/** The kinds named in words[from…to) ("Ukrainian", "cruise"), as "set:value". */
function kindsIn(words: readonly string[], from: number, to: number): string[] {
  const out: string[] = [];
  for (let k = from; k < to; ) {
    const m = KINDS.at(words, k);
    if (m && k + m.length <= to) {
      out.push(m.value);
      k += m.length;
    } else k++;
  }
  return out;
}

/** A part-of phrase ("including", "among them") ends right before words[i]. */
function partBefore(words: readonly string[], i: number): boolean {
  for (let s = Math.max(0, i - 3); s < i; s++) {
    const p = PART_OF.at(words, s);
    if (p && s + p.length === i) return true;
  }
  return false;
}

function nearestEvent(events: readonly EventMention[], start: number, end: number): string | null {
  let best: { event: string; d: number } | null = null;
  for (const e of events) {
    const d = e.at >= end ? e.at - end : start - (e.at + e.length);
    const limit = e.at >= end ? 6 : 4;
    // On a tie the event after the figure: "no one was killed but five people were wounded".
    if (d >= 0 && d <= limit && (!best || d < best.d || (d === best.d && e.at >= end))) best = { event: e.event, d };
  }
  return best?.event ?? null;
}

/** Every figure in the words, with the event mentions found in the same words. */
export function findFigures(words: readonly string[], events: readonly EventMention[], mainEvent: string | null): Figure[] {
  const out: Figure[] = [];
  for (let i = 0; i < words.length; ) {
    let lo: number;
    let hi: number;
    let end: number;
    const w = words[i];
    // Most words are not numbers: skip them before any table lookup.
    if (!NUMBER_STARTS.has(w) && !(w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57)) {
      i++;
      continue;
    }
    const vague = VAGUE.at(words, i);
    const num = vague ? null : numberAt(words, i);
    if (vague) {
      [lo, hi] = vague.value;
      end = i + vague.length;
      if (words[end] === 'of') end++;
    } else if (num) {
      lo = hi = num.value;
      end = i + num.length;
      // "12 to 15", "12 or 15", "between 12 and 15", "12-15" (two numbers in a row)
      const link = ['to', 'or', 'and'].includes(words[end] ?? '') ? 1 : 0;
      const second = numberAt(words, end + link);
      if (second && second.value > num.value && (link === 1 || isDigits(words[end]))) {
        hi = second.value;
        end += link + second.length;
      }
    } else {
      i++;
      continue;
    }
    const next = words[end];
    if (next !== undefined && NOT_COUNTED.has(next)) {
      i = end;
      continue;
    }
    const q = qualifierBefore(words, i);
    const obj = objectAfter(words, end);
    const start = q?.start ?? i;
    const event = nearestEvent(events, start, obj?.end ?? end);
    const year = num && !vague && num.value >= 1900 && num.value <= 2100 && isDigits(words[i]);
    if ((!obj && !event) || (year && !obj)) {
      i = end;
      continue;
    }
    if (q?.kind === 'min') hi = Infinity;
    else if (q?.kind === 'max') lo = 0;
    else if (q?.kind === 'approx') {
      lo = Math.floor(lo * (1 - APPROX_SHARE));
      hi = Math.ceil(hi * (1 + APPROX_SHARE));
    }
    out.push({
      lo,
      hi,
      object: obj?.object ?? null,
      event: event ?? mainEvent,
      kinds: obj ? kindsIn(words, end, obj.end) : [],
      part: partBefore(words, start),
      text: words.slice(start, obj?.end ?? end).join(' '),
    });
    i = obj?.end ?? end;
  }
  return out;
}

/** No set of kinds where the two name different values ("Ukrainian" and "Russian"). */
function kindsAgree(x: readonly string[], y: readonly string[]): boolean {
  for (const a of x) {
    const set = a.slice(0, a.indexOf(':') + 1);
    for (const b of y) if (b !== a && b.startsWith(set)) return false;
  }
  return true;
}

/** Two figures count the same thing: comparable classes (or one unknown), no different kinds, both totals or both parts of one. */
export function sameThing(x: Figure, y: Figure): boolean {
  return x.part === y.part && objectsComparable(x.object, y.object) && kindsAgree(x.kinds, y.kinds);
}

/** Both claims count things (totals of a known class), but never the same thing ("40 Ukrainian drones", "30 Russian drones"). */
export function countDifferentThings(a: readonly Figure[], b: readonly Figure[]): boolean {
  let both = false;
  for (const x of a) {
    if (x.object === null || x.part) continue;
    for (const y of b) {
      if (y.object === null || y.part) continue;
      if (sameThing(x, y)) return false;
      both = true;
    }
  }
  return both;
}

/** Both claims count the same thing (a known class). */
export function countSameThing(a: readonly Figure[], b: readonly Figure[]): boolean {
  return a.some((x) => x.object !== null && b.some((y) => y.object !== null && sameThing(x, y)));
}

/** Two figures that count the same thing for the same event and cannot both be right, or null. */
export function conflictingFigures(a: readonly Figure[], b: readonly Figure[]): [Figure, Figure] | null {
  for (const x of a) {
    if (x.event === null) continue;
    // Any compatible reading of the same thing settles it: "12 killed … 14 killed" against "14 killed".
    let first: Figure | null = null;
    let compatible = false;
    for (const y of b) {
      if (x.event !== y.event || !sameThing(x, y)) continue;
      first ??= y;
      if (x.lo <= y.hi && y.lo <= x.hi) {
        compatible = true;
        break;
      }
    }
    if (first && !compatible) return [x, first];
  }
  return null;
}
