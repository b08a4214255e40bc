// Retention: a channel can keep its log for a set number of days (`/retention 90d`). Reports older than that
// are removed when the setting is set or changed, and then on the first report stored in the channel each day
// (at most once per channel per RETENTION_SWEEP_MS for each open store, so in each bot process). An expired
// report stays at most a day, or until the channel's next paste.
import type { ChannelKey, ChannelLog } from './channel-log/types.ts';
import { QueryError } from './query.ts';

export const DAY_MS = 86_400_000;
export const RETENTION_SWEEP_MS = DAY_MS;
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;
/** Words that turn retention off (keep reports until someone forgets them). */
export const RETENTION_OFF = ['off', 'forever', 'none'] as const;

/** "90d", "12w", "90" (days), or off → a number of days, or null for off. */
export function parseRetention(raw: string): number | null {
  const value = raw.trim().toLowerCase();
  if ((RETENTION_OFF as readonly string[]).includes(value)) return null;
  const m = /^(\d{1,5})\s*(d|days?|w|weeks?)?$/.exec(value);
  if (!m) {
    throw new QueryError(`"${raw}" is not a retention period. Use days or weeks (90d, 12w), or off.`);
  }
  const days = Number(m[1]) * (m[2]?.startsWith('w') ? 7 : 1);
  if (days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS) {
    throw new QueryError(`Retention must be between ${MIN_RETENTION_DAYS} and ${MAX_RETENTION_DAYS} days (or off).`);
  }
  return days;
}

/** The instant before which reports expire. */
export function expiryCutoff(days: number, now: Date): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** When each channel of each open store was last swept. */
const lastSweeps = new WeakMap<ChannelLog, Map<string, number>>();
const sweepsOf = (log: ChannelLog) => lastSweeps.get(log) ?? lastSweeps.set(log, new Map()).get(log)!;
const keyOf = (k: ChannelKey) => JSON.stringify([k.platform, k.workspace, k.channel]);

/** Removes the channel's expired reports now; returns how many. */
export async function purgeExpired(log: ChannelLog, key: ChannelKey, days: number, now: Date): Promise<number> {
  const removed = await log.purge(key, expiryCutoff(days, now));
  sweepsOf(log).set(keyOf(key), now.getTime());
  return removed;
}

/** Purges when retention is set and the channel was not swept in the last RETENTION_SWEEP_MS. */
export async function sweepIfDue(log: ChannelLog, key: ChannelKey, days: number | undefined, now: Date): Promise<number> {
  if (days === undefined) return 0;
  const last = sweepsOf(log).get(keyOf(key));
  if (last !== undefined && now.getTime() - last < RETENTION_SWEEP_MS && now.getTime() >= last) return 0;
  return purgeExpired(log, key, days, now);
}
