// Reads a quantity ("three kilometers", "5 km", "at least 120 soldiers", "dozens of civilians") as a range of
// values of one kind, so that figures given by different sources can be compared.

export interface Figure {
  /** What is counted or measured: 'distance', 'percent', 'money:usd', 'count:soldier', ... */
  kind: string;
  /** The value range in the kind's base unit (metres for distance); lo = hi for an exact figure. */
  lo: number;
  hi: number;
  /** The quantity as written, with its unit ("120 soldiers"). */
  label: string;
}

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, mln: 1e6, bn: 1e9 };
const VAGUE: Record<string, [number, number]> = {
  dozens: [24, 120],
  scores: [40, 200],
  hundreds: [200, 999],
  thousands: [2000, 9999],
};

const QUALIFIERS: [RegExp, (v: number) => [number, number]][] = [
  [/^(at least|more than|over|upwards of|no fewer than|no less than) /, (v) => [v, Infinity]],
  [/^(at most|up to|fewer than|less than|under|no more than) /, (v) => [0, v]],
  [/^(nearly|almost) /, (v) => [v * 0.85, v]],
  [/^(about|around|roughly|approximately|some|an estimated|estimated|approx\.?) /, (v) => [v * 0.85, v * 1.15]],
];

const DISTANCE: Record<string, number> = {
  km: 1000, kms: 1000, kilometer: 1000, kilometers: 1000, kilometre: 1000, kilometres: 1000,
  m: 1, meter: 1, meters: 1, metre: 1, metres: 1, mi: 1609.344, mile: 1609.344, miles: 1609.344,
};
const CURRENCY: Record<string, string> = {
  $: 'usd', usd: 'usd', dollar: 'usd', dollars: 'usd', '€': 'eur', eur: 'eur', euro: 'eur', euros: 'eur',
  '£': 'gbp', gbp: 'gbp', pound: 'gbp', pounds: 'gbp', rouble: 'rub', roubles: 'rub', ruble: 'rub', rubles: 'rub',
  hryvnia: 'uah', hryvnias: 'uah',
};
const SYNONYMS: Record<string, string> = {
  troop: 'soldier', serviceman: 'soldier', servicemember: 'soldier', personnel: 'soldier', people: 'person',
  casualty: 'casualty', death: 'dead', killed: 'dead', died: 'dead',
};
// Words that end a quantity's noun phrase.
const STOP = new Set(
  'and or but of in on at to from by with were was are is had have has been be who which that as for per said says the a an their its this'.split(
    ' ',
  ),
);
const STATUS = new Set(['killed', 'dead', 'wounded', 'injured', 'captured', 'missing', 'died']);

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
  return low.split(/[^a-z0-9.$€£]+/).filter(Boolean);
}

/** Reads the number at the start of `ws` from index i: value (or vague range) and the index after it. */
function readNumber(ws: string[], i: number): { range: [number, number]; next: number } | null {
  if (ws[i] in VAGUE) return { range: VAGUE[ws[i]], next: i + 1 };
  let total = 0;
  let current = 0;
  let seen = false;
  let k = i;
  for (; k < ws.length; k++) {
    const w = ws[k];
    if (/^\d+(\.\d+)?$/.test(w) && !seen) current += parseFloat(w);
    else if (w in SMALL) current += SMALL[w];
    else if (w === 'a' && !seen && (ws[k + 1] === 'dozen' || ws[k + 1] === 'hundred' || ws[k + 1] in SCALE)) current += 1;
    else if (w === 'dozen') current = (seen ? current : 1) * 12;
    else if (w === 'hundred' && seen) current *= 100;
    else if (w in SCALE && seen) {
      total += current * SCALE[w];
      current = 0;
    } else if (w === 'and' && seen && ws[k - 1] === 'hundred' && ws[k + 1] in SMALL) continue;
    else break;
    seen = true;
  }
  if (!seen) return null;
  const v = total + current;
  return { range: [v, v], next: k };
}

/**
 * Reads `text` (a quantity entity). When the entity has no unit, `after` (the text right after it) may
 * give one: "120" followed by " soldiers were killed".
 */
export function parseFigure(text: string, after = ''): Figure | null {
  const raw = text.trim();
  let ws = words(raw);
  let currency = raw.match(/[$€£]/)?.[0];
  // the qualifier's widening (no closure per call: tsx names every closure it creates, which costs more than the rest)
  let widen: ((v: number) => [number, number]) | null = null;
  const joined = ws.join(' ') + ' ';
  for (const [re, f] of QUALIFIERS) {
    const m = joined.match(re);
    if (m) {
      ws = ws.slice(m[1].split(' ').length);
      widen = f;
      break;
    }
  }
  if (currency) ws = ws.map((w) => w.replace(/^[$€£]/, '')).filter(Boolean);
  const num = readNumber(ws, 0);
  if (!num) return null;
  let [lo, hi] = num.range;
  if (lo === hi && widen) [lo, hi] = widen(lo);

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
    if (w in DISTANCE || w in CURRENCY || w === 'percent') {
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
  if (currency || (unit && unit in CURRENCY)) {
    currency = CURRENCY[currency ?? unit!];
    return { kind: `money:${currency}`, lo, hi, label };
  }
  if (!unit) return null;
  if (unit in DISTANCE) return { kind: 'distance', lo: lo * DISTANCE[unit], hi: hi * DISTANCE[unit], label };
  if (unit === 'percent') return { kind: 'percent', lo, hi, label };
  const noun = singular(unit);
  return { kind: `count:${SYNONYMS[noun] ?? SYNONYMS[unit] ?? noun}`, lo, hi, label };
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
