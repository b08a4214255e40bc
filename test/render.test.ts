import { describe, expect, test } from 'vitest';
import { composeSummary } from '../src/compose.ts';
import { prepareInput } from '../src/input.ts';
import { analyze } from '../src/nlp.ts';
import { summaryReply } from '../src/reply.ts';
import { escapeMarkdown, renderMarkdown } from '../src/render/markdown.ts';
import { renderText } from '../src/render/text.ts';
import type { Claim } from '../src/schema.ts';
import { REPORT, makeClaim, reportClaims } from './fixtures/report.ts';

function summaryOf(text: string, claims: Claim[]) {
  const input = prepareInput(text, { maxBytes: 200_000 });
  return composeSummary(analyze(input.masked), claims, input);
}

const summary = summaryOf(REPORT, reportClaims());

/** Index of `part` in `text`, failing the test when it is missing. */
function at(text: string, part: string): number {
  const i = text.indexOf(part);
  expect(i, `"${part}" missing from output`).toBeGreaterThanOrEqual(0);
  return i;
}

describe('reply model', () => {
  test('groups claims by source, then the hedged ones, then flags', () => {
    const kinds = summaryReply(summary).blocks.map((b) => (b.kind === 'claim' ? `claim:${b.id}` : b.kind));
    expect(kinds.filter((k) => k.startsWith('claim') || k === 'source')).toEqual([
      'source', 'claim:c1', 'claim:c2', 'source', 'claim:c3', 'source', 'claim:c4', 'source', 'claim:c6', 'claim:c5',
    ]);
    expect(kinds.filter((k) => k === 'flag')).toHaveLength(summary.flags.length);
  });
});

describe('text', () => {
  const out = renderText(summaryReply(summary));

  test('headline first, then sources in order with their claims, hedged group, flags', () => {
    expect(out.startsWith(summary.headline.slice(0, 40))).toBe(true);
    const north = at(out, 'Northern Defence Ministry (military source): 2 claims');
    const c1 = at(out, 'c1  said: its troops had advanced three kilometers');
    const c2 = at(out, 'c2  According to: 120 soldiers');
    const south = at(out, 'Southern Army (military source): 1 claim');
    const hedged = at(out, 'Unattributed but hedged');
    const c5 = at(out, 'c5  Shelling damaged a water station');
    const flags = at(out, 'Flags');
    expect(north).toBeLessThan(c1);
    expect(c1).toBeLessThan(c2);
    expect(c2).toBeLessThan(south);
    expect(south).toBeLessThan(hedged);
    expect(hedged).toBeLessThan(c5);
    expect(c5).toBeLessThan(flags);
  });

  test('marks hedges and categories, lists flags with claim ids', () => {
    at(out, 'hedged: "reportedly", "could not be independently verified"');
    at(out, 'troop-movement');
    at(out, '! Anonymous sources (c4):');
    at(out, '! Conflicting figures (c1, c2, c3, c4):');
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  test('strips terminal control sequences from user text', () => {
    const text = 'The council said the dam held.';
    const c = makeClaim(text, {
      id: 'c1',
      content: 'the dam held',
      text: 'the dam \u001b[31mheld',
      source: { name: 'council', mention: 'The council', span: 'The council', type: 'government', resolved: 'explicit' },
    });
    expect(renderText(summaryReply(summaryOf(text, [c])))).not.toContain('\u001b');
  });
});

describe('markdown', () => {
  test('shows sources, claims and flags', () => {
    const md = renderMarkdown(summaryReply(summary));
    expect(md.startsWith('## Northern Defence Ministry says')).toBe(true);
    at(md, '**Northern Defence Ministry** (military source): 2 claims');
    at(md, '- **c3** *said:* the line moved only 5 km `territorial-control`');
    at(md, '### Unattributed but hedged');
    at(md, '(hedged: *reportedly*, *could not be independently verified*)');
    at(md, '- ⚠️ **Unresolved source** (c6):');
  });

  test('escapes pasted formatting so it cannot change the layout', () => {
    expect(escapeMarkdown('*bold* _it_ # [x](http://e.org) <b>hi</b> `code` ~s~ a|b \\ &amp;')).toBe(
      '\\*bold\\* \\_it\\_ \\# \\[x\\](http://e.org) \\<b\\>hi\\</b\\> \\`code\\` \\~s\\~ a\\|b \\\\ \\&amp;',
    );
    // A line that would start a list, a heading or a quote.
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('> quoted\n\n# Title')).toBe('\\> quoted \\# Title');
  });

  test('pasted text never pings', () => {
    const text = 'A moderator said @everyone and @here must evacuate <@123> <!channel>.';
    const c = makeClaim(text, {
      id: 'c1',
      content: '@everyone and @here must evacuate <@123> <!channel>',
      source: { name: '@here', mention: 'A moderator', span: 'A moderator', type: 'person', resolved: 'explicit' },
      cue: { text: 'said', stance: 'asserts' },
    });
    const md = renderMarkdown(summaryReply(summaryOf(text, [c])));
    expect(md).not.toMatch(/@(everyone|here)/);
    expect(md).toContain('@\u200Beveryone');
    expect(md).not.toMatch(/(^|[^\\])<[@!#]/);
  });

  test('a claim text full of markup stays inside its list item', () => {
    const text = 'The army said **all** is _fine_ [here](x).';
    const c = makeClaim(text, {
      id: 'c1',
      content: '**all** is _fine_ [here](x)',
      source: { name: 'army', mention: 'The army', span: 'The army', type: 'military', resolved: 'explicit' },
    });
    const line = renderMarkdown(summaryReply(summaryOf(text, [c])))
      .split('\n')
      .find((l) => l.startsWith('- **c1**'))!;
    expect(line).toBe('- **c1** \\*\\*all\\*\\* is \\_fine\\_ \\[here\\](x) `other`');
  });
});
