// Phrase tables: word sequences mapped to a value, looked up at a position in a list of words (longest first).
// Used by the matcher's lexicon (src/matching/lexicon.ts) and the number lists (src/numbers.ts).

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

export function table<V>(entries: Iterable<[string, V]>): PhraseTable<V> {
  const t = new PhraseTable<V>();
  for (const [p, v] of entries) t.add(p, v);
  return t;
}
