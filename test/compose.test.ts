import { describe, expect, test } from 'vitest';
import { composeSummary, trimAt } from '../src/compose.ts';
import { prepareInput } from '../src/input.ts';
import { analyze } from '../src/nlp.ts';
import { Summary, type Claim } from '../src/schema.ts';
import { parseFigure, disagree } from '../src/figures.ts';
import { REPORT, makeClaim, reportClaims } from './fixtures/report.ts';

function compose(text: string, claims: Claim[]) {
  const input = prepareInput(text, { maxBytes: 200_000 });
  return composeSummary(analyze(input.masked), claims, input);
}

const flag = (s: Summary, code: string) => s.flags.find((f) => f.code === code);

describe('composeSummary on a report with several sources', () => {
  const summary = compose(REPORT, reportClaims());

  test('passes the Summary schema and keeps the claims and their ids', () => {
    expect(Summary.safeParse(summary).success).toBe(true);
    expect(summary.claims.map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
  });

  test('stats count the text', () => {
    expect(summary.stats.chars).toBe(REPORT.length);
    expect(summary.stats.sentences).toBe(7);
    expect(summary.stats.words).toBeGreaterThan(60);
  });

  test('sources: one per name, most claims first, then in order of appearance', () => {
    expect(summary.sources.map((s) => [s.name, s.claims])).toEqual([
      ['Northern Defence Ministry', ['c1', 'c2']],
      ['Southern Army', ['c3']],
      ['officials familiar with the operation', ['c4']],
      ['He', ['c6']],
    ]);
    expect(summary.sources[2].type).toBe('anonymous');
  });

  test('flags each problem with the claims concerned', () => {
    expect(summary.flags.map((f) => f.code)).toEqual([
      'anonymous-sources',
      'unattributed-hedged',
      'conflicting-figures',
      'unverified',
      'unresolved-source',
    ]);
    expect(flag(summary, 'anonymous-sources')?.claims).toEqual(['c4']);
    expect(flag(summary, 'unattributed-hedged')?.claims).toEqual(['c5']);
    expect(flag(summary, 'unverified')?.claims).toEqual(['c5']);
    expect(flag(summary, 'unresolved-source')?.claims).toEqual(['c6']);
    // 3 km against 5 km, and 120 soldiers against 300 soldiers (unit read after the bare number).
    const conflict = flag(summary, 'conflicting-figures')!;
    expect(conflict.claims).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(conflict.message).toContain('three kilometers');
    expect(conflict.message).toContain('5 km');
    expect(conflict.message).toContain('300 soldiers');
    for (const f of summary.flags) expect(f.message.length).toBeGreaterThan(20);
  });

  test('no single-party flag when several sources speak', () => {
    expect(flag(summary, 'single-party-sourcing')).toBeUndefined();
  });

  test('headline: who says what, then what else', () => {
    expect(summary.headline).toBe(
      'Northern Defence Ministry says its troops had advanced three kilometers toward the river; ' +
        '4 more claims from 4 sources; 1 hedged claim without a source',
    );
  });
});

describe('flags in isolation', () => {
  const text = [
    'The Western Command said its units took the hill at dawn.',
    'The command also said 40 vehicles were destroyed.',
    'A local mayor said 90 vehicles were destroyed.',
  ].join('\n');
  const command = {
    name: 'Western Command',
    mention: 'The Western Command',
    type: 'military',
    resolved: 'explicit',
  } as const;
  const c1 = makeClaim(text, {
    id: 'c1',
    content: 'its units took the hill at dawn',
    source: { ...command, span: 'The Western Command' },
    cue: { text: 'said', stance: 'asserts' },
  });
  const c2 = makeClaim(text, {
    id: 'c2',
    content: '40 vehicles were destroyed',
    source: { ...command, mention: 'The command', span: 'The command', resolved: 'coreference' },
    cue: { text: 'said', stance: 'asserts' },
    quantities: ['40 vehicles'],
  });
  const c3 = makeClaim(text, {
    id: 'c3',
    content: '90 vehicles were destroyed',
    source: { name: 'local mayor', mention: 'A local mayor', span: 'A local mayor', type: 'official', resolved: 'explicit' },
    cue: { text: 'said', stance: 'asserts' },
    quantities: ['90 vehicles'],
  });

  test('single-party sourcing when every attributed claim has one source', () => {
    const s = compose(text, [c1, c2]);
    expect(flag(s, 'single-party-sourcing')?.claims).toEqual(['c1', 'c2']);
    expect(flag(s, 'single-party-sourcing')?.message).toContain('Western Command');
  });

  test('no single-party flag for a lone claim', () => {
    expect(flag(compose(text, [c1]), 'single-party-sourcing')).toBeUndefined();
  });

  test('different figures from one source are not a conflict; from two sources they are', () => {
    const same = { ...c3, source: c2.source };
    expect(flag(compose(text, [c1, c2, same]), 'conflicting-figures')).toBeUndefined();
    expect(flag(compose(text, [c1, c2, c3]), 'conflicting-figures')?.claims).toEqual(['c2', 'c3']);
  });

  test('no flags at all for a clean report', () => {
    const mayor = { ...c3, entities: [] };
    expect(compose(text, [c1, mayor]).flags).toEqual([]);
  });
});

describe('figures', () => {
  test('units and ranges', () => {
    const km3 = parseFigure('three kilometers')!;
    const km5 = parseFigure('5 km')!;
    expect(km3).toMatchObject({ kind: 'distance', lo: 3000, hi: 3000 });
    expect(disagree(km3, km5)).toBe(true);
    expect(disagree(km3, parseFigure('3,000 metres')!)).toBe(false);
    expect(disagree(parseFigure('120 soldiers')!, parseFigure('300 troops')!)).toBe(true);
    expect(disagree(parseFigure('at least 100 soldiers')!, parseFigure('120 soldiers')!)).toBe(false);
    expect(disagree(parseFigure('120 soldiers')!, parseFigure('120 tanks')!)).toBe(false);
    expect(parseFigure('1,200', ' Ukrainian servicemen were killed')).toMatchObject({
      kind: 'count:soldier',
      lo: 1200,
      label: '1,200 Ukrainian servicemen',
    });
    expect(parseFigure('a dozen tanks')).toMatchObject({ lo: 12, hi: 12 });
    expect(parseFigure('2022', ', the ministry said')).toBeNull();
  });
});

describe('headline', () => {
  const text = 'Units of the Eastern group have seized the bridge, the defence ministry told Radio North.';
  const base = {
    id: 'c1',
    content: 'Units of the Eastern group have seized the bridge',
    source: {
      name: 'Defence Ministry',
      mention: 'the defence ministry',
      span: 'the defence ministry',
      type: 'military',
      resolved: 'explicit',
    },
    cue: { text: 'told', stance: 'asserts' },
  } as const;

  test('lower-cases an ordinary first word and names the conduit', () => {
    const c = makeClaim(text, { ...base, conduit: 'Radio North' });
    expect(compose(text, [c]).headline).toBe(
      'Defence Ministry (via Radio North) says units of the Eastern group have seized the bridge',
    );
  });

  test('keeps the capital of a name', () => {
    const t1 = 'Kherson remains under our control, the governor said.';
    const c1 = makeClaim(t1, { id: 'c1', content: 'Kherson remains under our control', source: { ...base.source, span: null } });
    expect(compose(t1, [c1]).headline).toBe('Defence Ministry says Kherson remains under our control');
    const t2 = 'The governor said Eastern Brigade units withdrew.';
    const c2 = makeClaim(t2, { id: 'c1', content: 'Eastern Brigade units withdrew', source: { ...base.source, span: null } });
    expect(compose(t2, [c2]).headline).toBe('Defence Ministry says Eastern Brigade units withdrew');
  });

  test('a direct quote keeps its words and gets quotation marks', () => {
    const c = makeClaim(text, { ...base, quote: true });
    expect(compose(text, [c]).headline).toBe('Defence Ministry says “Units of the Eastern group have seized the bridge”');
  });

  test('the stance picks the verb', () => {
    const c = makeClaim(text, { ...base, cue: { text: 'told', stance: 'denies' } });
    expect(compose(text, [c]).headline).toMatch(/^Defence Ministry denies units/);
  });

  test('a long claim is cut at a word boundary near 140 characters', () => {
    const long = 'Units ' + 'moved forward along the eastern bank of the river '.repeat(5) + 'today';
    const c = makeClaim(long, { id: 'c1', content: long, source: { ...base.source, span: null } });
    const h = compose(long, [c]).headline;
    expect(h.length).toBeLessThanOrEqual(141);
    expect(h.endsWith('…')).toBe(true);
    expect(h.at(-2)).not.toBe(' ');
    expect(long).toContain(h.slice('Defence Ministry says u'.length, -1));
    expect(trimAt('one two three', 9)).toBe('one two…');
  });

  test('says so when nothing is attributed', () => {
    expect(compose('Nothing here but weather.', []).headline).toBe('No attributed claims found');
    const hedged = makeClaim(text, { id: 'c1', content: 'Units of the Eastern group', hedges: ['seized'] });
    expect(compose(text, [hedged]).headline).toBe('No attributed claims found; 1 hedged claim without a source');
  });
});
