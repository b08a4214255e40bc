// Slack's message markup → the plain text the core reads and stores.
import { describe, expect, it } from 'vitest';
import { messageLink } from '../adapters/slack/lookups.ts';
import { fromSlackText, stripMention } from '../adapters/slack/text.ts';

describe('Slack message text', () => {
  it('reads links, channels, user and group mentions as a person sees them', () => {
    expect(fromSlackText('See <https://example.com/a?b=1&amp;c=2|the full story> in <#C0DESK|newsdesk>, <https://example.org>'))
      .toBe('See the full story in #newsdesk, https://example.org');
    expect(fromSlackText('<!here> <!channel> <!everyone> <!subteam^S0ED|@editors> <!date^1700000000^{date}|Nov 14>'))
      .toBe('@here @channel @everyone @editors Nov 14');
  });

  it('keeps users as their ids, so a mention in a command is a user /claims by: can find', () => {
    expect(fromSlackText('by:<@U0MARIA|maria> and <@U0BOB>')).toBe('by:@U0MARIA and @U0BOB');
  });

  it('decodes &amp; &lt; &gt; once', () => {
    expect(fromSlackText('3 &lt; 4 &amp;&amp; 5 &gt; 2; "&amp;lt;" stays a literal')).toBe('3 < 4 && 5 > 2; "&lt;" stays a literal');
  });

  it('strips the bot\'s own mention from a mention', () => {
    expect(stripMention('<@UBOT> claims  Kherson <@UBOT|claimdesk>', 'UBOT')).toBe('claims Kherson');
    expect(stripMention('<@UOTHER> hello', 'UBOT')).toBe('<@UOTHER> hello');
  });

  it('builds a message link from the workspace address, with its thread for a reply', () => {
    expect(messageLink('https://team.slack.com/', 'C1', '1700000000.000100')).toBe('https://team.slack.com/archives/C1/p1700000000000100');
    expect(messageLink('https://team.slack.com', 'C1', '1700000001.000200', '1700000000.000100')).toBe(
      'https://team.slack.com/archives/C1/p1700000001000200?thread_ts=1700000000.000100&cid=C1',
    );
    expect(messageLink(null, 'C1', '1.2')).toBeUndefined();
  });
});
