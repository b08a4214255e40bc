// Entities in sentences written for these tests (war-news and political style).
import { describe, expect, test } from 'vitest';
import { analyze } from '../src/nlp.ts';
import { findEntities, packEntities, unpackEntities } from '../src/engine/entities.ts';
import { extractClaims } from '../src/engine/index.ts';
import type { Entity } from '../src/schema.ts';

function entities(text: string): Entity[] {
  const found = findEntities(analyze(text));
  // Every span is exact, sorted and non-overlapping.
  let prevEnd = 0;
  for (const e of found) {
    expect(text.slice(e.span.start, e.span.end)).toBe(e.text);
    expect(e.span.start).toBeGreaterThanOrEqual(prevEnd);
    prevEnd = e.span.end;
  }
  return found;
}

/** [type, text] pairs, in order. */
function pairs(text: string): [string, string][] {
  return entities(text).map((e) => [e.type, e.text]);
}

function expectEntity(text: string, type: Entity['type'], name: string): void {
  const e = entities(text).find((x) => x.text === name);
  expect(e, `${type} "${name}" in: ${text}`).toBeDefined();
  expect(e!.type).toBe(type);
  const at = text.indexOf(name);
  expect(e!.span).toEqual({ start: at, end: at + name.length });
}

describe('quantities', () => {
  test.each([
    ['Sappers cleared three kilometers of road before dawn.', 'three kilometers'],
    ['The column moved up to 3 km past the bridge.', 'up to 3 km'],
    ['Officials said 10,000 residents had no heating.', '10,000 residents'],
    ['The council approved $3.5 million for repairs.', '$3.5 million'],
    ['About 200 soldiers were seen at the depot.', 'About 200 soldiers'],
    ['The brigade said it had lost 12 tanks in a month.', '12 tanks'],
    ['Turnout fell to 41% in the capital.', '41%'],
    ['Support for the bill stood at 38 percent.', '38 percent'],
    ['Dozens of drones were launched overnight.', 'Dozens of drones'],
    ['Thirty-five people were rescued.', 'Thirty-five people'],
    ['The army claimed between 100 and 150 fighters surrendered.', 'between 100 and 150 fighters'],
    ['Forces advanced 5-7 km on the southern flank.', '5-7 km'],
  ])('%s', (text, q) => expectEntity(text, 'quantity', q));

  test('a spelled number alone is not a figure', () => {
    expect(entities('One of the drivers refused to go on.').filter((e) => e.type === 'quantity')).toEqual([]);
  });
});

describe('dates', () => {
  test.each([
    ['The plant was shut down in 2022.', '2022'],
    ['Voters go to the polls on Sunday.', 'Sunday'],
    ['The memorial opened on Sept. 11 last year.', 'Sept. 11'],
    ['The offensive began on 14 March, the ministry said.', '14 March'],
    ['Two depots burned last week.', 'last week'],
    ['Ferry traffic rose in the weeks leading up to Easter.', 'the weeks leading up'],
    ['The decree was signed in November.', 'November'],
    ['The report is dated 2023-06-14.', '2023-06-14'],
    ['The ceasefire took hold on Oct. 3, 2019, in the east.', 'Oct. 3, 2019'],
    ['The strikes resumed two weeks ago.', 'two weeks ago'],
  ])('%s', (text, d) => expectEntity(text, 'date', d));

  test('the modal "may" is not a month', () => {
    expect(entities('Officials may resign if the bill fails.').filter((e) => e.type === 'date')).toEqual([]);
  });
});

describe('military units', () => {
  test.each([
    ["Units of the 'East' group of forces reached the river.", "'East' group of forces"],
    ['The Central Military District reported new drills.', 'Central Military District'],
    ['Soldiers of the 93rd Mechanized Brigade held the ridge.', '93rd Mechanized Brigade'],
    ['The attack was led by motorized rifle units at dawn.', 'motorized rifle units'],
    ['Fighters of the Azov regiment were evacuated.', 'Azov regiment'],
    ['Tanks of the 1st Guards Tank Army moved west.', '1st Guards Tank Army'],
    ['Mercenaries of the Wagner Group left the town.', 'Wagner Group'],
    ['Ships of the Black Sea Fleet left port.', 'Black Sea Fleet'],
  ])('%s', (text, u) => expectEntity(text, 'unit', u));

  test('nationality + army / troops is not a unit', () => {
    expect(entities('Russian troops and the Ukrainian army traded fire.').filter((e) => e.type === 'unit')).toEqual([]);
  });
});

describe('organizations', () => {
  test.each([
    ['The Russian Ministry of Defense said the strike hit a depot.', 'Russian Ministry of Defense'],
    ["Ukraine's Defense Ministry denied the report.", 'Defense Ministry'],
    ['The claim was carried by TASS without comment.', 'TASS'],
    ['Reuters could not verify the footage.', 'Reuters'],
    ['NATO members met in private.', 'NATO'],
    ['The Kremlin declined to comment.', 'Kremlin'],
    ['According to the General Staff, the attack failed.', 'General Staff'],
    ['The Central Election Commission published the results.', 'Central Election Commission'],
    ['A spokesman for the Institute for the Study of War said so.', 'Institute for the Study of War'],
    ['The Russian foreign ministry summoned the envoy.', 'Russian foreign ministry'],
    ['Shares of Norvex Energy Company fell sharply.', 'Norvex Energy Company'],
  ])('%s', (text, o) => expectEntity(text, 'organization', o));
});

describe('persons', () => {
  test.each([
    ['President Zelensky addressed parliament.', 'President Zelensky'],
    ['The plan was drafted by Maria Ostrova, an adviser.', 'Maria Ostrova'],
    ['Gen. Valery Gerasimov inspected the troops.', 'Gen. Valery Gerasimov'],
    ['Kremlin spokesman Dmitry Peskov said talks had stalled.', 'Dmitry Peskov'],
    ['Deputy Prime Minister Iryna Vereshchuk urged calm.', 'Deputy Prime Minister Iryna Vereshchuk'],
    ['Senator Helen Marsh voted against the budget.', 'Senator Helen Marsh'],
  ])('%s', (text, p) => expectEntity(text, 'person', p));

  test('a later bare surname is the same person', () => {
    const text = 'Anna Petrenko won the vote. Petrenko thanked her supporters.';
    expect(pairs(text)).toEqual([
      ['person', 'Anna Petrenko'],
      ['person', 'Petrenko'],
    ]);
  });
});

describe('places', () => {
  test.each([
    ['Fighting continued near Bakhmut overnight.', 'Bakhmut'],
    ['Shelling was reported in the town of Pryvilne.', 'Pryvilne'],
    ['Evacuations began in the Kharkiv region.', 'Kharkiv region'],
    ['Officials in the Donetsk People\'s Republic said so.', "Donetsk People's Republic"],
    ['Workers sheltered in the Azovstal steel plant.', 'Azovstal steel plant'],
    ['The delegation flew to Geneva.', 'Geneva'],
    ['Drones were shot down over Moscow.', 'Moscow'],
    ['Troops moved towards Velykodar at night.', 'Velykodar'],
  ])('%s', (text, p) => expectEntity(text, 'place', p));

  test('places chained after a place preposition', () => {
    const text = 'Heavy fighting went on near Bakhmut, Soledar and Siversk.';
    expect(pairs(text)).toEqual([
      ['place', 'Bakhmut'],
      ['place', 'Soledar'],
      ['place', 'Siversk'],
    ]);
  });

  test('sentence-initial ordinary words and persons are not places', () => {
    const found = entities('Residents said the shelling stopped. Heavy rain fell in Maria Ostrova\'s garden.');
    expect(found.filter((e) => e.type === 'place')).toEqual([]);
    expect(found.map((e) => e.text)).toEqual(['Maria Ostrova']);
  });
});

describe('whole sentences', () => {
  test('a war-news sentence', () => {
    const text =
      "Units of the 'East' group of forces seized Krasnogorsk on Sunday, the Russian Ministry of Defense told TASS, adding that about 200 soldiers had been killed.";
    expect(pairs(text)).toEqual([
      ['unit', "'East' group of forces"],
      ['place', 'Krasnogorsk'],
      ['date', 'Sunday'],
      ['organization', 'Russian Ministry of Defense'],
      ['organization', 'TASS'],
      ['quantity', 'about 200 soldiers'],
    ]);
  });

  test('a political sentence', () => {
    const text =
      'Speaking in Brussels on Tuesday, Prime Minister Viktor Orban said the European Union would release €40 billion in 2025.';
    expect(pairs(text)).toEqual([
      ['place', 'Brussels'],
      ['date', 'Tuesday'],
      ['person', 'Prime Minister Viktor Orban'],
      ['organization', 'European Union'],
      ['quantity', '€40 billion'],
      ['date', '2025'],
    ]);
  });

  test('emoji before entities keep spans exact', () => {
    const text = '🔥🇺🇦 Drones hit Odesa 💥 on Monday; 🚨 the Kremlin blamed Kyiv.';
    const found = entities(text);
    expect(found.map((e) => [e.type, e.text])).toEqual([
      ['place', 'Odesa'],
      ['date', 'Monday'],
      ['organization', 'Kremlin'],
      ['place', 'Kyiv'],
    ]);
    const odesa = found[0];
    expect(odesa.span.start).toBe(text.indexOf('Odesa'));
    expect(text.slice(odesa.span.start, odesa.span.end)).toBe('Odesa');
  });

  test('no entities in a plain sentence', () => {
    expect(entities('The weather was mild and nobody commented.')).toEqual([]);
  });

  test('entities across lines and paragraphs', () => {
    const text = 'HEADLINE: Strike on Kherson\n\nThe regional governor said 3 people died.\nRescuers worked until Tuesday.';
    const found = entities(text);
    expect(found.map((e) => [e.type, e.text])).toEqual([
      ['place', 'Kherson'],
      ['quantity', '3 people'],
      ['date', 'Tuesday'],
    ]);
  });
});

describe('entities handed between threads (the --jsonl batch finds them on its worker)', () => {
  const text = 'Ukraine’s 93rd Mechanized Brigade said on March 3 that 120 soldiers had left Bakhmut, spokesman Petro Ivanenko told Reuters.';

  test('the compact form gives back the same entities', () => {
    const found = findEntities(analyze(text));
    expect(found.length).toBeGreaterThan(3);
    expect(unpackEntities(packEntities(found), text)).toEqual(found);
  });

  test('claims read with entities found on another thread are the claims found without them, holding those entities', () => {
    const given = unpackEntities(packEntities(findEntities(analyze(text))), text);
    const claims = extractClaims(analyze(text), given);
    expect(claims).toEqual(extractClaims(analyze(text)));
    const inClaims = claims.flatMap((c) => c.entities);
    expect(inClaims.length).toBeGreaterThan(2);
    // the very entities passed in, not ones found again
    for (const e of inClaims) expect(given).toContain(e);
  });
});
