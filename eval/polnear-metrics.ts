// PolNeAR scoring, the same arithmetic as ../shared/eval/score.mjs (polnear mode), as pure functions so the
// in-process scorer (polnear-dev.ts) reports the very numbers the CLI scorer would for the same claims.
// Keep in step with score.mjs: overlap match = each side covers >= half of the other, one-to-one greedy
// matching by overlap / larger size, source compared as source + conduit spans, BRAT code-point offsets
// converted to UTF-16, identical span sets de-duplicated, exact match on normalised trimmed text.

export interface Range {
  start: number;
  end: number;
}

/** One gold attribution (a BRAT `E` line): the ranges of each role, in UTF-16 offsets. */
export interface GoldRelation {
  id: string;
  source: Range[];
  cue: Range[];
  content: Range[];
}

export type Role = 'source' | 'cue' | 'content';
export const ROLES: Role[] = ['source', 'cue', 'content'];

/** Maps a code-point offset (BRAT) to a UTF-16 offset (JavaScript strings); clamps past the end. */
export function cpToUtf16(text: string): (i: number) => number {
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (i) => map[Math.min(i, map.length - 1)];
}

/** Parses a BRAT .ann file into attributions (relations with a cue or a content). */
export function parseAnn(ann: string, toU: (i: number) => number): GoldRelation[] {
  const spans = new Map<string, { label: string; ranges: Range[] }>();
  const rels: GoldRelation[] = [];
  for (const line of ann.split('\n')) {
    const [id, body] = line.split('\t');
    if (!body) continue;
    if (id.startsWith('T')) {
      const m = body.match(/^(\S+) (.*)$/);
      if (!m) continue;
      const ranges = m[2]
        .split(';')
        .map((p) => p.trim().split(' ').map(Number))
        .map(([s, e]) => ({ start: toU(s), end: toU(e) }));
      spans.set(id, { label: m[1], ranges });
    } else if (id.startsWith('E')) {
      const rel: GoldRelation = { id, source: [], cue: [], content: [] };
      for (const part of body.trim().split(/\s+/)) {
        const [role, ref] = part.split(':');
        const key = role.replace(/\d+$/, '').toLowerCase();
        const target = spans.get(ref);
        if ((key === 'source' || key === 'cue' || key === 'content') && target) rel[key].push(...target.ranges);
      }
      if (rel.cue.length || rel.content.length) rels.push(rel);
    }
  }
  return rels;
}

/** The spans a claim offers for each role, as score.mjs reads them (valid, non-empty spans only). */
export interface ClaimLike {
  content?: unknown;
  source?: { span?: unknown } | null;
  conduit?: { span?: unknown } | null;
  cue?: { span?: unknown } | null;
}

function spansOf(v: unknown): Range[] {
  const xs = v == null ? [] : Array.isArray(v) ? v : [v];
  return xs.filter(
    (s): s is Range => !!s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start,
  );
}

export function claimRoleRanges(c: ClaimLike, role: Role): Range[] {
  if (role === 'content') return spansOf(c.content);
  if (role === 'cue') return spansOf(c.cue?.span);
  return [...spansOf(c.source?.span), ...spansOf(c.conduit?.span)];
}

export function charSet(ranges: Range[]): Set<number> {
  const set = new Set<number>();
  for (const s of ranges) for (let i = s.start; i < s.end; i++) set.add(i);
  return set;
}

function overlap(a: Set<number>, b: Set<number>): number {
  let n = 0;
  for (const i of a) if (b.has(i)) n++;
  return n;
}

export const norm = (s: string | null | undefined): string =>
  (s || '').toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();

/** The exact-match key of a character set: its characters in order, normalised, punctuation-trimmed. */
export function exactKey(text: string, set: Set<number>): string {
  return norm(
    [...set]
      .sort((x, y) => x - y)
      .map((i) => text[i])
      .join(''),
  ).replace(/^[\s"“”'‘’,.:;–—-]+|[\s"“”'‘’,.:;–—-]+$/g, '');
}

/** Drops empty sets and sets identical to an earlier one (same characters inserted in the same order). */
export function dedupSets(sets: Set<number>[]): { sets: Set<number>[]; index: number[] } {
  const seen = new Map<string, number>();
  const out: Set<number>[] = [];
  const index: number[] = []; // index[i] = position in out of input i, or -1 when empty
  for (const s of sets) {
    if (!s.size) {
      index.push(-1);
      continue;
    }
    const key = [...s].join(',');
    const at = seen.get(key);
    if (at !== undefined) {
      index.push(at);
      continue;
    }
    seen.set(key, out.length);
    index.push(out.length);
    out.push(s);
  }
  return { sets: out, index };
}

export interface RoleMatch {
  loose: number;
  exact: number;
  gold: number;
  pred: number;
  /** goldToPred[g] = matched predicted set (overlap), or -1. */
  goldToPred: number[];
  predToGold: number[];
}

/** One-to-one greedy overlap matching (each side covers >= half the other) plus multiset exact matching. */
export function matchRole(text: string, goldSets: Set<number>[], predSets: Set<number>[]): RoleMatch {
  const pairs: [number, number, number][] = [];
  goldSets.forEach((g, gi) =>
    predSets.forEach((p, pi) => {
      const o = overlap(g, p);
      if (o && o / g.size >= 0.5 && o / p.size >= 0.5) pairs.push([o / Math.max(g.size, p.size), gi, pi]);
    }),
  );
  pairs.sort((a, b) => b[0] - a[0]);
  const goldToPred = goldSets.map(() => -1);
  const predToGold = predSets.map(() => -1);
  let loose = 0;
  for (const [, gi, pi] of pairs) {
    if (goldToPred[gi] < 0 && predToGold[pi] < 0) {
      goldToPred[gi] = pi;
      predToGold[pi] = gi;
      loose++;
    }
  }
  const exactKeys = new Map<string, number>();
  for (const g of goldSets) {
    const k = exactKey(text, g);
    exactKeys.set(k, (exactKeys.get(k) ?? 0) + 1);
  }
  let exact = 0;
  for (const p of predSets) {
    const k = exactKey(text, p);
    const n = exactKeys.get(k) ?? 0;
    if (n > 0) {
      exact++;
      exactKeys.set(k, n - 1);
    }
  }
  return { loose, exact, gold: goldSets.length, pred: predSets.length, goldToPred, predToGold };
}

export interface Totals {
  loose: number;
  exact: number;
  gold: number;
  pred: number;
}

export const f1 = (p: number, r: number): number => (p + r ? (2 * p * r) / (p + r) : 0);
export const pct = (x: number): string => (100 * x).toFixed(1);

export function prf(t: Totals): { lp: number; lr: number; lf: number; ep: number; er: number; ef: number } {
  const lp = t.pred ? t.loose / t.pred : 0;
  const lr = t.gold ? t.loose / t.gold : 0;
  const ep = t.pred ? t.exact / t.pred : 0;
  const er = t.gold ? t.exact / t.gold : 0;
  return { lp, lr, lf: f1(lp, lr), ep, er, ef: f1(ep, er) };
}

/** Article name of an annotation file: `NAME_abcd.ann` -> `NAME` (abcd = annotator hash). */
export const articleOf = (annFile: string): string => annFile.replace(/^.*\//, '').replace(/_[0-9a-f]{4}\.ann$/, '');

/** The first annotator's file per article, files taken in sorted order (as score.mjs does). */
export function firstAnnotatorFiles(files: string[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const f of [...files].sort()) {
    const a = articleOf(f);
    if (!first.has(a)) first.set(a, f);
  }
  return first;
}
