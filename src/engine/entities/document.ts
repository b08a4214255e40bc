// The document the entity pass is reading, held in module state so the hot loop stays free of closures and
// allocation: its tokens, per-token flags (not white space, capitalised) and first-word bits in typed arrays,
// the memo arrays for capWord and nameTok, and what the pass has found so far. findEntities
// (src/engine/entities.ts) loads a document with loadDocument and drops it with releaseDocument.
import type { Entity } from '../../schema.ts';
import type { Doc, Token } from '../../nlp.ts';

export type EntityType = Entity['type'];

/**
 * Per lower-cased word: a bit for each trie that has an entry starting with it (see Trie.bit) and for each
 * hot word set it belongs to (see wordBit), so that one lookup per token answers all of them.
 */
export const FIRST_BITS = new Map<string, number>();
let bitCount = 0;

/** A new bit in FIRST_BITS, set for `words`. */
export function wordBit(words: Iterable<string>): number {
  if (bitCount >= 30) throw new Error('entities: too many word sets for the first-word bits');
  const bit = 1 << bitCount++;
  for (const w of words) FIRST_BITS.set(w, (FIRST_BITS.get(w) ?? 0) | bit);
  return bit;
}

export let T: Token[] = [];
export let N = 0;
/** Per token: FIRST_BITS of its lower-cased form. */
let FB = new Int32Array(0);
/** Per token, and 0 for PAD entries past the end: F_LIVE (not white space), F_CAP (isCapTok). */
let FLAGS = new Uint8Array(0);
const F_LIVE = 1;
const F_CAP = 2;
/** Entries past the last token, so that a look a few tokens ahead reads 0 (a read further out gives undefined: also 0 as a flag). */
const PAD = 16;
/** Per token, filled in on first use: 0 not yet known, 1 false, 2 true (for capWord and nameTok). */
export let CAP = new Uint8Array(0);
export let NAME = new Uint8Array(0);
/** Last names of persons found so far in this document: a later bare "Ostrova" is the same person. */
export let seenSurnames = new Set<string>();
/** The last entity emitted: its type and the token after it (for "near Bakhmut and Soledar"). */
export let lastType: EntityType | null = null;
export let lastEndTok = -1;
/** Set by a matcher when its longest match came from a known-name list (it wins ties of the same length). */
export let knownHit = false;

export function setKnownHit(hit: boolean): void {
  knownHit = hit;
}

/** Records the last entity emitted: its type and the token after it. */
export function setLast(type: EntityType, endTok: number): void {
  lastType = type;
  lastEndTok = endTok;
}

/** Makes doc the document being read: fills the per-token bits and flags and clears the memos and history. */
export function loadDocument(doc: Doc): void {
  T = doc.tokens;
  N = T.length;
  FB = new Int32Array(N + PAD);
  FLAGS = new Uint8Array(N + PAD);
  for (let k = 0; k < N; k++) {
    const t = T[k];
    FB[k] = FIRST_BITS.get(t.lower) ?? 0;
    FLAGS[k] = (t.pos !== 'SPACE' ? F_LIVE : 0) | (isCapTok(t) ? F_CAP : 0);
  }
  CAP = new Uint8Array(N);
  NAME = new Uint8Array(N);
  seenSurnames = new Set();
  lastType = null;
  lastEndTok = -1;
}

/** Drops the document's tokens and arrays once the pass is over. */
export function releaseDocument(): void {
  T = [];
  N = 0;
  FB = new Int32Array(0);
  FLAGS = new Uint8Array(0);
  CAP = new Uint8Array(0);
  NAME = new Uint8Array(0);
}

export function firstBits(k: number): number {
  return FB[k];
}

function isCapTok(t: Token): boolean {
  const c = t.value.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = t.value[0];
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** isCapTok(T[k]), read from the per-token flags (false past the end). */
export function capAt(k: number): boolean {
  return (FLAGS[k] & F_CAP) !== 0;
}

/** A token that is not white space (false past the end). */
export function live(k: number): boolean {
  return (FLAGS[k] & F_LIVE) !== 0;
}
