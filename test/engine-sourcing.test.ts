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

describe('an outlet that carries another speaker\'s claim', () => {
  it('makes "…, according to TASS" the conduit of the ministry\'s claim, not a second source', () => {
    const text = "Russia's Defence Ministry said on Tuesday that its forces had captured the village of Orlivka, according to TASS.";
    const claims = claimsOf(text);
    expect(claims).toHaveLength(1);
    expect(claims[0].source?.name).toMatch(/Defence Ministry/);
    expect(claims[0].conduit?.name).toBe('TASS');
    expect(slice(text, claims[0].conduit?.span)).toBe('TASS');
    expect(claims[0].text).toBe('its forces had captured the village of Orlivka');
  });

  it('does the same when the speaker tag closes the sentence: "…, the ministry said on Tuesday, according to TASS"', () => {
    const text = "Russian forces have captured the village of Orlivka, Russia's Defence Ministry said on Tuesday, according to TASS.";
    const claims = claimsOf(text);
    expect(claims.map((c) => [c.text, c.source?.name, c.conduit?.name])).toEqual([
      ['Russian forces have captured the village of Orlivka', "Russia's Defence Ministry", 'TASS'],
    ]);
  });

  it('does the same for "…, TASS reported" and a leading "According to Interfax,"', () => {
    const tail = 'The regional governor said a drone had struck the fuel depot, TASS reported.';
    const [a, ...restA] = claimsOf(tail);
    expect(restA).toHaveLength(0);
    expect(a.source?.name).toMatch(/governor/);
    expect(a.conduit?.name).toBe('TASS');
    expect(a.text).toBe('a drone had struck the fuel depot');
    const lead = 'According to Interfax, the regional governor said a drone had struck the fuel depot.';
    const [b, ...restB] = claimsOf(lead);
    expect(restB).toHaveLength(0);
    expect(b.source?.name).toMatch(/governor/);
    expect(b.conduit?.name).toBe('Interfax');
  });

  it('keeps an outlet\'s own report of what someone did, and an "according to" naming no outlet', () => {
    const own = 'The Times wrote that the senator had claimed a loss on his tax return.';
    expect(claimsOf(own).map((c) => c.source?.name)).toContain('Times');
    const notOutlet = 'The mayor said the pier would reopen in May, according to a memo seen by reporters.';
    expect(claimsOf(notOutlet).some((c) => c.cue?.text.toLowerCase() === 'according to')).toBe(true);
  });

  it('finds "told Reuters." at the end of a sentence, and only for the claim told to Reuters', () => {
    const text = 'The convoy was hit near the bridge, a senior official told Reuters.';
    const [c] = claimsOf(text);
    expect(c.conduit?.name).toBe('Reuters');
    expect(slice(text, c.conduit?.span)).toBe('Reuters');
    const two = 'The mayor denied the report, while a deputy told Reuters that the pier had closed.';
    const mayor = claimsOf(two).find((k) => k.source?.name.match(/mayor/));
    expect(mayor?.conduit ?? null).toBeNull();
  });
});

describe('an outlet citing the speaker behind its report', () => {
  it('makes the cited ministry the source and the outlet the conduit, with no claim that is only a name', () => {
    const text = 'Reuters reported that Russian forces took control of Orlivka on Tuesday, citing the Russian Defence Ministry.';
    const claims = claimsOf(text);
    expect(claims).toHaveLength(1);
    expect(claims[0].source?.name).toMatch(/Russian Defence Ministry/);
    expect(claims[0].conduit?.name).toBe('Reuters');
    expect(slice(text, claims[0].conduit?.span)).toBe('Reuters');
    expect(claims[0].text).toBe('Russian forces took control of Orlivka on Tuesday');
  });

  it('reads the participle set off after the outlet or after its cue', () => {
    const before = 'TASS, citing the regional governor, reported that the ferry crossing had reopened.';
    const [a, ...restA] = claimsOf(before);
    expect(restA).toHaveLength(0);
    expect(a.source?.name).toMatch(/governor/);
    expect(a.conduit?.name).toBe('TASS');
    const middle = 'Interfax reported, quoting a source close to the ministry, that the ferry crossing had reopened.';
    const [b, ...restB] = claimsOf(middle);
    expect(restB).toHaveLength(0);
    expect(b.source?.name).toMatch(/a source close to the ministry/);
    expect(b.source?.type).toBe('anonymous');
    expect(b.conduit?.name).toBe('Interfax');
    expect(b.text).toBe('the ferry crossing had reopened');
  });

  it('keeps "citing" a reason as the speaker\'s own claim when no outlet speaks', () => {
    const text = 'The mayor said the pier would stay closed, citing the cost of repairs.';
    const claims = claimsOf(text);
    expect(claims.map((c) => c.source?.name)).toEqual(['mayor', 'mayor']);
    expect(claims.some((c) => c.conduit)).toBe(false);
  });
});

describe('conduits named in the cue\'s own words', () => {
  it('skips "in a statement carried by TASS" before the content and keeps TASS as conduit', () => {
    const text = 'The ministry said in a statement carried by TASS that its forces had captured Orlivka.';
    const claims = claimsOf(text);
    expect(claims).toHaveLength(1);
    expect(claims[0].text).toBe('its forces had captured Orlivka');
    expect(claims[0].conduit?.name).toBe('TASS');
  });

  it('makes the outlet after "in a statement posted by" (any carrier participle) the conduit, and no other body', () => {
    const text = 'The governor said the ferry crossing had reopened, in a statement posted by TASS.';
    const claims = claimsOf(text);
    expect(claims).toHaveLength(1);
    expect(claims[0].source?.name).toMatch(/governor/);
    expect(claims[0].conduit?.name).toBe('TASS');
    expect(slice(text, claims[0].conduit?.span)).toBe('TASS');
    const [aired] = claimsOf('Rescuers said two people were pulled from the rubble, in a video aired by Zvezda.');
    expect(aired.conduit?.name).toBe('Zvezda');
    // a council is no outlet: the phrase names no conduit
    const [council] = claimsOf('The mayor said the water supply was restored, in a message posted by the City Council.');
    expect(council.conduit).toBeNull();
  });

  it('names an outlet given by description: "told state television", "according to local media"', () => {
    const text = 'The governor told state television that the bridge had been damaged. ' +
      'According to local media, the mayor said the ferry would not run.';
    const [bridge, ferry, ...rest] = claimsOf(text);
    expect(rest).toHaveLength(0);
    expect(bridge.conduit?.name).toBe('state television');
    expect(slice(text, bridge.conduit?.span)).toBe('state television');
    expect(ferry.source?.name).toMatch(/mayor/);
    expect(ferry.conduit?.name).toBe('local media');
  });

  it('still reads "was first reported by the Post" as the outlet\'s report', () => {
    const text = 'The billing error was first reported by the Harbour Post.';
    const [c] = claimsOf(text);
    expect(c.source?.name).toMatch(/Harbour Post/);
  });
});

describe('outlet names the tagger splits', () => {
  it('keeps "the Associated Press" whole after "according to" although the tagger reads "Associated" as a verb', () => {
    const text = 'The incumbent led by about 900 votes, according to the Associated Press.';
    const [c] = claimsOf(text);
    expect(c.source?.name).toBe('Associated Press');
    expect(c.source?.type).toBe('media');
    expect(slice(text, c.source?.span)).toBe('the Associated Press');
  });
});

describe('source descriptions remembered across reports', () => {
  it('a range is described by its own report: an aside running past it in one report does not name it in another', async () => {
    const { describe: describeRange } = await import('../src/engine/sources.ts');
    const aside = analyze('The senior official not authorized to speak publicly said the depot burned.');
    const plain = analyze('The senior official not authorized said nothing about the depot.');
    const range = { first: 0, last: 4 }; // "The senior official not authorized" in both
    expect(plain.text.slice(plain.tokens[0].start, plain.tokens[4].end)).toBe('The senior official not authorized');
    const plainFirst = describeRange(plain, range).name;
    const asideAfter = describeRange(aside, range).name;
    expect(asideAfter).toBe('senior official');
    expect(plainFirst).not.toBe(asideAfter);
    expect(describeRange(plain, range).name).toBe(plainFirst);
  });
});

describe('passives whose subject has a relative clause', () => {
  it('an auxiliary inside "who had …" does not stop "were praised by the governor"', () => {
    const text = 'Residents who had lost power were praised by the governor for their patience.';
    const claims = claimsOf(text);
    expect(claims.map((c) => c.source?.name)).toEqual(['governor']);
    expect(claims[0].cue?.text).toMatch(/^were praised by/);
  });
});

describe('the source mention keeps the description set off after the name', () => {
  const one = (text: string) => {
    const claims = claimsOf(text);
    expect(claims, text).toHaveLength(1);
    return claims[0];
  };

  it('covers an appositive before the cue, while the name stays the name', () => {
    const text = 'Marta Lind, a spokeswoman for the harbour authority, said the ferry would resume on Monday.';
    const c = one(text);
    expect(c.source?.name).toBe('Marta Lind');
    expect(c.source?.mention).toBe('Marta Lind, a spokeswoman for the harbour authority');
    expect(slice(text, c.source?.span)).toBe(c.source?.mention);
    expect(c.text).toBe('the ferry would resume on Monday');
  });

  it('skips an age to the name and keeps age and job in the mention', () => {
    const c = one('Ines Varga, 41, a nurse from the valley, said the clinic had run out of beds.');
    expect(c.source?.name).toBe('Ines Varga');
    expect(c.source?.mention).toBe('Ines Varga, 41, a nurse from the valley');
  });

  it('covers a "who" clause, and a description after a speaker who follows the quote', () => {
    expect(one('Tomas Berg, who chairs the council, said the levy would rise.').source?.mention).toBe('Tomas Berg, who chairs the council');
    const after = one('“The pier is safe,” said Tomas Berg, the county engineer.');
    expect(after.source?.name).toBe('Tomas Berg');
    expect(after.source?.mention).toBe('Tomas Berg, the county engineer');
  });

  it('covers a relative clause after the job noun and a home town, but not a clause with a cue of its own', () => {
    const c = one('Piet Dekker, a retiree who fished off the pier for 40 years, said the levy was too high.');
    expect(c.source?.name).toBe('Piet Dekker');
    expect(c.source?.mention).toBe('Piet Dekker, a retiree who fished off the pier for 40 years');
    expect(one('Ana Ruiz, 55, of Salem, said the levy was too high.').source?.mention).toBe('Ana Ruiz, 55, of Salem');
    const said = claimsOf('Piet Dekker, a retiree who said last year that the cannery would close, told reporters it had reopened.');
    expect(said.find((k) => k.cue?.text === 'told')?.source?.mention).toBe('Piet Dekker, a retiree');
  });

  it('covers a job with a capitalised name read as a verb, and "including …" / "along with …" asides', () => {
    const c = one('Lena Ostrom, chairman of the Docks and Works Committee, said that the delay was likely.');
    expect(c.source?.name).toBe('Lena Ostrom');
    expect(c.source?.mention).toBe('Lena Ostrom, chairman of the Docks and Works Committee');
    expect(one('Harbour critics, including the economist Ann Holm, said the rules were weak.').source?.mention)
      .toBe('Harbour critics, including the economist Ann Holm');
    expect(one('Banks, along with the photographer Lise Brandt, said the footage was clear.').source?.name).toBe('Banks');
  });

  it('covers a party and state before the description, and a closing participle after an "according to" source', () => {
    const party = one('“The bill is dead,” said Rep. Ann Holm (D-Ore.), a member of the panel.');
    expect(party.source?.name).toBe('Ann Holm');
    expect(party.source?.mention).toBe('Rep. Ann Holm (D-Ore.), a member of the panel');
    const count = one('Ferry traffic fell by a third, according to a count of weekly crossings compiled by the port office.');
    expect(count.source?.name).toBe('a count of weekly crossings');
    expect(count.source?.mention).toBe('a count of weekly crossings compiled by the port office');
  });

  it('covers a description naming a title in quotation marks, and stays the name', () => {
    const c = one('Ann Holm, the author of “Low Tide,” said the pier would close.');
    expect(c.source?.name).toBe('Ann Holm');
    expect(c.source?.mention).toBe('Ann Holm, the author of “Low Tide,”');
  });

  it('takes a share of voters whose noun has a participle before it as the whole source', () => {
    const c = one('Sixty-one percent of licensed fishermen said the quota was too low.');
    expect(c.source?.mention).toBe('Sixty-one percent of licensed fishermen');
  });

  it('leaves out a clause that is no description and the content after an "according to" source', () => {
    const adding = claimsOf('Ines Varga, a nurse, said the clinic had run out of beds, adding that staff were exhausted.');
    expect(adding.map((c) => c.source?.mention)).toEqual(['Ines Varga, a nurse', 'Ines Varga']);
    const acc = one('According to Ann Holm, an analyst at the port, prices rose sharply in May.');
    expect(acc.source?.mention).toBe('Ann Holm, an analyst at the port');
    expect(acc.text).toBe('prices rose sharply in May');
  });
});

describe('a carrier phrase after the cue', () => {
  it('reads "…, the ministry said in a statement carried by TASS." as the ministry\'s claim through TASS', () => {
    for (const participle of ['carried', 'posted']) {
      const text = `Troops destroyed three depots near the border, the defence ministry said in a statement ${participle} by TASS.`;
      const claims = claimsOf(text);
      expect(claims, text).toHaveLength(1);
      expect(claims[0].text).toBe('Troops destroyed three depots near the border');
      expect(claims[0].source?.name).toBe('defence ministry');
      expect(claims[0].conduit?.name).toBe('TASS');
    }
  });
});

describe('a poll or report dated before its verb', () => {
  it('names the poll, not the day, in "A poll out Monday shows …" and "The report published Tuesday shows …"', () => {
    const poll = claimsOf('A county poll out Friday shows Holm ahead by four points.');
    expect(poll[0].source?.name).not.toMatch(/Friday/);
    expect(poll[0].source?.mention).toBe('A county poll out Friday');
    const report = claimsOf('The inspection report published Tuesday shows that the pier is unsafe.');
    expect(report[0].source?.mention).toBe('The inspection report published Tuesday');
    expect(report[0].text).toBe('the pier is unsafe');
    expect(claimsOf('A radio poll in January found that most voters back the levy.')[0].source?.name).toMatch(/poll$/);
  });
});
