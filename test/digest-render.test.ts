// The digest drawn for each platform: a busy day stays within Slack's and Discord's limits, merged claims link
// back to their reports (a plain http(s) link only), disputes show under the claim they dispute, nothing pings.
import { beforeAll, describe, expect, test } from 'vitest';
import { MAX_MESSAGES, renderDiscord } from '../adapters/discord/embeds.ts';
import { toSlackMessage } from '../adapters/slack/blocks.ts';
import { openChannelLog } from '../src/channel-log/index.ts';
import type { ChannelKey, NewReport } from '../src/channel-log/types.ts';
import { buildDigest, type Digest } from '../src/digest/build.ts';
import { DIGEST_LIMITS, digestReplies } from '../src/digest/reply.ts';
import { renderMarkdown } from '../src/render/markdown.ts';
import { renderText } from '../src/render/text.ts';
import type { Reply } from '../src/reply.ts';
import { summarize } from '../src/summarize.ts';
import { expectWithinLimits, textOf } from './helpers/discord-payloads.ts';
import { messageText } from './helpers/slack-app.ts';
import { blockProblem } from './helpers/slack-server.ts';
import { MENTIONS, OTHER_FIGURE, SEIZED_A, SEIZED_B, SEIZED_C } from './fixtures/digest-reports.ts';

const KEY: ChannelKey = { platform: 'discord', workspace: 'G1', channel: '900' };
const FROM = new Date('2026-11-10T06:00:00Z');
const PERIOD = { date: '2026-11-10', timeZone: 'Europe/Kyiv', from: FROM, to: new Date(FROM.getTime() + 86_400_000) };
const texts = [SEIZED_A, SEIZED_B, SEIZED_C, MENTIONS, OTHER_FIGURE];
const summaries = texts.map((t) => summarize(t));

// 120 reports in the day: the five texts again and again (made distinct by a desk note), by 12 people, every
// other one with a link; one link that is not http(s).
let d: Digest;
beforeAll(async () => {
  const log = await openChannelLog('sqlite::memory:');
  const reports: NewReport[] = Array.from({ length: 120 }, (_, i) => ({
    key: KEY,
    text: `${texts[i % texts.length]}\n(desk copy ${i})`,
    summary: summaries[i % texts.length],
    user: `U${i % 12}`,
    userName: i % 12 === 5 ? '@everyone' : `reporter ${i % 12}`,
    ...(i === 1 ? { link: 'javascript:alert(1)' } : i % 2 === 0 ? { link: `https://discord.com/channels/1/900/${1000 + i}` } : {}),
    postedAt: new Date(FROM.getTime() + i * 600_000),
  }));
  await log.addMany!(reports);
  d = await buildDigest(log, { key: KEY, period: PERIOD });
  await log.close();
});

const all = (r: { summary: Reply; details: Reply[] }) => [r.summary, ...r.details];

test('a busy day: the same claim in 72 reports is one line; the first few are linked, the rest counted', () => {
  expect(d.reports).toHaveLength(120);
  const seized = d.claims[0];
  expect(seized.text).toBe('Russian forces seized Krasnogorsk');
  expect(seized.reports).toHaveLength(72);
  const { summary } = digestReplies(d);
  const block = summary.blocks.find((b) => b.kind === 'merged')!;
  if (block.kind !== 'merged') throw new Error('no merged block');
  expect(block.reportCount).toBe(72);
  expect(block.reports).toHaveLength(DIGEST_LIMITS.refs);
  const text = renderText(summary).replace(/\s+/g, ' ');
  expect(text).toContain(`72 reports: https://discord.com/channels/1/900/1000, /report ${d.reports[1].id},`);
  expect(text).toContain('(+67 more)');
  // The poster list is cut, not the count.
  expect(text).toContain('Daily digest for 2026-11-10: 120 reports');
  expect(text).toMatch(/Pasted by .* and 4 others\./);
});

test('Slack: every part within Block Kit limits; links as <url|id>, other links as /report ID; nothing pings', () => {
  for (const reply of all(digestReplies(d))) {
    expect(renderText(reply)).not.toContain('javascript:');
    const m = toSlackMessage(reply);
    expect(blockProblem(m.blocks), reply.title).toBeNull();
    const text = messageText(m);
    expect(text).not.toMatch(/@(everyone|here|channel)\b/);
    expect(text).not.toMatch(/<[!#@]/);
    expect(text).not.toContain('javascript:');
  }
  const summary = messageText(toSlackMessage(digestReplies(d).summary));
  expect(summary).toContain(`<https://discord.com/channels/1/900/1000|${d.reports[0].id}>, \`/report ${d.reports[1].id}\``);
  // The report list is longer than one message: cut with a line saying so.
  const list = toSlackMessage(digestReplies(d).details.at(-1)!);
  expect(messageText(list)).toMatch(/…and \d+ more parts?, too long for one Slack message/);
});

test('Discord: every message within the limits, at most five per reply; nothing pings', () => {
  for (const reply of all(digestReplies(d))) {
    const messages = renderDiscord(reply);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.length).toBeLessThanOrEqual(MAX_MESSAGES);
    for (const m of messages) {
      expectWithinLimits(m, reply.title);
      const text = textOf(m);
      expect(text).not.toMatch(/@(everyone|here)\b/);
      expect(text).not.toContain('javascript:');
    }
  }
  const summary = renderDiscord(digestReplies(d).summary).map(textOf).join('\n');
  expect(summary).toContain(`[${d.reports[0].id}](https://discord.com/channels/1/900/1000), \`/report ${d.reports[1].id}\``);
});

test('a dispute shows under the claim it disputes, with the reason, in every renderer', () => {
  const twelve = d.claims.find((c) => c.text.startsWith('12 civilians'))!;
  const thirty = d.claims.find((c) => c.text.startsWith('30 civilians'))!;
  const r = digestReplies({ ...d, disputes: [{ claim: twelve, disputedBy: [{ claim: thirty, why: 'other figures: 12 and 30 killed' }] }] });
  const section = r.details.find((x) => x.title?.startsWith('Disputes'))!;
  expect(renderText(r.summary)).toContain('1 dispute;');
  expect(renderText(section).replace(/\s+/g, ' ')).toMatch(
    /• 12 civilians were killed .* — Local officials \(said\), 24 reports: .*↳ disputed \(other figures: 12 and 30 killed\): 30 civilians were killed/,
  );
  expect(renderMarkdown(section)).toMatch(/^- 12 civilians.*\n {2}- disputed \(other figures: 12 and 30 killed\): 30 civilians/m);
  expect(messageText(toSlackMessage(section))).toMatch(/↳ disputed \(other figures: 12 and 30 killed\): 30 civilians/);
  expect(renderDiscord(section).map(textOf).join('\n')).toMatch(/↳ disputed \(other figures: 12 and 30 killed\): 30 civilians/);
});

describe('lists are capped for reading; the rest is counted', () => {
  test('the report list shows the first reports and points to /export for the rest', () => {
    const list = digestReplies(d).details.at(-1)!;
    expect(list.blocks.filter((b) => b.kind === 'report')).toHaveLength(DIGEST_LIMITS.reports);
    expect(renderText(list)).toContain('…and 20 more reports: /export has them all.');
  });
});
