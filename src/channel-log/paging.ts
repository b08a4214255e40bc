// The /claims paging rule both stores follow, and the query's words as search sees them.
//
// Best first: when free words or phrases are given, matches are ordered by relevance, ties newest first. Ranking
// looks at the newest `rankWindow` matches (10,000 unless the store is opened with another); older matches,
// when there are more, follow newest first. Every match is on exactly one page, and `total` counts them all.
// Without words or phrases, matches come newest first.
import { querySourceKeys } from './source-key.ts';
import { searchWords } from './text.ts';
import { MAX_NEARBY_WORDS, type ClaimQuery, type NearbyClaimsQuery } from './types.ts';

export const DEFAULT_RANK_WINDOW = 10_000;
export const MAX_PAGE_SIZE = 500;

/** Throws a RangeError for a query whose page or dates make no sense. */
export function checkQuery(q: ClaimQuery): void {
  if (!Number.isInteger(q.page) || q.page < 1) throw new RangeError(`page must be a whole number from 1 (got ${q.page}).`);
  if (!Number.isInteger(q.pageSize) || q.pageSize < 1 || q.pageSize > MAX_PAGE_SIZE) {
    throw new RangeError(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE} (got ${q.pageSize}).`);
  }
  for (const [name, d] of [['since', q.since], ['until', q.until]] as const) {
    if (d !== undefined && (!(d instanceof Date) || Number.isNaN(d.getTime()))) throw new RangeError(`${name} is not a valid date.`);
  }
}

/** Throws a RangeError for a nearby-claims query that makes no sense; returns its distinct usable words (at most MAX_NEARBY_WORDS). */
export function nearbyWords(q: NearbyClaimsQuery): string[] {
  if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > MAX_PAGE_SIZE) throw new RangeError(`limit must be a whole number from 1 to ${MAX_PAGE_SIZE} (got ${q.limit}).`);
  for (const [name, d] of [['since', q.since], ['until', q.until]] as const) {
    if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`${name} is not a valid date.`);
  }
  return [...new Set(q.words.flatMap(searchWords))].slice(0, MAX_NEARBY_WORDS);
}

/** Words of the query as search sees them; each entry is a phrase (a single word is a phrase of one). */
export interface QueryTerms {
  /** Free words and "phrases": each must appear in the claim's search words. */
  text: string[][];
  /** source: values (any one, words in order, the last word may be a prefix of a longer one). */
  source: string[][];
  /** The source keys of the source: values: a claim whose source has one of them matches too, whatever its words. */
  sourceKeys: string[];
  /** place: values (any one, words in order). */
  place: string[][];
}

const phrases = (xs: readonly string[] | undefined): string[][] => (xs ?? []).map(searchWords).filter((w) => w.length > 0);

/**
 * The query's words and phrases. A word or phrase with no letters or digits ("—") asks for nothing and is
 * dropped; a filter whose every value is like that can match nothing (`null`).
 */
export function queryTerms(q: ClaimQuery): QueryTerms | null {
  const terms = { text: phrases([...q.words, ...q.phrases]), source: phrases(q.source), sourceKeys: querySourceKeys(q.source), place: phrases(q.place) };
  if ((q.source?.length && !terms.source.length) || (q.place?.length && !terms.place.length)) return null;
  return terms;
}

/** A store's answers for one query, over a cursor type C that orders matches newest first. */
export interface MatchSource<C, R> {
  count(): Promise<number>;
  /** The cursor of the n-th newest match (0-based). */
  nthNewest(n: number): Promise<C>;
  /** Matches at `from` or newer (all when null), best first then newest first. */
  ranked(from: C | null, offset: number, limit: number): Promise<R[]>;
  /** Matches older than `before` (all when null), newest first. */
  newest(before: C | null, offset: number, limit: number): Promise<R[]>;
}

/** One page of matches under the rule above; `total` is every match. */
export async function pageOfMatches<C, R>(
  src: MatchSource<C, R>,
  opts: { page: number; pageSize: number; ranked: boolean; rankWindow: number },
): Promise<{ rows: R[]; total: number; pages: number }> {
  const total = await src.count();
  const pages = Math.ceil(total / opts.pageSize);
  const offset = (opts.page - 1) * opts.pageSize;
  const size = opts.pageSize;
  if (offset >= total) return { rows: [], total, pages };
  if (!opts.ranked) return { rows: await src.newest(null, offset, size), total, pages };
  if (total <= opts.rankWindow) return { rows: await src.ranked(null, offset, size), total, pages };
  const from = await src.nthNewest(opts.rankWindow - 1);
  const top = offset < opts.rankWindow ? await src.ranked(from, offset, Math.min(size, opts.rankWindow - offset)) : [];
  const rest = top.length < size ? await src.newest(from, Math.max(0, offset - opts.rankWindow), size - top.length) : [];
  return { rows: [...top, ...rest], total, pages };
}
