// The channel log's contract: what the commands, the bot and the digest may ask of a store. Two stores implement
// it (src/channel-log/sqlite.ts, the embedded default; src/channel-log/postgres.ts, for several bot processes), and one shared
// test suite runs over both. Every call is scoped by a ChannelKey: no call can reach another channel's entries.
import type { Category, SourceType, Stance, Summary } from '../schema.ts';

/** Where a report was posted. Every read and write names one; entries never leak across keys. */
export interface ChannelKey {
  /** 'slack' | 'discord' | 'console' | 'cli' */
  platform: string;
  /** Slack team id, Discord guild id, or 'local'. */
  workspace: string;
  channel: string;
}

export interface NewReport {
  key: ChannelKey;
  /** The text as pasted (what the summary's spans point into). */
  text: string;
  summary: Summary;
  /** Platform user id of whoever pasted it. */
  user: string;
  /** Display name, when the platform gives one. */
  userName?: string;
  /** Thread or message id the bot replied in, when any. */
  thread?: string;
  /** Link to the message on the platform, when any. */
  link?: string;
  postedAt: Date;
}

export interface StoredReport extends NewReport {
  /** Short id people type (`/report ID`); unique within its channel. */
  id: string;
}

export interface AddResult {
  report: StoredReport;
  /** True when the same text was already in this channel's log: `report` is the earlier entry, nothing stored. */
  duplicate: boolean;
}

/** One parsed `/claims` query. Every present condition must hold (AND); lists inside one filter are OR. */
export interface ClaimQuery {
  /** Free words: each must appear in the claim (its text, source, conduit or entities). */
  words: string[];
  /** "Quoted phrases": each must appear as a phrase. */
  phrases: string[];
  /** source: — case-insensitive match on the source's name or mention (substring of words), or a source with the same source key. */
  source?: string[];
  type?: SourceType[];
  /** place: — a place entity of the claim. */
  place?: string[];
  category?: Category[];
  /** Only claims with (true) / without (false) hedges. */
  hedged?: boolean;
  /** Only claims with no source. */
  unattributed?: boolean;
  /** by: — user ids of whoever pasted the report. */
  by?: string[];
  since?: Date;
  until?: Date;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface ClaimHit {
  reportId: string;
  claimId: string;
  text: string;
  source: { name: string; type: SourceType } | null;
  conduit: string | null;
  cue: { text: string; stance: Stance } | null;
  hedges: string[];
  category: Category;
  places: string[];
  quote: boolean;
  user: string;
  userName?: string;
  link?: string;
  postedAt: Date;
  /** Higher is better; only comparable within one result. */
  score: number;
}

/**
 * Claims near a report in time that may be about the same thing (the candidates for "also reported in …" and
 * "disputed by …"): the channel's claims posted from `since` to `until` (both included) whose search words hold
 * any of `words`, newest first. Not ranked: ranking an OR of common words reads the whole index's statistics,
 * so callers pass few, telling words (a claim's place names).
 */
export interface NearbyClaimsQuery {
  /** Search words (searchWords form: lower case, no accents, letters and digits only); at most MAX_NEARBY_WORDS count. */
  words: string[];
  since: Date;
  until: Date;
  /** Most claims returned (1 to 500). */
  limit: number;
  /** Leave this report's own claims out. */
  excludeReport?: string;
}

export const MAX_NEARBY_WORDS = 32;

/** A claim found by claimsNear: what matching reads, and the report it is in (no poster or link: see reportLinks). */
export interface NearbyClaim {
  reportId: string;
  claimId: string;
  text: string;
  source: { name: string; type: SourceType } | null;
  cue: { text: string; stance: Stance } | null;
  category: Category;
  places: string[];
  postedAt: Date;
}

export interface ClaimPage {
  hits: ClaimHit[];
  /** Matching claims in all pages. */
  total: number;
  page: number;
  pages: number;
}

export interface SourceCount {
  name: string;
  type: SourceType;
  claims: number;
  reports: number;
  lastSeen: Date;
}

export interface ChannelLog {
  /** Stores the report and its claims durably before resolving; a repeat of the same text is not stored again. */
  add(report: NewReport): Promise<AddResult>;
  /**
   * Optional (both stores have it): stores several reports in one transaction, all or none, for batch ingest.
   * One result per report, in order; a repeat, also of an earlier report in the same batch, is a duplicate.
   */
  addMany?(reports: NewReport[]): Promise<AddResult[]>;
  get(key: ChannelKey, id: string): Promise<StoredReport | null>;
  /**
   * Best first: with free words or phrases, by relevance among the newest 10,000 matches, ties newest first, then
   * any older matches newest first; without them, newest first. since/until both include their instant.
   */
  queryClaims(key: ChannelKey, query: ClaimQuery): Promise<ClaimPage>;
  /**
   * Candidates for cross-references between reports, newest first: see NearbyClaimsQuery. Light rows (the
   * claims' own columns and their report's id), so that many can be read cheaply.
   */
  claimsNear(key: ChannelKey, query: NearbyClaimsQuery): Promise<NearbyClaim[]>;
  /** The message links of these reports of the channel, for those that have one (unknown ids are left out). */
  reportLinks(key: ChannelKey, ids: readonly string[]): Promise<Map<string, string>>;
  sources(key: ChannelKey, opts?: { since?: Date; until?: Date }): Promise<SourceCount[]>;
  /** Removes one report and its claims; false when the channel has no such report. */
  forget(key: ChannelKey, id: string): Promise<boolean>;
  /** Removes the channel's reports posted before `before`; returns how many. */
  purge(key: ChannelKey, before: Date): Promise<number>;
  /** The channel's reports in posting order (oldest first). */
  export(key: ChannelKey, opts?: { since?: Date; until?: Date }): AsyncIterable<StoredReport>;
  count(key: ChannelKey): Promise<number>;
  close(): Promise<void>;
}

/** Thrown for a store that cannot be reached or refuses writes; callers turn it into a clear message. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}
