// One name per source across reports: reports name the same body differently ("Russian Defense Ministry",
// "Russia's Defence Ministry", "the Russian Ministry of Defence", "Russian MoD"), and anything that groups
// sources across reports (the digest's who says what, its merged claim lines) groups them by sourceKey. The
// rules are data (src/lexicon/source-names.json): case, accents and punctuation, "'s", abbreviations written
// in capitals, British/American spellings, determiners, countries and their adjectives, "Ministry of X" and
// "X Ministry" (the key is the name's words in sorted order). A key never adds what a name does not say: "the
// ministry" stays "ministry", and the Russian and Ukrainian defence ministries stay two keys.
import { readFileSync } from 'node:fs';

interface SourceNamesFile {
  abbreviations: Record<string, string>;
  spellings: Record<string, string[]>;
  drop: string[];
  phrases: Record<string, string[]>;
}

const FILE = JSON.parse(readFileSync(new URL('../lexicon/source-names.json', import.meta.url), 'utf8')) as SourceNamesFile;
const entries = <V>(o: Record<string, V>) => Object.entries(o).filter(([k]) => !k.startsWith('$'));

const ABBREVIATIONS = new Map(entries(FILE.abbreviations));
const SPELLINGS = new Map(entries(FILE.spellings).flatMap(([to, from]) => from.map((f): [string, string] => [f, to])));
const DROP = new Set(FILE.drop);
/** Phrases by their first word, longest first: [its words, the canonical words]. */
const PHRASES = new Map<string, [string[], string[]][]>();
for (const [to, from] of entries(FILE.phrases)) {
  for (const f of from) {
    const words = f.split(' ');
    const list = PHRASES.get(words[0]) ?? [];
    list.push([words, to.split(' ')]);
    list.sort((a, b) => b[0].length - a[0].length);
    PHRASES.set(words[0], list);
  }
}

/** The name's words as written: accents gone, "'s" gone, dots inside abbreviations gone ("U.S." is "US"). */
function writtenWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’](?:s\b)?/giu, '')
    .replace(/(\p{L})\.(?=\p{L})/gu, '$1')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const capitals = (w: string) => (w.match(/\p{Lu}/gu) ?? []).length;

/** Lower-case words with abbreviations expanded and one spelling each. */
function plainWords(name: string): string[] {
  const out: string[] = [];
  for (const w of writtenWords(name)) {
    const low = w.toLowerCase();
    const long = capitals(w) >= 2 ? ABBREVIATIONS.get(low) : undefined;
    for (const x of long ? long.split(' ') : [low]) {
      const spelt = SPELLINGS.get(x) ?? x;
      if (!DROP.has(spelt)) out.push(spelt);
    }
  }
  return out;
}

function canonicalWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const hit = PHRASES.get(words[i])?.find(([p]) => p.every((w, k) => words[i + k] === w));
    if (hit) {
      out.push(...hit[1]);
      i += hit[0].length;
    } else out.push(words[i++]);
  }
  return out;
}

/**
 * The key a source name is grouped under across reports; names that differ only as the rules above allow share it.
 * The stores keep keys made by it: a change here that changes keys must raise SOURCE_KEY_CODE (channel-log/source-key.ts).
 */
export function sourceKey(name: string): string {
  const words = [...new Set(canonicalWords(plainWords(name)))].sort();
  return words.length > 0 ? words.join(' ') : name.trim().toLowerCase();
}

const keys = new Map<string, string>();
/** sourceKey, remembered: a day of reports repeats few names many times. */
export function sourceKeyOf(name: string): string {
  let k = keys.get(name);
  if (k === undefined) {
    if (keys.size > 50_000) keys.clear();
    keys.set(name, (k = sourceKey(name)));
  }
  return k;
}

/** How reports used one name of a source. */
export interface NameUse {
  name: string;
  /** Reports that used it. */
  reports: number;
  /** Claims attributed under it. */
  claims: number;
  /** When it was last used, ms (0 when not known). */
  last: number;
}

/** Positive when `a` is the better name to show (see shownName). */
function betterName(a: NameUse, b: NameUse): number {
  return (
    a.reports - b.reports ||
    a.name.length - b.name.length ||
    a.claims - b.claims ||
    a.last - b.last ||
    (a.name < b.name ? 1 : a.name > b.name ? -1 : 0)
  );
}

/**
 * The name shown for a source among the names reports gave it: the name most reports used; on a tie the longest
 * (the fuller form: "Russian Defence Ministry" before "Russian MoD"), then the one with more claims, then the one
 * used last, then the first in code-point order, so that both stores and the digest show the same name whatever
 * order the names come in.
 */
export function shownName(uses: Iterable<NameUse>): string {
  let best: NameUse | undefined;
  for (const u of uses) if (best === undefined || betterName(u, best) > 0) best = u;
  if (best === undefined) throw new RangeError('shownName needs at least one name.');
  return best.name;
}

/** The name shown for each key among names used across reports (shownName decides). */
export class SourceNames {
  readonly #byKey = new Map<string, Map<string, { reports: Set<string>; claims: number; last: number }>>();
  /** The name chosen for each key, once asked (forgotten when a name is added). */
  readonly #chosen = new Map<string, string>();

  /** A name as one report used it for one claim, posted at `at` (ms) when known. */
  add(name: string, reportId: string, at = 0): void {
    const k = sourceKeyOf(name);
    this.#chosen.delete(k);
    let names = this.#byKey.get(k);
    if (!names) this.#byKey.set(k, (names = new Map()));
    let use = names.get(name);
    if (!use) names.set(name, (use = { reports: new Set(), claims: 0, last: 0 }));
    use.reports.add(reportId);
    use.claims++;
    use.last = Math.max(use.last, at);
  }

  /** The name shown for `name`'s key (the name itself when it was never added). */
  shown(name: string): string {
    const k = sourceKeyOf(name);
    const known = this.#chosen.get(k);
    if (known !== undefined) return known;
    const names = this.#byKey.get(k);
    if (!names) return name;
    const best = shownName([...names].map(([n, u]) => ({ name: n, reports: u.reports.size, claims: u.claims, last: u.last })));
    this.#chosen.set(k, best);
    return best;
  }
}
