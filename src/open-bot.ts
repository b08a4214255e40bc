// Opens what the bot runs on: the channel log (CLAIMDESK_STORE) and the key-value state (CLAIMDESK_STATE),
// as the commands see them. A store that cannot be reached at start does not stop the bot: every call
// says so (StoreUnavailableError → a clear message) and the store is opened again on a later call, at most
// every REOPEN_AFTER_MS, so the bot reconnects by itself once it is back.
import type { Keyv } from 'keyv';
import type { ChannelSettings, SettingsStore } from '../commands/command.ts';
import type { SeenEvents } from './bot.ts';
import { DEFAULT_STORE, openChannelLog } from './channel-log/index.ts';
import { StoreUnavailableError, type ChannelKey, type ChannelLog } from './channel-log/types.ts';
import type { Logger } from './log.ts';
import { DEFAULT_STATE, openState, type BotState } from './state.ts';
import { channelId, digestLedger, type DigestLedger } from './digest/ledger.ts';

export const REOPEN_AFTER_MS = 5_000;
/** How long an event id is remembered: platforms retry within minutes. */
export const SEEN_TTL_MS = 24 * 3_600_000;

export interface Desk {
  log: ChannelLog;
  settings: SettingsStore;
  seen: SeenEvents;
  /** A keyv namespace of the bot state (e.g. Slack installations); throws StoreUnavailableError when it is down. */
  kv<V = unknown>(name: string): Promise<Keyv<V>>;
  /** BotState.firstTime on the shared state: true for exactly one caller (of all processes) per key and time to live. */
  firstTime(name: string, id: string, ttlMs: number): Promise<boolean>;
  /** The daily digest's index of scheduled channels and its posted-once claims (src/digest/ledger.ts). */
  digests: DigestLedger;
  /** Where the log is, for people: a path or host, never a password. */
  description: string;
  close(): Promise<void>;
}

export interface DeskOptions {
  storeUrl?: string;
  stateUrl?: string;
  logger?: Logger;
}

/** Opens on first use; after a failure, tries again on a call at least REOPEN_AFTER_MS later. */
function reopening<T extends { close(): Promise<void> }>(open: () => Promise<T>, logger?: Logger) {
  let opened: T | null = null;
  let opening: Promise<T> | null = null;
  let failedAt = -Infinity;
  let failure: Error | null = null;
  let closed = false;
  return {
    async get(): Promise<T> {
      if (opened) return opened;
      if (closed) throw new StoreUnavailableError('The store is closed.');
      if (opening) return opening;
      if (failure && Date.now() - failedAt < REOPEN_AFTER_MS) throw failure;
      opening = open().then(
        (it) => {
          if (failure) logger?.info('store reachable again');
          opened = it;
          failure = null;
          opening = null;
          return it;
        },
        (err: Error) => {
          opening = null;
          failedAt = Date.now();
          failure = err instanceof StoreUnavailableError ? err : new StoreUnavailableError(err.message);
          throw failure;
        },
      );
      return opening;
    },
    async close(): Promise<void> {
      closed = true;
      const it = opened ?? (await opening?.catch(() => null)) ?? null;
      opened = null;
      await it?.close();
    },
  };
}

function lazyLog(handle: ReturnType<typeof reopening<ChannelLog>>): ChannelLog {
  return {
    add: async (r) => (await handle.get()).add(r),
    get: async (k, id) => (await handle.get()).get(k, id),
    queryClaims: async (k, q) => (await handle.get()).queryClaims(k, q),
    claimsNear: async (k, q) => (await handle.get()).claimsNear(k, q),
    reportLinks: async (k, ids) => (await handle.get()).reportLinks(k, ids),
    sources: async (k, o) => (await handle.get()).sources(k, o),
    forget: async (k, id) => (await handle.get()).forget(k, id),
    purge: async (k, before) => (await handle.get()).purge(k, before),
    async *export(k, o) {
      yield* (await handle.get()).export(k, o);
    },
    count: async (k) => (await handle.get()).count(k),
    close: () => handle.close(),
  };
}


/** "data/claimdesk.db", "Postgres at db.example:5432/claimdesk". */
export function describeStore(url: string): string {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).split('?')[0];
    return path === ':memory:' ? 'memory (gone when the process ends)' : path.replace(/^\/\//, '');
  }
  try {
    const u = new URL(url);
    return `Postgres at ${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'the configured store';
  }
}

export async function openDesk(opts: DeskOptions = {}): Promise<Desk> {
  const storeUrl = opts.storeUrl ?? DEFAULT_STORE;
  const stateUrl = opts.stateUrl ?? DEFAULT_STATE;
  const log = reopening<ChannelLog>(() => openChannelLog(storeUrl), opts.logger);
  const state = reopening<BotState>(() => openState(stateUrl), opts.logger);
  // Open both now, so that a store that is down is reported at start; the bot runs on either way.
  for (const [what, h] of [['channel log', log], ['bot state', state]] as const) {
    await (h.get() as Promise<unknown>).catch((err: Error) => {
      if (!(err instanceof StoreUnavailableError)) throw err;
      opts.logger?.warn(`the ${what} cannot be reached (${err.message}); retrying on each use.`);
    });
  }
  // One keyv per namespace and per opened state (a state reopened after an outage gets fresh ones).
  const namespaces = new WeakMap<BotState, Map<string, Keyv<unknown>>>();
  const kv = async <V,>(name: string): Promise<Keyv<V>> => {
    const s = await state.get();
    const byName = namespaces.get(s) ?? namespaces.set(s, new Map()).get(s)!;
    if (!byName.has(name)) byName.set(name, s.kv<unknown>(name));
    return byName.get(name) as Keyv<V>;
  };
  const firstTime = async (name: string, id: string, ttlMs: number) => (await state.get()).firstTime(name, id, ttlMs);
  const digests = digestLedger({ kv, firstTime });
  const getSettings = async (k: ChannelKey) => (await (await kv<ChannelSettings>('settings')).get(channelId(k))) ?? {};
  const settings: SettingsStore = {
    get: getSettings,
    set: async (k, s) => {
      await (await kv<ChannelSettings>('settings')).set(channelId(k), s);
      // The digest scheduler finds channels through an index (keyv cannot list keys): kept in step here.
      await digests.sync(k, async () => (await getSettings(k)).digest !== undefined);
    },
    digestChannels: () => digests.channels(),
    lastDigest: (k) => digests.last(k),
    missedDigest: (k) => digests.missed(k),
  };
  const seen: SeenEvents = { firstTime: async (id) => (await state.get()).firstTime('seen', id, SEEN_TTL_MS) };
  return {
    log: lazyLog(log),
    settings,
    seen,
    kv,
    firstTime,
    digests,
    description: describeStore(storeUrl),
    close: async () => {
      await Promise.all([log.close(), state.close()]);
    },
  };
}
