// The digest scheduler: every channel whose settings hold a schedule (/digest on 08:00 Europe/Kyiv) gets its
// digest posted once per local date, by whichever bot process gets there first.
//
// On start and on each tick (at most a minute apart, and at each post time): for each scheduled channel that a
// surface of this process can post in, the post times that have passed in the last CATCH_UP_DAYS dates
// (period.ts) are due. A due digest of (channel, date) not yet posted is claimed in the shared state (ledger.ts)
// and posted when less than MAX_LATE_MS late (so after downtime the latest missed digest comes on start); a later
// one is skipped and logged, each missed date once. A post that fails for a reason that may pass (network, 5xx,
// rate limits) gives its claim back and is tried again RETRY_MS later; one the poster calls permanent (the app
// uninstalled, the bot out of the channel) is marked in the ledger and not tried again for that date. The clock
// and timers are injectable.
import { buildDigest } from './build.ts';
import type { ChannelKey, ChannelLog } from '../channel-log/types.ts';
import type { SettingsStore } from '../../commands/command.ts';
import type { Logger } from '../log.ts';
import type { DigestLedger } from './ledger.ts';
import { addDays, dueDate, nextPost, postInstant, scheduledPeriod } from './period.ts';
import type { DigestSchedule } from './types.ts';
import { digestReplies, type DigestReplies } from './reply.ts';

/** A digest more than this late is skipped (and logged) instead of posted. */
export const MAX_LATE_MS = 6 * 3_600_000;
/** Longest wait between two ticks: a new or changed schedule is seen within it. */
export const TICK_MS = 60_000;
/** After a failed post, the wait before that digest is tried again. */
export const RETRY_MS = 5 * 60_000;
/**
 * How many dates back (the latest due one included) each tick looks at: after downtime, each missed date in them
 * is logged as skipped once; older ones are left alone. Fewer days than the ledger keeps a claim (KEEP_MS).
 */
export const CATCH_UP_DAYS = 7;

export interface DigestClock {
  now(): Date;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock; its timers do not keep the process alive by themselves. */
export const systemClock: DigestClock = {
  now: () => new Date(),
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** A surface's way to post a digest into a channel outside any event (adapters/*\/digest.ts). */
export interface DigestPoster {
  /** This surface, in this process, can post in that channel (its platform; a workspace it is in). */
  serves(key: ChannelKey): boolean;
  /** Posts the digest; throws when it was not posted. */
  post(key: ChannelKey, replies: DigestReplies): Promise<void>;
}

/**
 * What a poster throws when trying again cannot help (the workspace uninstalled the app, the bot was removed
 * from the channel, the channel is gone or archived): the scheduler gives that date's digest up. The adapters
 * decide which of their platform's errors are permanent; anything else thrown is tried again.
 */
export class PermanentPostError extends Error {
  readonly permanent = true;
}

const isPermanent = (err: unknown) => (err as { permanent?: unknown } | null)?.permanent === true;

export interface SchedulerOptions {
  log: ChannelLog;
  settings: Pick<SettingsStore, 'get' | 'digestChannels'>;
  ledger: DigestLedger;
  posters: DigestPoster[];
  clock?: DigestClock;
  logger?: Logger;
  tickMs?: number;
}

export interface TickOutcome {
  key: ChannelKey;
  date: string;
  /** failed: to be tried again; dropped: failed for good (PermanentPostError), not tried again for that date. */
  result: 'posted' | 'skipped' | 'failed' | 'dropped';
  /** How late it was, in ms past its post time. */
  lateMs: number;
}

export interface DigestScheduler {
  /** Ticks now, then keeps ticking until stop(). */
  start(): void;
  /** Stops the timers and waits for a tick under way. */
  stop(): Promise<void>;
  /** One look at every scheduled channel (also what the timers run). */
  tick(): Promise<TickOutcome[]>;
  /** Resolves when no tick is under way. */
  idle(): Promise<void>;
}

const where = (k: ChannelKey) => `${k.platform}/${k.workspace}/${k.channel}`;
/** "5 h 59 min" (rounded down to the minute). */
const hours = (ms: number) => {
  const min = Math.floor(ms / 60_000);
  return `${Math.floor(min / 60)} h ${min % 60} min`;
};

export function createScheduler(opts: SchedulerOptions): DigestScheduler {
  const clock = opts.clock ?? systemClock;
  const tickMs = opts.tickMs ?? TICK_MS;
  const logger = opts.logger;
  /** (channel, date) this process saw claimed (posted, skipped, or another process's): not asked again. */
  const settled = new Set<string>();
  /** (channel, date) whose post failed here → when to try again. */
  const retryAt = new Map<string, number>();
  let timer: unknown = null;
  let running: Promise<TickOutcome[]> | null = null;
  let stopped = true;

  /** Looks at the channel's last CATCH_UP_DAYS dates, oldest first; returns when it next needs a look. */
  async function visit(key: ChannelKey, now: Date, out: TickOutcome[]): Promise<number | null> {
    const schedule = (await opts.settings.get(key)).digest;
    if (!schedule) {
      // Listed but no longer scheduled (turned off while the index was being changed): dropped from the index.
      await opts.ledger.sync(key, async () => (await opts.settings.get(key)).digest !== undefined);
      return null;
    }
    const poster = opts.posters.find((p) => p.serves(key));
    if (!poster) return null;
    let soonest = nextPost(now, schedule).at.getTime();
    const latest = dueDate(now, schedule);
    // A schedule that does not say when it was set (/digest on always does) has only its latest date looked at:
    // the dates before could be from before it existed.
    for (let back = schedule.since ? CATCH_UP_DAYS - 1 : 0; back >= 0; back--) {
      const retry = await visitDate(key, schedule, poster, addDays(latest, -back), now, out);
      if (retry !== null) soonest = Math.min(soonest, retry);
    }
    return soonest;
  }

  /** One (channel, date) whose post time has passed; returns when to try it again after a failure. */
  async function visitDate(key: ChannelKey, schedule: DigestSchedule, poster: DigestPoster, date: string, now: Date, out: TickOutcome[]): Promise<number | null> {
    const id = JSON.stringify([where(key), date]);
    if (settled.has(id)) return null;
    const due = postInstant(date, schedule);
    if (schedule.since && due.getTime() < Date.parse(schedule.since)) {
      settled.add(id); // before the schedule was set: never due
      return null;
    }
    const retry = retryAt.get(id) ?? 0;
    if (retry > now.getTime()) return retry;
    retryAt.delete(id);
    const lateMs = now.getTime() - due.getTime();
    if (!(await opts.ledger.claim(key, date))) {
      settled.add(id);
      return null;
    }
    settled.add(id);
    if (lateMs >= MAX_LATE_MS) {
      const error = await opts.ledger.lastError(key, date);
      const late = `${MAX_LATE_MS / 3_600_000} hours`;
      await opts.ledger.skipped(
        key,
        date,
        error === undefined
          ? `the bot was not running when it was due, and a digest ${late} late or more is skipped`
          : `posting it kept failing until it was ${late} late (last error: ${error})`,
      );
      logger?.warn(`digest: ${where(key)} ${date} skipped: it was due at ${due.toISOString()}, ${hours(lateMs)} ago (over ${MAX_LATE_MS / 3_600_000} h late)`);
      out.push({ key, date, result: 'skipped', lateMs });
      return null;
    }
    try {
      const digest = await buildDigest(opts.log, { key, period: scheduledPeriod(date, schedule) });
      await poster.post(key, digestReplies(digest));
      await opts.ledger.posted(key, date, clock.now());
      logger?.info(`digest: ${where(key)} ${date} posted${lateMs > 60_000 ? ` (${hours(lateMs)} late)` : ''}`);
      out.push({ key, date, result: 'posted', lateMs });
      return null;
    } catch (err) {
      const why = (err as Error).message;
      if (isPermanent(err)) {
        // Kept claimed (as failed), so no process tries this date again; the next date is tried as usual.
        await opts.ledger.failed(key, date, why);
        logger?.warn(`digest: ${where(key)} ${date} not posted, and not tried again for that date: ${why}`);
        out.push({ key, date, result: 'dropped', lateMs });
        return null;
      }
      settled.delete(id);
      retryAt.set(id, now.getTime() + RETRY_MS);
      await opts.ledger.release(key, date, why).catch((e: Error) => logger?.warn(`digest: could not release ${where(key)} ${date}: ${e.message}`));
      logger?.warn(`digest: ${where(key)} ${date} not posted, trying again in ${RETRY_MS / 60_000} min: ${why}`);
      out.push({ key, date, result: 'failed', lateMs });
      return now.getTime() + RETRY_MS;
    }
  }

  async function once(): Promise<TickOutcome[]> {
    const now = clock.now();
    // A memo of one entry per channel and day: cleared now and then (the state still knows what was posted).
    if (settled.size > 10_000) settled.clear();
    const out: TickOutcome[] = [];
    let soonest = now.getTime() + tickMs;
    let keys: ChannelKey[] = [];
    try {
      keys = await opts.settings.digestChannels();
    } catch (err) {
      logger?.warn(`digest: scheduled channels unavailable: ${(err as Error).message}`);
    }
    for (const key of keys) {
      try {
        const next = await visit(key, now, out);
        if (next !== null) soonest = Math.min(soonest, next);
      } catch (err) {
        logger?.warn(`digest: ${where(key)}: ${(err as Error).message}`);
      }
    }
    logger?.debug(`digest: looked at ${keys.length} scheduled channels; ${out.length} digests posted, skipped or failed`);
    if (!stopped) {
      if (timer !== null) clock.clearTimeout(timer);
      timer = clock.setTimeout(() => void tick(), Math.max(0, soonest - clock.now().getTime()));
    }
    return out;
  }

  function tick(): Promise<TickOutcome[]> {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    const previous = running ?? Promise.resolve([]);
    const mine: Promise<TickOutcome[]> = previous.catch(() => []).then(() => once());
    running = mine;
    void mine.finally(() => {
      if (running === mine) running = null;
    });
    return mine;
  }

  return {
    start() {
      stopped = false;
      void tick();
    },
    async stop() {
      stopped = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      await running?.catch(() => {});
    },
    tick,
    async idle() {
      while (running) await running.catch(() => {});
    },
  };
}
