// The bot's key-value state (channel settings, seen event ids with a time to live, caches; later the digest
// schedule and Slack installations), through keyv:
//   sqlite:./data/state.db   the default: a table in a SQLite file (better-sqlite3, the binding the channel log
//                            already uses), through the small Map-style store below
//   sqlite::memory:          for tests
//   redis://127.0.0.1:6379   when several bot processes run and must share settings and seen events
// A store that cannot be reached throws StoreUnavailableError (opening, and every call after).
import Database from 'better-sqlite3';
import { Keyv } from 'keyv';
import KeyvRedis, { createClient } from '@keyv/redis';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreUnavailableError } from './channel-log/types.ts';

export const DEFAULT_STATE = 'sqlite:./data/state.db';

export interface BotState {
  /** A Keyv whose keys are kept apart under `name` ('settings', 'seen', 'cache' …). Values must be JSON. */
  kv<V = unknown>(name: string): Keyv<V>;
  /**
   * True the first time `id` is seen under `name` within `ttlMs`, false after: one atomic step, so of several
   * processes sharing the store exactly one gets true (a platform's retried event is handled once).
   */
  firstTime(name: string, id: string, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
}

const NAME = /^[a-z][a-z0-9-]{0,40}$/;
function checkName(name: string): void {
  if (!NAME.test(name)) throw new TypeError(`State name "${name}" must be lower-case letters, digits and -.`);
}

function unavailable(e: unknown, where: string): unknown {
  if (e instanceof StoreUnavailableError) return e;
  if (e instanceof TypeError && !/connection is not open/.test(e.message)) return e;
  const out = new StoreUnavailableError(`The bot state ${where} cannot be used: ${(e as Error)?.message ?? e}.`);
  (out as Error & { cause?: unknown }).cause = e;
  return out;
}

/**
 * Wraps a keyv store so its failures reach callers as StoreUnavailableError, and so it refuses to work once the
 * state is closed (keyv's Redis adapter would otherwise quietly open a new connection).
 */
function guarded<S extends object>(store: S, where: string, closed: () => boolean): S {
  const CALLS = new Set(['get', 'set', 'delete', 'clear', 'has', 'getMany', 'setMany', 'deleteMany', 'hasMany']);
  return new Proxy(store, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (typeof v !== 'function' || !CALLS.has(String(prop))) return v;
      return async (...args: unknown[]) => {
        if (closed()) throw new StoreUnavailableError(`The bot state ${where} is closed.`);
        try {
          return await (v as (...a: unknown[]) => unknown).apply(target, args);
        } catch (e) {
          throw unavailable(e, where);
        }
      };
    },
  });
}

/** keyv's serialised form (keyv's default: JSON of {value, expires}), for entries written around keyv. */
const serialized = (value: unknown, expires: number) => JSON.stringify({ value, expires });

// --- SQLite --------------------------------------------------------------------------------------------

/** A keyv store with the Map API over one better-sqlite3 table. Keys arrive prefixed by keyv ("name:key"). */
class SqliteKeyvStore {
  opts: { dialect: 'sqlite'; url: string };
  namespace?: string;
  #db: Database.Database;
  #writes = 0;

  constructor(db: Database.Database, url: string) {
    this.#db = db;
    this.opts = { dialect: 'sqlite', url };
  }

  on(): this {
    return this;
  }

  async get(key: string): Promise<string | undefined> {
    const row = this.#db.prepare('SELECT value FROM keyv WHERE key = ? AND (expires IS NULL OR expires > ?)').pluck().get(key, Date.now());
    return row as string | undefined;
  }

  async getMany(keys: string[]): Promise<(string | undefined)[]> {
    return Promise.all(keys.map((k) => this.get(k)));
  }

  async has(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined;
  }

  async set(key: string, value: string, ttl?: number): Promise<boolean> {
    const expires = typeof ttl === 'number' && ttl > 0 ? Date.now() + ttl : null;
    this.#db
      .prepare('INSERT INTO keyv (key, value, expires) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires = excluded.expires')
      .run(key, value, expires);
    // Now and then, drop what has expired, so the table does not keep every idempotency key ever seen.
    if (++this.#writes % 500 === 0) this.#db.prepare('DELETE FROM keyv WHERE expires <= ?').run(Date.now());
    return true;
  }

  async delete(key: string): Promise<boolean> {
    return this.#db.prepare('DELETE FROM keyv WHERE key = ?').run(key).changes > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    const done = await Promise.all(keys.map((k) => this.delete(k)));
    return done.some(Boolean);
  }

  /** Clears this store's namespace only (all keys when it has none). */
  async clear(): Promise<void> {
    if (!this.namespace) this.#db.prepare('DELETE FROM keyv').run();
    else this.#db.prepare("DELETE FROM keyv WHERE substr(key, 1, ?) = ?").run(this.namespace.length + 1, `${this.namespace}:`);
  }
}

function openSqliteState(path: string, url: string): BotState {
  const memory = path === ':memory:';
  const where = memory ? '(in memory)' : `at ${path}`;
  let db: Database.Database;
  try {
    if (!memory) mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { timeout: 5000 });
    if (!memory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE IF NOT EXISTS keyv (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires INTEGER)');
    db.prepare('DELETE FROM keyv WHERE expires <= ?').run(Date.now());
  } catch (e) {
    throw unavailable(e, where);
  }
  return {
    kv(name) {
      checkName(name);
      return new Keyv({ store: guarded(new SqliteKeyvStore(db, url), where, () => !db.open), namespace: name, throwOnErrors: true });
    },
    async firstTime(name, id, ttlMs) {
      checkName(name);
      const now = Date.now();
      try {
        // Inserts, or takes over an expired entry; an entry still alive is left alone (0 changes).
        const changes = db
          .prepare(
            `INSERT INTO keyv (key, value, expires) VALUES (?, ?, ?)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires = excluded.expires
             WHERE keyv.expires IS NOT NULL AND keyv.expires <= ?`,
          )
          .run(`${name}:${id}`, serialized(true, now + ttlMs), now + ttlMs, now).changes;
        return changes > 0;
      } catch (e) {
        throw unavailable(e, where);
      }
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

// --- Redis ---------------------------------------------------------------------------------------------

async function openRedisState(url: string): Promise<BotState> {
  const u = new URL(url);
  const where = `(Redis at ${u.hostname}:${u.port || 6379})`;
  let connected = false;
  let closed = false;
  const client = createClient({
    url,
    // Calls fail at once while the connection is down, instead of queueing until it is back.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 5000,
      // The first connect fails fast (the bot says so at start); after that, keep reconnecting.
      reconnectStrategy: (tries: number, err: Error) => (connected ? Math.min(tries * 200, 5000) : err),
    },
  });
  client.on('error', () => {});
  try {
    await client.connect();
    connected = true;
  } catch (e) {
    throw unavailable(e, where);
  }
  const prefix = (name: string) => `claimdesk:${name}`;
  return {
    kv(name) {
      checkName(name);
      const store = new KeyvRedis(client, { namespace: prefix(name), throwOnErrors: true, throwOnConnectError: true });
      return new Keyv({ store: guarded(store, where, () => closed), namespace: prefix(name), useKeyPrefix: false, throwOnErrors: true });
    },
    async firstTime(name, id, ttlMs) {
      checkName(name);
      if (closed) throw new StoreUnavailableError(`The bot state ${where} is closed.`);
      try {
        // The key is the one kv(name) reads (KeyvRedis joins namespace and key with '::').
        const ok = await client.set(`${prefix(name)}::${id}`, serialized(true, Date.now() + ttlMs), { condition: 'NX', expiration: { type: 'PX', value: ttlMs } });
        return ok === 'OK';
      } catch (e) {
        throw unavailable(e, where);
      }
    },
    async close() {
      closed = true;
      if (client.isOpen) await client.quit();
    },
  };
}

export async function openState(url: string = DEFAULT_STATE): Promise<BotState> {
  if (url.startsWith('sqlite:')) {
    const rest = url.slice('sqlite:'.length).split('?')[0];
    return openSqliteState(rest.startsWith('//') ? rest.slice(2) : rest, url);
  }
  if (/^rediss?:\/\//.test(url)) return openRedisState(url);
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? url.slice(0, 20);
  throw new TypeError(`Unknown bot state store "${scheme}…": use sqlite:PATH, sqlite::memory: or redis://HOST:PORT.`);
}
