// Newsroom sourcing on sentences written for these tests: anonymity asides after a source, outlets that carry
// another speaker's claim ("…, according to TASS", "citing the ministry"), and the channel a claim went out on.
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/nlp.ts';
import { extractClaims } from '../src/engine/index.ts';
import type { Claim } from '../src/schema.ts';

const claimsOf = (text: string): Claim[] => extractClaims(analyze(text));
const slice = (text: string, s: { start: number; end: number } | null | undefined) => (s ? text.slice(s.start, s.end) : null);

describe('anonymity asides after the source', () => {
  it('names the official before "who spoke on condition of anonymity", an anonymous source', () => {
    const text = 'A senior official who spoke on condition of anonymity said the convoy was hit near the bridge.';
    const claims = claimsOf(text);
    expect(claims).toHaveLength(1);
    expect(claims[0].source?.name).toBe('A senior official');
    expect(claims[0].source?.type).toBe('anonymous');
    expect(claims[0].text).toBe('the convoy was hit near the bridge');
  });

  it('reads "asked not to be named" and "declined to be identified" as part of the source, not as claims', () => {
    for (const aside of ['who asked not to be named', 'who declined to be identified', ', who asked not to be named,']) {
      const text = `A diplomat ${aside} said the talks over the grain corridor had stalled.`.replace(' ,', ',');
      const claims = claimsOf(text);
      expect(claims.map((c) => c.cue?.text), text).toEqual(['said']);
      expect(claims[0].source?.name).toBe('A diplomat');
      expect(claims[0].source?.type).toBe('anonymous');
      expect(claims[0].text).toBe('the talks over the grain corridor had stalled');
    }
  });

  it('keeps "not authorized to speak publicly" and a participle aside out of the cue and the name', () => {
    const text = 'An aide who was not authorized to speak publicly said the vote would slip. ' +
      'Two officers speaking on condition of anonymity said the unit had withdrawn from the ridge.';
    const [vote, ridge] = claimsOf(text);
    expect(vote.cue?.text).toBe('said');
    expect(vote.source?.name).toBe('An aide');
    expect(vote.source?.type).toBe('anonymous');
    expect(ridge.source?.name).toBe('Two officers');
    expect(ridge.source?.type).toBe('anonymous');
    expect(slice(text, ridge.source?.span)).toBe('Two officers speaking on condition of anonymity');
  });

  it('takes the noun before a relative clause as the speaker, not the clause\'s object', () => {
    const text = 'Farmers who met with the governor said the subsidy would not cover the cost of fuel.';
    const [c] = claimsOf(text);
    expect(c.source?.name).toBe('Farmers');
    expect(c.text).toBe('the subsidy would not cover the cost of fuel');
  });
});
