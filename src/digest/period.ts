// Local dates and times in an IANA time zone, with Intl only: when a channel's digest is due and what stretch of
// time it covers. The digest posted on local date D at HH:MM covers from the previous scheduled post instant to
// this one: normally 24 hours, 23 or 25 across a daylight-saving change.
//   A time that does not exist on D (spring forward: 03:30 in Kyiv on the last Sunday of March) posts at the next
//   valid minute (04:00, the end of the gap). A time that happens twice (fall back) posts at the first of the two.
import type { DigestPeriod, DigestSchedule } from './types.ts';

const MINUTE = 60_000;
const DAY = 24 * 3_600_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

const formats = new Map<string, Intl.DateTimeFormat>();
function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** True for a zone Intl knows ("Europe/Kyiv", "America/New_York", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    format(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone as people write it, in its usual case ("europe/kyiv" → "Europe/Kyiv", "utc" → "UTC"): Intl accepts any
 * case, and its own canonical name can be an older one (ICU still says "Europe/Kiev"), so the typed name is kept.
 */
export function canonicalZone(zone: string): string {
  const known = Intl.supportedValuesOf('timeZone').find((z) => z.toLowerCase() === zone.toLowerCase());
  if (known) return known;
  return zone
    .split('/')
    .map((part) => (/^etc$/i.test(part) ? 'Etc' : /^[a-z]{1,3}([+-]\d+)?$/i.test(part) ? part.toUpperCase() : part.replace(/[a-z]+/gi, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase())))
    .join('/');
}

/** "8:00" → "08:00"; null when it is not a 24-hour time. */
export function parseTime(text: string): string | null {
  const m = TIME.exec(text.trim());
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : null;
}

/** True for a real calendar date YYYY-MM-DD. */
export function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.toISOString().slice(0, 10) === text;
}

/** The wall clock in `zone` at `t`, as milliseconds of the same reading in UTC (so readings compare as numbers). */
function wall(t: number, zone: string): number {
  const p: Record<string, number> = {};
  for (const part of format(zone).formatToParts(new Date(t))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/** The local date (YYYY-MM-DD) in `zone` at instant `t`. */
export function localDate(t: Date, zone: string): string {
  return new Date(wall(t.getTime(), zone)).toISOString().slice(0, 10);
}

/** "HH:MM" on the local clock in `zone` at instant `t`. */
export function localTime(t: Date, zone: string): string {
  return new Date(wall(t.getTime(), zone)).toISOString().slice(11, 16);
}

/** D plus n days (calendar arithmetic, no zone involved). */
export function addDays(date: string, n: number): string {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`Not a date: ${date}`);
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]) + n * DAY).toISOString().slice(0, 10);
}

/**
 * The instant the local clock in `zone` reads `time` on `date`: the first of two when the clock reads it twice
 * (fall back), the end of the gap when it never does (spring forward).
 */
export function zonedInstant(date: string, time: string, zone: string): Date {
  const d = DATE.exec(date);
  const hm = TIME.exec(time);
  if (!d || !hm) throw new RangeError(`Not a date and time: ${date} ${time}`);
  const target = Date.UTC(+d[1], +d[2] - 1, +d[3], +hm[1], +hm[2]);
  // The zone's offsets around that reading (a day either side covers any one change).
  const offsets = new Set([target - DAY, target, target + DAY].map((t) => wall(t, zone) - t));
  const exact = [...offsets].map((o) => target - o).filter((t) => wall(t, zone) === target);
  if (exact.length > 0) return new Date(Math.min(...exact));
  // In a gap: the first minute whose reading is past the target (the clock reads monotonically across a gap).
  let lo = target - Math.max(...offsets);
  let hi = target - Math.min(...offsets);
  if (lo > hi) [lo, hi] = [hi, lo];
  lo = Math.floor(lo / MINUTE);
  hi = Math.ceil(hi / MINUTE);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (wall(mid * MINUTE, zone) >= target) hi = mid;
    else lo = mid + 1;
  }
  return new Date(lo * MINUTE);
}

/** When the scheduled digest for local date `date` is posted. */
export function postInstant(date: string, s: DigestSchedule): Date {
  return zonedInstant(date, s.time, s.timeZone);
}

/** The latest date whose post instant is at or before `now`. */
export function dueDate(now: Date, s: DigestSchedule): string {
  const today = localDate(now, s.timeZone);
  return postInstant(today, s).getTime() <= now.getTime() ? today : addDays(today, -1);
}

/** The first post instant after `now`, and its date. */
export function nextPost(now: Date, s: DigestSchedule): { date: string; at: Date } {
  const date = addDays(dueDate(now, s), 1);
  return { date, at: postInstant(date, s) };
}

/** The period the scheduled digest of `date` covers: from the previous day's post instant to this one. */
export function scheduledPeriod(date: string, s: DigestSchedule): DigestPeriod {
  return { date, timeZone: s.timeZone, from: postInstant(addDays(date, -1), s), to: postInstant(date, s) };
}

/** The whole local day `date` in `zone` (23, 24 or 25 hours). */
export function dayPeriod(date: string, zone: string): DigestPeriod {
  return { date, timeZone: zone, from: zonedInstant(date, '00:00', zone), to: zonedInstant(addDays(date, 1), '00:00', zone) };
}

/** The last 24 hours up to `now`, dated by the local date at `now`. */
export function last24Hours(now: Date, zone: string): DigestPeriod {
  return { date: localDate(now, zone), timeZone: zone, from: new Date(now.getTime() - DAY), to: now };
}
