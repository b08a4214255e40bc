// The claim engine on sentences written for these tests: every cue form the newsroom relies on.
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/nlp.ts';
import { extractClaims } from '../src/engine/index.ts';
import type { Claim } from '../src/schema.ts';

function claimsOf(text: string): Claim[] {
  return extractClaims(analyze(text));
}

/** The claim whose content contains `phrase`. */
function claimWith(text: string, phrase: string): Claim {
  const claims = claimsOf(text);
  const at = text.indexOf(phrase);
  const c = claims.find((k) => k.content.some((s) => s.start <= at && s.end >= at + phrase.length));
  if (!c) throw new Error(`no claim holds "${phrase}": ${JSON.stringify(claims.map((k) => k.text))}`);
  return c;
}

const slice = (text: string, s: { start: number; end: number } | null | undefined) => (s ? text.slice(s.start, s.end) : null);

describe('reporting verbs', () => {
  it('takes the subject as source and the clause after the verb as content', () => {
    const text = 'The regional governor said that four people were wounded in the overnight shelling of the port.';
    const c = claimWith(text, 'four people were wounded');
    expect(c.source?.name).toMatch(/regional governor/);
    expect(c.cue?.text).toBe('said');
    expect(slice(text, c.cue?.span)).toBe('said');
    expect(c.cue?.stance).toBe('asserts');
  });

  it('skips an appositive to reach the named speaker', () => {
    const text = 'Maria Ostrova, a spokeswoman for the interior ministry, said the convoy had been turned back at the border.';
    const c = claimWith(text, 'the convoy had been turned back');
    expect(c.source?.name).toBe('Maria Ostrova');
    expect(c.source?.type).toBe('official');
  });

  it('reads acknowledged and denied as stances', () => {
    const text = 'The army acknowledged that two helicopters were lost. The ministry denied that any civilians were hit.';
    expect(claimWith(text, 'two helicopters were lost').cue?.stance).toBe('acknowledges');
    expect(claimWith(text, 'any civilians were hit').cue?.stance).toBe('denies');
  });

  it('does not attribute the report\'s own narration', () => {
    const text = 'The town lies on a bend of the river. Fighting there has gone on for weeks.';
    expect(claimsOf(text)).toEqual([]);
  });
});

describe('content before the cue', () => {
  it('attributes a quote whose speaker comes after it', () => {
    const text = '“We will hold the bridge whatever it costs,” the brigade commander said.';
    const c = claimWith(text, 'We will hold the bridge');
    expect(c.source?.name).toMatch(/brigade commander/);
    expect(c.quote).toBe(true);
  });

  it('handles cue before source: "…, said Colonel Ivan Petrenko."', () => {
    const text = 'The enemy has pulled back two kilometres from the ridge, said Colonel Ivan Petrenko.';
    const c = claimWith(text, 'pulled back two kilometres');
    expect(c.source?.name).toMatch(/Ivan Petrenko/);
  });

  it('joins a quote that runs over several sentences', () => {
    const text = 'The mayor spoke at noon. “The water is back. The schools reopen on Monday,” she said.';
    const c = claimWith(text, 'The schools reopen on Monday');
    expect(c.content.some((s) => text.slice(s.start, s.end).includes('The water is back'))).toBe(true);
    expect(c.source?.mention).toBe('she');
  });
});

describe('according to and conduits', () => {
  it('finds source and conduit in "According to X, as reported by Y, …"', () => {
    const text = 'According to the Defence Ministry, as reported by Interfax, troops took control of the village of Brody.';
    const c = claimWith(text, 'troops took control of the village');
    expect(c.source?.name).toMatch(/Defence Ministry/);
    expect(c.source?.type).toBe('military');
    expect(c.conduit?.name).toBe('Interfax');
    expect(slice(text, c.conduit?.span)).toBe('Interfax');
    expect(c.cue?.text).toBe('According to');
  });

  it('takes "told Reuters" as the conduit', () => {
    const text = 'The governor told Reuters that the power plant was hit twice overnight.';
    const c = claimWith(text, 'the power plant was hit');
    expect(c.conduit?.name).toBe('Reuters');
    expect(c.source?.name).toMatch(/governor/);
  });

  it('reads a channel and its owner: "on the Telegram channel of the General Staff"', () => {
    const text = 'On the official Telegram channel of the General Staff, a video was posted showing a destroyed radar station near the coast.';
    const claims = claimsOf(text);
    const c = claims.find((k) => k.conduit);
    expect(c?.conduit?.name).toMatch(/Telegram channel/);
  });

  it('reads content after the source: "…, according to local officials."', () => {
    const text = 'Three bridges were destroyed, according to local officials.';
    const c = claimWith(text, 'Three bridges were destroyed');
    expect(c.source?.name).toMatch(/local officials/);
    expect(c.source?.type).toBe('official');
  });
});

describe('other cue forms', () => {
  it('reads a headline "…, Says X"', () => {
    const text = 'Rebels Capture Airport Near Coast, Says Army Spokesman\n\nThe fighting went on through the night.';
    const c = claimWith(text, 'Rebels Capture Airport');
    expect(c.source?.name).toMatch(/Army Spokesman/);
    expect(c.cue?.text).toBe('Says');
  });

  it('reads passive "is described by X as"', () => {
    const text = 'The crossing is described by local officials as the last safe route out of the city.';
    const c = claimWith(text, 'the last safe route');
    expect(c.source?.name).toMatch(/local officials/);
  });

  it('reads any cue verb\'s participle with "for", "of" or "with" as a passive cue with no source, and with "by" names the source', () => {
    const text = 'The harbour master was criticized for closing the pier early. Three council members were charged with taking bribes. The pier plan was praised by local fishermen.';
    const criticized = claimWith(text, 'closing the pier early');
    expect(criticized.cue?.text).toBe('was criticized for');
    expect(criticized.source).toBeNull();
    expect(criticized.content.map((s) => slice(text, s))).toEqual(['The harbour master', 'closing the pier early']);
    expect(claimWith(text, 'taking bribes').cue?.text).toBe('were charged with');
    expect(claimWith(text, 'The pier plan').source?.name).toMatch(/local fishermen/);
  });
  it('takes no clause with an auxiliary of its own as the subject of such a passive', () => {
    const text = 'Harbour watchers may compare the port reports with what lessons are being stressed by each crew.';
    expect(claimsOf(text).map((c) => c.cue?.text)).toEqual([]);
  });

  it('names the party behind "statements from X indicated"', () => {
    const text = 'Statements from the regional administration indicated that power had been restored to most districts.';
    const c = claimWith(text, 'power had been restored');
    expect(c.source?.name).toMatch(/regional administration/);
  });

  it('names the owner of "X\'s report mentions"', () => {
    const text = "The agency's report mentions that twelve tanks were destroyed in the first week.";
    const c = claimWith(text, 'twelve tanks were destroyed');
    expect(c.source?.name).toMatch(/agency/);
  });
});

describe('hedges and anonymous sources', () => {
  it('keeps a hedged claim with no source as unattributed with its hedge', () => {
    const text = 'Enemy drones reportedly struck a fuel depot near the port on Tuesday.';
    const c = claimWith(text, 'struck a fuel depot');
    expect(c.source).toBeNull();
    expect(c.hedges.map((h) => h.text)).toEqual(['reportedly']);
    expect(slice(text, c.hedges[0].span)).toBe('reportedly');
  });

  it('finds "could not be independently verified" inside an attributed claim', () => {
    const text = 'The militia said its fighters had shot down a jet, a claim that could not be independently verified.';
    const c = claimWith(text, 'had shot down a jet');
    expect(c.hedges.map((h) => h.text)).toContain('could not be independently verified');
  });

  it('a sentence saying only that the report before could not be verified hedges that report\'s claims, and is no claim', () => {
    const text = "The port authority said two cranes had collapsed overnight. The claim could not be independently verified. Reuters could not independently verify the figures.";
    const claims = claimsOf(text);
    expect(claims.map((c) => c.text)).toEqual(['two cranes had collapsed overnight']);
    expect(claims[0].hedges.map((h) => h.text)).toEqual(['could not be independently verified', 'could not independently verify']);
    // a sentence that says more than that, or may speak of more than the sentence before, stays a hedged claim
    const more = claimsOf('The port authority said two cranes had collapsed. Damage to the quay could not be independently verified.');
    expect(more.map((c) => [c.text, c.source === null])).toEqual([
      ['two cranes had collapsed', false],
      ['Damage to the quay could not be independently verified', true],
    ]);
    // other wordings of the same note
    const others = claimsOf('The port authority said a crane had collapsed. It was not possible to independently verify the claim. AFP was unable to verify the report.');
    expect(others.map((c) => [c.text, c.hedges.map((h) => h.text)])).toEqual([
      ['a crane had collapsed', ['not possible to independently verify', 'unable to verify']],
    ]);
    const wider = claimsOf('The port authority said two cranes had collapsed. Reuters could not independently verify the harbour reports.');
    expect(wider.map((c) => [c.text, c.hedges.length])).toEqual([
      ['two cranes had collapsed', 0],
      ['Reuters could not independently verify the harbour reports', 1],
    ]);
  });

  it('types "a senior official who asked not to be named" as anonymous', () => {
    const text = 'A senior official who asked not to be named said the talks had collapsed on Friday.';
    const c = claimWith(text, 'the talks had collapsed');
    expect(c.source?.type).toBe('anonymous');
  });
});

describe('coreference', () => {
  it('resolves "the ministry" and "it" to the named ministry', () => {
    const text =
      'The Russian Ministry of Defence said its forces had crossed the river. ' +
      'The ministry claimed that six villages were taken. It acknowledged heavy losses in the assault.';
    expect(claimWith(text, 'six villages were taken').source?.name).toBe('Russian Ministry of Defence');
    const it2 = claimWith(text, 'heavy losses');
    expect(it2.source?.name).toBe('Russian Ministry of Defence');
    expect(it2.source?.resolved).toBe('coreference');
  });

  it('resolves "he" to the last named man and says so when nobody can be named', () => {
    const text = 'General Oleg Marchenko spoke to reporters. He said the offensive would resume within days.';
    const c = claimWith(text, 'the offensive would resume');
    expect(c.source?.name).toBe('Oleg Marchenko');
    const lone = claimWith('She said the shelters were full.', 'the shelters were full');
    expect(lone.source?.unresolved).toBe(true);
  });
});

describe('spans', () => {
  it('keeps every span exact after emoji and non-Latin text', () => {
    const text = '🔥🔥 Штурм. The ministry said that 40 soldiers were captured near Vovchansk 😀.';
    const c = claimWith(text, '40 soldiers were captured');
    for (const s of [...c.content, c.sentence, c.source!.span!, c.cue!.span!]) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(text.length);
    }
    expect(slice(text, c.source?.span)).toBe('The ministry');
    expect(slice(text, c.cue?.span)).toBe('said');
  });
});

describe('adjuncts and inserted phrases around the cue', () => {
  it('keeps a quote-first attribution when a day, a recipient or a "when" clause follows the verb', () => {
    for (const [text, who] of [
      ['“We will hold the bridge until the spring,” the colonel said Tuesday.', 'colonel'],
      ['“We will hold the bridge until the spring,” the colonel told reporters.', 'colonel'],
      ['“We will hold the bridge until the spring,” Dana Whitlow said when asked about the thaw.', 'Dana Whitlow'],
      ['“We will hold the bridge until the spring,” said Rep. Dana Whitlow (D-Ore.) at the hearing.', 'Dana Whitlow'],
    ] as const) {
      const c = claimWith(text, 'We will hold the bridge');
      expect(c.source?.name, text).toMatch(new RegExp(who));
      expect(c.cue?.text, text).toMatch(/said|told/);
    }
  });

  it('still reads "In Kyiv, officials said on Monday that …" as source-verb-content', () => {
    const text = 'In Kyiv, officials said on Monday that the bridge was closed to trucks.';
    const c = claimWith(text, 'the bridge was closed');
    expect(c.source?.mention).toBe('officials');
  });

  it('skips possessive, participle and prepositional insertions to reach the speaker', () => {
    for (const text of [
      'Dana Whitlow, its chief engineer, said the dam would hold through the winter.',
      'Dana Whitlow, standing beside the flooded road, said the dam would hold through the winter.',
      'Dana Whitlow, in a statement released on Friday, said the dam would hold through the winter.',
      'Dana Whitlow, acting director of the water board, which runs the dam, said the dam would hold through the winter.',
    ]) {
      const c = claimWith(text, 'the dam would hold');
      expect(c.source?.name, text).toBe('Dana Whitlow');
    }
  });
  it('finds subjects the phrase walk used to miss: a percentage, a gerund after a possessive, a part set off by dashes, "those surveyed"', () => {
    const text = 'On port matters, 37% say they are cautious. Another source familiar with the mayor’s thinking said the vote would slip. Dockworkers — and some sailors — say that the levy is unfair. Of the voters polled, those surveyed say the ferry should stay open.';
    expect(slice(text, claimWith(text, 'they are cautious').source?.span)).toBe('37%');
    expect(slice(text, claimWith(text, 'the vote would slip').source?.span)).toBe('Another source familiar with the mayor’s thinking');
    expect(slice(text, claimWith(text, 'the levy is unfair').source?.span)).toBe('Dockworkers — and some sailors');
    expect(claimWith(text, 'the ferry should stay open').cue?.text).toBe('say');
  });
  it('keeps "here" after the verb out of the way of a quote-first attribution', () => {
    const text = '“We will win,” the mayor said here.';
    expect(claimWith(text, 'We will win').source?.name).toBe('mayor');
  });
  it('reads a plural possessive inside the insertion and a name set off after a title', () => {
    for (const text of [
      '“The dam will hold,” Dana Whitlow, the engineers’ union leader, said on Friday.',
      '“The dam will hold,” the water board spokesman, Dana Whitlow, said on Friday.',
    ]) {
      const c = claimWith(text, 'The dam will hold');
      expect(c.source?.name, text).toBe('Dana Whitlow');
      expect(c.content.map((s) => slice(text, s)), text).toEqual(['“The dam will hold,”']);
    }
  });
});

describe('reporting verbs no word order explains', () => {
  it('gives a verb after "and" the subject of the verb before, and ends that verb\'s content at "and"', () => {
    const text = 'The vote went badly. The mayor called her rival "weak" and said she had no support in the harbour district.';
    const said = claimWith(text, 'she had no support');
    expect(said.cue?.text).toBe('said');
    expect(said.source?.name).toBe('mayor');
    expect(claimWith(text, '"weak"').content.map((s) => slice(text, s))).toEqual(['her rival "weak"']);
  });
  it('takes the name opening the sentence when a quoted title sits in the insertion before the verb', () => {
    const text = 'Ann Holm, the author of a book about the harbour, “Low Tide,” said the port would never recover.';
    expect(claimWith(text, 'the port would never recover').source?.name).toBe('Ann Holm');
  });
  it('gives a participle after a long opener the subject of the verb before it', () => {
    const text = 'Speaking at a town hall in Salem on Friday, the mayor went after the council, calling it “a total failure.”';
    const c = claimWith(text, 'a total failure');
    expect(c.cue?.text).toBe('calling');
    expect(c.source?.name).toBe('mayor');
  });
  it('reads no cue in a hyphenated word or a participle before a preposition', () => {
    const claims = claimsOf('The so-called harbour levy passed. The harbour fees, as opposed to the ferry fees, rose sharply.');
    expect(claims.map((c) => c.cue?.text)).toEqual([]);
  });
});

describe('coordinated and stance verbs', () => {
  it('gives a second verb joined by "and" the clause subject, and ends the first content before it', () => {
    const text = 'The mayor praised the rescue crews and said the last families had been moved out of the valley.';
    const said = claimWith(text, 'the last families had been moved');
    expect(said.source?.name).toMatch(/mayor/);
    expect(said.cue?.text).toBe('said');
    const praised = claimsOf(text).find((c) => c.cue?.text === 'praised');
    expect(praised && slice(text, praised.content[0])).toBe('the rescue crews');
  });

  it('reads a stance verb with a named subject as a view, but not a possibility or a verb inside reported content', () => {
    const text = 'Senator Alma Reyes backed the ceasefire proposal from the mediators. Observers may compare the two drafts next week.';
    const c = claimWith(text, 'the ceasefire proposal');
    expect(c.source?.name).toMatch(/Alma Reyes$/);
    expect(c.cue?.text).toBe('backed');
    expect(claimsOf(text).some((k) => k.cue?.text.includes('compare'))).toBe(false);
    expect(claimsOf('The battalion ignored the order to hold the bridge.').map((k) => k.cue?.text)).toEqual(['ignored']);
    const nested = 'The ministry claimed the battalion ignored the order to hold the bridge.';
    expect(claimsOf(nested).map((k) => k.cue?.text)).toEqual(['claimed']);
  });
});

describe('participles, questions and polls', () => {
  it('gives ", adding that …" and ", citing …" the speaker of the cue before them, and ends that content at the comma', () => {
    const text = '“The pumps will fail by March,” the engineer said, adding that no spare parts had arrived.';
    const added = claimWith(text, 'no spare parts had arrived');
    expect(added.source?.name).toMatch(/engineer/);
    expect(added.cue?.text).toBe('adding');
    const said = claimWith(text, 'The pumps will fail');
    expect(said.content.every((s) => !text.slice(s.start, s.end).includes('adding'))).toBe(true);
  });

  it('reads "Asked whether …, X said no" as a question put to X and X\'s answer', () => {
    const text = 'Asked whether the convoy would return, the governor said no.';
    const asked = claimsOf(text).find((c) => c.cue?.text === 'Asked');
    expect(asked?.source?.name).toMatch(/governor/);
    expect(asked && slice(text, asked.content[0])).toBe('whether the convoy would return');
    expect(claimsOf(text).some((c) => c.cue?.text === 'said')).toBe(true);
  });

  it('joins "about" to the cue of "Asked about …" and "when asked about …"', () => {
    const text = 'Asked about the closed pier, the governor said repairs would start soon. “It is safe,” the mayor said when asked about the ferry.';
    const asked = claimWith(text, 'the closed pier');
    expect(asked.cue?.text).toBe('Asked about');
    expect(asked.content.map((s) => slice(text, s))).toEqual(['the closed pier']);
    expect(claimWith(text, 'the ferry').cue?.text).toBe('asked about');
  });

  it('takes "In a <poll> released Monday, …" and a long "According to …" phrase as the source', () => {
    const poll = 'In a regional radio poll released Monday, 61 percent of listeners backed the new curfew.';
    expect(claimWith(poll, '61 percent of listeners').source?.mention).toBe('a regional radio poll released Monday');
    const long = 'According to early figures from the count carried out by the election board for the two parties, turnout fell.';
    const c = claimWith(long, 'turnout fell');
    expect(c.source?.mention).toMatch(/^early figures from the count .* for the two parties$/);
  });
});

describe('words that look like cues but are not', () => {
  it('ignores nouns after possessives, bare -ing modifiers and generic "you"', () => {
    expect(claimsOf('(Additional reporting by Dana Whitlow; editing by Sam Ortiz.)')).toEqual([]);
    expect(claimsOf('With every ward reporting, the count stayed too tight to call.')).toEqual([]);
    expect(claimsOf("The agency's reporting team covered the flood for three weeks.")).toEqual([]);
    expect(claimsOf('Whatever you want to call it, the bridge is closed.')).toEqual([]);
  });

  it('keeps "analysts warning that …"', () => {
    const text = 'The strike drew criticism, with several analysts warning that the truce could collapse.';
    expect(claimWith(text, 'the truce could collapse').source?.mention).toBe('several analysts');
  });
});

describe('harder speaker phrases', () => {
  it('reads relative clauses, dashes, job words and one-word quotes around the speaker', () => {
    const rel = '“The dam will not hold,” said Sen. Dana Whitlow who represents the valley.';
    expect(claimWith(rel, 'The dam will not hold').source?.name).toBe('Dana Whitlow');
    const dash = 'A former engineer -- Dana Whitlow, who built the dam -- said the spillway was too small.';
    // the name is the phrase before the dashes; the mention keeps the inserted description
    expect(claimWith(dash, 'the spillway was too small').source?.name).toBe('A former engineer');
    expect(claimWith(dash, 'the spillway was too small').source?.mention).toBe('A former engineer -- Dana Whitlow, who built the dam');
    expect(claimWith('Valley delegate Dana Whitlow said the spillway was too small.', 'the spillway').source?.name).toBe('Dana Whitlow');
    expect(claimWith('"Sandbags," the mayor said.', 'Sandbags').source?.mention).toBe('the mayor');
  });
});

describe('views named by nouns', () => {
  it('takes the possessor of "claim that", "criticism of" as the source', () => {
    const text = "The governor's claim that the levee was repaired drew doubts from engineers.";
    const c = claimWith(text, 'the levee was repaired');
    expect(c.source?.mention).toBe('The governor');
    expect(c.cue?.text).toBe('claim');
  });
  it('does not read plural nouns spelled like verbs as cues', () => {
    expect(claimsOf('Battleground states that voted twice for the governor now lean the other way.')).toEqual([]);
  });
});

describe('floating quotes', () => {
  it('gives a quote that opens the next sentence to the speaker of the quote before it', () => {
    const text = '“We hold the bridge,” the colonel said. “The town is next. Nobody is leaving.” Later the mayor said the roads were open.';
    const c = claimWith(text, 'We hold the bridge');
    const parts = c.content.map((s) => slice(text, s));
    expect(parts).toContain('“The town is next. Nobody is leaving.”');
    expect(claimWith(text, 'the roads were open').source?.mention).toBe('the mayor');
  });

  it('stops at a quote that has a cue of its own', () => {
    const text = '“We hold the bridge,” the colonel said. “The town is next,” the mayor said.';
    const c = claimWith(text, 'We hold the bridge');
    expect(c.content.map((s) => slice(text, s)).join(' ')).not.toContain('The town is next');
  });
});

describe('any verb governing a that-clause', () => {
  it('reads "made it clear that", "hinted that" as cues with the subject as source', () => {
    const text = 'The senator made it clear that the bill would fail. She hinted that she would run again.';
    const a = claimWith(text, 'the bill would fail');
    expect(a.cue?.text).toBe('made it clear');
    expect(a.source?.mention).toBe('The senator');
    expect(claimWith(text, 'she would run again').cue?.text).toBe('hinted');
  });
});

describe('text that ends inside a quote', () => {
  it('keeps the floating quote and does not throw', () => {
    const text = '“We hold the bridge,” the colonel said.\n“The town is next and we';
    const c = claimWith(text, 'We hold the bridge');
    expect(c.content.length).toBe(2);
    expect(c.content[1].end).toBeLessThanOrEqual(text.length);
  });
});

describe('one source under a short and a full name', () => {
  it('gives a short name used first the full name that holds all its words, unless two full names do', () => {
    const text = 'Navy Command Says Frigate Sank\nThe Ukrainian Navy Command said the frigate sank near the port. Separately, the city council said the harbour was closed.';
    const names = claimsOf(text).map((c) => c.source?.name);
    expect(names[0]).toBe('Ukrainian Navy Command');
    const two = 'Whitlow said the dam held. Dana Whitlow said the road was open. Sam Whitlow said the bridge was shut.';
    expect(claimWith(two, 'the dam held').source?.name).toBe('Whitlow');
  });
});

describe('wire copy details', () => {
  it('leaves a dateline out of the content', () => {
    const text = 'KYIV, May 2 (Wire) - Two ferries sank near the port, the coast guard said on Friday.';
    const c = claimWith(text, 'Two ferries sank');
    expect(slice(text, c.content[0])).toBe('Two ferries sank near the port');
  });
  it('reads "“…,” a spokesman, Colonel X, told Reuters by phone" with the named spokesman as source and Reuters as conduit', () => {
    const text = '"The ferry is lost," a spokesman for the navy, Captain Ivan Sorel, told Reuters by phone.';
    const c = claimWith(text, 'The ferry is lost');
    expect(c.source?.mention).toBe('a spokesman for the navy, Captain Ivan Sorel');
    expect(c.source?.name).toBe('Ivan Sorel');
    expect(c.source?.type).toBe('official');
    expect(c.conduit?.name).toBe('Reuters');
  });
  it('skips "on Tuesday" between subject and verb, and does not read "a newspaper report that" as a cue', () => {
    const text = 'The campaign of Governor Ana Ruiz on Tuesday denied a newspaper report that its staff had pressured donors.';
    const claims = claimsOf(text);
    expect(claims.map((c) => c.cue?.text)).toEqual(['denied']);
    expect(claims[0].source?.name).toBe('campaign of Governor Ana Ruiz');
  });
});

describe('pronouns for people with official roles', () => {
  it('resolves "she" to a regional governor named earlier, never to the channel she wrote on', () => {
    const text = 'Regional governor Olena Marchenko said the town was being evacuated. Marchenko wrote on Telegram that two schools were hit. "People are leaving with nothing," she said.';
    const c = claimWith(text, 'People are leaving with nothing');
    expect(c.source?.name).toBe('Olena Marchenko');
    expect(c.source?.resolved).toBe('coreference');
  });
});

describe('nested restatements', () => {
  it('drops "they would oppose" inside what the same lawmakers warned, keeps a nested claim by someone else', () => {
    const text = 'Conservative lawmakers warned that they would oppose any bill that raises spending.';
    expect(claimsOf(text).map((c) => c.cue?.text)).toEqual(['warned']);
    const other = 'The senator said that the mayor had backed the plan for the harbour.';
    expect(claimsOf(other).map((c) => c.cue?.text)).toEqual(['said']);
    const nested = 'The senator said the mayor told him the harbour would close in May.';
    expect(claimsOf(nested).map((c) => c.cue?.text)).toEqual(['said', 'told']);
  });
  it('does not take "declined to say whether …" as an adjunct after the cue', () => {
    const text = 'Whitfield told reporters that "we are close." She declined to say whether the package would include border funding.';
    const declined = claimsOf(text).find((c) => c.cue?.text === 'declined');
    expect(declined && slice(text, declined.content[0])).toBe('to say whether the package would include border funding');
    expect(claimsOf(text).filter((c) => c.cue?.text === 'say')).toHaveLength(0);
  });
});

describe('questions put to a speaker', () => {
  it('reads "said when asked whether …" as a question put to the same speaker', () => {
    const text = '"Of course I would," the mayor said when asked whether she would shut the ferry route.';
    const q = claimsOf(text).find((c) => c.cue?.text === 'asked');
    expect(q?.source?.mention).toBe('the mayor');
    expect(q && slice(text, q.content[0])).toBe('whether she would shut the ferry route');
    const said = claimWith(text, 'Of course I would');
    expect(said.content.map((s) => slice(text, s)).join(' ')).not.toContain('asked');
  });
  it('reads "Asked if …, 58 percent of residents said yes" with the poll share as source', () => {
    const text = 'Asked if the toll should go, 58 percent of residents said yes.';
    expect(claimsOf(text).map((c) => c.cue?.text)).toEqual(['Asked', 'said']);
  });
});

describe('inflections', () => {
  it('knows doubled-consonant forms of cue verbs ("referring", "admitted")', () => {
    const text = '“The numbers are a scandal,” the auditor said, referring to the missing road funds. The minister admitted that the funds were lost.';
    expect(claimsOf(text).map((c) => c.cue?.text)).toEqual(['said', 'referring to', 'admitted']);
  });
});

describe('headlines with two sides', () => {
  it('gives the part after a semicolon to its own cue, and types a country as a government', () => {
    const text = 'Ukraine says it hit bridge near the river; Russia denies damage\n\nThe army said the bridge was hit.';
    const claims = claimsOf(text);
    const ukraine = claims.filter((c) => c.source?.name === 'Ukraine');
    expect(ukraine.map((c) => c.text)).toEqual(['it hit bridge near the river']);
    expect(ukraine[0].source?.type).toBe('government');
    expect(claims.find((c) => c.source?.name === 'Russia')?.cue?.text).toBe('denies');
  });
});

describe('impressions and questions', () => {
  it('reads "<subject> seemed to be …" as a cue with no source, the subject and complement as content', () => {
    const text = 'The harbour was quiet. The ceasefire seemed to be holding along the northern front.';
    const c = claimsOf(text).find((k) => k.cue?.text === 'seemed');
    expect(c?.source).toBeNull();
    expect(c?.content.map((s) => slice(text, s))).toEqual(['The ceasefire', 'to be holding along the northern front']);
  });
  it('keeps "It appears that …" to the clause, and a plain "appeared on" is no cue', () => {
    const text = 'It appears that the convoy never left the depot. The minister appeared on television twice.';
    const claims = claimsOf(text);
    expect(claims.find((k) => k.cue?.text === 'appears')?.content.map((s) => slice(text, s))).toEqual(['that the convoy never left the depot']);
    expect(claims.filter((k) => k.cue?.text === 'appeared')).toHaveLength(0);
  });
  it('gives a question before "asked X" to the speaker, also when the splitter breaks after the quote', () => {
    const text = 'The hall fell silent. “Why were the shelters closed?” the mayor asked the engineers. “Who signed the order?” asked Senator Ana Ruiz.';
    expect(claimWith(text, 'Why were the shelters closed').source?.mention).toBe('the mayor');
    expect(claimWith(text, 'Who signed the order').source?.name).toMatch(/Ana Ruiz/);
  });
  it('takes "about" into the cue of a weak verb and the topic as content', () => {
    const text = 'The union complained about the new shift rota at the port.';
    const c = claimWith(text, 'the new shift rota');
    expect(c.cue?.text).toBe('complained about');
    expect(slice(text, c.content[0])).toBe('the new shift rota at the port');
  });
});

describe('asides after a name', () => {
  it('skips any aside between a named speaker and the verb', () => {
    const text = 'Olek Brand, himself a former pilot, said the runway was unsafe. Rep. Dana Voss (Ore.), the panel chair, said the hearing would resume.';
    expect(claimWith(text, 'the runway was unsafe').source?.name).toBe('Olek Brand');
    expect(claimWith(text, 'the hearing would resume').source?.name).toBe('Dana Voss');
  });
});

describe('passives, quote-final verbs and participles after a quote', () => {
  it('reads "X is expected to …" and "X was asked about …" with no source', () => {
    const text = 'Nobody was sure. Halvorsen is expected to sign the order on Monday. The governor was asked about the flooded depot.';
    const expected = claimsOf(text).find((c) => c.cue?.text === 'is expected');
    expect(expected?.source).toBeNull();
    expect(expected?.content.map((s) => slice(text, s))).toEqual(['Halvorsen', 'sign the order on Monday']);
    const asked = claimsOf(text).find((c) => c.cue?.text === 'was asked about');
    expect(asked && slice(text, asked.content[0])).toBe('the flooded depot');
  });
  it('takes any verb between a closing quote and the end as the cue of that quote', () => {
    const text = 'The vote was close. “We will not give up the harbour,” an angry Lindqvist retorted. “It was a long night,” recalled Mara Eng.';
    expect(claimWith(text, 'We will not give up the harbour').cue?.text).toBe('retorted');
    expect(claimWith(text, 'It was a long night').source?.name).toBe('Mara Eng');
  });
  it('reads a participle after a comma inside a closing quote, sharing the speaker', () => {
    const text = 'The mayor called the plan a “reckless gamble,” adding that the bridge would stay closed.';
    const c = claimWith(text, 'the bridge would stay closed');
    expect(c.cue?.text).toBe('adding');
    expect(c.source?.mention).toBe('The mayor');
    expect(claimWith(text, 'reckless gamble').content.map((s) => slice(text, s)).join(' ')).not.toContain('adding');
  });
});

describe('title lines', () => {
  it('reads the cue verb of a title line with its subject as source', () => {
    const text = 'Harbour Union Backs Strike Over Night Shifts\n\nThe union met on Tuesday. Members voted late.';
    const c = claimsOf(text).find((k) => k.cue?.text === 'Backs');
    expect(slice(text, c?.source?.span)).toBe('Harbour Union');
    expect(c && slice(text, c.content[0])).toBe('Strike Over Night Shifts');
  });
  it('does not take a label before a colon as a speaker', () => {
    const text = "Editor's Note: The following story was updated on Friday.\n\nThe port reopened.";
    expect(claimsOf(text).filter((k) => k.cue?.text === ':')).toHaveLength(0);
  });
  it('does not take an interviewer\'s "Q:" in a transcript as a speaker', () => {
    const text = 'Below is a lightly edited record of our talk with the mayor. Q: Will the ferry run again this winter? A: It will, once the pier is fixed.';
    expect(claimsOf(text).filter((k) => k.cue?.text === ':')).toHaveLength(0);
  });
});

describe('cues inside reported content', () => {
  it('reads a weak cue inside another source\'s content as part of that content', () => {
    const text = 'The harbour master said that residents want a new sea wall built before winter.';
    const claims = claimsOf(text);
    expect(claims.map((c) => c.cue?.text)).toEqual(['said']);
    expect(slice(text, claims[0].content[0])).toBe('that residents want a new sea wall built before winter');
  });
});

describe('subjects of weak cues', () => {
  it('lets any subject govern a clause with a weak cue, but not a to-infinitive', () => {
    const text = 'The new timetable suggests that the ferries will run late all winter. Each side seeks to hold the ridge before the thaw.';
    const c = claimWith(text, 'the ferries will run late');
    expect(slice(text, c.source?.span)).toBe('The new timetable');
    expect(claimsOf(text).filter((k) => k.cue?.text === 'seeks')).toHaveLength(0);
  });
});

describe('according to', () => {
  it('reads a source the tagger takes for a verb ("according to sources", "according to exit polls")', () => {
    const text = 'The ferry left an hour early, according to sources. Turnout fell in the north, according to exit polls.';
    expect(slice(text, claimWith(text, 'The ferry left an hour early').source?.span)).toBe('sources');
    expect(slice(text, claimWith(text, 'Turnout fell in the north').source?.span)).toBe('exit polls');
  });
});

describe('cue spans', () => {
  it('takes a verb leading in with "to" into the cue ("continued to deny", "went on to say")', () => {
    const text = 'The ministry continued to deny that the dam had been hit. The mayor went on to say that the shelters were full.';
    expect(claimWith(text, 'the dam had been hit').cue?.text).toBe('continued to deny');
    expect(claimWith(text, 'the shelters were full').cue?.text).toBe('went on to say');
    expect(claimWith(text, 'the shelters were full').source?.mention).toBe('The mayor');
  });
});

describe('verbs the tagger reads as nouns', () => {
  it('reads a present-tense cue after a name even when tagged as a plural noun', () => {
    const text = 'The vote is near. Lindqvist plans to veto the harbour bill. Okafor notes the depot was empty for a week.';
    expect(claimWith(text, 'to veto the harbour bill').cue?.text).toBe('plans');
    expect(claimWith(text, 'the depot was empty').source?.name).toMatch(/Okafor/);
  });
  it('reads a base form after a plural subject or a quantity, and an -ing form after a comma, as the verb', () => {
    const text = 'Ferry crews fear the new levy will close the line. About 60 percent call the levy unfair. The mayor spoke at the pier, repeating a claim that the levy is temporary.';
    expect(claimWith(text, 'the new levy will close the line').cue?.text).toBe('fear');
    expect(slice(text, claimWith(text, 'the levy unfair').source?.span)).toBe('60 percent');
    expect(claimWith(text, 'a claim that the levy is temporary').source?.name).toBe('mayor');
  });
  it('leaves noun compounds after a quantity or an indefinite article alone ("most state ferries", "a news show host")', () => {
    const claims = claimsOf('Most state ferries run at a loss. A news show host laughed at the plan.');
    expect(claims.map((c) => c.cue?.text)).toEqual([]);
  });
  it('takes a past tense read as an adjective as the verb of the sentence subject', () => {
    const text = 'Halvorsen belittled the delay, calling it a "clerical slip" by the port office.';
    expect(claimWith(text, 'a "clerical slip"').source?.name).toMatch(/Halvorsen/);
  });
});

describe('more verb forms', () => {
  it('reads "pointed to X" although the cue lexicon knows "point out"', () => {
    const text = 'Senator Vale pointed to the cracked pylons near the river.';
    const c = claimWith(text, 'the cracked pylons');
    expect(c.cue?.text).toBe('pointed to');
    expect(slice(text, c.content[0])).toBe('the cracked pylons near the river');
  });
  it('reads "with X saying …" as X\'s cue', () => {
    const text = 'The talks ended late, with Minister Ruiz saying the corridor would open at dawn.';
    expect(claimWith(text, 'the corridor would open at dawn').source?.name).toMatch(/Ruiz/);
  });
});

describe('clauses with speakers of their own', () => {
  it('ends a content before ", while X suggests …" and gives that clause its own cue', () => {
    const text = 'The mayor said the bridge would reopen in May, while Councillor Ruiz suggests the repairs will take a year.';
    const said = claimWith(text, 'the bridge would reopen');
    expect(said.content.map((s) => slice(text, s)).join(' ')).not.toContain('Ruiz');
    expect(claimWith(text, 'the repairs will take a year').cue?.text).toBe('suggests');
  });
  it('keeps a sentence split after a parenthesis that a comma follows ("Rep. X (Ore.), chair of …")', () => {
    const text = 'Rep. Dana Voss (D-Ore.), chair of the panel, said that the hearing would resume.';
    expect(claimWith(text, 'the hearing would resume').source?.name).toMatch(/Dana Voss/);
  });
});

describe('a cue closing its line with a colon', () => {
  it('takes the next sentence as the content of "X wrote:"', () => {
    const text = 'In a long post, the harbour master wrote:\nThe breakwater will not survive another winter.';
    const c = claimWith(text, 'The breakwater will not survive');
    expect(c.cue?.text).toBe('wrote');
    expect(c.source?.mention).toBe('the harbour master');
  });
});

describe('subjects and cues the tagger misreads', () => {
  it('reads "…, newspaper X reports." and a subject with "two weeks ago" before the verb', () => {
    const text = 'The bridge was closed for repairs, local newspaper Harbour Daily reports. The ministry two weeks ago said that the ferries would run again.';
    expect(claimWith(text, 'The bridge was closed for repairs').cue?.text).toBe('reports');
    expect(claimWith(text, 'the ferries would run again').source?.mention).toBe('The ministry');
  });
});

describe('stance adjectives', () => {
  it('reads "X was critical of …" and "X is confident that …" with the subject as source', () => {
    const text = 'The port was busy. The mayor was sharply critical of the new dredging plan. Engineers are confident that the lock will hold.';
    const critical = claimWith(text, 'the new dredging plan');
    expect(critical.cue?.text).toBe('was sharply critical of');
    expect(critical.source?.mention).toBe('The mayor');
    expect(claimWith(text, 'the lock will hold').cue?.text).toBe('are confident');
  });
  it('needs a complement: "The mayor was happy." names no view', () => {
    expect(claimsOf('The mayor was critical. The crowd went home.')).toEqual([]);
  });
});

describe('-ing cues after a preposition', () => {
  it('gives "by accusing …" and "after noting that …" the sentence subject as source', () => {
    const text = 'The union answered the ministry by accusing it of hiding the report. The mayor closed the bridge after noting that the cables had rusted.';
    expect(claimWith(text, 'it of hiding the report').source?.mention).toBe('The union');
    expect(claimWith(text, 'the cables had rusted').cue?.text).toBe('noting');
  });
});

describe('weak cues with a noun-phrase content', () => {
  it('reads "X rejected the plan" and "X recalled the flood" when a named speaker is the subject', () => {
    const text = 'The session was long. Senator Vale rejected the dredging plan outright. Mayor Okafor recalled the flood of the previous spring.';
    expect(claimWith(text, 'the dredging plan').cue?.text).toBe('rejected');
    expect(claimWith(text, 'the flood of the previous spring').source?.name).toMatch(/Okafor/);
  });
  it('still needs a clause when the subject cannot hold a view', () => {
    expect(claimsOf('The new timetable rejected the old routes.').filter((c) => c.cue?.text === 'rejected')).toHaveLength(0);
  });
});

describe('quote marks typed the wrong way round', () => {
  it('closes a quote with an opening mark glued to its last word', () => {
    const text = '“The ferries will not run before spring,“ said Ana Ruiz, the harbour master.';
    const c = claimWith(text, 'The ferries will not run before spring');
    expect(c.source?.name).toMatch(/Ana Ruiz/);
    expect(c.quote).toBe(true);
  });
});

describe('adverbs after the cue', () => {
  it('keeps "said recently" together and starts the content after it', () => {
    const text = 'The minister said recently that the port would reopen.';
    const c = claimWith(text, 'the port would reopen');
    expect(c.cue?.text).toBe('said recently');
    expect(slice(text, c.content[0])).toBe('that the port would reopen');
  });
});

describe('verbs of description', () => {
  it('reads "X described the scene" without "as"', () => {
    const text = 'Captain Ruiz described the landing in the storm.';
    expect(claimWith(text, 'the landing in the storm').cue?.text).toBe('described');
  });
});

describe('records and polls', () => {
  it('reads "A poll released last week showed …" and "…, records show, …"', () => {
    const text = 'A harbour authority poll released last week showed most residents backing the sea wall. The ferry was sold in 2019, records show, and the buyer kept its name.';
    expect(slice(text, claimWith(text, 'most residents backing the sea wall').source?.span)).toBe('A harbour authority poll');
    expect(claimWith(text, 'The ferry was sold in 2019').cue?.text).toBe('show');
  });
});

describe('requests', () => {
  it('reads ", asking him to …" as a request by the sentence subject', () => {
    const text = 'The council wrote to the prosecutor, asking him to review the harbour contracts.';
    const c = claimWith(text, 'to review the harbour contracts');
    expect(c.cue?.text).toBe('asking');
    expect(c.source?.mention).toBe('The council');
  });
});

describe('shares of those polled', () => {
  it('reads "About 3 in 10 say …" with the share as source', () => {
    const text = 'The survey was large. About 3 in 10 say they want a new sea wall.';
    expect(slice(text, claimWith(text, 'they want a new sea wall').source?.span)).toBe('About 3 in 10');
  });
});

describe('cue and speaker boundaries', () => {
  it('reads no claim from "will have to tell …" or "was quick to deny …", but keeps "continued to deny"', () => {
    const text = 'The harbour master will have to tell the council that the pier is unsafe. The mayor was quick to deny that the ferry was late.';
    const claims = claimsOf(text);
    expect(claims.map((c) => c.cue?.text)).not.toContain('tell');
    expect(claims.map((c) => c.cue?.text)).not.toContain('deny');
    const kept = 'The port authority continued to deny that the cranes had failed.';
    expect(claimWith(kept, 'the cranes had failed').cue?.text).toBe('continued to deny');
  });

  it('reads a hyphenated modifier as part of the speaker: "…," Boston-based analyst X said.', () => {
    const text = '"The port is failing," Boston-based analyst Ann Reyes said.';
    expect(slice(text, claimWith(text, 'The port is failing').source?.span)).toBe('Boston-based analyst Ann Reyes');
  });

  it('reads no cue in "271 pledged delegates" but keeps "pledged support"', () => {
    const text = 'Reyes leads Berg by 271 pledged delegates in the count.';
    expect(claimsOf(text).map((c) => c.cue?.text)).not.toContain('pledged');
    const kept = 'Reyes pledged support for the harbour workers.';
    expect(claimWith(kept, 'support for the harbour workers').cue?.text).toBe('pledged');
  });

  it('keeps "since" in the cue: "has since said"', () => {
    const text = 'The mayor has since said that the bridge will reopen in May.';
    expect(claimWith(text, 'the bridge will reopen').cue?.text).toBe('has since said');
  });

  it('reads no cue in "a group called X" but keeps "a spokesman called the report false"', () => {
    const text = 'The mayor met a small harbour group called Friends of the Pier on Monday.';
    expect(claimsOf(text).map((c) => c.cue?.text)).not.toContain('called');
    const kept = 'A spokesman called the ferry report false.';
    expect(claimWith(kept, 'the ferry report false').cue?.text).toBe('called');
  });

  it('keeps the platform in the cue: "wrote on Facebook"', () => {
    const text = 'The harbour master wrote on Facebook that the pier would close for a week.';
    expect(claimWith(text, 'the pier would close').cue?.text).toBe('wrote on Facebook');
  });

  it('reads no claim from a byline "X reported from Denver."', () => {
    const text = 'The pier will close for a week, officials said. Ann Reyes reported from Denver.';
    expect(claimsOf(text).map((c) => c.cue?.text)).not.toContain('reported');
    expect(claimWith(text, 'The pier will close').cue?.text).toBe('said');
  });

  it('reads a title "Poll: …" as the poll\'s finding', () => {
    const text = 'Poll: Reyes leads Berg in the harbour race\nThe survey of 600 voters was taken last week.';
    const c = claimWith(text, 'Reyes leads Berg');
    expect(c.cue?.text).toBe(':');
    expect(slice(text, c.source?.span)).toBe('Poll');
  });

  it('reads a place name the tagger takes for a verb as part of the speaker: "…," said Concord resident X', () => {
    const text = 'Rates rose again. "I cannot vote for her," said Concord resident Tom Berg.';
    expect(slice(text, claimWith(text, 'I cannot vote for her').source?.span)).toBe('Concord resident Tom Berg');
  });

  it('reads "reportedly" as the cue of an unnamed report and keeps it as the hedge', () => {
    const text = 'The harbour board reportedly met in secret on Monday to discuss the pier.';
    const c = claimWith(text, 'met in secret');
    expect(c.cue?.text).toBe('reportedly');
    expect(c.source).toBeNull();
    expect(c.hedges.map((h) => h.text)).toContain('reportedly');
  });

  it('reads no cue in "showed up" but keeps "records showed that …"', () => {
    const text = 'Rates rose. Nearly 900 voters showed up at the harbour hall that they had built.';
    expect(claimsOf(text).map((c) => c.cue?.text)).not.toContain('showed');
    const kept = 'The records showed that the pier was unsafe.';
    expect(claimWith(kept, 'the pier was unsafe').cue?.text).toBe('showed');
  });

  it('reads no claim from a speaker\'s own "I want" / "we want", but keeps "Reyes wants …"', () => {
    const text = 'Rates rose. I want every family in this town to have a safe home, and we want the pier rebuilt.';
    expect(claimsOf(text).map((c) => c.cue?.text)).not.toContain('want');
    const kept = 'Rates rose. Reyes wants the council to rebuild the pier.';
    expect(claimWith(kept, 'the council to rebuild the pier').cue?.text).toBe('wants');
  });
});

describe('where unquoted content after the cue stops', () => {
  it('ends content at the main clause when the cue sits in an opening "When …," clause', () => {
    const c = claimWith('When the mayor said the pier was safe, the crowd cheered loudly.', 'the pier was safe');
    expect(c.text).toBe('the pier was safe');
    expect(c.source?.name).toBe('mayor');
  });

  it('keeps a comma inside the content when the opening clause ends before the cue', () => {
    const text = 'When asked, the mayor said the pier was safe, the ferry would run and the council had agreed.';
    expect(claimWith(text, 'the pier was safe').text).toBe('the pier was safe, the ferry would run and the council had agreed');
  });

  it('keeps a clause after ", and" or ", but" with no cue of its own and another subject (it may be more of what was said)', () => {
    expect(claimWith('The mayor said the pier was safe, and the crowd cheered loudly.', 'the pier').text).toBe('the pier was safe, and the crowd cheered loudly');
    expect(claimWith('The mayor said the pier was safe, but the council has not voted on repairs.', 'the pier').text).toBe('the pier was safe, but the council has not voted on repairs');
    // "and" with no comma joins two things said
    expect(claimWith('The mayor said the pier was safe and that the repairs would finish in May.', 'the pier').text)
      .toBe('the pier was safe and that the repairs would finish in May');
    // ", and that …" is a second thing said, with or without the comma
    expect(claimWith('The mayor said the pier was safe, and that the repairs would finish in May.', 'the pier').text)
      .toBe('the pier was safe, and that the repairs would finish in May');
  });

  it('leaves quoted content whole', () => {
    const text = 'The mayor said “the pier is safe, and the ferry will run on Monday.”';
    expect(claimWith(text, 'the pier is safe').text).toContain('the ferry will run on Monday');
  });
});

describe('speaker tags and statement settings at the end of a sentence', () => {
  it('reads "…, a spokeswoman for his office said" as the tag of the whole clause before it', () => {
    const text = 'The governor denied the report, a spokeswoman for his office said on Monday.';
    const tag = claimWith(text, 'The governor denied the report');
    expect(tag.source?.mention).toBe('a spokeswoman for his office');
    expect(tag.cue?.text).toBe('said');
    // the governor's denial ends before the tag
    const denial = claimsOf(text).find((c) => c.cue?.text === 'denied');
    expect(denial && slice(text, denial.content[0])).toBe('the report');
  });

  it('ends the content of an inner cue at the comma before a closing speaker tag', () => {
    const text = 'The ministry denied the figures, an aide to the minister said.';
    const inner = claimsOf(text).find((c) => c.cue?.text === 'denied');
    expect(inner && slice(text, inner.content[0])).toBe('the figures');
    expect(claimWith(text, 'The ministry denied').source?.mention).toBe('an aide to the minister');
  });

  it('leaves a closing ", in a statement …" or ", at a rally …" out of the content', () => {
    expect(claimWith('The governor said the bridge would reopen, in a statement posted on Telegram.', 'the bridge').text).toBe('the bridge would reopen');
    expect(claimWith('The governor said the bridge would reopen, at a rally in Salem on Friday.', 'the bridge').text).toBe('the bridge would reopen');
    // a setting inside the content, followed by a clause, stays
    const text = 'The governor said that, in an interview last week, she had been misquoted.';
    expect(claimWith(text, 'she had been misquoted').text).toMatch(/in an interview last week, she had been misquoted$/);
  });
});

describe('speakers the tagger hides', () => {
  it('reads "It added that …" and "It added, “…”" after a body is named', () => {
    const text = 'The ministry denied the report. It added that the depot had been empty. It added, “No one was hurt.”';
    const depot = claimWith(text, 'the depot had been empty');
    expect(depot.cue?.text).toBe('added');
    expect(depot.source?.name).toBe('ministry');
    expect(claimWith(text, 'No one was hurt').source?.name).toBe('ministry');
  });

  it('keeps "it" with a weak cue and no clause out ("It added to the strain")', () => {
    expect(claimsOf('The storm hit the coast on Monday. It added to the strain on the port.').filter((c) => c.cue?.text === 'added')).toEqual([]);
  });

  it('takes a capitalised name read as a verb after "said" in "“…,” said X"', () => {
    const text = '“The ferry has served this town well,” said Wade, who added that the fuel bills worried him.';
    const c = claimWith(text, 'The ferry has served');
    expect(c.source?.name).toBe('Wade');
    expect(c.source?.mention).toBe('Wade');
    expect(claimWith('“It is a costly model,” said Will Dorne, an economist.', 'It is a costly model').source?.name).toBe('Will Dorne');
  });
});

describe('one person under a titled short name', () => {
  it('names "Col. Petrenko" and "Mr. Petrenko" after "Colonel Ivan Petrenko" as the same person', () => {
    const text = 'Colonel Ivan Petrenko said the unit had pulled back. Later, Col. Petrenko told reporters that two villages were retaken. ' +
      '“Losses were light,” Mr. Petrenko said.';
    expect(claimsOf(text).map((c) => c.source?.name)).toEqual(['Ivan Petrenko', 'Ivan Petrenko', 'Ivan Petrenko']);
  });

  it('leaves a titled surname alone when two full names share it, and bodies whose names share a last word', () => {
    const two = 'Ivan Petrenko said the bridge held. Olena Petrenko said the road was cut. Mr. Petrenko added that the ferry was gone.';
    expect(claimWith(two, 'the ferry was gone').source?.name).toBe('Mr. Petrenko');
    const bodies = 'The State Department said the talks were over. The Defense Department said troops would stay.';
    expect(claimsOf(bodies).map((c) => c.source?.name)).toEqual(['State Department', 'Defense Department']);
  });
});

describe('poll wording the tagger reads as nouns', () => {
  it('reads "Polls show fishermen trust …" with a noun after "show"', () => {
    const c = claimWith('Polls show fishermen trust Holm more than the harbour board.', 'fishermen trust Holm');
    expect(c.cue?.text).toBe('show');
    expect(c.source?.mention).toBe('Polls');
  });

  it('reads a stance verb read as a noun after a share ("two-thirds support a levy")', () => {
    const c = claimWith('Roughly two-thirds support a higher levy on cruise ships.', 'a higher levy');
    expect(c.cue?.text).toBe('support');
    expect(c.source?.mention).toBe('two-thirds');
  });

  it('leaves "a news show host" and a stance verb inside reported content alone', () => {
    expect(claimsOf('The late-night news show host said the show would end.').map((c) => c.cue?.text)).toEqual(['said']);
    expect(claimsOf('Local bus routes support the plan, officials said.').map((c) => c.cue?.text)).toEqual(['said']);
  });
});

describe('writing a work is no claim', () => {
  it('reads no claim from "wrote the letter …" or "wrote a book"', () => {
    expect(claimsOf('Moss wrote the letter on March 9 to the harbour master.')).toEqual([]);
    expect(claimsOf('She wrote a children\'s book about the harbour.')).toEqual([]);
  });

  it('keeps "wrote that …", "wrote a letter saying …" and "she wrote in a letter"', () => {
    expect(claimWith('She wrote that the plant would close.', 'the plant would close').cue?.text).toBe('wrote');
    expect(claimWith('He wrote a letter saying the plant would close.', 'the plant would close').source?.mention).toBe('He');
    expect(claimWith('“We will rebuild,” she wrote in a letter.', 'We will rebuild').source?.mention).toBe('she');
  });
});

describe('naming participles after a capitalised noun', () => {
  it('reads no claim from "a WhatsApp group called Save the Ferry" or "a movement called the Harbour League"', () => {
    expect(claimsOf('He started a WhatsApp group called Save the Ferry, which has 800 members.')).toEqual([]);
    expect(claimsOf('A local PAC called Harbour 21 bought its first radio spots.')).toEqual([]);
    expect(claimsOf('She joined a protest movement called the Harbour League.')).toEqual([]);
  });

  it('keeps "A Democrat called Holm a liar" and "called Holm “a liar”"', () => {
    expect(claimWith('A Democrat called Holm a liar.', 'Holm a liar').cue?.text).toBe('called');
    expect(claimWith('A Democrat called Holm “a liar.”', 'Holm').cue?.text).toBe('called');
  });
});

describe('semicolons', () => {
  it('keeps a quotation with a semicolon inside it as one claim', () => {
    const text = '“We are rebuilding the pier; we are not leaving,” the mayor said.';
    const claims = claimsOf(text);
    expect(claims).toHaveLength(1);
    expect(claims[0].text).toBe('We are rebuilding the pier; we are not leaving');
  });

  it('still splits unquoted content at a semicolon', () => {
    const claims = claimsOf('The mayor said the pier would reopen in May; the ferry would follow in June.');
    expect(claims.map((c) => c.text)).toEqual(['the pier would reopen in May', 'the ferry would follow in June']);
  });
});

describe('a speaker tag set off inside the sentence', () => {
  it('joins the words on both sides of "…, the mayor said, …"', () => {
    const text = 'The pier, the mayor said, would be rebuilt by May.';
    const c = claimWith(text, 'would be rebuilt');
    expect(c.content.map((s) => slice(text, s))).toEqual(['The pier', 'would be rebuilt by May']);
    expect(c.source?.name).toBe('mayor');
    expect(claimWith('In the end, he said, the town voted to rebuild.', 'the town voted').content).toHaveLength(2);
    expect(claimWith('Money, Holm added, was the real problem.', 'was the real problem').cue?.text).toBe('added');
  });

  it('leaves a participle of the speaker\'s own after the tag to its own claim', () => {
    const text = 'The pier was lost, the mayor said, adding that the ferry was safe.';
    expect(claimWith(text, 'The pier was lost').text).toBe('The pier was lost');
    expect(claimWith(text, 'the ferry was safe').cue?.text).toBe('adding');
  });
});

describe('a speaker tag after the verb inside the sentence', () => {
  it('joins the words on both sides of "…, said the mayor, …", past a description of the speaker', () => {
    const text = 'The pier, said the mayor, would be rebuilt by May.';
    expect(claimWith(text, 'would be rebuilt').content.map((s) => slice(text, s))).toEqual(['The pier', 'would be rebuilt by May']);
    const quoted = '“The pier is lost,” said Maria Ostrova, a spokeswoman for the council, “and the ferry too.”';
    const c = claimWith(quoted, 'The pier is lost');
    expect(c.content).toHaveLength(2);
    expect(c.source?.mention).toBe('Maria Ostrova, a spokeswoman for the council');
  });

  it('keeps the description alone out of the content, and a "who" clause after the name', () => {
    expect(claimWith('“The pier is lost,” said Maria Ostrova, a spokeswoman for the council.', 'The pier').content).toHaveLength(1);
    const who = '“The pier is lost,” said Ann Holm, who added that the ferry was safe.';
    expect(claimWith(who, 'The pier is lost').content).toHaveLength(1);
  });
});

describe('adjuncts after a cue that closes the sentence', () => {
  it('skips "on a phone briefing set up by the ferry union" and "when asked about fears that …"', () => {
    const call = '“A slower rise would help us plan,” Reyes said on a phone briefing set up by the ferry union.';
    expect(claimWith(call, 'A slower rise').source?.name).toBe('Reyes');
    expect(claimsOf(call).map((c) => c.text)).toEqual(['A slower rise would help us plan']);
    const asked = '“That is a real concern,” Holm told reporters when asked about fears that voters would stay home.';
    expect(claimWith(asked, 'That is a real concern').source?.name).toBe('Holm');
  });
});

describe('the occasion after an object', () => {
  it('leaves "at a rally …" and "on Thursday" out of an object content', () => {
    expect(claimWith('The mayor praised the crews at a rally in Salem on Friday.', 'the crews').text).toBe('the crews');
    expect(claimWith('The governor endorsed Holm on Thursday.', 'Holm').text).toBe('Holm');
    // a month from the shared list, "May" included
    expect(claimWith('The governor endorsed Holm in May.', 'Holm').text).toBe('Holm');
  });

  it('keeps a place that belongs to the object, and anything inside a clause', () => {
    expect(claimWith('The mayor praised the crews in the harbour district.', 'the crews').text).toBe('the crews in the harbour district');
    expect(claimWith('The mayor said the crews worked at a rally in Salem.', 'the crews').text).toBe('the crews worked at a rally in Salem');
  });
});

describe('a cue in an opening "After …ing" clause', () => {
  it('takes the subject after the opener\'s comma as the source', () => {
    const c = claimWith('After blasting the report for its errors, Beck urged voters to stay home.', 'the report for its errors');
    expect(c.cue?.text).toBe('blasting');
    expect(c.source?.name).toBe('Beck');
    const q = claimWith('After saying his knee was “too sore to climb the ladder,” he was taken to a clinic.', 'his knee was');
    expect(q.source?.mention).toBe('he');
  });

  it('reads no claim when the opener holds no cue or the main clause has no speaker', () => {
    expect(claimsOf('After closing the pier, the mayor left town.')).toEqual([]);
  });
});

describe('idioms with "said"', () => {
  it('reads no claim from "easier said than done"', () => {
    expect(claimsOf('Rebuilding the pier is easier said than done.')).toEqual([]);
  });
});

describe('a cue inside a relative clause', () => {
  it('ends the content with the clause: "which he has said was unfair, drove …"', () => {
    const text = 'The new toll, which he has repeatedly said was unfair, drove the ferry company away.';
    const c = claimsOf(text).find((k) => k.cue?.text === 'has repeatedly said');
    expect(c?.text).toBe('was unfair');
  });
});
