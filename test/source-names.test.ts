// One name per source across reports (src/matching/source-names.ts): the key names of one body share, whatever
// the wording, and the keys different bodies keep apart; and which of a body's names is shown.
import { describe, expect, test } from 'vitest';
import { groupSourceRows, sourceCounts } from '../src/channel-log/source-counts.ts';
import { SourceNames, shownName, sourceKey, type NameUse } from '../src/matching/source-names.ts';

const sameKey = (names: string[]) => new Set(names.map(sourceKey)).size === 1;

describe('sourceKey', () => {
  test('one ministry however reports name it: word order, "of", possessive country, British/American spelling, the, MoD', () => {
    const names = [
      'Russian Defense Ministry',
      'Russian Ministry of Defense',
      "Russia's Defence Ministry",
      'Russia’s defence ministry',
      'the Russian Defence Ministry',
      'Ministry of Defence of the Russian Federation',
      'Russian MoD',
      "Russia's MoD",
    ];
    expect(sameKey(names)).toBe(true);
  });

  test('different bodies stay apart: another country, no country, another ministry, the armed forces', () => {
    const keys = ['Russian Defence Ministry', 'Ukrainian Defence Ministry', 'Defence Ministry', 'Russian Foreign Ministry', 'Russian military'].map(sourceKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(sameKey(['Ukrainian Defence Ministry', 'Ministry of Defence of Ukraine', "Ukraine's Defense Ministry"])).toBe(true);
  });

  test('"the ministry" alone never takes a named ministry\'s key', () => {
    const ministry = sourceKey('the ministry');
    for (const named of ['Russian Defence Ministry', 'Defence Ministry', 'Foreign Ministry', 'Ministry of Foreign Affairs', 'MFA']) {
      expect(sourceKey(named)).not.toBe(ministry);
    }
    expect(sourceKey('The Ministry')).toBe(ministry);
  });

  test('abbreviations are read only when written in capitals, and expand to the words they stand for', () => {
    expect(sameKey(['Ukrainian MFA', 'Ministry of Foreign Affairs of Ukraine', "Ukraine's foreign ministry"])).toBe(true);
    expect(sameKey(['U.S. Department of Defense', 'US Defense Department', 'United States Department of Defense'])).toBe(true);
    expect(sameKey(['DoD', 'Department of Defense'])).toBe(true);
    // "DoD" says no country: it does not become the U.S. department's key, nor "MoD" the Russian ministry's.
    expect(sourceKey('DoD')).not.toBe(sourceKey('U.S. Department of Defense'));
    expect(sourceKey('MoD')).not.toBe(sourceKey('Russian Defence Ministry'));
    // "us" in lower case is a word, not the United States.
    expect(sourceKey('people close to us')).not.toBe(sourceKey('people close to US'));
    expect(sameKey(['General Staff of the Armed Forces of Ukraine', "Ukraine's General Staff", 'Ukrainian General Staff'])).toBe(true);
  });

  test('case, punctuation, accents and transliterated spellings do not make two sources', () => {
    expect(sameKey(['Kyïv city administration', 'Kyiv City Administration', 'KYIV CITY ADMINISTRATION'])).toBe(true);
    expect(sameKey(['Volodymyr Zelenskyy', 'Volodymyr Zelensky', 'Volodymyr Zelenskiy'])).toBe(true);
    expect(sameKey(['Institute for the Study of War', 'ISW'])).toBe(true);
    expect(sourceKey('Volodymyr Zelensky')).not.toBe(sourceKey('Zelensky'));
  });

  test('a name with no words left keeps a key of its own', () => {
    expect(sourceKey('The')).toBe('the');
    expect(sourceKey('Россия')).toBe('россия');
    expect(sourceKey('…')).not.toBe(sourceKey('The'));
  });
});

describe('SourceNames: the name shown for a body', () => {
  test('the name most reports used', () => {
    const names = new SourceNames();
    names.add('Russian MoD', 'r1');
    names.add('Russian Defence Ministry', 'r2');
    names.add('Russian MoD', 'r3');
    names.add('Russian MoD', 'r3');
    names.add("Russia's Ministry of Defence", 'r4');
    expect(names.shown('Russian Defence Ministry')).toBe('Russian MoD');
    expect(names.shown("Russia's Ministry of Defence")).toBe('Russian MoD');
  });

  test('on a tie the longest, then the first in code-point order whatever the order added; another body keeps its own name', () => {
    const names = new SourceNames();
    names.add('Russian MoD', 'r1');
    names.add('Russian Defence Ministry', 'r2');
    names.add('Russian Defense Ministry', 'r3');
    names.add('Ukrainian Defence Ministry', 'r3');
    expect(names.shown('Russian MoD')).toBe('Russian Defence Ministry');
    expect(names.shown('Ministry of Defence of Ukraine')).toBe('Ukrainian Defence Ministry');
    expect(names.shown('the ministry')).toBe('the ministry');
  });
});

describe('shownName: which name a desk sees for a body', () => {
  const use = (name: string, reports: number, claims = 1, last = 0): NameUse => ({ name, reports, claims, last });
  // Every order of the names must give the same answer: stores return rows, and the digest adds claims, in any order.
  const orders = <T>(xs: T[]): T[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => orders([...xs.slice(0, i), ...xs.slice(i + 1)]).map((r) => [x, ...r])));
  const pick = (uses: NameUse[]) => {
    const picked = new Set(orders(uses).map(shownName));
    expect(picked.size).toBe(1);
    return [...picked][0];
  };

  test('most reports first, even over a fuller name with more claims', () => {
    expect(pick([use('Russian MoD', 3, 3), use('Russian Defence Ministry', 2, 9, 99)])).toBe('Russian MoD');
  });

  test('on equal reports the longest name (the fuller form), even with fewer claims', () => {
    expect(pick([use('Russian MoD', 2, 9, 99), use('Russian Defence Ministry', 2, 1, 1)])).toBe('Russian Defence Ministry');
  });

  test('then more claims, then the name used last, then code-point order', () => {
    // Equal reports and length ("Defence"/"Defense"): claims decide, then the latest use, then the spelling's order.
    expect(pick([use('Russian Defence Ministry', 2, 1, 50), use('Russian Defense Ministry', 2, 4, 10)])).toBe('Russian Defense Ministry');
    expect(pick([use('Russian Defence Ministry', 2, 4, 10), use('Russian Defense Ministry', 2, 4, 50)])).toBe('Russian Defense Ministry');
    expect(pick([use('Russian Defense Ministry', 2, 4, 50), use('Russian Defence Ministry', 2, 4, 50)])).toBe('Russian Defence Ministry');
  });

  test('SourceNames counts a claim per add and a report once, and passes the time on', () => {
    const names = new SourceNames();
    names.add('Russian Defence Ministry', 'r1', 10);
    names.add('Russian Defense Ministry', 'r2', 20);
    names.add('Russian Defense Ministry', 'r2', 20);
    // One report each; "Defense" has two claims.
    expect(names.shown('Russian MoD')).toBe('Russian Defense Ministry');
    names.add('Russian Defence Ministry', 'r3', 30);
    expect(names.shown('Russian MoD')).toBe('Russian Defence Ministry');
    const later = new SourceNames();
    later.add('Russian Defence Ministry', 'r1', 10);
    later.add('Russian Defense Ministry', 'r2', 20);
    expect(later.shown('Russian MoD')).toBe('Russian Defense Ministry');
  });

  test('ChannelLog.sources shows the same name: a name\'s rows of two types add their claims before the tie-break', () => {
    const rows = [
      { name: 'Russian Defence Ministry', type: 'military' as const, claims: 3, reports: 2, last: 10 },
      { name: 'Russian Defense Ministry', type: 'military' as const, claims: 2, reports: 2, last: 20 },
      { name: 'Russian Defense Ministry', type: 'official' as const, claims: 2, reports: 1, last: 5 },
    ];
    for (const order of orders(rows)) {
      const [s] = sourceCounts(groupSourceRows(order), new Map([[sourceKey('Russian MoD'), 2]]));
      expect(s).toMatchObject({ name: 'Russian Defense Ministry', type: 'military', claims: 7, reports: 2 });
    }
  });
});
