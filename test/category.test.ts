// Categories and check-worthiness for sentences written for these tests.
import { describe, expect, test } from 'vitest';
import { categorize, stem } from '../src/engine/category.ts';
import { checkworthiness } from '../src/engine/checkworthiness.ts';
import type { Category, Entity } from '../src/schema.ts';

const CASES: Record<Exclude<Category, 'other'>, string[]> = {
  'territorial-control': [
    'Russian troops have seized control of a village',
    'Ukrainian troops retook two settlements on the left bank',
    'The town was liberated after a week',
    'The garrison is now encircled',
  ],
  losses: [
    'The brigade lost several armoured vehicles and left behind damaged equipment',
    'The crews abandoned their positions and equipment',
    'Two helicopters were shot down',
  ],
  casualties: [
    'Three people were killed and 12 wounded',
    'The death toll rose to 41',
    'Dozens of casualties were reported after the blast',
    'Two medics died on the way',
  ],
  combat: [
    'Heavy fighting and clashes continued along the front',
    'The assault on the station was repelled',
    'Shelling of the outskirts went on all night',
  ],
  'troop-movement': [
    'The battalion withdrew from its positions and redeployed to the south',
    'Fresh units were deployed to reinforce the line',
    'The troops were pushed back toward the river',
  ],
  weapons: [
    'Kyiv received more HIMARS launchers and artillery shells',
    'The fields are full of mines',
    'New missiles and drones are on their way',
  ],
  humanitarian: [
    'Thousands of refugees fled as evacuation trains left',
    'Civilians have no water supply and the hospital is full',
    'Aid convoys reached the shelters',
  ],
  political: [
    'The opposition won the election and parliament will vote on sanctions',
    'Talks between the two presidents ended without a deal',
    'The allies pledged support for the new government',
  ],
  economic: [
    'Grain exports fell and prices rose',
    'The budget deficit widened as gas revenues shrank',
    'Inflation hit a record and the economy slowed',
  ],
  health: [
    'A cholera outbreak spread through the camp',
    'The vaccine campaign against the virus stalled',
    'The disease is spreading among patients',
  ],
};

describe('categorize', () => {
  for (const [category, sentences] of Object.entries(CASES)) {
    test.each(sentences)(`${category}: %s`, (text) => {
      expect(categorize(text)).toBe(category);
    });
  }

  test.each(['The weather was mild and nobody commented.', 'She said the book was long.', ''])(
    "neutral text is 'other': %j",
    (text) => {
      expect(categorize(text)).toBe('other');
    },
  );

  test('inflections match through stemming and prefixes', () => {
    expect(categorize('They are shelling the suburbs')).toBe('combat');
    expect(categorize('Evacuations continued')).toBe('humanitarian');
    expect(categorize('The encirclement of the city')).toBe('territorial-control');
  });

  test('ties go by priority: casualties before combat', () => {
    // One combat word ("attack") and one casualty word of the same weight class would tie on raw words;
    // "killed" outweighs it.
    expect(categorize('The attack killed a driver')).toBe('casualties');
  });

  test('entities only nudge categories that already scored', () => {
    const qty: Entity = { type: 'quantity', text: '12', span: { start: 0, end: 2 } };
    expect(categorize('The weather was mild', [qty])).toBe('other');
    // "strike" (combat, 2) beats "victims" (casualties, 1.5) alone; a figure in the claim tips it to casualties.
    expect(categorize('The strike left victims')).toBe('combat');
    expect(categorize('The strike left victims', [qty])).toBe('casualties');
  });

  test('stem', () => {
    expect(stem('shelled')).toBe(stem('shelling'));
    expect(stem('captured')).toBe(stem('capture'));
    expect(stem('casualties')).toBe('casualty');
    expect(stem("Ukraine's")).toBe(stem('Ukraine'));
  });
});

describe('checkworthiness', () => {
  const base = { hasSource: true, sourceType: 'person' as const, hedged: false, hasQuantity: false, quote: false };

  test('is in [0, 1]', () => {
    for (const category of ['casualties', 'other', 'political'] as Category[]) {
      for (const hedged of [true, false]) {
        for (const hasQuantity of [true, false]) {
          const s = checkworthiness({ ...base, category, hedged, hasQuantity, hasSource: false, sourceType: null });
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  test('figures, casualties and territorial claims raise it; other lowers it', () => {
    const plain = checkworthiness({ ...base, category: 'political' });
    expect(checkworthiness({ ...base, category: 'political', hasQuantity: true })).toBeGreaterThan(plain);
    expect(checkworthiness({ ...base, category: 'casualties' })).toBeGreaterThan(plain);
    expect(checkworthiness({ ...base, category: 'territorial-control' })).toBeGreaterThan(plain);
    expect(checkworthiness({ ...base, category: 'other' })).toBeLessThan(plain);
  });

  test('anonymous or hedged sourcing raises it; own-voice background lowers it', () => {
    const named = checkworthiness({ ...base, category: 'combat' });
    expect(checkworthiness({ ...base, category: 'combat', sourceType: 'anonymous' })).toBeGreaterThan(named);
    expect(checkworthiness({ ...base, category: 'combat', hedged: true })).toBeGreaterThan(named);
    const background = checkworthiness({ ...base, category: 'combat', hasSource: false, sourceType: null });
    expect(background).toBeLessThan(named);
    const hedgedUnsourced = checkworthiness({ ...base, category: 'combat', hasSource: false, sourceType: null, hedged: true });
    expect(hedgedUnsourced).toBeGreaterThan(background);
  });

  test('a sourced casualty figure from the military outranks unsourced background', () => {
    const high = checkworthiness({ ...base, sourceType: 'military', category: 'casualties', hasQuantity: true });
    const low = checkworthiness({ hasSource: false, sourceType: null, hedged: false, hasQuantity: false, quote: false, category: 'other' });
    expect(high).toBeGreaterThanOrEqual(0.8);
    expect(low).toBeLessThanOrEqual(0.1);
  });
});
