// The Slack adapter when Slack's Web API fails (HTTP 500s), with the Web client's retry policy the adapter
// runs with in production (not the no-retries setting the other Slack tests use): a failing call gives up
// soon, so one message's trouble never holds up the answers to the messages after it in the channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageText, startTestSlack, type TestSlack } from './helpers/slack-app.ts';
import { messageEvent, nextTs } from './helpers/slack-requests.ts';
import { numberedReport } from './fixtures/slack-reports.ts';

let s: TestSlack;
beforeAll(async () => {
  s = await startTestSlack({ clientOptions: {} });
}, 60_000);
afterAll(async () => {
  await s?.close();
}, 60_000);

describe('Slack Web API errors', { timeout: 60_000 }, () => {
  it('a reply Slack keeps answering with a 500 does not hold up the next report in the channel', async () => {
    const broken = nextTs();
    s.fake.on('chat.postMessage', (c) => (c.args.thread_ts === broken ? { status: 500, body: { ok: false, error: 'internal_error' } } : undefined));
    await s.deliver(messageEvent({ text: numberedReport(700), ts: broken }));
    const next = nextTs();
    await s.deliver(messageEvent({ text: numberedReport(701), ts: next }));
    const [post] = await s.fake.waitFor('the next report answered', () => s.postsIn(next).length > 0 && s.postsIn(next));
    expect(messageText(post.args)).toContain('pumping station number 701 ');
    expect(s.postsIn(broken).length).toBeGreaterThan(0);
    await s.fake.waitFor('the failure logged', () => s.logs.some((l) => l.includes('could not be posted')));
  });

  it('a users.info lookup failing with a 500 does not hold up the answer', async () => {
    s.fake.on('users.info', (c) => (c.args.user === 'U0LOOKUPFAIL' ? { status: 500, body: { ok: false, error: 'internal_error' } } : undefined));
    const ts = nextTs();
    // In a channel of its own, so nothing else waits in its line.
    await s.deliver(messageEvent({ text: numberedReport(702), ts, user: 'U0LOOKUPFAIL', channel: 'C0LOOKUPS' }));
    const [post] = await s.fake.waitFor('the answer', () => s.postsIn(ts).length > 0 && s.postsIn(ts));
    expect(messageText(post.args)).toContain('pumping station number 702 ');
    expect(s.fake.called('users.info').some((c) => c.args.user === 'U0LOOKUPFAIL')).toBe(true);
  });
});
