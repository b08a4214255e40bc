// Quantities and figures: "3.5 million", "thirty-five", "between 100 and 200", "$3-$5", "12%", "30-km",
// "200 soldiers", "dozens of tanks". A bare year is left to dates; "one", "two" alone are not figures.
import { T, firstBits, capAt, live, wordBit } from './document.ts';
import { QUANT_PREFIX, CURRENCY, NUMBER_WORDS, SCALES, PLURAL_SCALES, RANGE_LINKS, QUANT_UNITS, NOUN_MODIFIERS, NOT_COUNTED, ISO_DATE } from './lexicon.ts';
import { isNumeric, isYear } from './name-words.ts';

/** Lower-case words that can start a quantity (a prefix, a currency, a number word); digits can too. */
const B_QUANT_START = wordBit([...QUANT_PREFIX.firstWords(), ...CURRENCY, ...NUMBER_WORDS.firstWords()]);

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

export function matchQuantity(i: number): number {
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
