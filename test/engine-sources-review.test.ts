// Source rules a desk editor relies on, on sentences written for these tests: an "According to X, …" content that
// runs on past a comma keeps its main fact, a bare "It" speaks only for a body named before, and a name with a
// title set off after it takes the title's source type.
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/nlp.ts';
import { extractClaims } from '../src/engine/index.ts';
import type { Claim } from '../src/schema.ts';

const claimsOf = (text: string): Claim[] => extractClaims(analyze(text));

describe('"According to X, …" followed by a comma splice', () => {
  it('keeps the first clause when a second one follows the comma', () => {
    const text = 'According to the regional governor, the barrage destroyed 40 houses, a school was also damaged.';
    const claims = claimsOf(text);
    expect(claims).toHaveLength(1);
    expect(claims[0].text).toBe('the barrage destroyed 40 houses, a school was also damaged');
    expect(claims[0].source?.mention).toBe('the regional governor');
  });

  it('keeps the first clause when the second opens with a number', () => {
    const text = 'According to the mayor, the blast wounded seven workers, two of them are still in hospital.';
    const claims = claimsOf(text);
    expect(claims).toHaveLength(1);
    expect(claims[0].text).toBe('the blast wounded seven workers, two of them are still in hospital');
  });

  it('still reads a description of the source as no content', () => {
    const text = 'According to Olena Marchuk, an engineer at the plant, the turbine hall was flooded.';
    const c = claimsOf(text);
    expect(c.map((x) => x.text)).toEqual(['the turbine hall was flooded']);
    expect(c[0].source?.mention).toBe('Olena Marchuk, an engineer at the plant');
    const based = claimsOf('According to Petro Savchuk, a volunteer based in Kharkiv, the shelter lost power twice.');
    expect(based.map((x) => x.text)).toEqual(['the shelter lost power twice']);
  });
});
