// Replies drawn for Discord (adapters/discord/embeds.ts): whatever the reply, every message is within
// Discord's limits; user text cannot format, link or ping; plain answers are plain content; files attach.
import { describe, expect, test } from 'vitest';
import { LIMITS, MAX_MESSAGES, renderDiscord, type DiscordMessage } from '../adapters/discord/embeds.ts';
import { FLAGS_HEADING, errorReply, messageReply, summaryReply, type Reply, type ReplyBlock } from '../src/reply.ts';
import { summarize } from '../src/summarize.ts';
import { DAM_REPORT, longReport } from './fixtures/discord-reports.ts';
import { readReportToTheEnd } from './helpers/report-pages.ts';
import { expectWithinLimits, textOf } from './helpers/discord-payloads.ts';

const check = (messages: DiscordMessage[]) => {
  expect(messages.length).toBeGreaterThan(0);
  expect(messages.length).toBeLessThanOrEqual(MAX_MESSAGES);
  messages.forEach((m, i) => expectWithinLimits(m, `message ${i}`));
  return messages.map(textOf).join('\n');
};

const claim = (i: number, text: string): ReplyBlock => ({
  kind: 'claim',
  id: `c${i}`,
  source: 'x',
  conduit: null,
  cue: 'said',
  stance: null,
  hedges: ['reportedly'],
  text,
  quote: false,
  category: 'other',
});

describe('limits', () => {
  test('a reply built to break every limit still draws within them', () => {
    const huge = 'w'.repeat(9000);
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ');
    const reply: Reply = {
      title: 'T'.repeat(400),
      fallback: 'x',
      blocks: [
        { kind: 'heading', text: 'H'.repeat(1000) },
        { kind: 'paragraph', text: huge },
        { kind: 'context', text: words },
        { kind: 'fields', fields: Array.from({ length: 60 }, (_, i) => ({ label: `L${i} ${'l'.repeat(400)}`, value: 'v'.repeat(2000) })) },
        { kind: 'source', name: 'S'.repeat(500), type: 'official', conduits: ['C'.repeat(300)], claims: 200 },
        ...Array.from({ length: 200 }, (_, i) => claim(i + 1, `${'*'.repeat(50)} ${words.slice(0, 2500)}`)),
        { kind: 'divider' },
        { kind: 'heading', text: FLAGS_HEADING },
        { kind: 'flag', code: 'unverified', message: 'm'.repeat(5000), claims: ['c1'] },
      ],
    };
    const text = check(renderDiscord(reply));
    expect(/…and \d+ more, past Discord's message limits\./.test(text)).toBe(true);
    // The flags survive the cut, after it.
    expect(text.indexOf('**Unverified** (c1)')).toBeGreaterThan(text.indexOf('more, past'));
  });

  test('a summary within the message budget is shown whole, over several messages', () => {
    const s = summarize(longReport(30));
    const messages = renderDiscord(summaryReply(s));
    expect(messages.length).toBeGreaterThan(1);
    const text = check(messages);
    for (const c of s.claims) expect(text).toContain(`**${c.id}**`);
    expect(text).not.toMatch(/more, past/);
  });
});

describe('a long /report', () => {
  /** The claim ids the messages show, in order. */
  const shownClaims = (text: string) => [...text.matchAll(/\*\*(c\d+)\*\*/g)].map((m) => m[1]);
  const CUT = /…and (\d+) more claims? — \/report (\S+) from:(\d+)/;

  test('is cut with the from: that goes on at the first claim left out; following it loses and repeats none', async () => {
    const messages = await readReportToTheEnd({
      draw: (reply) => check(renderDiscord(reply)),
      claims: shownClaims,
      flagsAt: (text) => text.indexOf('**Conflicting figures**'),
    });
    expect(messages).toBeGreaterThan(1);
  });

  test('never keeps a claim without its cross-references: the cut goes before the claim, and from: names it', () => {
    // Claims of many lengths, so that in some of these replies the messages run out between a claim and its refs.
    for (let pad = 0; pad < 400; pad += 23) {
      const blocks: ReplyBlock[] = [{ kind: 'heading', text: 'Report k3x9ab' }];
      for (let i = 1; i <= 90; i++) {
        const text = `the pier at berth ${i} ${'was closed for repairs and '.repeat(8)}${'x'.repeat((pad * i) % 400)}`;
        const b = claim(i, text) as Extract<ReplyBlock, { kind: 'claim' }>;
        blocks.push({ ...b, alsoIn: [{ reportId: 'm4p7qz', claimId: `c${i}`, source: `harbour office ${'y'.repeat(pad)}` }] });
      }
      const reply: Reply = { title: 'Report k3x9ab', fallback: 'x', blocks, report: { id: 'k3x9ab', shown: 'report', from: 11 } };
      const text = check(renderDiscord(reply));
      const shown = shownClaims(text);
      const cut = CUT.exec(text);
      expect(cut, `pad ${pad}`).not.toBeNull();
      expect(shown, `pad ${pad}`).toEqual(Array.from({ length: shown.length }, (_, i) => `c${i + 1}`));
      expect(Number(cut![3]), `pad ${pad}`).toBe(11 + shown.length);
      expect(Number(cut![1]), `pad ${pad}`).toBe(90 - shown.length);
      for (const c of shown) expect(text, `pad ${pad}: refs of ${c}`).toContain(`m4p7qz/${c}`);
      expect(text).not.toContain(`m4p7qz/c${shown.length + 1}\``);
    }
  });

  test('a saved summary that is cut still points to /report ID and /export, not to a from:', () => {
    const text = check(renderDiscord({ ...summaryReply(summarize(longReport(150))), report: { id: 'k3x9ab', shown: 'saved' } }));
    expect(text).toMatch(/…and \d+ more — \/report k3x9ab; \/export format:md has every claim\./);
    expect(text).not.toContain('from:');
  });
});

describe('user text', () => {
  test('cannot format, link, quote, spoil or ping', () => {
    const nasty = '**bold** __under__ ||spoiler|| [click](https://evil.example) # Big > quote `code` <t:1700000000:R> <:emo:123> @everyone <@123> <@&456> @here';
    const reply: Reply = { title: 'Claims', fallback: '', blocks: [{ kind: 'heading', text: nasty }, claim(1, nasty), { kind: 'fields', fields: [{ label: nasty, value: nasty }] }] };
    const text = check(renderDiscord(reply));
    expect(text).not.toMatch(/(?<!\\)\*\*bold(?<!\\)\*\*/);
    expect(text).toContain('\\*\\*bold\\*\\*');
    expect(text).toContain('\\|\\|spoiler\\|\\|');
    expect(text).toContain('\\[click\\](https://evil.example)');
    expect(text).toContain('\\`code\\`');
    expect(text).not.toMatch(/(?<!\\)<t:/);
    expect(text).not.toMatch(/@(everyone|here)\b/);
    expect(text).not.toMatch(/<@[!&]?\d/);
  });
});

describe('shapes', () => {
  test('a plain answer is message content; a summary is embeds', () => {
    expect(renderDiscord(messageReply('Forgot report abc123 and its 2 claims.'))).toEqual([
      { content: 'Forgot report abc123 and its 2 claims.', embeds: [], files: [] },
    ]);
    expect(renderDiscord(errorReply('Only a channel admin can change the paste rule.'))[0].content).toMatch(/Only a channel admin/);
    const [m] = renderDiscord(summaryReply(summarize(DAM_REPORT)));
    expect(m.content).toBeUndefined();
    expect(m.embeds[0].author?.name).toBe('ClaimDesk summary');
    expect(m.embeds[0].title).toMatch(/^water authority says/);
    expect(m.embeds.map((e) => e.title)).toEqual(expect.arrayContaining(['water authority (government source): 1 claim', 'Flags']));
  });

  test('a file is attached to the first message, unless it is over the upload limit', () => {
    const file = (bytes: number): Reply => ({
      title: 'Export',
      fallback: '',
      blocks: [{ kind: 'file', filename: 'claimdesk-desk-2026-11-30.csv', mediaType: 'text/csv', content: 'a'.repeat(bytes), description: '3 reports as CSV' }],
    });
    const [small] = renderDiscord(file(100), { uploadLimit: 1000 });
    expect(small.files).toHaveLength(1);
    expect(small.files[0].name).toBe('claimdesk-desk-2026-11-30.csv');
    expect(small.files[0].data.length).toBe(100);
    const [big] = renderDiscord(file(5000), { uploadLimit: 1000 });
    expect(big.files).toEqual([]);
    expect(textOf(big)).toMatch(/over this server's upload limit/);
    expect(LIMITS.embedTotal).toBe(6000);
  });
});
