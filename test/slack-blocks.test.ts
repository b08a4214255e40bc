// Reply → Block Kit: Slack's limits kept, long summaries cut with a visible "and N more", user text escaped.
import { describe, expect, it } from 'vitest';
import { LIMITS, escapeMrkdwn, toSlackMessage } from '../adapters/slack/blocks.ts';
import { errorReply, summaryReply, type Reply, type ReplyBlock } from '../src/reply.ts';
import { summarize } from '../src/summarize.ts';
import { blockProblem } from './helpers/slack-server.ts';
import { messageText } from './helpers/slack-app.ts';
import { FERRY, longReport } from './fixtures/slack-reports.ts';
import { seaWallReport } from './fixtures/sea-wall-report.ts';
import { readReportToTheEnd } from './helpers/report-pages.ts';

function claim(i: number, text: string): ReplyBlock {
  return { kind: 'claim', id: `c${i}`, source: 'ministry', conduit: null, cue: 'said', stance: null, hedges: [], text, quote: false, category: 'other' };
}

/** The claim ids a message shows, in order. */
const shownClaims = (blocks: unknown) => [...JSON.stringify(blocks).matchAll(/• `(c\d+)`/g)].map((m) => m[1]);

describe('Slack Block Kit', () => {
  it('draws a summary with its sources, claims, hedges and flags, and a text fallback', () => {
    const m = toSlackMessage(summaryReply(summarize(FERRY)));
    const text = messageText(m);
    expect(m.text).toContain('coast guard says a ferry carrying 212 passengers ran aground');
    expect(text).toContain('*coast guard* (');
    expect(text).toMatch(/• `c2` .*all passengers were safe/);
    expect(text).toContain('(hedged: _reportedly_');
    expect(blockProblem(m.blocks)).toBeNull();
  });

  it('cuts a reply too long for one message after its first claims, saying how many more and where they are', () => {
    const blocks: ReplyBlock[] = [
      { kind: 'heading', text: 'A long report' },
      { kind: 'context', text: 'Saved as report k3x9ab. Search the log with /claims; /forget k3x9ab removes it.' },
    ];
    for (let i = 1; i <= 200; i++) blocks.push(claim(i, `Claim number ${i}: ${'the levee held near the old mill, officials said; '.repeat(3)}`));
    const reply: Reply = { title: 'ClaimDesk summary', fallback: 'A long report', blocks, report: { id: 'k3x9ab', shown: 'saved' } };
    const m = toSlackMessage(reply);
    expect(blockProblem(m.blocks)).toBeNull();
    const shown = shownClaims(m.blocks);
    expect(shown.length).toBeGreaterThan(20);
    expect(shown).toEqual(Array.from({ length: shown.length }, (_, i) => `c${i + 1}`));
    const last = JSON.stringify(m.blocks.at(-1));
    expect(last).toContain(`…and ${200 - shown.length} more claims — /report k3x9ab`);
  });

  it('cuts a long /report with the from: that goes on at the first claim left out; following it loses and repeats none', async () => {
    const messages = await readReportToTheEnd({
      draw: (reply) => {
        const m = toSlackMessage(reply);
        expect(blockProblem(m.blocks)).toBeNull();
        return messageText(m);
      },
      claims: (text) => [...text.matchAll(/• `(c\d+)`/g)].map((m) => m[1]),
      flagsAt: (text) => text.indexOf('*Flags*'),
    });
    // Three messages at least: the middle one both starts late and is cut.
    expect(messages).toBeGreaterThan(2);
  });

  it('a saved summary that is cut still points to /report ID and /export, not to a from:', () => {
    const m = toSlackMessage({ ...summaryReply(summarize(seaWallReport())), report: { id: 'k3x9ab', shown: 'saved' } });
    const shown = shownClaims(m.blocks).length;
    expect(messageText(m)).toContain(`…and ${60 - shown} more claims — /report k3x9ab; /export format:md has every claim.`);
    expect(messageText(m)).not.toContain('from:');
  });

  it('keeps a real summary of a very long report within the limits', () => {
    const m = toSlackMessage(summaryReply(summarize(longReport(150))));
    expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    expect(blockProblem(m.blocks)).toBeNull();
    const shown = shownClaims(m.blocks).length;
    expect(JSON.stringify(m.blocks)).toContain(`…and ${150 - shown} more claims`);
  });

  it('keeps the flags of a summary too long for one message, after "and N more"', () => {
    const text = `${longReport(150)}\n\nAn official who asked not to be named said the levee could fail, a claim that could not be independently verified.`;
    const m = toSlackMessage({ ...summaryReply(summarize(text)), report: { id: 'k3x9ab', shown: 'saved' } });
    expect(blockProblem(m.blocks)).toBeNull();
    const all = messageText(m);
    const more = all.indexOf('more claims — /report k3x9ab');
    expect(more).toBeGreaterThan(0);
    for (const label of ['Flags', 'Anonymous sources', 'Unverified', 'Conflicting figures']) {
      expect(all.indexOf(`*${label}*`), label).toBeGreaterThan(more);
    }
    expect(shownClaims(m.blocks).length).toBeGreaterThan(20);
  });

  it('cuts one huge claim inside a section instead of failing', () => {
    const m = toSlackMessage({ fallback: 'x', blocks: [claim(1, 'word & '.repeat(2000)), { kind: 'paragraph', text: 'y'.repeat(5000) }] });
    expect(blockProblem(m.blocks)).toBeNull();
    // A cut never leaves half an escape such as "&am".
    expect(JSON.stringify(m.blocks)).not.toMatch(/&(a|am|amp)?…/);
  });

  it('splits more than 10 fields into several sections', () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `f${i}`, value: `value ${i}` }));
    const m = toSlackMessage({ fallback: 'help', blocks: [{ kind: 'fields', fields }] });
    expect(m.blocks.map((b) => ('fields' in b ? b.fields?.length : 0))).toEqual([10, 10, 3]);
  });

  it('escapes what users wrote for mrkdwn and breaks mentions', () => {
    expect(escapeMrkdwn('a <https://evil.example|click> & <!channel> @here <@U123>')).toBe(
      // Escaped, <!channel> shows as text and links nothing; a plain @here gets a zero-width space.
      'a &lt;https://evil.example|click&gt; &amp; &lt;!channel&gt; @\u200Bhere &lt;@U123&gt;',
    );
    const m = toSlackMessage(errorReply('No report <!here> & such'));
    expect(m.text).not.toMatch(/<!here>|@here/);
    expect(m.text).toContain('&amp;');
  });
});
