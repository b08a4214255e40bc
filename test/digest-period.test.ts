// Local date and time arithmetic for the daily digest (src/digest/period.ts): post instants in several zones,
// the periods across daylight-saving changes (23 and 25 hours), a time that does not exist or happens twice.
import { describe, expect, test } from 'vitest';
import {
  addDays,
  canonicalZone,
  dayPeriod,
  dueDate,
  isDate,
  isTimeZone,
  last24Hours,
  nextPost,
  parseTime,
  postInstant,
  scheduledPeriod,
  zonedInstant,
} from '../src/digest/period.ts';

const HOUR = 3_600_000;
const iso = (d: Date) => d.toISOString();
const hoursOf = (p: { from: Date; to: Date }) => (p.to.getTime() - p.from.getTime()) / HOUR;
const kyiv = (time: string) => ({ time, timeZone: 'Europe/Kyiv' });
const newYork = (time: string) => ({ time, timeZone: 'America/New_York' });

describe('post instants across time zones', () => {
  test('08:00 is a different UTC instant in each zone', () => {
    expect(iso(postInstant('2026-11-30', kyiv('08:00')))).toBe('2026-11-30T06:00:00.000Z');
    expect(iso(postInstant('2026-11-30', newYork('08:00')))).toBe('2026-11-30T13:00:00.000Z');
    expect(iso(postInstant('2026-11-30', { time: '08:00', timeZone: 'Asia/Kolkata' }))).toBe('2026-11-30T02:30:00.000Z');
    expect(iso(postInstant('2026-11-30', { time: '08:00', timeZone: 'UTC' }))).toBe('2026-11-30T08:00:00.000Z');
    // summer time in Kyiv: UTC+3
    expect(iso(postInstant('2026-07-01', kyiv('08:00')))).toBe('2026-07-01T05:00:00.000Z');
  });

  test('a time just after midnight in a zone ahead of UTC falls on the previous UTC day', () => {
    expect(iso(postInstant('2026-12-01', { time: '00:30', timeZone: 'Pacific/Auckland' }))).toBe('2026-11-30T11:30:00.000Z');
  });

  test('due date and next post: the latest post time passed, the first to come', () => {
    const s = kyiv('08:00');
    // 05:59 UTC is 07:59 in Kyiv: today's digest is not due yet
    expect(dueDate(new Date('2026-11-30T05:59:00Z'), s)).toBe('2026-11-29');
    expect(dueDate(new Date('2026-11-30T06:00:00Z'), s)).toBe('2026-11-30');
    expect(nextPost(new Date('2026-11-30T05:59:00Z'), s)).toEqual({ date: '2026-11-30', at: new Date('2026-11-30T06:00:00Z') });
    expect(nextPost(new Date('2026-11-30T06:00:00Z'), s)).toEqual({ date: '2026-12-01', at: new Date('2026-12-01T06:00:00Z') });
    // 23:30 UTC on the 30th is already 01:30 on 1 December in Kyiv
    expect(dueDate(new Date('2026-11-30T23:30:00Z'), kyiv('02:00'))).toBe('2026-11-30');
    expect(dueDate(new Date('2026-11-30T23:30:00Z'), kyiv('01:00'))).toBe('2026-12-01');
  });
});

describe('daylight-saving changes', () => {
  test('Kyiv, spring forward (29 March 2026, 03:00 → 04:00): the 08:00 digest covers 23 hours', () => {
    const p = scheduledPeriod('2026-03-29', kyiv('08:00'));
    expect(iso(p.from)).toBe('2026-03-28T06:00:00.000Z');
    expect(iso(p.to)).toBe('2026-03-29T05:00:00.000Z');
    expect(hoursOf(p)).toBe(23);
    expect(hoursOf(scheduledPeriod('2026-03-30', kyiv('08:00')))).toBe(24);
  });

  test('Kyiv, fall back (25 October 2026, 04:00 → 03:00): the 08:00 digest covers 25 hours', () => {
    const p = scheduledPeriod('2026-10-25', kyiv('08:00'));
    expect(iso(p.from)).toBe('2026-10-24T05:00:00.000Z');
    expect(iso(p.to)).toBe('2026-10-25T06:00:00.000Z');
    expect(hoursOf(p)).toBe(25);
  });

  test('a time that does not exist (spring forward) posts at the next valid minute', () => {
    // Kyiv: 03:30 never happens on 29 March; the clock goes from 02:59:59 (UTC+2) to 04:00 (UTC+3) = 01:00 UTC
    expect(iso(zonedInstant('2026-03-29', '03:30', 'Europe/Kyiv'))).toBe('2026-03-29T01:00:00.000Z');
    // New York: 02:30 never happens on 8 March; 03:00 EDT = 07:00 UTC
    expect(iso(postInstant('2026-03-08', newYork('02:30')))).toBe('2026-03-08T07:00:00.000Z');
    // the day before and after it is the usual time
    expect(iso(postInstant('2026-03-07', newYork('02:30')))).toBe('2026-03-07T07:30:00.000Z');
    expect(iso(postInstant('2026-03-09', newYork('02:30')))).toBe('2026-03-09T06:30:00.000Z');
  });

  test('a time that happens twice (fall back) posts at the first', () => {
    // Kyiv: 03:30 happens at 00:30 UTC (summer time) and again at 01:30 UTC
    expect(iso(zonedInstant('2026-10-25', '03:30', 'Europe/Kyiv'))).toBe('2026-10-25T00:30:00.000Z');
    // New York: 01:30 EDT = 05:30 UTC, before 01:30 EST = 06:30 UTC
    expect(iso(postInstant('2026-11-01', newYork('01:30')))).toBe('2026-11-01T05:30:00.000Z');
    // so the next day's digest covers 25 hours and none is posted twice
    expect(hoursOf(scheduledPeriod('2026-11-02', newYork('01:30')))).toBe(25);
  });

  test('a whole local day is 23, 24 or 25 hours', () => {
    expect(hoursOf(dayPeriod('2026-03-08', 'America/New_York'))).toBe(23);
    expect(hoursOf(dayPeriod('2026-11-01', 'America/New_York'))).toBe(25);
    expect(hoursOf(dayPeriod('2026-11-30', 'America/New_York'))).toBe(24);
    expect(iso(dayPeriod('2026-11-30', 'Europe/Kyiv').from)).toBe('2026-11-29T22:00:00.000Z');
  });

  test('the last 24 hours are dated by the local date', () => {
    const p = last24Hours(new Date('2026-11-30T23:00:00Z'), 'Europe/Kyiv');
    expect(p.date).toBe('2026-12-01');
    expect(hoursOf(p)).toBe(24);
  });
});

describe('checking what people type', () => {
  test('times, zones and dates', () => {
    expect(parseTime('8:00')).toBe('08:00');
    expect(parseTime('23:59')).toBe('23:59');
    for (const bad of ['24:00', '8', '08:60', '8am', '']) expect(parseTime(bad)).toBeNull();
    expect(isTimeZone('Europe/Kyiv')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(canonicalZone('europe/kyiv')).toBe('Europe/Kyiv');
    expect(canonicalZone('america/new_york')).toBe('America/New_York');
    expect(canonicalZone('utc')).toBe('UTC');
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('2028-02-29')).toBe(true);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
