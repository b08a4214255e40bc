// Where unquoted content stops: text after a mid-sentence speaker tag, the ", and" / ", but" clause, the occasion
// after an object and the relative clause holding a cue. A desk editor must see the whole of what the source said,
// and nothing of the reporter's caveats or the other side's reply.
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/nlp.ts';
import { extractClaims } from '../src/engine/index.ts';
import type { Claim } from '../src/schema.ts';

function claimsOf(text: string): Claim[] {
  return extractClaims(analyze(text));
}

/** The claim whose cue is `cue` and whose source is named `source`. */
function claimBy(text: string, source: string, cue: string): Claim {
  const claims = claimsOf(text);
  const c = claims.find((k) => k.cue?.text === cue && k.source?.name === source);
  if (!c) throw new Error(`no claim by ${source} / ${cue}: ${JSON.stringify(claims.map((k) => [k.source?.name, k.cue?.text, k.text]))}`);
  return c;
}

describe('text after a speaker tag inside the sentence', () => {
  it('leaves out ", without giving details" after a joined claim or a reported clause, not "without" inside what was said', () => {
    expect(claimBy('The ferry, the captain said, was struck by debris, without giving further details.', 'captain', 'said').text).toBe(
      'The ferry … was struck by debris',
    );
    expect(claimBy('The ministry said the army shelled the port, without providing evidence.', 'ministry', 'said').text).toBe('the army shelled the port');
    expect(claimBy('The ministry said it would act without waiting for Kyiv.', 'ministry', 'said').text).toBe('it would act without waiting for Kyiv');
  });

  it('leaves out a caveat opening with a preposition', () => {
    expect(claimBy('The convoy was ambushed near the border, the army said, without offering proof.', 'army', 'said').text)
      .toBe('The convoy was ambushed near the border');
    expect(claimBy('A bridge collapsed near Izium, said the governor, without giving details.', 'governor', 'said').text)
      .toBe('A bridge collapsed near Izium');
    expect(claimBy('The fuel depot burned for hours, the ministry said, in a post on Telegram.', 'ministry', 'said').text)
      .toBe('The fuel depot burned for hours');
  });

  it('leaves out the other side\'s reply after ", but"', () => {
    const text = 'Drones struck a refinery in Ryazan, Kyiv said, but the Kremlin rejected the account.';
    expect(claimBy(text, 'Kyiv', 'said').text).toBe('Drones struck a refinery in Ryazan');
  });

  it('leaves out a clause opening with a subordinator, and keeps the claim inside it', () => {
    expect(claimBy('Four people died, the mayor said, while crews cleared the debris.', 'mayor', 'said').text).toBe('Four people died');
    expect(claimBy('The dam was damaged, officials said, though they gave no figures.', 'officials', 'said').text).toBe('The dam was damaged');
    const text = 'Negotiations stalled, the Kremlin said, because Ukraine refused to pull back its troops.';
    expect(claimBy(text, 'Kremlin', 'said').text).toBe('Negotiations stalled');
    expect(claimBy(text, 'Ukraine', 'refused').text).toBe('to pull back its troops');
  });

  it('leaves out the writer\'s aside after the tag', () => {
    expect(claimBy('The depot was hit overnight, the army said, a claim the ministry rejected.', 'army', 'said').text)
      .toBe('The depot was hit overnight');
  });

  it('still joins a subject and its verb split by the tag, and a short opener and its clause', () => {
    expect(claimBy('The ammunition depot, the army said, was destroyed overnight.', 'army', 'said').text)
      .toBe('The ammunition depot … was destroyed overnight');
    expect(claimBy('For now, the minister said, the ceasefire holds.', 'minister', 'said').text).toBe('For now … the ceasefire holds');
    expect(claimBy('After two days of talks, officials said, the convoy would leave at dawn.', 'officials', 'said').text)
      .toBe('After two days of talks … the convoy would leave at dawn');
  });
});

describe('more of the sentence after a speaker tag', () => {
  it('joins an opener of any kind (a gerund, "Since …", "Following …") and the clause after the tag', () => {
    expect(claimBy('After hours of shelling, the governor said, the bridge collapsed.', 'governor', 'said').text).toBe(
      'After hours of shelling … the bridge collapsed',
    );
    expect(claimBy('Since the spring, the ministry said, 40 villages have been evacuated.', 'ministry', 'said').text).toBe(
      'Since the spring … 40 villages have been evacuated',
    );
    expect(claimBy('Following the drone attack, the mayor said, two schools closed.', 'mayor', 'said').text).toBe(
      'Following the drone attack … two schools closed',
    );
  });

  it('keeps a second verb of the same subject after ", and" (or "and there were …"), not a cue of the speaker\'s', () => {
    expect(claimBy('The brigade held the ridge, the army said, and captured two tanks.', 'army', 'said').text).toBe(
      'The brigade held the ridge … and captured two tanks',
    );
    expect(claimBy('A drone hit a warehouse, the governor said, and there were no injuries.', 'governor', 'said').text).toBe(
      'A drone hit a warehouse … and there were no injuries',
    );
    expect(claimBy('The brigade held the ridge, the army said, and added that fighting went on.', 'army', 'said').text).toBe('The brigade held the ridge');
  });
});

describe('a clause after ", and" / ", but" in what was said', () => {
  it('keeps a second fact of the source\'s own', () => {
    expect(claimBy('The ministry said its troops had taken the village, and enemy units had pulled back to the river.', 'ministry', 'said').text)
      .toBe('its troops had taken the village, and enemy units had pulled back to the river');
    expect(claimBy('The governor said three people were hurt, and a school was damaged.', 'governor', 'said').text)
      .toBe('three people were hurt, and a school was damaged');
    expect(claimBy('The mayor said power was restored, but residents should stay indoors until noon.', 'mayor', 'said').text)
      .toBe('power was restored, but residents should stay indoors until noon');
    // a weak cue verb may be more of the source's words
    expect(claimBy('The mayor said power was restored, but residents should expect short cuts.', 'mayor', 'said').text)
      .toBe('power was restored, but residents should expect short cuts');
    // a pronoun that may stand for the subject before is no sign of the speaker
    expect(claimBy('The governor said the soldier was wounded, but he survived the night.', 'governor', 'said').text)
      .toBe('the soldier was wounded, but he survived the night');
  });

  it('ends before a clause with a cue of its own, or one whose subject is the speaker', () => {
    const text = 'The army said the bridge was intact, but Kyiv disputed that.';
    expect(claimBy(text, 'army', 'said').text).toBe('the bridge was intact');
    expect(claimBy('The governor said two drones were downed, but he gave no details.', 'governor', 'said').text).toBe('two drones were downed');
  });
});

describe('a clause after ", and" that is still the speaker\'s words', () => {
  it('keeps a pronoun for the speaker with a tense shifted back, and a passive of a cue verb', () => {
    expect(claimBy('The ministry said air defences downed 20 drones, and it would keep the skies closed.', 'ministry', 'said').text).toBe(
      'air defences downed 20 drones, and it would keep the skies closed',
    );
    expect(claimBy('The governor said the fire was out, and residents were warned to keep windows shut.', 'governor', 'said').text).toBe(
      'the fire was out, and residents were warned to keep windows shut',
    );
  });
});

describe('the occasion after an object', () => {
  it('keeps the day when the tagger misreads the verb of a clause', () => {
    expect(claimBy('The ministry said air defences shot down 30 drones over the coast on Friday.', 'ministry', 'said').text)
      .toBe('air defences shot down 30 drones over the coast on Friday');
    expect(claimBy('Four missiles, the army said, were intercepted over the capital on Monday night.', 'army', 'said').text)
      .toBe('Four missiles … were intercepted over the capital on Monday night');
  });

  it('keeps the phrase of an event noun or a gerund, with its date', () => {
    expect(claimBy('The army confirmed the raid on a fuel depot.', 'army', 'confirmed').text).toBe('the raid on a fuel depot');
    expect(claimBy('The council condemned the cuts in the school meals program.', 'council', 'condemned').text)
      .toBe('the cuts in the school meals program');
    expect(claimBy('The ministry reported the evacuation of patients on Sunday.', 'ministry', 'reported').text)
      .toBe('the evacuation of patients on Sunday');
    expect(claimBy('Moscow denied shelling the school in Kharkiv on Friday.', 'Moscow', 'denied').text)
      .toBe('shelling the school in Kharkiv on Friday');
  });

  it('leaves "in a statement" after a person out, as it did before', () => {
    expect(claimBy('The army praised the medics in a statement on Sunday.', 'army', 'praised').text).toBe('the medics');
  });

  it('still leaves the occasion or day after a person out', () => {
    expect(claimBy('The president thanked the medics at a briefing in Kyiv.', 'president', 'thanked').text).toBe('the medics');
    expect(claimBy('The party endorsed Kovalenko on Tuesday.', 'party', 'endorsed').text).toBe('Kovalenko');
  });

  it('keeps the day when more of the object follows it', () => {
    expect(claimBy('The minister thanked the medics in March for their work in Kharkiv.', 'minister', 'thanked').text)
      .toBe('the medics in March for their work in Kharkiv');
  });
});

describe('a cue inside a relative clause', () => {
  it('ends the content at the comma before the main verb, not inside a list', () => {
    const text = 'The convoy, which officials said carried food, water and medicine, reached the city on Sunday.';
    expect(claimBy(text, 'officials', 'said').text).toBe('carried food, water and medicine');
  });
});
