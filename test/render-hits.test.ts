// The blocks the log's commands add (claim hits, files), and mentions in echoed text, in both renderers.
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../src/render/markdown.ts';
import { neutraliseMentions } from '../src/render/mentions.ts';
import { renderText } from '../src/render/text.ts';
import { messageReply, type Reply, type ReplyBlock } from '../src/reply.ts';

const hit: Extract<ReplyBlock, { kind: 'hit' }> = {
  kind: 'hit',
  reportId: 'r7',
  claimId: 'c2',
  source: 'Harbour Authority',
  sourceType: 'official',
  conduit: 'Radio North',
  cue: 'said',
  stance: 'asserts',
  hedges: ['reportedly'],
  text: 'two cranes were damaged',
  quote: false,
  category: 'other',
  postedAt: '2026-11-03T14:05:09.000Z',
  poster: 'maria',
};
const reply = (...blocks: ReplyBlock[]): Reply => ({ fallback: 'x', blocks });

describe('claim hits', () => {
  test('text shows source, conduit, cue, hedges, date, poster and the report to open', () => {
    const out = renderText(reply(hit));
    expect(out).toContain('r7/c2');
    expect(out).toContain('Harbour Authority (official source) via Radio North said: two cranes were damaged');
    expect(out).toContain('hedged: "reportedly"');
    expect(out).toContain('2026-11-03 14:05 UTC');
    expect(out).toContain('pasted by maria');
    expect(out).toContain('/report r7');
  });

  test('markdown links the message when there is a link, and only an http(s) one', () => {
    const md = renderMarkdown(reply({ ...hit, link: 'https://news.slack.com/archives/C1/p1' }));
    expect(md).toContain('[r7/c2](https://news.slack.com/archives/C1/p1)');
    const bad = renderMarkdown(reply({ ...hit, link: 'javascript:alert(1)' }));
    expect(bad).not.toContain('javascript:');
    expect(bad).toContain('`r7/c2`');
  });

  test('a claim with no source says so', () => {
    expect(renderText(reply({ ...hit, source: null, sourceType: null, cue: null, conduit: null }))).toContain(
      'No source: two cranes were damaged',
    );
  });
});

describe('pasted mentions never ping', () => {
  const nasty = 'Evacuate now @everyone @here <!channel> <!here> <@U024BE7LH> <@!1234> <@&999> <#C0123>';

  test('neutraliseMentions breaks every mention form', () => {
    const out = neutraliseMentions(nasty);
    expect(out).not.toMatch(/@(everyone|here)\b/);
    expect(out).not.toMatch(/<[@!#]/);
    expect(out.replace(/\u200B/g, '')).toBe(nasty);
  });

  test('in text, markdown, hits and fallbacks', () => {
    const poisoned = reply({ ...hit, text: nasty, poster: '@here' }, { kind: 'paragraph', text: nasty });
    for (const out of [renderText(poisoned), renderMarkdown(poisoned), messageReply(nasty).fallback]) {
      expect(out).not.toMatch(/@(everyone|here)\b/);
      expect(out).not.toMatch(/<[@!#]/);
    }
  });
});

test('a file block names the file in both renderers', () => {
  const file = reply({ kind: 'file', filename: 'claimdesk-desk-2026-11-03.csv', mediaType: 'text/csv', content: 'a,b\n', description: '3 reports as CSV' });
  expect(renderText(file)).toContain('3 reports as CSV (claimdesk-desk-2026-11-03.csv)');
  expect(renderMarkdown(file)).toContain('claimdesk-desk-2026-11-03.csv');
});
