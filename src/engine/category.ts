// Topic of a claim: rule-based scoring over weighted keywords, phrases and prefixes from
// src/lexicon/categories.json. Highest total wins; ties go by the file's priority list; no hit gives 'other'.
import { readFileSync } from 'node:fs';
import type { Category, Entity } from '../schema.ts';

type Scored = Exclude<Category, 'other'>;

interface CategoryFile {
  priority: Scored[];
  categories: Record<Scored, Record<string, string[]>>;
  entityHints: Record<string, Record<string, number> | string>;
}

const FILE = JSON.parse(readFileSync(new URL('../lexicon/categories.json', import.meta.url), 'utf8')) as CategoryFile;

/**
 * Light stemming: strips a possessive, plural -s/-es/-ies, -ing, -ed, a final e and a doubled final consonant,
 * so that "shelling", "shelled" and "shell" (or "captured" and "capture") meet at one form.
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/[’‘]/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && w.endsWith('es') && /(?:ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  const n = w.length;
  if (n > 3 && w[n - 1] === w[n - 2] && !'aeiou'.includes(w[n - 1])) w = w.slice(0, -1);
  return w;
}

interface Hit {
  category: Scored;
  weight: number;
}
interface PhraseRule extends Hit {
  /** Stems of the words after the first; a trailing '*' word is a prefix. */
  rest: string[];
  prefixLast: boolean;
}

const WORDS = new Map<string, Hit[]>();
const PREFIXES = new Map<string, Hit[]>();
const PREFIX_LENGTHS = new Set<number>();
const PHRASES = new Map<string, PhraseRule[]>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One hit per category and stem ("killed" and "killing" share a stem): the larger weight counts. */
function pushWord(map: Map<string, Hit[]>, key: string, hit: Hit): void {
  const list = map.get(key);
  const same = list?.find((h) => h.category === hit.category);
  if (same) same.weight = Math.max(same.weight, hit.weight);
  else push(map, key, hit);
}

for (const [category, byWeight] of Object.entries(FILE.categories) as [Scored, Record<string, string[]>][]) {
  for (const [w, keywords] of Object.entries(byWeight)) {
    const weight = Number(w);
    if (!Number.isFinite(weight)) continue;
    for (const raw of keywords) {
      const kw = raw.toLowerCase().trim();
      const parts = kw.split(/\s+/);
      if (parts.length > 1) {
        const last = parts[parts.length - 1];
        const prefixLast = last.endsWith('*');
        const rest = parts.slice(1).map((p, k) => (k === parts.length - 2 && prefixLast ? p.slice(0, -1) : stem(p)));
        push(PHRASES, stem(parts[0]), { category, weight, rest, prefixLast });
      } else if (kw.endsWith('*')) {
        const prefix = kw.slice(0, -1);
        pushWord(PREFIXES, prefix, { category, weight });
        PREFIX_LENGTHS.add(prefix.length);
      } else {
        pushWord(WORDS, stem(kw), { category, weight });
      }
    }
  }
}
const PREFIX_LENS = [...PREFIX_LENGTHS].sort((a, b) => a - b);

const HINTS = new Map<string, [Scored, number][]>();
for (const [type, hint] of Object.entries(FILE.entityHints)) {
  if (typeof hint !== 'object') continue;
  HINTS.set(type, Object.entries(hint) as [Scored, number][]);
}

const RANK = new Map<Scored, number>(FILE.priority.map((c, i) => [c, i]));

/** Letters and digits (\p{L}, \p{N}) outside ASCII, answered once per code point. */
const WORD_START = /^[\p{L}\p{N}]$/u;
const WORD_CP = new Map<number, boolean>();

function wordCp(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90);
  let yes = WORD_CP.get(cp);
  if (yes === undefined) {
    yes = WORD_START.test(String.fromCodePoint(cp));
    WORD_CP.set(cp, yes);
  }
  return yes;
}

/**
 * The words of `low`: a letter or digit, then letters, digits, apostrophes and hyphens; the same list as
 * low.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*\/gu) (or [] for none), without running the regex.
 */
export function wordsOf(low: string): string[] {
  const words: string[] = [];
  const n = low.length;
  let k = 0;
  while (k < n) {
    let cp = low.codePointAt(k)!;
    if (!wordCp(cp)) {
      k += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = k;
    k += cp > 0xffff ? 2 : 1;
    while (k < n) {
      cp = low.codePointAt(k)!;
      if (cp !== 39 && cp !== 0x2019 && cp !== 45 && !wordCp(cp)) break;
      k += cp > 0xffff ? 2 : 1;
    }
    words.push(low.slice(start, k));
  }
  return words;
}

/** What one word (lower-cased, as wordsOf finds it) contributes: its stem, its word and prefix hits, its phrases. */
interface WordInfo {
  stem: string;
  /** Word hits of the stem, then prefix hits by increasing prefix length (the order scores are summed in). */
  hits: Hit[] | undefined;
  phrases: PhraseRule[] | undefined;
}

/** Words seen so far (stemming and lookups are pure, so they are done once per distinct word). */
const WORD_INFO = new Map<string, WordInfo>();
const WORD_INFO_MAX = 50_000;
const TRAILING_HYPHENS = /-+$/;

function wordInfo(w: string): WordInfo {
  let info = WORD_INFO.get(w);
  if (info) return info;
  const s = stem(w.charCodeAt(w.length - 1) === 45 ? w.replace(TRAILING_HYPHENS, '') : w);
  let hits: Hit[] | undefined;
  const direct = WORDS.get(s);
  if (direct) hits = direct.slice();
  for (const len of PREFIX_LENS) {
    if (len > w.length) break;
    const p = PREFIXES.get(w.slice(0, len));
    if (p) {
      if (hits) hits.push(...p);
      else hits = p.slice();
    }
  }
  info = { stem: s, hits, phrases: PHRASES.get(s) };
  if (WORD_INFO.size >= WORD_INFO_MAX) WORD_INFO.clear();
  WORD_INFO.set(w, info);
  return info;
}

function addHit(scores: Map<Scored, number>, category: Scored, weight: number): void {
  scores.set(category, (scores.get(category) ?? 0) + weight);
}

/** Scores per category for a text (exposed for tests and tuning). */
export function categoryScores(text: string, entities?: Entity[]): Map<Scored, number> {
  const scores = new Map<Scored, number>();
  const words = wordsOf(text.toLowerCase());
  const n = words.length;
  if (n === 0) return scores;
  const infos: WordInfo[] = new Array(n);
  for (let i = 0; i < n; i++) infos[i] = wordInfo(words[i]);
  for (let i = 0; i < n; i++) {
    const info = infos[i];
    const hits = info.hits;
    if (hits) for (let h = 0; h < hits.length; h++) addHit(scores, hits[h].category, hits[h].weight);
    const phrases = info.phrases;
    if (phrases) {
      for (const ph of phrases) {
        const rest = ph.rest;
        let ok = i + rest.length < n;
        for (let k = 0; ok && k < rest.length; k++) {
          const last = k === rest.length - 1;
          ok = last && ph.prefixLast ? words[i + 1 + k].startsWith(rest[k]) : infos[i + 1 + k].stem === rest[k];
        }
        if (ok) addHit(scores, ph.category, ph.weight);
      }
    }
  }
  if (entities?.length && scores.size) {
    for (const e of entities) {
      const hints = HINTS.get(e.type);
      if (!hints) continue;
      for (const [category, weight] of hints) {
        if (scores.has(category)) addHit(scores, category, weight);
      }
    }
  }
  return scores;
}

/** The category of a claim's text: highest score, ties by priority, 'other' when nothing scores. */
export function categorize(text: string, entities?: Entity[]): Category {
  let best: Scored | null = null;
  let bestScore = 0;
  for (const [category, score] of categoryScores(text, entities)) {
    if (score <= 0) continue;
    if (score > bestScore || (score === bestScore && best && (RANK.get(category) ?? 99) < (RANK.get(best) ?? 99))) {
      best = category;
      bestScore = score;
    }
  }
  return best ?? 'other';
}
