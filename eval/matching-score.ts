// Scores the claim matcher (src/matching/) on the labelled report pairs in test/fixtures/claim-pairs/pairs.json.
// Each pair's two reports go through the real engine (summarize); a pair is `disputes` when any claim of one
// disputes any claim of the other, else `same` when any two claims are the same, else `unrelated`.
import { readFileSync } from 'node:fs';
import { relateClaims } from '../src/matching/index.ts';
import type { ClaimRelation } from '../src/matching/index.ts';
import { summarize } from '../src/summarize.ts';

export type PairLabel = ClaimRelation['kind'];
export const LABELS: readonly PairLabel[] = ['same', 'disputes', 'unrelated'];

export interface ClaimPair {
  id: string;
  split: 'tune' | 'check';
  kind: string;
  label: PairLabel;
  a: string;
  b: string;
}

export const PAIRS_FILE = new URL('../test/fixtures/claim-pairs/pairs.json', import.meta.url);

export function loadPairs(): ClaimPair[] {
  return (JSON.parse(readFileSync(PAIRS_FILE, 'utf8')) as { pairs: ClaimPair[] }).pairs;
}

export interface PairResult {
  pair: ClaimPair;
  predicted: PairLabel;
  why?: string;
}

export function predictPair(a: string, b: string): { label: PairLabel; why?: string } {
  const ca = summarize(a).claims;
  const cb = summarize(b).claims;
  let same = false;
  for (const x of ca) {
    for (const y of cb) {
      const r = relateClaims(x, y);
      if (r.kind === 'disputes') return { label: 'disputes', why: r.why };
      if (r.kind === 'same') same = true;
    }
  }
  return { label: same ? 'same' : 'unrelated' };
}

export function runPairs(pairs: readonly ClaimPair[]): PairResult[] {
  return pairs.map((pair) => {
    const p = predictPair(pair.a, pair.b);
    return { pair, predicted: p.label, ...(p.why ? { why: p.why } : {}) };
  });
}

export interface Scores {
  n: number;
  accuracy: number;
  perLabel: Record<PairLabel, { precision: number; recall: number; gold: number; predicted: number }>;
}

export function score(results: readonly PairResult[]): Scores {
  const perLabel = {} as Scores['perLabel'];
  for (const l of LABELS) {
    const gold = results.filter((r) => r.pair.label === l).length;
    const predicted = results.filter((r) => r.predicted === l).length;
    const right = results.filter((r) => r.pair.label === l && r.predicted === l).length;
    perLabel[l] = { precision: predicted ? right / predicted : NaN, recall: gold ? right / gold : NaN, gold, predicted };
  }
  const right = results.filter((r) => r.pair.label === r.predicted).length;
  return { n: results.length, accuracy: results.length ? right / results.length : NaN, perLabel };
}
