// The /claims query language: what a user types, and the ClaimQuery (or the message) they get back.
import { describe, expect, test } from 'vitest';
import {
  FILTER_NAMES,
  MAX_PAGE,
  MAX_QUERY_CHARS,
  MAX_QUERY_TERMS,
  QueryError,
  parseOptions,
  parseQuery,
  parseUser,
  parseWhen,
  tokenize,
} from '../src/query.ts';

const NOW = new Date('2026-11-10T12:00:00Z');
const q = (text: string) => parseQuery(text, { now: NOW, me: 'U_ME' });
const fails = (text: string) => {
  try {
    q(text);
  } catch (err) {
    expect(err).toBeInstanceOf(QueryError);
    return (err as Error).message;
  }
  throw new Error(`expected "${text}" to be refused`);
};

describe('words and phrases', () => {
  test('free words and quoted phrases, with surrounding punctuation dropped from words', () => {
    const r = q('Krasnogorsk, "power plant" (bridge) “Kherson region”');
    expect(r.words).toEqual(['Krasnogorsk', 'bridge']);
    expect(r.phrases).toEqual(['power plant', 'Kherson region']);
    expect(r.page).toBe(1);
    expect(r.pageSize).toBeGreaterThan(0);
  });

  test('an empty query asks for everything, first page', () => {
    const r = q('   ');
    expect(r).toMatchObject({ words: [], phrases: [], page: 1 });
    expect(r.source).toBeUndefined();
  });

  test('times and links are words, not filters', () => {
    expect(q('10:30 https://example.org/a').words).toEqual(['10:30', 'https://example.org/a']);
  });

  test('a quote glued to a word starts a phrase', () => {
    expect(tokenize('troops"took the"')).toEqual([
      { kind: 'word', text: 'troops' },
      { kind: 'phrase', text: 'took the' },
    ]);
  });
});

describe('filters', () => {
  test('source:, place: take words or a quoted value; repeats add alternatives', () => {
    const r = q('source:ministry source:"interior ministry" place:Kherson');
    expect(r.source).toEqual(['ministry', 'interior ministry']);
    expect(r.place).toEqual(['Kherson']);
    expect(r.words).toEqual([]);
  });

  test('type: and category: take the schema values, case and spacing forgiven, comma lists', () => {
    const r = q('type:Military,state_media category:casualties');
    expect(r.type).toEqual(['military', 'state-media']);
    expect(r.category).toEqual(['casualties']);
  });

  test('an unknown type or category lists the valid ones', () => {
    expect(fails('type:general')).toMatch(/type:general.*official, military/);
    expect(fails('category:sports')).toMatch(/territorial-control.*casualties/);
  });

  test('hedged, hedged:no and unattributed', () => {
    expect(q('hedged').hedged).toBe(true);
    expect(q('Hedged bridge').words).toEqual(['bridge']);
    expect(q('hedged:no').hedged).toBe(false);
    expect(q('unattributed').unattributed).toBe(true);
    expect(q('"hedged"').phrases).toEqual(['hedged']);
    expect(fails('hedged:maybe')).toMatch(/hedged:no/);
  });

  test('by: reads platform mentions, @names and me', () => {
    expect(q('by:<@U123ABC>').by).toEqual(['U123ABC']);
    expect(q('by:<@U123ABC|maria>').by).toEqual(['U123ABC']);
    expect(q('by:<@!81234>').by).toEqual(['81234']);
    expect(q('by:@maria by:me').by).toEqual(['maria', 'U_ME']);
    expect(parseUser('@дмитро')).toBe('дмитро');
    expect(fails('by:@a*b')).toMatch(/not a user/);
  });

  test('page:', () => {
    expect(q('bridge page:3').page).toBe(3);
    expect(fails('page:0')).toMatch(/page number/);
    expect(fails('page:two')).toMatch(/page number/);
    expect(fails(`page:${MAX_PAGE + 1}`)).toMatch(/too far/);
    expect(fails('page:2 page:3')).toMatch(/twice/);
  });

  test('a filter with no value says what it wants', () => {
    expect(fails('source:')).toMatch(/source: needs a value, e.g. source:ministry/);
    expect(fails('since: 7d')).toMatch(/since: needs a value/);
  });

  test('an unknown filter lists every valid one', () => {
    const msg = fails('bridge author:maria');
    expect(msg).toMatch(/Unknown filter "author:"/);
    for (const name of FILTER_NAMES) expect(msg).toContain(`${name}:`);
  });
});

describe('dates', () => {
  const hours = (d: Date | undefined) => (NOW.getTime() - d!.getTime()) / 3_600_000;

  test('relative since/until count back from now', () => {
    expect(hours(q('since:24h').since)).toBe(24);
    expect(hours(q('since:7d').since)).toBe(7 * 24);
    expect(hours(q('since:2w').since)).toBe(14 * 24);
    expect(hours(q('until:3d').until)).toBe(72);
  });

  test('a calendar day counts whole: since its start, until its end (UTC)', () => {
    const r = q('since:2026-11-01 until:2026-11-03');
    expect(r.since?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(r.until?.toISOString()).toBe('2026-11-03T23:59:59.999Z');
    expect(q('since:today').since?.toISOString()).toBe('2026-11-10T00:00:00.000Z');
    expect(q('until:yesterday').until?.toISOString()).toBe('2026-11-09T23:59:59.999Z');
    expect(parseWhen('2026-11-01T08:30+02:00', 'since', NOW).toISOString()).toBe('2026-11-01T06:30:00.000Z');
  });

  test('bad dates get a clear message', () => {
    expect(fails('since:2026-02-30')).toMatch(/not a calendar date/);
    expect(fails('since:last-week')).toMatch(/not a date I can read.*7d/);
    expect(fails('since:2026-11-01T25:00')).toMatch(/time of day/);
    expect(fails('since:99999d')).toMatch(/too far back/);
    expect(fails('since:2026-11-05 until:2026-11-01')).toMatch(/after until/);
    expect(fails('since:1d since:2d')).toMatch(/twice/);
  });
});

describe('limits and broken input', () => {
  test('over-long queries and too many terms', () => {
    expect(fails('a'.repeat(MAX_QUERY_CHARS + 1))).toMatch(new RegExp(`most is ${MAX_QUERY_CHARS}`));
    const many = Array.from({ length: MAX_QUERY_TERMS + 1 }, (_, i) => `w${i}`).join(' ');
    expect(fails(many)).toMatch(new RegExp(`most is ${MAX_QUERY_TERMS}`));
    expect(q(many.split(' ').slice(0, MAX_QUERY_TERMS).join(' ')).words).toHaveLength(MAX_QUERY_TERMS);
  });

  test('unbalanced quotes', () => {
    expect(fails('"power plant')).toMatch(/Unbalanced quote.*closing "/);
    expect(fails('source:"interior ministry')).toMatch(/Unbalanced quote/);
    expect(fails('“Kherson')).toMatch(/closing ”/);
  });
});

describe('options of other commands', () => {
  test('name:value options only, each once', () => {
    expect(parseOptions('format:csv since:7d', ['format', 'since'], 'export')).toEqual({ format: 'csv', since: '7d' });
    expect(() => parseOptions('format:csv bridge', ['format'], 'export')).toThrow(/does not take bridge.*format:/);
    expect(() => parseOptions('page:2', ['format', 'since'], 'export')).toThrow(/no option "page:".*format: since:/);
    expect(() => parseOptions('format:csv format:md', ['format'], 'export')).toThrow(/twice/);
  });
});
