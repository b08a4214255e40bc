// One name per source across reports (src/matching/source-names.ts): the key names of one body share, whatever
// the wording, and the keys different bodies keep apart; and which of a body's names is shown.
import { describe, expect, test } from 'vitest';
import { SourceNames, sourceKey } from '../src/matching/source-names.ts';

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

  test('on a tie the longest, then the first added; another body keeps its own name', () => {
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
