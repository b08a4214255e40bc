// The embedded channel log: one SQLite file (better-sqlite3), WAL, an FTS5 index over every claim.
//
// Claims are keyed by posting time (milliseconds × 2^20, plus a counter), so the key orders claims newest
// first and a since:/until: range is a key range. The FTS5 table (contentless) holds, per claim, the search
// words (`body`), the source's words (`src`), its places (`place`) and filter tags (`tags`: source type, source
// key, category, hedged, unattributed, who pasted it), so every /claims query is one FTS5 match: counted, ranked
// with bm25 over `body`, and paged there; only the page's rows are read from the tables.
// Every indexed word carries its channel's prefix ("k12_bridge"): a channel's search reads only its own
// entries' postings, and no match can come from another channel.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { newReportId, readReportId } from './ids.ts';
import { DEFAULT_RANK_WINDOW, checkQuery, nearbyWords, pageOfMatches, queryTerms, type MatchSource } from './paging.ts';
import { checkKey, checkNewReport, claimHit, claimRows, nearbyClaim, storedReport, type ClaimRow, type HitRecord, type NearbyRecord, type ReportRecord } from './rows.ts';
import { groupSourceRows, sourceCounts, type SourceRow } from './source-counts.ts';
import { SOURCE_KEY_RULES } from './source-key.ts';
import type { Summary } from '../schema.ts';
import { searchText, textHash } from './text.ts';
import {
  StoreUnavailableError,
  type AddResult,
  type ChannelKey,
  type ChannelLog,
  type ClaimPage,
  type ClaimQuery,
  type NearbyClaim,
  type NearbyClaimsQuery,
  type NewReport,
  type SourceCount,
  type StoredReport,
} from './types.ts';

export interface SqliteLogOptions {
  /** A file path, or ':memory:'. */
  path: string;
  /** Refuse writes (StoreUnavailableError, nothing half-written) once the file reaches this size. */
  maxMegabytes?: number;
  rankWindow?: number;
  /** How long a write waits for another process holding the file (default 5 s). */
  busyTimeoutMs?: number;
}

const SHIFT = 20n;
const PER_MS = 1n << SHIFT;
const MIN_KEY = -(2n ** 63n);
const MAX_KEY = 2n ** 63n - 1n;
const EXPORT_BATCH = 500;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS channels (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL, workspace TEXT NOT NULL, channel TEXT NOT NULL,
  UNIQUE (platform, workspace, channel));
CREATE TABLE IF NOT EXISTS reports (
  seq INTEGER PRIMARY KEY,
  chan INTEGER NOT NULL REFERENCES channels(id),
  id TEXT NOT NULL, text_hash TEXT NOT NULL, text TEXT NOT NULL, summary TEXT NOT NULL,
  user_id TEXT NOT NULL, user_name TEXT, thread TEXT, link TEXT, posted_ms INTEGER NOT NULL,
  UNIQUE (chan, id), UNIQUE (chan, text_hash));
CREATE INDEX IF NOT EXISTS reports_posted ON reports (chan, posted_ms);
CREATE TABLE IF NOT EXISTS claims (
  key INTEGER PRIMARY KEY,
  report INTEGER NOT NULL REFERENCES reports(seq) ON DELETE CASCADE,
  chan INTEGER NOT NULL,
  claim_id TEXT NOT NULL, text TEXT NOT NULL,
  source_name TEXT, source_type TEXT, conduit TEXT, cue_text TEXT, cue_stance TEXT,
  hedges TEXT NOT NULL, category TEXT NOT NULL, places TEXT NOT NULL, quote INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS claims_report ON claims (report);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/**
 * The search index's layout; a file with an older one has its index rebuilt from the stored reports, and so has
 * one whose source keys were made under other naming rules (meta 'source_keys'). 3: source keys in `tags`.
 */
const INDEX_VERSION = 3;
const INDEX = `
DROP TRIGGER IF EXISTS claims_fts_delete;
DROP TABLE IF EXISTS claims_fts;
CREATE VIRTUAL TABLE claims_fts USING fts5(
  body, src, place, tags, content = '', contentless_delete = 1, tokenize = "unicode61 tokenchars '_'");
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
  DELETE FROM claims_fts WHERE rowid = old.key;
END;
PRAGMA user_version = ${INDEX_VERSION};
`;

/** SQLite result codes that mean the file cannot be used or written, as opposed to a bug in a statement. */
const UNAVAILABLE: Record<string, string> = {
  SQLITE_FULL: 'is full (the disk, or its size limit)',
  SQLITE_READONLY: 'cannot be written (read-only)',
  SQLITE_CANTOPEN: 'cannot be opened',
  SQLITE_IOERR: 'could not be read or written (I/O error)',
  SQLITE_BUSY: 'is busy: another process held it too long',
  SQLITE_LOCKED: 'is locked',
  SQLITE_NOTADB: 'is not a ClaimDesk database',
  SQLITE_CORRUPT: 'is damaged',
  SQLITE_PERM: 'may not be accessed',
  SQLITE_AUTH: 'may not be accessed',
  SQLITE_NOMEM: 'ran out of memory',
};

function unavailable(e: unknown, where: string): unknown {
  const err = e as { code?: unknown; message?: string };
  if (e instanceof TypeError && /database connection is not open/.test(e.message)) {
    return new StoreUnavailableError(`The channel log ${where} is closed.`);
  }
  const base = typeof err?.code === 'string' ? err.code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1') : '';
  const what = UNAVAILABLE[base];
  if (!what) return e;
  const out = new StoreUnavailableError(`The channel log ${where} ${what}: ${err.message}. Nothing was changed.`);
  (out as Error & { cause?: unknown }).cause = e;
  return out;
}

const tag = (prefix: string, value: string) => prefix + searchText(value).replace(/ /g, '');
const userTag = (user: string) => 'b' + createHash('sha256').update(user).digest('hex').slice(0, 20);
/** A source key as one token (its words may be many, and must match as the whole key, not a run of it). */
const keyTag = (key: string) => 's' + createHash('sha256').update(key).digest('hex').slice(0, 20);
const quoted = (words: string[], prefix = false) => `"${words.join(' ')}"${prefix ? ' *' : ''}`;
/** The channel's prefix on each word of a search string ('' stays ''). */
const scope = (chan: number) => (words: string) => (words === '' ? '' : `k${chan}_` + words.replace(/ /g, ` k${chan}_`));
const anyOf = (col: string, xs: string[]) => `${col} : (${xs.join(' OR ')})`;

export async function openSqliteLog(opts: SqliteLogOptions): Promise<SqliteChannelLog> {
  return new SqliteChannelLog(opts);
}

export class SqliteChannelLog implements ChannelLog {
  readonly #db: Database.Database;
  readonly #where: string;
  readonly #rankWindow: number;
  readonly #channels = new Map<string, number>();
  readonly #statements = new Map<string, Database.Statement>();

  constructor(opts: SqliteLogOptions) {
    const memory = opts.path === ':memory:' || opts.path === '';
    this.#where = memory ? '(in memory)' : `at ${opts.path}`;
    this.#rankWindow = opts.rankWindow ?? DEFAULT_RANK_WINDOW;
    let db: Database.Database | undefined;
    try {
      if (!memory) mkdirSync(dirname(opts.path), { recursive: true });
      this.#db = db = new Database(memory ? ':memory:' : opts.path, { timeout: opts.busyTimeoutMs ?? 5000 });
      if (!memory) db.pragma('journal_mode = WAL');
      // FULL: a commit is on disk before add() resolves, so a crash or power cut right after loses nothing.
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('cache_size = -32000');
      db.exec(SCHEMA);
      db.transaction(() => this.#checkIndex()).immediate();
      if (opts.maxMegabytes !== undefined) {
        const pageSize = db.pragma('page_size', { simple: true }) as number;
        db.pragma(`max_page_count = ${Math.max(1, Math.floor((opts.maxMegabytes * 1024 * 1024) / pageSize))}`);
      }
    } catch (e) {
      if (db?.open) db.close();
      // mkdir's errors (EACCES, ENOTDIR, EROFS …) say the folder cannot be made.
      if (/^E[A-Z]+$/.test(String((e as { code?: string }).code))) {
        throw new StoreUnavailableError(`The channel log ${this.#where} cannot be created: ${(e as Error).message}`);
      }
      throw unavailable(e, this.#where);
    }
  }

  /** A prepared statement, prepared once per text. */
  #sql(text: string): Database.Statement {
    let st = this.#statements.get(text);
    if (!st) this.#statements.set(text, (st = this.#db.prepare(text)));
    return st;
  }

  /** Builds the search index when the file has none or an older one (inside a transaction). */
  #checkIndex(): void {
    const version = this.#db.pragma('user_version', { simple: true }) as number;
    if (version > INDEX_VERSION) {
      throw new StoreUnavailableError(`The channel log ${this.#where} was written by a newer ClaimDesk (index ${version}); update ClaimDesk.`);
    }
    const rules = this.#sql("SELECT value FROM meta WHERE name = 'source_keys'").pluck().get() as string | undefined;
    if (version === INDEX_VERSION && rules === SOURCE_KEY_RULES) return;
    this.#db.exec(INDEX);
    this.#sql("INSERT INTO meta (name, value) VALUES ('source_keys', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value").run(SOURCE_KEY_RULES);
    const page = this.#sql('SELECT seq, chan, user_id, summary FROM reports WHERE seq > ? ORDER BY seq LIMIT 500');
    const keys = this.#sql('SELECT key FROM claims WHERE report = ? ORDER BY key').pluck().safeIntegers(true);
    for (let after = 0; ; ) {
      const reports = page.all(after) as { seq: number; chan: number; user_id: string; summary: string }[];
      for (const r of reports) this.#index(r.chan, r.user_id, keys.all(r.seq) as bigint[], claimRows(JSON.parse(r.summary) as Summary));
      if (reports.length < 500) return;
      after = reports[reports.length - 1].seq;
    }
  }

  /** Adds claims to the search index, every word under the channel's prefix. */
  #index(chan: number, user: string, keys: bigint[], rows: ClaimRow[]): void {
    const ins = this.#sql('INSERT INTO claims_fts (rowid, body, src, place, tags) VALUES (?, ?, ?, ?, ?)');
    const p = scope(chan);
    const by = userTag(user);
    rows.forEach((c, n) => {
      if (keys[n] === undefined) return;
      const tags = ['all', tag('t', c.sourceType ?? 'none'), ...(c.sourceKey === null ? [] : [keyTag(c.sourceKey)]), tag('g', c.category), c.hedges.length ? 'h1' : 'h0', c.sourceName ? 'u0' : 'u1', by];
      ins.run(keys[n], p(c.body), p(c.source), p(c.place), p(tags.join(' ')));
    });
  }

  /** Runs `fn`, turning SQLite's "cannot use the file" errors into StoreUnavailableError. */
  async #run<T>(fn: () => T | Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw unavailable(e, this.#where);
    }
  }

  #channel(key: ChannelKey, create: boolean): number | null {
    checkKey(key);
    const k = `${key.platform}\u0000${key.workspace}\u0000${key.channel}`;
    const known = this.#channels.get(k);
    if (known !== undefined) return known;
    const find = () =>
      this.#sql('SELECT id FROM channels WHERE platform = ? AND workspace = ? AND channel = ?').pluck().get(key.platform, key.workspace, key.channel) as
        | number
        | undefined;
    let id = find();
    if (id === undefined && create) {
      this.#sql('INSERT OR IGNORE INTO channels (platform, workspace, channel) VALUES (?, ?, ?)').run(key.platform, key.workspace, key.channel);
      id = find();
    }
    if (id !== undefined) this.#channels.set(k, id);
    return id ?? null;
  }

  async add(report: NewReport): Promise<AddResult> {
    return (await this.addMany([report]))[0];
  }

  /** Stores several reports in one transaction (all or none); repeats, also within the batch, are not stored again. */
  async addMany(reports: NewReport[]): Promise<AddResult[]> {
    for (const r of reports) checkNewReport(r);
    try {
      return await this.#run(() => this.#db.transaction(() => reports.map((r) => this.#addOne(r))).immediate());
    } catch (e) {
      // A channel first seen in the rolled-back transaction was not created after all: forget its id.
      this.#channels.clear();
      throw e;
    }
  }

  #addOne(r: NewReport): AddResult {
    const chan = this.#channel(r.key, true)!;
    const hash = textHash(r.text);
    const earlier = this.#sql('SELECT * FROM reports WHERE chan = ? AND text_hash = ?').get(chan, hash) as ReportRecord | undefined;
    if (earlier) return { duplicate: true, report: storedReport(r.key, earlier) };
    let id = newReportId();
    const taken = this.#sql('SELECT 1 FROM reports WHERE chan = ? AND id = ?').pluck();
    while (taken.get(chan, id)) id = newReportId();
    const postedMs = r.postedAt.getTime();
    const summary = JSON.stringify(r.summary);
    const seq = this.#sql(
      `INSERT INTO reports (chan, id, text_hash, text, summary, user_id, user_name, thread, link, posted_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(chan, id, hash, r.text, summary, r.user, r.userName ?? null, r.thread ?? null, r.link ?? null, postedMs).lastInsertRowid;
    const rows = claimRows(r.summary);
    if (rows.length > 0) {
      const first = this.#firstFreeKey(postedMs, rows.length);
      const keys = rows.map((_, n) => first + BigInt(n));
      const insClaim = this.#sql(
        `INSERT INTO claims (key, report, chan, claim_id, text, source_name, source_type, conduit, cue_text, cue_stance, hedges, category, places, quote)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      rows.forEach((c, n) =>
        insClaim.run(keys[n], seq, chan, c.claimId, c.text, c.sourceName, c.sourceType, c.conduit, c.cueText, c.cueStance,
          JSON.stringify(c.hedges), c.category, JSON.stringify(c.places), c.quote ? 1 : 0),
      );
      this.#index(chan, r.user, keys, rows);
    }
    const stored: StoredReport = { ...r, id, key: { ...r.key } };
    return { duplicate: false, report: stored };
  }

  /** The first of `n` free consecutive claim keys in the report's millisecond. */
  #firstFreeKey(postedMs: number, n: number): bigint {
    const base = BigInt(postedMs) * PER_MS;
    const last = this.#sql('SELECT max(key) FROM claims WHERE key >= ? AND key < ?').pluck().safeIntegers(true).get(base, base + PER_MS) as
      | bigint
      | null;
    const first = last === null ? base : last + 1n;
    if (first + BigInt(n) > base + PER_MS) throw new RangeError('Too many claims posted in the same millisecond (over a million).');
    return first;
  }

  async get(key: ChannelKey, id: string): Promise<StoredReport | null> {
    return this.#run(() => {
      const chan = this.#channel(key, false);
      const rid = readReportId(id);
      if (chan === null || rid === null) return null;
      const row = this.#sql('SELECT * FROM reports WHERE chan = ? AND id = ?').get(chan, rid) as ReportRecord | undefined;
      return row ? storedReport(key, row) : null;
    });
  }

  async queryClaims(key: ChannelKey, q: ClaimQuery): Promise<ClaimPage> {
    checkQuery(q);
    return this.#run(() => {
      const empty: ClaimPage = { hits: [], total: 0, page: q.page, pages: 0 };
      const chan = this.#channel(key, false);
      const terms = queryTerms(q);
      if (chan === null || terms === null) return empty;
      // Every word and tag under this channel's prefix: the match cannot reach another channel's claims.
      const p = scope(chan);
      const words = (ws: string[]) => ws.map(p);
      const parts = terms.text.map((w) => `body : ${quoted(words(w))}`);
      // source: the name's words, or a source with the same key (another way of writing the name).
      if (terms.source.length) {
        const byKey = terms.sourceKeys.length ? ` OR ${anyOf('tags', terms.sourceKeys.map((k) => p(keyTag(k))))}` : '';
        parts.push(`(${anyOf('src', terms.source.map((w) => quoted(words(w), true)))}${byKey})`);
      }
      if (terms.place.length) parts.push(anyOf('place', terms.place.map((w) => quoted(words(w)))));
      if (q.type?.length) parts.push(anyOf('tags', q.type.map((t) => p(tag('t', t)))));
      if (q.category?.length) parts.push(anyOf('tags', q.category.map((c) => p(tag('g', c)))));
      if (q.hedged !== undefined) parts.push(`tags : ${p(q.hedged ? 'h1' : 'h0')}`);
      if (q.unattributed !== undefined) parts.push(`tags : ${p(q.unattributed ? 'u1' : 'u0')}`);
      if (q.by?.length) parts.push(anyOf('tags', q.by.map((u) => p(userTag(u)))));
      if (parts.length === 0) parts.push(`tags : ${p('all')}`);
      const match = parts.join(' AND ');
      const lo = q.since ? BigInt(q.since.getTime()) * PER_MS : MIN_KEY;
      const hi = q.until ? (BigInt(q.until.getTime()) + 1n) * PER_MS - 1n : MAX_KEY;
      const where = 'FROM claims_fts WHERE claims_fts MATCH ? AND rowid BETWEEN ? AND ?';
      type Ref = { key: bigint; score: number };
      const refs = (sql: string, ...args: unknown[]) => this.#sql(sql).safeIntegers(true).all(...args) as { key: bigint; s: number | bigint }[];
      const toRefs = (rows: { key: bigint; s: number | bigint }[]): Ref[] => rows.map((r) => ({ key: r.key, score: -Number(r.s) }));
      const src: MatchSource<bigint, Ref> = {
        count: async () => Number(this.#sql(`SELECT count(*) ${where}`).pluck().get(match, lo, hi)),
        nthNewest: async (n) => this.#sql(`SELECT rowid ${where} ORDER BY rowid DESC LIMIT 1 OFFSET ?`).pluck().safeIntegers(true).get(match, lo, hi, n) as bigint,
        ranked: async (from, offset, limit) =>
          toRefs(refs(`SELECT rowid AS key, bm25(claims_fts, 1.0, 0.0, 0.0, 0.0) AS s ${where} ORDER BY s, rowid DESC LIMIT ? OFFSET ?`, match, from ?? lo, hi, limit, offset)),
        newest: async (before, offset, limit) =>
          toRefs(refs(`SELECT rowid AS key, 0 AS s ${where} ORDER BY rowid DESC LIMIT ? OFFSET ?`, match, lo, before === null ? hi : before - 1n, limit, offset)),
      };
      // better-sqlite3 is synchronous: the "async" steps above resolve at once, so this stays one read.
      return pageOfMatches(src, { page: q.page, pageSize: q.pageSize, ranked: terms.text.length > 0, rankWindow: this.#rankWindow }).then(
        ({ rows, total, pages }) => ({ hits: this.#hits(chan, rows), total, page: q.page, pages }),
      );
    });
  }

  async claimsNear(key: ChannelKey, q: NearbyClaimsQuery): Promise<NearbyClaim[]> {
    const ws = nearbyWords(q);
    return this.#run(() => {
      const chan = this.#channel(key, false);
      if (chan === null || ws.length === 0) return [];
      const p = scope(chan);
      const match = `body : (${ws.map((w) => quoted([p(w)])).join(' OR ')})`;
      const lo = BigInt(q.since.getTime()) * PER_MS;
      const hi = (BigInt(q.until.getTime()) + 1n) * PER_MS - 1n;
      // The excluded report's claims are dropped here rather than in SQL: a NOT IN beside the MATCH made FTS5 read far more.
      const seq = q.excludeReport === undefined ? null : this.#sql('SELECT seq FROM reports WHERE chan = ? AND id = ?').pluck().get(chan, readReportId(q.excludeReport) ?? '');
      const own = new Set(seq == null ? [] : (this.#sql('SELECT key FROM claims WHERE report = ?').pluck().safeIntegers(true).all(seq) as bigint[]));
      const keys = (
        this.#sql('SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT ?')
          .pluck()
          .safeIntegers(true)
          .all(match, lo, hi, q.limit + own.size) as bigint[]
      )
        .filter((k) => !own.has(k))
        .slice(0, q.limit);
      if (keys.length === 0) return [];
      // The report's id comes before its text in the row; its link and poster come after the summary, which
      // SQLite would walk overflow pages to reach: reportLinks reads those for the few reports that are shown.
      const rows = this.#sql(
          `SELECT CAST(c.key AS TEXT) AS k, r.id AS report_id, c.claim_id, c.text, c.source_name, c.source_type, c.cue_text, c.cue_stance,
                  c.category, c.places, c.key >> ${SHIFT} AS posted_ms
           FROM json_each(?) AS page CROSS JOIN claims c ON c.key = page.value CROSS JOIN reports r ON r.seq = c.report
           WHERE c.chan = ? AND r.chan = ?`,
        )
        .all(`[${keys.join(',')}]`, chan, chan) as (NearbyRecord & { k: string })[];
      const byKey = new Map(rows.map((r) => [r.k, r]));
      return keys.flatMap((k) => {
        const row = byKey.get(String(k));
        return row ? [nearbyClaim(row)] : [];
      });
    });
  }

  async reportLinks(key: ChannelKey, ids: readonly string[]): Promise<Map<string, string>> {
    return this.#run(() => {
      const chan = this.#channel(key, false);
      const wanted = [...new Set(ids.map(readReportId).filter((x): x is string => x !== null))];
      const out = new Map<string, string>();
      if (chan === null || wanted.length === 0) return out;
      const rows = this.#sql('SELECT id, link FROM reports WHERE chan = ? AND id IN (SELECT value FROM json_each(?)) AND link IS NOT NULL')
        .all(chan, JSON.stringify(wanted)) as { id: string; link: string }[];
      for (const r of rows) out.set(r.id, r.link);
      return out;
    });
  }

  #hits(chan: number, refs: { key: bigint; score: number }[]): ClaimPage['hits'] {
    if (refs.length === 0) return [];
    // CROSS JOIN keeps this order: the page's keys, then each claim and its report by primary key.
    const rows = this.#sql(
        `SELECT CAST(c.key AS TEXT) AS k, r.id AS report_id, c.claim_id, c.text, c.source_name, c.source_type, c.conduit, c.cue_text,
                c.cue_stance, c.hedges, c.category, c.places, c.quote, r.user_id, r.user_name, r.link, r.posted_ms
         FROM json_each(?) AS page CROSS JOIN claims c ON c.key = page.value CROSS JOIN reports r ON r.seq = c.report
         WHERE c.chan = ? AND r.chan = ?`,
      )
      .all(`[${refs.map((r) => r.key).join(',')}]`, chan, chan) as (HitRecord & { k: string })[];
    const byKey = new Map(rows.map((r) => [r.k, r]));
    return refs.flatMap((ref) => {
      const row = byKey.get(String(ref.key));
      return row ? [claimHit(row, ref.score)] : [];
    });
  }

  async sources(key: ChannelKey, opts: { since?: Date; until?: Date } = {}): Promise<SourceCount[]> {
    return this.#run(() => {
      const chan = this.#channel(key, false);
      if (chan === null) return [];
      const lo = opts.since ? BigInt(opts.since.getTime()) * PER_MS : MIN_KEY;
      const hi = opts.until ? (BigInt(opts.until.getTime()) + 1n) * PER_MS - 1n : MAX_KEY;
      const rows = this.#sql(
          `SELECT c.source_name AS name, c.source_type AS type, count(*) AS claims, count(DISTINCT c.report) AS reports, max(r.posted_ms) AS last
           FROM claims c JOIN reports r ON r.seq = c.report
           WHERE c.chan = ? AND c.source_name IS NOT NULL AND c.key BETWEEN ? AND ?
           GROUP BY c.source_name, c.source_type
           ORDER BY claims DESC, reports DESC, last DESC, name`,
        )
        .all(chan, lo, hi) as SourceRow[];
      // One entry per source however reports wrote its name; a source with several names has its reports counted over all of them.
      const grouped = groupSourceRows(rows);
      const reports = new Map<string, number>();
      if (Object.keys(grouped.reportsOver).length > 0) {
        const counted = this.#sql(
          // The names as a table first, so each claim finds its name through an index, not a walk of the list.
          `WITH g(name, k) AS MATERIALIZED (SELECT key, value FROM json_each(?))
           SELECT g.k AS k, count(DISTINCT c.report) AS reports
           FROM claims c JOIN g ON g.name = c.source_name
           WHERE c.chan = ? AND c.key BETWEEN ? AND ?
           GROUP BY g.k`,
        )
          .all(JSON.stringify(grouped.reportsOver), chan, lo, hi) as { k: string; reports: number }[];
        for (const r of counted) reports.set(r.k, r.reports);
      }
      return sourceCounts(grouped, reports);
    });
  }

  async forget(key: ChannelKey, id: string): Promise<boolean> {
    return this.#run(() => {
      const chan = this.#channel(key, false);
      const rid = readReportId(id);
      if (chan === null || rid === null) return false;
      return this.#sql('DELETE FROM reports WHERE chan = ? AND id = ?').run(chan, rid).changes > 0;
    });
  }

  async purge(key: ChannelKey, before: Date): Promise<number> {
    if (!(before instanceof Date) || Number.isNaN(before.getTime())) throw new RangeError('purge needs a valid date.');
    return this.#run(() => {
      const chan = this.#channel(key, false);
      if (chan === null) return 0;
      return this.#sql('DELETE FROM reports WHERE chan = ? AND posted_ms < ?').run(chan, before.getTime()).changes;
    });
  }

  async *export(key: ChannelKey, opts: { since?: Date; until?: Date } = {}): AsyncIterable<StoredReport> {
    const chan = await this.#run(() => this.#channel(key, false));
    if (chan === null) return;
    const lo = opts.since?.getTime() ?? Number.MIN_SAFE_INTEGER;
    const hi = opts.until?.getTime() ?? Number.MAX_SAFE_INTEGER;
    let after: [number, number] = [Number.MIN_SAFE_INTEGER, 0];
    for (;;) {
      // In batches, so a long export neither holds the file nor all reports in memory.
      const rows = await this.#run(
        () =>
          this.#sql(
              `SELECT seq, * FROM reports WHERE chan = ? AND posted_ms BETWEEN ? AND ? AND (posted_ms, seq) > (?, ?)
               ORDER BY posted_ms, seq LIMIT ?`,
            )
            .all(chan, lo, hi, after[0], after[1], EXPORT_BATCH) as (ReportRecord & { seq: number; posted_ms: number })[],
      );
      for (const row of rows) yield storedReport(key, row);
      if (rows.length < EXPORT_BATCH) return;
      const last = rows[rows.length - 1];
      after = [last.posted_ms, last.seq];
    }
  }

  async count(key: ChannelKey): Promise<number> {
    return this.#run(() => {
      const chan = this.#channel(key, false);
      return chan === null ? 0 : (this.#sql('SELECT count(*) FROM reports WHERE chan = ?').pluck().get(chan) as number);
    });
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}
