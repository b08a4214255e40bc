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

describe('a bare "It" as a source', () => {
  it('is no source for a verb of evidence ("It suggests that …", "It shows that …")', () => {
    for (const verb of ['suggests', 'shows']) {
      const text = `Russia launched 85 drones overnight. It ${verb} that Moscow has rebuilt its stockpile.`;
      expect(claimsOf(text), text).toEqual([]);
    }
  });

  it('is no source when no body was named before it', () => {
    for (const text of [
      'Odesa was hit again overnight. It added, “We will clear the port.”',
      'The bridge stayed closed on Monday. It added that repairs could take weeks.',
    ]) {
      expect(claimsOf(text).filter((c) => c.source?.unresolved || c.source?.mention === 'It'), text).toEqual([]);
    }
  });

  it('speaks for the body that is the subject of the sentence before, even one that had not spoken', () => {
    for (const text of [
      'The ministry gave no figures. It stressed that more strikes were likely.',
      "Ukraine's foreign ministry summoned the Hungarian envoy on Monday. It added that Budapest had been warned.",
    ]) {
      const c = claimsOf(text).find((x) => x.cue?.text === 'stressed' || x.cue?.text === 'added');
      expect(c?.source?.name, text).toMatch(/ministry/i);
      expect(c?.source?.unresolved, text).toBeFalsy();
    }
  });

  it('speaks for the ministry or army that spoke before it', () => {
    const text = 'The defence ministry said 30 drones were shot down. It added that debris fell on two villages.';
    const c = claimsOf(text).find((x) => x.text === 'debris fell on two villages');
    expect(c?.source?.name).toMatch(/ministry/i);
    expect(c?.source?.unresolved).toBeFalsy();
    const army = 'The army said its units held the line. It stressed, “The enemy is regrouping.”';
    expect(claimsOf(army).find((x) => /regrouping/.test(x.text))?.source?.name).toMatch(/army/i);
  });
});

describe('a title set off after a name', () => {
  it('types "X, a spokesman for the ministry, said" as an official', () => {
    const text = 'Ivan Hrytsenko, a spokesman for the ministry, said the depot had been empty.';
    const c = claimsOf(text);
    expect(c.map((x) => x.text)).toEqual(['the depot had been empty']);
    expect(c[0].source?.name).toBe('Ivan Hrytsenko');
    expect(c[0].source?.type).toBe('official');
  });

  it('gives every claim of that person the type, and reads an officer and an office', () => {
    const text = 'Ivan Hrytsenko, a spokesman for the ministry, said the depot had been empty. Hrytsenko added that no one was hurt.';
    expect(claimsOf(text).map((x) => [x.source?.name, x.source?.type])).toEqual([
      ['Ivan Hrytsenko', 'official'],
      ['Ivan Hrytsenko', 'official'],
    ]);
    expect(claimsOf('Oleh Kovalenko, a commander in the 47th brigade, said the village was retaken.')[0].source?.type).toBe('military');
    expect(claimsOf('Ihor Terekhov, the mayor of Kharkiv, said the metro was closed.')[0].source?.type).toBe('official');
  });

  it('keeps a person with a description that is no title a person', () => {
    const c = claimsOf('Maria Bondar, a teacher from the village, said the school had no heating.');
    expect(c[0].source?.type).toBe('person');
  });
});

describe('"According to X, <who X is>, …"', () => {
  it('leaves out a name after a role, a title with no article, a title after a name\'s \'s, and a "whose" clause', () => {
    const texts: [string, string][] = [
      ['According to the regional governor, Ivan Dorosh, two people were wounded.', 'two people were wounded'],
      ['According to Olena Marchuk, head of the city water board, the pumps were restarted.', 'the pumps were restarted'],
      ["According to Ann Holm, the port's chief engineer, the crane can be repaired.", 'the crane can be repaired'],
      ['According to the mayor, whose office faces the square, the market will reopen.', 'the market will reopen'],
    ];
    for (const [text, content] of texts) expect(claimsOf(text).map((c) => c.text), text).toEqual([content]);
    // a list of places after a plural source is the content
    expect(claimsOf('According to officials, Kherson, Mykolaiv and Odesa were hit.').map((c) => c.text)).toEqual(['Kherson, Mykolaiv and Odesa were hit']);
  });
});

describe('a title before a name', () => {
  it('types the person: a mayor or minister is an official, a general the military; a bare name stays a person', () => {
    const typed = (text: string) => claimsOf(text).map((c) => [c.source?.name, c.source?.type]);
    expect(typed('Mayor Ivan Dorosh said the ferry would run.')).toEqual([['Ivan Dorosh', 'official']]);
    expect(typed('General Olena Marchuk said the line held.')).toEqual([['Olena Marchuk', 'military']]);
    expect(typed('Ann Holm said prices rose.')).toEqual([['Ann Holm', 'person']]);
  });
});

describe('what the second review found', () => {
  it('keeps the other side\'s denial after a mid-sentence tag: "…, officials said, a claim Moscow denied"', () => {
    const claims = claimsOf('The bridge was retaken on Friday, Ukrainian officials said, a claim Moscow denied.');
    expect(claims.map((c) => [c.text, c.cue?.stance])).toEqual([
      ['The bridge was retaken on Friday', 'asserts'],
      ['The bridge was retaken on Friday', 'denies'],
    ]);
  });

  it('keeps a hedging description of an "according to" source with the claim, not as a claim of its own', () => {
    const claims = claimsOf('According to regional officials, whose figures could not be verified, 300 homes were damaged.');
    expect(claims).toHaveLength(1);
    expect(claims[0].source?.name).toBe('regional officials');
    expect(claims[0].hedges.map((h) => h.text)).toEqual(['could not be verified']);
  });

  it('types a company named "General …" as no general', () => {
    expect(claimsOf('General Harbour Works said it would rebuild the pier.').map((c) => c.source?.type)).not.toContain('military');
  });

  it('hedges an unsourced claim with the note after it, and the note is no claim', () => {
    const claims = claimsOf('Russia claimed to have sunk a Ukrainian patrol boat. It was not possible to verify it.');
    expect(claims.map((c) => c.text)).toEqual(['Russia claimed to have sunk a Ukrainian patrol boat']);
    expect(claims[0].hedges.map((h) => h.text)).toContain('not possible to verify');
  });
});
