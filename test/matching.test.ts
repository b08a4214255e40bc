// Claim matching across reports (src/matching/): the relations a desk relies on, grouping for the digest, and the
// labelled report pairs (test/fixtures/claim-pairs/pairs.json) staying above the floor measured when it was built.
// Texts are short reports written for these tests; claims come from the real engine.
import { describe, expect, it } from 'vitest';
import { claimFeatures, groupClaims, placeKey, relateClaims, type ClaimItem } from '../src/matching/index.ts';
import { digestItems } from '../src/digest/build.ts';
import { generateReports } from '../bench/corpus.ts';
import type { Claim } from '../src/schema.ts';
import { summarize } from '../src/summarize.ts';
import { loadPairs, runPairs, score } from '../eval/matching-score.ts';

/** The report's first claim that has a source. */
const claim = (text: string): Claim => {
  const c = summarize(text).claims.find((x) => x.source !== null);
  if (!c) throw new Error(`no sourced claim in: ${text}`);
  return c;
};

const CAPTURE = "Russia's Defence Ministry said its forces had captured the village of Zarichne in the Donetsk region.";
const CAPTURE_AGAIN = 'Russian troops took control of Zarichne after heavy fighting, TASS reported, citing the ministry.';
const DENIAL = "Ukraine's General Staff denied that Zarichne had fallen.";
const STILL_HELD = 'A Ukrainian brigade spokesman said its soldiers still held Zarichne and had repelled three assaults.';

describe('relateClaims', () => {
  it('the same capture in other words from another outlet is the same claim', () => {
    expect(relateClaims(claim(CAPTURE), claim(CAPTURE_AGAIN))).toEqual({ kind: 'same' });
  });

  it('a capture claimed by one side and denied by the other is disputed, saying how', () => {
    expect(relateClaims(claim(CAPTURE), claim(DENIAL))).toEqual({ kind: 'disputes', why: 'denies it' });
    expect(relateClaims(claim(DENIAL), claim(CAPTURE))).toEqual({ kind: 'disputes', why: 'says it happened' });
    expect(relateClaims(claim(CAPTURE), claim(STILL_HELD))).toMatchObject({ kind: 'disputes' });
  });

  it('figures for the same casualties that cannot both hold dispute; compatible ones do not', () => {
    const twelve = claim('Twelve civilians were killed in the shelling of Nikopol on Monday, the regional governor said.');
    const twenty = claim('Russian shelling of Nikopol killed 20 civilians on Monday, the prosecutor-general said.');
    const atLeast = claim('At least 10 civilians were killed by shelling in Nikopol, the mayor said.');
    const r = relateClaims(twelve, twenty);
    expect(r.kind).toBe('disputes');
    expect(r.kind === 'disputes' && r.why).toMatch(/20 civilians.*twelve civilians/);
    expect(relateClaims(atLeast, twelve)).toEqual({ kind: 'same' });
    expect(relateClaims(atLeast, twenty)).toEqual({ kind: 'same' });
  });

  it('figures counting different things do not compete: one side\'s drones and the other\'s, civilians and soldiers', () => {
    const russia = claim("Russia's Defence Ministry said its air defences had shot down 40 Ukrainian drones overnight.");
    const ukraine = claim("Ukraine's air force said it had shot down 30 Russian drones overnight.");
    expect(relateClaims(russia, ukraine)).toEqual({ kind: 'unrelated' });
    expect(relateClaims(ukraine, russia)).toEqual({ kind: 'unrelated' });
    // The same side's drones with other figures still dispute; so does a figure that names no side.
    const more = claim('The Ukrainian air force said later that 45 Russian drones had been shot down overnight.');
    expect(relateClaims(ukraine, more)).toMatchObject({ kind: 'disputes', why: 'says 45 russian drones, not 30 russian drones' });
    const plain = claim('Air defences shot down 55 drones overnight, the air force said.');
    expect(relateClaims(ukraine, plain)).toMatchObject({ kind: 'disputes' });
    const civilians = claim('Russian shelling killed three civilians in Kherson on Monday, the regional governor said.');
    const soldiers = claim("Russia's Defence Ministry said its strikes near Kherson had killed 40 Ukrainian soldiers.");
    expect(relateClaims(civilians, soldiers)).toEqual({ kind: 'unrelated' });
    // "People" still compares with civilians: 20 people against three civilians is a dispute.
    const people = claim('Russian shelling killed 20 people in Kherson on Monday, the prosecutor said.');
    expect(relateClaims(civilians, people)).toMatchObject({ kind: 'disputes' });
  });

  it('"fighting continues" and "still holds" are two claims, each disputing a capture of the place', () => {
    const capture = claim("Russia's Defence Ministry said its forces had taken full control of Pokrovsk.");
    const fighting = claim("Fighting continues in Pokrovsk, Ukraine's General Staff said.");
    const held = claim('Ukrainian forces still hold Pokrovsk, a spokesman for the eastern grouping said.');
    const heldAgain = claim('Pokrovsk remains under Ukrainian control, the General Staff said.');
    expect(relateClaims(fighting, held)).toEqual({ kind: 'unrelated' });
    expect(relateClaims(held, heldAgain)).toEqual({ kind: 'same' });
    expect(relateClaims(capture, fighting)).toEqual({ kind: 'disputes', why: 'says the opposite' });
    expect(relateClaims(capture, held)).toEqual({ kind: 'disputes', why: 'says the opposite' });
  });

  it('a part of a total does not compete with the total; "at least" and ranges hold numbers inside them', () => {
    const withPart = claim('A missile strike on Kharkiv killed 14 people, including two children, the governor said.');
    const atLeast = claim('At least 12 people were killed in a Russian missile strike on Kharkiv, the mayor said.');
    const range = claim('Between 10 and 15 people were killed in the missile strike on Kharkiv, officials said.');
    const fewer = claim('The missile strike on Kharkiv killed nine people, the regional prosecutor said.');
    expect(relateClaims(withPart, atLeast)).toEqual({ kind: 'same' });
    expect(relateClaims(atLeast, withPart)).toEqual({ kind: 'same' });
    expect(relateClaims(range, withPart)).toEqual({ kind: 'same' });
    expect(relateClaims(withPart, fewer)).toMatchObject({ kind: 'disputes', why: 'says nine people, not 14 people' });
    expect(relateClaims(range, fewer)).toMatchObject({ kind: 'disputes' });
    // Parts compare with parts.
    const otherPart = claim('The strike on Kharkiv killed 14 people, among them five children, the police said.');
    expect(relateClaims(withPart, otherPart)).toMatchObject({ kind: 'disputes', why: 'says five children, not two children' });
  });

  it('a claim counting killed and wounded meets a claim about the wounded on the wounded figures', () => {
    const both = claim('Four people were killed and nine wounded in Russian shelling of Kherson, officials said.');
    const wounded = claim('Nine people were wounded in the shelling of Kherson on Tuesday, the regional administration said.');
    const more = claim('Shelling of Kherson wounded 15 people on Tuesday, the regional governor said.');
    expect(relateClaims(both, wounded)).toEqual({ kind: 'same' });
    expect(relateClaims(wounded, both)).toEqual({ kind: 'same' });
    expect(relateClaims(both, more)).toEqual({ kind: 'disputes', why: 'says 15 people, not nine' });
    // A negation belongs to the main event: "no one was killed" does not deny the wounded.
    const noneKilled = claim('No one was killed but five people were wounded in the strike on Poltava, the governor said.');
    const five = claim('Five people were wounded in a Russian strike on Poltava, the mayor said.');
    expect(relateClaims(noneKilled, five)).toEqual({ kind: 'same' });
  });

  it("each side's own shoot-downs or repelled attacks are two events; a denial across sides still disputes", () => {
    const russia = claim('The Russian Defence Ministry said its air defences shot down 36 drones over the Bryansk region overnight.');
    const ukraine = claim("Ukraine's air force said it had shot down 19 drones over the Bryansk region overnight.");
    expect(relateClaims(russia, ukraine)).toEqual({ kind: 'unrelated' });
    const ukraineAgain = claim('The Ukrainian air force said air defences downed 23 drones over the Bryansk region overnight.');
    expect(relateClaims(ukraine, ukraineAgain)).toMatchObject({ kind: 'disputes' });
    const denied = claim("Russia's Defence Ministry denied that its air defences had shot down an airliner over the Bryansk region.");
    const reported = claim("Ukraine's air force said Russian air defences had shot down an airliner over the Bryansk region.");
    expect(relateClaims(denied, reported)).toMatchObject({ kind: 'disputes' });
  });

  it("one side's strike or shoot-down and the other side's loss or admission stay one claim; a name with both sides has none", () => {
    const hit = claim("Russia's Defence Ministry said its forces destroyed three howitzers near Orikhiv.");
    const loss = claim("Ukraine's General Staff said it lost three howitzers near Orikhiv.");
    expect(relateClaims(hit, loss)).toEqual({ kind: 'same' });
    const downed = claim("Russia's Defence Ministry said its air defences shot down a Ukrainian helicopter near Orikhiv.");
    const admitted = claim("Ukraine's army said a helicopter was shot down near Orikhiv.");
    expect(relateClaims(downed, admitted)).toEqual({ kind: 'same' });
    const both = claim("The Russian-installed head of Ukraine's Kherson region said its air defences shot down 8 drones over Nova Kakhovka.");
    const russia = claim("Russia's Defence Ministry said its air defences shot down 14 drones over Nova Kakhovka.");
    expect(relateClaims(both, russia)).toMatchObject({ kind: 'disputes' });
  });

  it('captures of two villages in one region are two claims; the same village with and without its region is one', () => {
    const one = claim("Russia's Defence Ministry said its forces had captured the village of Kalynove in the Zaporizhzhia region.");
    const other = claim('The Russian Defence Ministry said its troops had taken the village of Malynivka in the Zaporizhzhia region.');
    expect(relateClaims(one, other)).toEqual({ kind: 'unrelated' });
    const bare = claim('Russian forces captured the village of Kalynove, the Defence Ministry said.');
    expect(relateClaims(one, bare)).toEqual({ kind: 'same' });
  });

  it('place names spelt two ways are one place', () => {
    const a = claim('Three civilians were killed by shelling in Kharkiv, the mayor said.');
    const b = claim('Russian shelling killed three civilians in Kharkov, a regional official said.');
    expect(relateClaims(a, b)).toEqual({ kind: 'same' });
  });

  it('the same place with another event, or the same event at another place, is unrelated', () => {
    const shelling = claim('Two civilians were killed by shelling in Zarichne, the regional governor said.');
    expect(relateClaims(claim(CAPTURE), shelling)).toEqual({ kind: 'unrelated' });
    const elsewhere = claim('The ministry said its forces had captured the village of Hryhorivka.');
    expect(relateClaims(claim(CAPTURE), elsewhere)).toEqual({ kind: 'unrelated' });
    const drones = claim("Russia's Defence Ministry said its air defences had shot down 25 Ukrainian drones over the Belgorod region.");
    expect(relateClaims(claim(CAPTURE), drones)).toEqual({ kind: 'unrelated' });
  });
});

describe('reading a claim', () => {
  const read = (text: string, places: string[] = []) => claimFeatures({ text, source: null, cue: null, places });
  const figures = (text: string) => read(text).figures.map((f) => [f.lo, f.hi, f.object, f.event]);

  it('figures: digits, words, qualifiers, ranges and vague amounts, with what they count and the event', () => {
    expect(figures('at least 12 civilians were killed')).toEqual([[12, Infinity, 'civilians', 'kill']]);
    expect(figures('twenty-three drones were shot down')).toEqual([[23, 23, 'drones', 'shootdown']]);
    expect(figures('1,200 troops were killed or wounded')).toEqual([[1200, 1200, 'troops', 'kill']]);
    expect(figures('between 10 and 15 soldiers died')).toEqual([[10, 15, 'troops', 'kill']]);
    expect(figures('about 40 residents were evacuated')).toEqual([[34, 46, 'civilians', 'evacuate']]);
    expect(figures('dozens of people were injured')).toEqual([[24, 99, 'people', 'injure']]);
    expect(figures('up to 300 people fled')).toEqual([[0, 300, 'people', 'evacuate']]);
  });

  it('figures: which side or kind is counted, and parts of a total', () => {
    const read2 = (text: string) => read(text).figures.map((f) => [f.lo, f.object, f.kinds, f.part]);
    expect(read2('40 Ukrainian drones were shot down')).toEqual([[40, 'drones', ['side:ukrainian'], false]]);
    expect(read2('it intercepted 12 Russian cruise missiles')).toEqual([[12, 'missiles', ['side:russian', 'missile:cruise'], false]]);
    expect(read2('40 attack drones were shot down')).toEqual([[40, 'drones', ['drone:attack'], false]]);
    expect(read2('14 people were killed, including two children')).toEqual([
      [14, 'people', [], false],
      [2, 'civilians', [], true],
    ]);
    expect(read2('nine were injured, among them three children')).toEqual([
      [9, null, [], false],
      [3, 'civilians', [], true],
    ]);
  });

  it('numbers that count nothing here are not figures: years, distances, percentages, unit numbers', () => {
    expect(figures('the town was captured in 2022')).toEqual([]);
    expect(figures('troops advanced 3 km near the town')).toEqual([]);
    expect(figures('prices rose 12 percent')).toEqual([]);
    expect(figures('the 93rd Brigade repelled the attack')).toEqual([]);
  });

  it('negation before the event, denial words and place spellings', () => {
    expect(read('Krasnogorsk had not fallen').negated).toBe(true);
    expect(read('no civilians were killed in the strike').negated).toBe(true);
    expect(read('reports of the fall of Krasnogorsk are fake').negated).toBe(true);
    expect(read('the town had fallen and was not defended').negated).toBe(false);
    expect(placeKey('Kiev')).toBe(placeKey('Kyiv'));
    expect(placeKey('the Zaporozhye region')).toBe(placeKey('Zaporizhzhia'));
    expect(placeKey('Ukraine')).toBeNull();
    expect([...read('Russian forces entered Velyka Novosilka on Monday').places]).toEqual(['velyka novosilka']);
  });
});

describe('groupClaims', () => {
  const item = (text: string, reportId: string, hour: number): ClaimItem => ({
    reportId,
    postedAt: new Date(Date.UTC(2026, 10, 20, hour)),
    claim: claim(text),
  });

  it('one group per event, oldest claim first; disputing claims are listed on both sides', () => {
    const items = [
      item(CAPTURE_AGAIN, 'r2', 10),
      item(CAPTURE, 'r1', 9),
      item(DENIAL, 'r3', 11),
      item('The ministry said Russian forces had liberated Zarichne, RIA Novosti reported.', 'r4', 12),
      item('Ukrainian air defences shot down 40 drones overnight, the air force said.', 'r5', 13),
    ];
    const groups = groupClaims(items);
    expect(groups.map((g) => g.members.map((m) => m.reportId))).toEqual([['r1', 'r2', 'r4'], ['r3'], ['r5']]);
    expect(groups[0].lead.reportId).toBe('r1');
    expect(groups[0].disputes.map((d) => [d.item.reportId, d.why])).toEqual([['r3', 'denies it']]);
    expect(groups[1].disputes.map((d) => [d.item.reportId, d.why])).toEqual([['r1', 'says it happened']]);
    expect(groups[2].disputes).toEqual([]);
  });
  it('a claim about the wounded joins, or disputes, a group whose lead counts killed and wounded', () => {
    const groups = groupClaims([
      item('Four people were killed and nine wounded in Russian shelling of Kherson, officials said.', 'r1', 9),
      item('Nine people were wounded in the shelling of Kherson on Tuesday, the regional administration said.', 'r2', 10),
      item('Shelling of Kherson wounded 15 people on Tuesday, the regional governor said.', 'r3', 11),
    ]);
    expect(groups.map((g) => g.members.map((m) => m.reportId))).toEqual([['r1', 'r2'], ['r3']]);
    expect(groups[0].disputes.map((d) => d.item.reportId)).toEqual(['r3']);
  });

  it('figures for different sides make two groups, not a dispute', () => {
    const groups = groupClaims([
      item("Russia's Defence Ministry said its air defences had shot down 40 Ukrainian drones overnight.", 'r1', 9),
      item("Ukraine's air force said it had shot down 30 Russian drones overnight.", 'r2', 10),
    ]);
    expect(groups.map((g) => [g.members.length, g.disputes.length])).toEqual([
      [1, 0],
      [1, 0],
    ]);
  });
});

describe('groupClaims finds what comparing every pair finds', () => {
  /** The plain way: each claim, oldest first, against every group so far; the first the same is its group. */
  function everyPair(items: readonly ClaimItem[]) {
    type Group = { lead: ClaimItem; members: ClaimItem[]; disputes: Set<Group> };
    const groups: Group[] = [];
    for (const item of items) {
      let home: Group | undefined;
      const against: Group[] = [];
      for (const g of groups) {
        const r = relateClaims(g.lead.claim, item.claim);
        if (r.kind === 'same' && !home) home = g;
        else if (r.kind === 'disputes') against.push(g);
      }
      if (home) home.members.push(item);
      else groups.push((home = { lead: item, members: [item], disputes: new Set() }));
      // One dispute each way per pair of groups.
      for (const g of against) {
        if (g === home || g.disputes.has(home)) continue;
        g.disputes.add(home);
        home.disputes.add(g);
      }
    }
    return groups;
  }
  const shape = (groups: readonly { members: readonly ClaimItem[]; disputes: Iterable<unknown> }[]) =>
    groups.map((g) => [g.members.map((m) => `${m.reportId}/${m.claim.id}`), [...g.disputes].length]);

  it('a claim naming no event joins an earlier group whose lead names one, when most of their words agree', () => {
    const items = [
      { reportId: 'r1', postedAt: new Date(Date.UTC(2026, 10, 20, 9)), claim: claim('The mayor said looters had damaged the old covered market overnight.') },
      { reportId: 'r2', postedAt: new Date(Date.UTC(2026, 10, 20, 10)), claim: claim('Police said looters were in the old covered market overnight.') },
    ];
    expect(relateClaims(items[0].claim, items[1].claim)).toEqual({ kind: 'same' });
    expect(shape(groupClaims(items))).toEqual(shape(everyPair(items)));
    expect(groupClaims(items)).toHaveLength(1);
  });

  it('on a day of generated reports: the same groups, members and disputes', () => {
    // bench/corpus.ts: seeded synthetic reports with few places and events, so claims meet in many ways.
    const reports = generateReports(150, 80, 11).map((text, k) => ({ id: `r${k}`, postedAt: new Date(Date.UTC(2026, 10, 20, 0, k)), summary: summarize(text) }));
    const { items } = digestItems(reports as never);
    expect(items.length).toBeGreaterThan(300);
    const fast = groupClaims(items);
    expect(shape(fast)).toEqual(shape(everyPair(items)));
    expect(fast.some((g) => g.members.length > 1) && fast.some((g) => g.disputes.length > 0)).toBe(true);
  });
});

describe('the labelled report pairs', () => {
  // Measured (README, "Claims across reports"): tune 98.0% on 49 pairs, check 95.3% on 43.
  it('the check split stays at or above 85% accuracy, the tune split at or above 90%', () => {
    const results = runPairs(loadPairs());
    const check = score(results.filter((r) => r.pair.split === 'check'));
    const tune = score(results.filter((r) => r.pair.split === 'tune'));
    expect(check.n).toBeGreaterThanOrEqual(39);
    expect(check.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(tune.accuracy).toBeGreaterThanOrEqual(0.9);
    // Every label is both predicted and found on the check split.
    for (const l of ['same', 'disputes', 'unrelated'] as const) expect(check.perLabel[l].recall).toBeGreaterThanOrEqual(0.7);
  }, 60_000);
});
