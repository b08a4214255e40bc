// What the digest keeps in the bot state (CLAIMDESK_STATE, shared by every bot process):
//   digest        'channels': the channels whose settings hold a schedule. keyv cannot list keys portably, so
//                 this index is kept beside the settings; it is changed only under a lock (digest-lock), and
//                 each change re-reads the channel's settings, so two processes running /digest on and off at
//                 once leave the index as the settings say.
//   digest-lock   the index's lock: an atomic set-if-absent (BotState.firstTime) with a short time to live.
//   digest-posts  one claim key per (channel, local date): taken atomically before a digest is posted, so of
//                 several processes (or a restarted one) exactly one posts it. Taken as a lease of LEASE_MS,
//                 made long-lived once posted, skipped or failed for good (the platform refused it for a reason
//                 that does not pass: uninstalled, removed from the channel), deleted when posting failed for a
//                 reason that may pass, so a later tick retries.
//                 A process that dies while posting leaves the lease to run out; then another may post.
//   digest-last   per channel: the date and time of the last scheduled digest posted (/digest status).
//   digest-missed per channel: the last scheduled digest not posted (skipped or failed for good), and why.
//   digest-errors per (channel, date): the last error of a post that failed for a reason that may pass, so that
//                 whichever process finally skips the date can say why.
import type { Keyv } from 'keyv';
import type { ChannelKey } from '../channel-log/types.ts';

export interface LedgerState {
  kv<V = unknown>(name: string): Promise<Keyv<V>>;
  /** BotState.firstTime: true for exactly one caller until the key's time to live runs out. */
  firstTime(name: string, id: string, ttlMs: number): Promise<boolean>;
}

export interface DigestPosted {
  /** The local date of the digest. */
  date: string;
  /** ISO instant it was posted. */
  at: string;
}

/** The last scheduled digest of a channel that was not posted, and why (/digest status). */
export interface DigestMissed {
  date: string;
  /** Said to the channel: "the bot was not running …", "Slack refused it: not_in_channel". */
  why: string;
}

/** How long a claim holds while its digest is being built and posted. */
export const LEASE_MS = 15 * 60_000;
/** How long a posted (skipped, failed) digest's claim is kept: past the scheduler's catch-up window (7 days). */
export const KEEP_MS = 8 * 24 * 3_600_000;
const LOCK_MS = 10_000;
const LOCK_WAIT_MS = 15_000;

const INDEX = 'digest';
const LOCK = 'digest-lock';
const POSTS = 'digest-posts';
const LAST = 'digest-last';
const MISSED = 'digest-missed';
const ERRORS = 'digest-errors';

export const channelId = (k: ChannelKey) => JSON.stringify([k.platform, k.workspace, k.channel]);
const postId = (k: ChannelKey, date: string) => JSON.stringify([k.platform, k.workspace, k.channel, date]);
const sameChannel = (a: ChannelKey, b: ChannelKey) => a.platform === b.platform && a.workspace === b.workspace && a.channel === b.channel;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface DigestLedger {
  /** The channels in the index (a channel whose schedule was just turned off may still be listed once). */
  channels(): Promise<ChannelKey[]>;
  /** Puts the channel in the index, or takes it out, as `scheduled()` (read under the lock) says. */
  sync(key: ChannelKey, scheduled: () => Promise<boolean>): Promise<void>;
  /** True when this caller may post the channel's digest of `date` (nobody has, nobody is). */
  claim(key: ChannelKey, date: string): Promise<boolean>;
  posted(key: ChannelKey, date: string, at: Date): Promise<void>;
  /** Marks the digest as not to be posted (too late), so no process posts it afterwards; `why` is told to the channel. */
  skipped(key: ChannelKey, date: string, why: string): Promise<void>;
  /** Marks the digest as failed for good (`reason`: what the platform said), so no process tries it again. */
  failed(key: ChannelKey, date: string, reason: string): Promise<void>;
  /** The latest of the channel's skipped or failed digests, if any. */
  missed(key: ChannelKey): Promise<DigestMissed | undefined>;
  /** Gives the claim back after a failed post (`error`: what went wrong): a later tick tries again. */
  release(key: ChannelKey, date: string, error?: string): Promise<void>;
  /** The last error of a failed post of the date given back, if any. */
  lastError(key: ChannelKey, date: string): Promise<string | undefined>;
  last(key: ChannelKey): Promise<DigestPosted | undefined>;
}

export function digestLedger(state: LedgerState): DigestLedger {
  async function locked<T>(work: () => Promise<T>): Promise<T> {
    const until = Date.now() + LOCK_WAIT_MS;
    while (!(await state.firstTime(LOCK, 'channels', LOCK_MS))) {
      if (Date.now() > until) throw new Error('The digest index stayed locked; try again.');
      await sleep(20 + Math.random() * 50);
    }
    try {
      return await work();
    } finally {
      await (await state.kv(LOCK)).delete('channels');
    }
  }

  /** Keeps the latest missed date (catch-up visits older dates after newer ones may have been noted). */
  async function noteMissed(key: ChannelKey, m: DigestMissed): Promise<void> {
    const kv = await state.kv<DigestMissed>(MISSED);
    const before = await kv.get(channelId(key));
    if (!before || before.date <= m.date) await kv.set(channelId(key), m);
  }

  const list = async () => (await (await state.kv<ChannelKey[]>(INDEX)).get('channels')) ?? [];

  return {
    channels: list,
    async sync(key, scheduled) {
      // Most settings changes (/paste, /retention) leave the index as it is: no lock for those.
      const listed = (await list()).some((k) => sameChannel(k, key));
      if (listed === (await scheduled())) return;
      await locked(async () => {
        const now = await list();
        const rest = now.filter((k) => !sameChannel(k, key));
        const want = await scheduled();
        if (want === rest.length < now.length) return;
        const next = want ? [...rest, { platform: key.platform, workspace: key.workspace, channel: key.channel }] : rest;
        await (await state.kv<ChannelKey[]>(INDEX)).set('channels', next);
      });
    },
    claim: (key, date) => state.firstTime(POSTS, postId(key, date), LEASE_MS),
    async posted(key, date, at) {
      await (await state.kv(POSTS)).set(postId(key, date), { state: 'posted', at: at.toISOString() }, KEEP_MS);
      await (await state.kv<DigestPosted>(LAST)).set(channelId(key), { date, at: at.toISOString() });
    },
    async skipped(key, date, why) {
      await (await state.kv(POSTS)).set(postId(key, date), { state: 'skipped' }, KEEP_MS);
      await noteMissed(key, { date, why });
    },
    async failed(key, date, reason) {
      await (await state.kv(POSTS)).set(postId(key, date), { state: 'failed', reason }, KEEP_MS);
      await noteMissed(key, { date, why: `the platform refused it (${reason})` });
    },
    missed: async (key) => (await (await state.kv<DigestMissed>(MISSED)).get(channelId(key))) ?? undefined,
    async release(key, date, error) {
      if (error !== undefined) await (await state.kv<string>(ERRORS)).set(postId(key, date), error, KEEP_MS);
      await (await state.kv(POSTS)).delete(postId(key, date));
    },
    lastError: async (key, date) => (await (await state.kv<string>(ERRORS)).get(postId(key, date))) ?? undefined,
    last: async (key) => (await (await state.kv<DigestPosted>(LAST)).get(channelId(key))) ?? undefined,
  };
}
