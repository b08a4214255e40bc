// The shared channel log: Postgres, for several bot processes writing one log. Tables live in their own schema
// (default `claimdesk`), created on first connect. Claims carry tsvectors (the same search words as the SQLite
// store, through the 'simple' configuration) with GIN indexes, and are ranked with ts_rank. Each claim also keeps
// its source's key (source-key.ts), which `source:` matches beside the source's words.
//
// Concurrent writers: a report is inserted with ON CONFLICT on (channel, text hash), so two processes pasting
// the same text store it once and both get the one entry back. A connection lost mid-call is retried once on a
// fresh connection (adding is idempotent through that same key); a server that cannot be reached is a
// StoreUnavailableError, and the pool connects again on the next call.
import pg from 'pg';
import { newReportId, readReportId } from './ids.ts';
import { DEFAULT_RANK_WINDOW, checkQuery, nearbyWords, pageOfMatches, queryTerms, type MatchSource } from './paging.ts';
import { checkKey, checkNewReport, claimHit, claimRows, nearbyClaim, storedReport, type HitRecord, type NearbyRecord, type ReportRecord } from './rows.ts';
import { groupSourceRows, sourceCounts } from './source-counts.ts';
import { SOURCE_KEY_RULES, storedSourceKey } from './source-key.ts';
import { textHash } from './text.ts';
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

export interface PostgresLogOptions {
  connectionString: string;
  /** Schema holding the tables (created when missing). Default: claimdesk. */
  schema?: string;
  rankWindow?: number;
  /** Connections per process (default 4). */
  max?: number;
  /** How long to wait for a connection before the store counts as down (default 5 s). */
  connectTimeoutMs?: number;
}

const EXPORT_BATCH = 500;
const MIN_MS = -Number.MAX_SAFE_INTEGER;
const MAX_MS = Number.MAX_SAFE_INTEGER;
/** Any number: serialises the first connect of several processes, so they do not race creating tables. */
const SCHEMA_LOCK = 4_240_733;
/** The tables' layout, in meta 'schema' (a log without it is 1). 2: claims.source_key. */
const SCHEMA_VERSION = 2;
/** Source names re-keyed per statement when the naming rules changed. */
const REKEY_BATCH = 2000;

const schemaSql = (s: string) => `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.channels (
  id bigserial PRIMARY KEY,
  platform text NOT NULL, workspace text NOT NULL, channel text NOT NULL,
  UNIQUE (platform, workspace, channel));
CREATE TABLE IF NOT EXISTS ${s}.reports (
  seq bigserial PRIMARY KEY,
  chan bigint NOT NULL REFERENCES ${s}.channels (id),
  id text NOT NULL, text_hash text NOT NULL, text text NOT NULL, summary text NOT NULL,
  user_id text NOT NULL, user_name text, thread text, link text, posted_ms bigint NOT NULL,
  CONSTRAINT reports_chan_id UNIQUE (chan, id),
  CONSTRAINT reports_chan_text UNIQUE (chan, text_hash));
CREATE INDEX IF NOT EXISTS reports_posted ON ${s}.reports (chan, posted_ms, seq);
CREATE TABLE IF NOT EXISTS ${s}.claims (
  seq bigserial PRIMARY KEY,
  report bigint NOT NULL REFERENCES ${s}.reports (seq) ON DELETE CASCADE,
  chan bigint NOT NULL, posted_ms bigint NOT NULL, user_id text NOT NULL,
  claim_id text NOT NULL, text text NOT NULL,
  source_name text, source_type text, conduit text, cue_text text, cue_stance text,
  hedges jsonb NOT NULL, category text NOT NULL, places jsonb NOT NULL, quote boolean NOT NULL, hedged boolean NOT NULL,
  body tsvector NOT NULL, src tsvector NOT NULL, place tsvector NOT NULL);
CREATE INDEX IF NOT EXISTS claims_report ON ${s}.claims (report);
CREATE INDEX IF NOT EXISTS claims_recent ON ${s}.claims (chan, posted_ms DESC, seq DESC);
CREATE INDEX IF NOT EXISTS claims_body ON ${s}.claims USING gin (body);
CREATE INDEX IF NOT EXISTS claims_src ON ${s}.claims USING gin (src);
CREATE INDEX IF NOT EXISTS claims_place ON ${s}.claims USING gin (place);
CREATE TABLE IF NOT EXISTS ${s}.meta (name text PRIMARY KEY, value text NOT NULL);
`;

/** Steps from each older layout to the next (index: the version they start from). */
const migrations = (s: string): Record<number, string> => ({
  1: `ALTER TABLE ${s}.claims ADD COLUMN IF NOT EXISTS source_key text;
      CREATE INDEX IF NOT EXISTS claims_source_key ON ${s}.claims (chan, source_key);`,
});

const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN']);
const LOST = /Connection terminated|connection error|timeout exceeded when trying to connect|terminating connection|Client was closed/i;

/** The connection went away (worth one more try on a fresh one). */
function connectionLost(e: unknown): boolean {
  const { code, message } = (e ?? {}) as { code?: string; message?: string };
  return NETWORK.has(code ?? '') || /^(08|57P0)/.test(code ?? '') || LOST.test(message ?? '');
}

/** The server cannot take the call: unreachable, shutting down, out of disk, read-only. */
function unavailableReason(e: unknown): string | null {
  const { code } = (e ?? {}) as { code?: string };
  if (connectionLost(e)) return 'cannot be reached';
  if (code === '53100') return 'is out of disk space';
  if (code === '25006') return 'is read-only';
  if (code && /^(53|58)/.test(code)) return 'cannot take writes just now (server resources)';
  if (/pool after calling end/i.test(String((e as Error)?.message))) return 'is closed';
  return null;
}

export async function openPostgresLog(opts: PostgresLogOptions): Promise<PostgresChannelLog> {
  const log = new PostgresChannelLog(opts);
  try {
    await log.ready();
  } catch (e) {
    await log.close();
    throw e;
  }
  return log;
}

type Cursor = { ms: string; seq: string };
type Row = HitRecord & { score: number };

export class PostgresChannelLog implements ChannelLog {
  readonly #pool: pg.Pool;
  readonly #s: string;
  readonly #where: string;
  readonly #rankWindow: number;
  readonly #channels = new Map<string, string>();
  #schema: Promise<void> | null = null;

  constructor(opts: PostgresLogOptions) {
    const schema = opts.schema ?? 'claimdesk';
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new TypeError(`Schema name "${schema}" must be letters, digits and _.`);
    this.#s = `"${schema}"`;
    const u = new URL(opts.connectionString);
    this.#where = `(Postgres at ${u.hostname}:${u.port || 5432}${u.pathname})`;
    this.#rankWindow = opts.rankWindow ?? DEFAULT_RANK_WINDOW;
    this.#pool = new pg.Pool({
      connectionString: opts.connectionString,
      max: opts.max ?? 4,
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
      idleTimeoutMillis: 30_000,
    });
    // An idle connection the server dropped: the pool discards it and the next call opens a new one.
    this.#pool.on('error', () => {});
  }

  /** Creates the schema once per process (again after a failed try). */
  ready(): Promise<void> {
    this.#schema ??= this.#tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await c.query(schemaSql(this.#s));
      await this.#migrate(c);
    }).catch((e) => {
      this.#schema = null;
      throw this.#wrap(e);
    });
    return this.#schema;
  }

  /** Brings an older log's tables up to SCHEMA_VERSION, and its source keys up to the current naming rules. */
  async #migrate(c: pg.PoolClient): Promise<void> {
    const s = this.#s;
    const meta = new Map((await c.query<{ name: string; value: string }>(`SELECT name, value FROM ${s}.meta`)).rows.map((r) => [r.name, r.value]));
    const version = Number(meta.get('schema') ?? 1);
    if (version > SCHEMA_VERSION) {
      throw new StoreUnavailableError(`The shared channel log ${this.#where} was written by a newer ClaimDesk (schema ${version}); update ClaimDesk.`);
    }
    const steps = migrations(s);
    for (let v = version; v < SCHEMA_VERSION; v++) await c.query(steps[v]);
    if (meta.get('source_keys') !== SOURCE_KEY_RULES) {
      // Keys are made per distinct name (in JS: the rules are), then written to every claim of that name.
      const names = (await c.query<{ n: string }>(`SELECT DISTINCT source_name AS n FROM ${s}.claims WHERE source_name IS NOT NULL`)).rows;
      for (let i = 0; i < names.length; i += REKEY_BATCH) {
        const keys = Object.fromEntries(names.slice(i, i + REKEY_BATCH).map(({ n }) => [n, storedSourceKey(n)]));
        await c.query(
          `UPDATE ${s}.claims c SET source_key = k.value FROM jsonb_each_text($1::jsonb) k
           WHERE c.source_name = k.key AND c.source_key IS DISTINCT FROM k.value`,
          [JSON.stringify(keys)],
        );
      }
    }
    if (version !== SCHEMA_VERSION || meta.get('source_keys') !== SOURCE_KEY_RULES) {
      await c.query(
        `INSERT INTO ${s}.meta (name, value) VALUES ('schema', $1), ('source_keys', $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
        [String(SCHEMA_VERSION), SOURCE_KEY_RULES],
      );
    }
  }

  #wrap(e: unknown): unknown {
    if (e instanceof StoreUnavailableError) return e;
    const reason = unavailableReason(e);
    if (!reason) return e;
    const out = new StoreUnavailableError(`The shared channel log ${this.#where} ${reason}: ${(e as Error).message}. Nothing was changed.`);
    (out as Error & { cause?: unknown }).cause = e;
    return out;
  }

  /** Runs `fn` once the schema exists; a lost connection is retried once, then reported as the store down. */
  async #call<T>(fn: () => Promise<T>): Promise<T> {
    await this.ready();
    try {
      return await fn();
    } catch (e) {
      if (!connectionLost(e)) throw this.#wrap(e);
      try {
        return await fn();
      } catch (again) {
        throw this.#wrap(again);
      }
    }
  }

  async #tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (e) {
      broken = connectionLost(e);
      if (!broken) await client.query('ROLLBACK').catch(() => (broken = true));
      throw e;
    } finally {
      // A broken connection is closed, not handed to the next caller.
      client.release(broken ? true : undefined);
    }
  }

  async #q<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.#pool.query<R>(sql, params)).rows;
  }

  async #channel(key: ChannelKey, create: boolean): Promise<string | null> {
    checkKey(key);
    const k = `${key.platform}\u0000${key.workspace}\u0000${key.channel}`;
    const known = this.#channels.get(k);
    if (known !== undefined) return known;
    const args = [key.platform, key.workspace, key.channel];
    // Created outside any report's transaction, so the id is real even if that transaction rolls back.
    if (create) await this.#q(`INSERT INTO ${this.#s}.channels (platform, workspace, channel) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, args);
    const rows = await this.#q<{ id: string }>(`SELECT id FROM ${this.#s}.channels WHERE platform = $1 AND workspace = $2 AND channel = $3`, args);
    const id = rows[0]?.id ?? null;
    if (id !== null) this.#channels.set(k, id);
    return id;
  }

  async add(report: NewReport): Promise<AddResult> {
    return (await this.addMany([report]))[0];
  }

  /** Stores several reports in one transaction (all or none); repeats, also within the batch, are not stored again. */
  async addMany(reports: NewReport[]): Promise<AddResult[]> {
    for (const r of reports) checkNewReport(r);
    return this.#call(async () => {
      const chans: string[] = [];
      for (const r of reports) chans.push((await this.#channel(r.key, true))!);
      return this.#tx(async (c) => {
        const out: AddResult[] = [];
        for (let i = 0; i < reports.length; i++) out.push(await this.#addOne(c, chans[i], reports[i]));
        return out;
      });
    });
  }

  async #addOne(c: pg.PoolClient, chan: string, r: NewReport): Promise<AddResult> {
    const s = this.#s;
    const hash = textHash(r.text);
    const postedMs = r.postedAt.getTime();
    let seq: string | undefined;
    let id = '';
    for (let tries = 0; seq === undefined; tries++) {
      id = newReportId();
      await c.query('SAVEPOINT report');
      try {
        const ins = await c.query<{ seq: string }>(
          `INSERT INTO ${s}.reports (chan, id, text_hash, text, summary, user_id, user_name, thread, link, posted_ms)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (chan, text_hash) DO NOTHING RETURNING seq`,
          [chan, id, hash, r.text, JSON.stringify(r.summary), r.user, r.userName ?? null, r.thread ?? null, r.link ?? null, postedMs],
        );
        if (ins.rows.length === 0) {
          // Already there, maybe just now from another process: that entry is the answer.
          const earlier = await c.query<ReportRecord>(`SELECT * FROM ${s}.reports WHERE chan = $1 AND text_hash = $2`, [chan, hash]);
          return { duplicate: true, report: storedReport(r.key, earlier.rows[0]) };
        }
        seq = ins.rows[0].seq;
      } catch (e) {
        // The random id is taken in this channel: draw another.
        const { code, constraint } = e as { code?: string; constraint?: string };
        if (code !== '23505' || constraint !== 'reports_chan_id' || tries >= 10) throw e;
        await c.query('ROLLBACK TO SAVEPOINT report');
      }
    }
    const rows = claimRows(r.summary).map((x, n) => ({
      n,
      claim_id: x.claimId, text: x.text, source_name: x.sourceName, source_key: x.sourceKey, source_type: x.sourceType, conduit: x.conduit,
      cue_text: x.cueText, cue_stance: x.cueStance, hedges: x.hedges, category: x.category, places: x.places,
      quote: x.quote, hedged: x.hedges.length > 0, body: x.body, src: x.source, place: x.place,
    }));
    if (rows.length > 0) {
      await c.query(
        `INSERT INTO ${s}.claims (report, chan, posted_ms, user_id, claim_id, text, source_name, source_key, source_type, conduit, cue_text,
           cue_stance, hedges, category, places, quote, hedged, body, src, place)
         SELECT $1, $2, $3, $4, x.claim_id, x.text, x.source_name, x.source_key, x.source_type, x.conduit, x.cue_text,
           x.cue_stance, x.hedges, x.category, x.places, x.quote, x.hedged,
           to_tsvector('simple', x.body), to_tsvector('simple', x.src), to_tsvector('simple', x.place)
         FROM jsonb_to_recordset($5::jsonb) AS x(n int, claim_id text, text text, source_name text, source_key text, source_type text, conduit text,
           cue_text text, cue_stance text, hedges jsonb, category text, places jsonb, quote boolean, hedged boolean,
           body text, src text, place text)
         ORDER BY x.n`,
        [seq, chan, postedMs, r.user, JSON.stringify(rows)],
      );
    }
    return { duplicate: false, report: { ...r, id, key: { ...r.key } } };
  }

  async get(key: ChannelKey, id: string): Promise<StoredReport | null> {
    return this.#call(async () => {
      const chan = await this.#channel(key, false);
      const rid = readReportId(id);
      if (chan === null || rid === null) return null;
      const rows = await this.#q<ReportRecord>(`SELECT * FROM ${this.#s}.reports WHERE chan = $1 AND id = $2`, [chan, rid]);
      return rows[0] ? storedReport(key, rows[0]) : null;
    });
  }

  async queryClaims(key: ChannelKey, q: ClaimQuery): Promise<ClaimPage> {
    checkQuery(q);
    return this.#call(async () => {
      const empty: ClaimPage = { hits: [], total: 0, page: q.page, pages: 0 };
      const chan = await this.#channel(key, false);
      const terms = queryTerms(q);
      if (chan === null || terms === null) return empty;
      const params: unknown[] = [chan];
      const p = (v: unknown) => `$${params.push(v)}`;
      const conds = ['c.chan = $1'];
      const phrase = (ws: string[], prefix = false) => `(${ws.map((w) => `'${w}'`).join(' <-> ')}${prefix ? ':*' : ''})`;
      let rank = '0';
      if (terms.text.length) {
        const tsq = p(terms.text.map((w) => phrase(w)).join(' & '));
        conds.push(`c.body @@ to_tsquery('simple', ${tsq})`);
        rank = `ts_rank(c.body, to_tsquery('simple', ${tsq}))`;
      }
      if (terms.source.length) {
        // source: the name's words, or a source with the same key (another way of writing the name).
        const words = `c.src @@ to_tsquery('simple', ${p(terms.source.map((w) => phrase(w, true)).join(' | '))})`;
        conds.push(terms.sourceKeys.length ? `(${words} OR c.source_key = ANY(${p(terms.sourceKeys)}))` : words);
      }
      if (terms.place.length) conds.push(`c.place @@ to_tsquery('simple', ${p(terms.place.map((w) => phrase(w)).join(' | '))})`);
      if (q.type?.length) conds.push(`c.source_type = ANY(${p(q.type)})`);
      if (q.category?.length) conds.push(`c.category = ANY(${p(q.category)})`);
      if (q.hedged !== undefined) conds.push(`c.hedged = ${p(q.hedged)}`);
      if (q.unattributed !== undefined) conds.push(`(c.source_name IS NULL) = ${p(q.unattributed)}`);
      if (q.by?.length) conds.push(`c.user_id = ANY(${p(q.by)})`);
      if (q.since) conds.push(`c.posted_ms >= ${p(q.since.getTime())}`);
      if (q.until) conds.push(`c.posted_ms <= ${p(q.until.getTime())}`);
      const where = conds.join(' AND ');
      const s = this.#s;
      // One page of matches (newer than / older than a cursor), then only those rows joined with their reports.
      const page = async (cmp: '>=' | '<', cur: Cursor | null, score: string, offset: number, limit: number) => {
        const args = [...params, limit, offset];
        const at = cur ? ` AND (c.posted_ms, c.seq) ${cmp} ($${args.push(cur.ms)}, $${args.push(cur.seq)})` : '';
        return this.#q<Row>(
          `SELECT m.score, r.id AS report_id, c.claim_id, c.text, c.source_name, c.source_type, c.conduit, c.cue_text, c.cue_stance,
                  c.hedges, c.category, c.places, c.quote, r.user_id, r.user_name, r.link, r.posted_ms
           FROM (SELECT c.seq, ${score} AS score, c.posted_ms FROM ${s}.claims c WHERE ${where}${at}
                 ORDER BY score DESC, posted_ms DESC, seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}) m
           JOIN ${s}.claims c ON c.seq = m.seq JOIN ${s}.reports r ON r.seq = c.report
           WHERE c.chan = $1 AND r.chan = $1
           ORDER BY m.score DESC, m.posted_ms DESC, m.seq DESC`,
          args,
        );
      };
      const src: MatchSource<Cursor, Row> = {
        count: async () => Number((await this.#q<{ n: string }>(`SELECT count(*) AS n FROM ${s}.claims c WHERE ${where}`, params))[0].n),
        nthNewest: async (n) =>
          (
            await this.#q<Cursor>(
              `SELECT c.posted_ms AS ms, c.seq FROM ${s}.claims c WHERE ${where} ORDER BY c.posted_ms DESC, c.seq DESC LIMIT 1 OFFSET $${params.length + 1}`,
              [...params, n],
            )
          )[0],
        ranked: (from, offset, limit) => page('>=', from, rank, offset, limit),
        newest: (before, offset, limit) => page('<', before, '0', offset, limit),
      };
      const { rows, total, pages } = await pageOfMatches(src, { page: q.page, pageSize: q.pageSize, ranked: terms.text.length > 0, rankWindow: this.#rankWindow });
      return { hits: rows.map((r) => claimHit(r, Number(r.score))), total, page: q.page, pages };
    });
  }

  async claimsNear(key: ChannelKey, q: NearbyClaimsQuery): Promise<NearbyClaim[]> {
    const ws = nearbyWords(q);
    return this.#call(async () => {
      const chan = await this.#channel(key, false);
      if (chan === null || ws.length === 0) return [];
      const s = this.#s;
      // Search words are letters and digits only (searchWords), so each is a plain tsquery lexeme.
      const rows = await this.#q<NearbyRecord>(
        `SELECT r.id AS report_id, c.claim_id, c.text, c.source_name, c.source_type, c.cue_text, c.cue_stance, c.category, c.places, c.posted_ms
         FROM ${s}.claims c JOIN ${s}.reports r ON r.seq = c.report
         WHERE c.chan = $1 AND r.chan = $1 AND c.posted_ms BETWEEN $3 AND $4 AND c.body @@ to_tsquery('simple', $2) AND r.id IS DISTINCT FROM $5
         ORDER BY c.posted_ms DESC, c.seq DESC LIMIT $6`,
        [chan, ws.map((w) => `'${w}'`).join(' | '), q.since.getTime(), q.until.getTime(), q.excludeReport ?? null, q.limit],
      );
      return rows.map(nearbyClaim);
    });
  }

  async reportLinks(key: ChannelKey, ids: readonly string[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.map(readReportId).filter((x): x is string => x !== null))];
    return this.#call(async () => {
      const out = new Map<string, string>();
      const chan = await this.#channel(key, false);
      if (chan === null || wanted.length === 0) return out;
      const rows = await this.#q<{ id: string; link: string }>(
        `SELECT id, link FROM ${this.#s}.reports WHERE chan = $1 AND id = ANY($2) AND link IS NOT NULL`,
        [chan, wanted],
      );
      for (const r of rows) out.set(r.id, r.link);
      return out;
    });
  }

  async sources(key: ChannelKey, opts: { since?: Date; until?: Date } = {}): Promise<SourceCount[]> {
    return this.#call(async () => {
      const chan = await this.#channel(key, false);
      if (chan === null) return [];
      const rows = await this.#q<{ name: string; type: SourceCount['type']; claims: number; reports: number; last: string }>(
        `SELECT c.source_name AS name, c.source_type AS type, count(*)::int AS claims, count(DISTINCT c.report)::int AS reports,
                max(c.posted_ms) AS last
         FROM ${this.#s}.claims c
         WHERE c.chan = $1 AND c.source_name IS NOT NULL AND c.posted_ms BETWEEN $2 AND $3
         GROUP BY c.source_name, c.source_type
         ORDER BY claims DESC, reports DESC, last DESC, c.source_name COLLATE "C"`,
        [chan, opts.since?.getTime() ?? MIN_MS, opts.until?.getTime() ?? MAX_MS],
      );
      // One entry per source however reports wrote its name; a source with several names has its reports counted over all of them.
      const grouped = groupSourceRows(rows.map((r) => ({ ...r, last: Number(r.last) })));
      const reports = new Map<string, number>();
      if (Object.keys(grouped.reportsOver).length > 0) {
        const counted = await this.#q<{ k: string; reports: number }>(
          `SELECT g.value AS k, count(DISTINCT c.report)::int AS reports
           FROM ${this.#s}.claims c JOIN jsonb_each_text($2::jsonb) g ON g.key = c.source_name
           WHERE c.chan = $1 AND c.posted_ms BETWEEN $3 AND $4
           GROUP BY g.value`,
          [chan, JSON.stringify(grouped.reportsOver), opts.since?.getTime() ?? MIN_MS, opts.until?.getTime() ?? MAX_MS],
        );
        for (const r of counted) reports.set(r.k, r.reports);
      }
      return sourceCounts(grouped, reports);
    });
  }

  async forget(key: ChannelKey, id: string): Promise<boolean> {
    return this.#call(async () => {
      const chan = await this.#channel(key, false);
      const rid = readReportId(id);
      if (chan === null || rid === null) return false;
      const res = await this.#pool.query(`DELETE FROM ${this.#s}.reports WHERE chan = $1 AND id = $2`, [chan, rid]);
      return (res.rowCount ?? 0) > 0;
    });
  }

  async purge(key: ChannelKey, before: Date): Promise<number> {
    if (!(before instanceof Date) || Number.isNaN(before.getTime())) throw new RangeError('purge needs a valid date.');
    return this.#call(async () => {
      const chan = await this.#channel(key, false);
      if (chan === null) return 0;
      const res = await this.#pool.query(`DELETE FROM ${this.#s}.reports WHERE chan = $1 AND posted_ms < $2`, [chan, before.getTime()]);
      return res.rowCount ?? 0;
    });
  }

  async *export(key: ChannelKey, opts: { since?: Date; until?: Date } = {}): AsyncIterable<StoredReport> {
    const chan = await this.#call(() => this.#channel(key, false));
    if (chan === null) return;
    const range = [opts.since?.getTime() ?? MIN_MS, opts.until?.getTime() ?? MAX_MS];
    let after: [string | number, string | number] = [MIN_MS, 0];
    for (;;) {
      // In batches, so a long export neither holds a connection nor all reports in memory.
      const rows = await this.#call(() =>
        this.#q<ReportRecord & { seq: string; posted_ms: string }>(
          `SELECT * FROM ${this.#s}.reports WHERE chan = $1 AND posted_ms BETWEEN $2 AND $3 AND (posted_ms, seq) > ($4, $5)
           ORDER BY posted_ms, seq LIMIT ${EXPORT_BATCH}`,
          [chan, ...range, ...after],
        ),
      );
      for (const row of rows) yield storedReport(key, row);
      if (rows.length < EXPORT_BATCH) return;
      const last = rows[rows.length - 1];
      after = [last.posted_ms, last.seq];
    }
  }

  async count(key: ChannelKey): Promise<number> {
    return this.#call(async () => {
      const chan = await this.#channel(key, false);
      if (chan === null) return 0;
      return Number((await this.#q<{ n: string }>(`SELECT count(*) AS n FROM ${this.#s}.reports WHERE chan = $1`, [chan]))[0].n);
    });
  }

  async close(): Promise<void> {
    if (!this.#pool.ended) await this.#pool.end();
  }
}
