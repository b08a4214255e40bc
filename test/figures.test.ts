// The summary's "figures that disagree" flag reads numbers from the list the matcher reads (src/lexicon/numbers.json):
// a vague amount, a number in words or a qualifier means the same in a summary and across reports.
import { describe, expect, it } from 'vitest';
import { summarize } from '../src/summarize.ts';
import { disagree, parseFigure } from '../src/figures.ts';
import { claimFeatures } from '../src/matching/features.ts';

/** The conflicting-figures flag of a report in which two sources count the soldiers captured. */
function conflict(first: string, second: string) {
  const text =
    `The defence ministry said ${first} were captured near the bridge.\n` +
    `A regional governor said ${second} were captured near the bridge.`;
  return summarize(text).flags.find((f) => f.code === 'conflicting-figures');
}

describe('figures that disagree, read from the shared number list', () => {
  it('"dozens" and "scores" stop below a hundred', () => {
    const flag = conflict('dozens of soldiers', '110 soldiers');
    expect(flag?.claims).toEqual(['c1', 'c2']);
    expect(flag?.message).toContain('dozens of soldiers (c1, defence ministry) against 110 soldiers');
    expect(conflict('dozens of soldiers', '90 soldiers')).toBeUndefined();
    expect(conflict('scores of soldiers', '150 soldiers')?.claims).toEqual(['c1', 'c2']);
    expect(conflict('scores of soldiers', '60 soldiers')).toBeUndefined();
  });

  it('"a few hundred" and "several hundred" are hundreds, "two dozen" is 24', () => {
    expect(conflict('a few hundred soldiers', '300 soldiers')).toBeUndefined();
    expect(conflict('a few hundred soldiers', '40 soldiers')?.claims).toEqual(['c1', 'c2']);
    expect(conflict('several hundred soldiers', '40 soldiers')?.claims).toEqual(['c1', 'c2']);
    expect(conflict('two dozen soldiers', '24 soldiers')).toBeUndefined();
    expect(conflict('two dozen soldiers', '30 soldiers')?.claims).toEqual(['c1', 'c2']);
  });

  it('"almost" and "nearly" are read as about: 15% either way', () => {
    expect(conflict('almost 100 soldiers', '110 soldiers')).toBeUndefined();
    expect(conflict('almost 100 soldiers', '120 soldiers')?.claims).toEqual(['c1', 'c2']);
    expect(conflict('almost 100 soldiers', '80 soldiers')?.claims).toEqual(['c1', 'c2']);
    const nearly = parseFigure('nearly 100 soldiers')!;
    expect(disagree(nearly, parseFigure('110 soldiers')!)).toBe(false);
    expect(disagree(nearly, parseFigure('120 soldiers')!)).toBe(true);
  });

  it('qualifiers of the shared list make floors and ceilings', () => {
    const floor = parseFigure('no less than 300 soldiers')!;
    expect(floor).toMatchObject({ kind: 'count:soldier', lo: 300, hi: Infinity });
    expect(disagree(floor, parseFigure('250 troops')!)).toBe(true);
    expect(disagree(floor, parseFigure('400 troops')!)).toBe(false);
    // "as many as" gives an estimate's top, "as few as" its bottom
    const top = parseFigure('as many as 300 soldiers')!;
    expect(top).toMatchObject({ lo: 0, hi: 300 });
    expect(disagree(top, parseFigure('250 troops')!)).toBe(false);
    expect(disagree(top, parseFigure('400 troops')!)).toBe(true);
    expect(parseFigure('as few as 10 soldiers')).toMatchObject({ lo: 10, hi: Infinity });
    expect(parseFigure('approx. 3 km')).toMatchObject({ kind: 'distance', lo: expect.closeTo(2550), hi: expect.closeTo(3450), label: 'approx. 3 km' });
  });
});

describe('the summary and the matcher read a number alike', () => {
  const summaryRange = (phrase: string) => {
    const f = parseFigure(`${phrase} soldiers`);
    return f && [f.lo, f.hi];
  };
  const matcherRange = (phrase: string) => {
    const [f] = claimFeatures({ text: `${phrase} soldiers were killed`, source: null, cue: null, places: [] }).figures;
    return f && [f.lo, f.hi];
  };

  it.each([
    ['dozens of', [24, 99]],
    ['scores of', [40, 99]],
    ['hundreds of', [200, 999]],
    ['several hundred', [300, 900]],
    ['a few dozen', [24, 60]],
    ['tens of thousands of', [20000, 99999]],
    ['two dozen', [24, 24]],
    ['a hundred', [100, 100]],
    ['one hundred and twenty', [120, 120]],
    ['at least forty', [40, Infinity]],
    ['up to 300', [0, 300]],
  ])('"%s"', (phrase, range) => {
    expect(summaryRange(phrase)).toEqual(range);
    expect(matcherRange(phrase)).toEqual(range);
  });
});
