// The Slack adapter in Socket Mode: apps.connections.open on the local Web API hands out a ws:// URL of the
// FakeSlack, which says hello and sends envelopes; the real Bolt app acks them and answers as in HTTP mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageText, startTestSlack, type TestSlack } from './helpers/slack-app.ts';
import { CHANNEL, commandPayload, eventPayload, messageEvent, nextTs } from './helpers/slack-requests.ts';
import { FERRY } from './fixtures/slack-reports.ts';

let s: TestSlack;
beforeAll(async () => {
  s = await startTestSlack({ mode: 'socket' });
}, 60_000);
afterAll(async () => {
  await s?.close();
});

describe('Slack in Socket Mode', { timeout: 60_000 }, () => {
  it('connects with the app token through apps.connections.open', async () => {
    const [open] = s.fake.called('apps.connections.open');
    expect(open.token).toBe('xapp-test-token');
    expect(s.fake.socketCount).toBe(1);
  });

  it('acks a slash command envelope and answers through the response URL', async () => {
    const ack = await s.fake.envelope('slash_commands', commandPayload('/help', 'claims', s.fake.responseUrl('sock-help')));
    expect(ack.envelope_id).toMatch(/^env-/);
    const answer = await s.fake.waitFor('the /help answer', () => s.fake.responses.find((r) => r.id === 'sock-help'));
    expect(answer.body.response_type).toBe('in_channel');
    expect(messageText(answer.body)).toContain('/claims');
    expect(messageText(answer.body)).toContain('source:NAME');
  });

  it('acks an events_api envelope and answers a pasted report in its thread', async () => {
    const ts = nextTs();
    await s.fake.envelope('events_api', eventPayload(messageEvent({ text: FERRY, ts })));
    const post = await s.fake.waitFor('the summary', () => s.postsIn(ts)[0]);
    expect(post.args.channel).toBe(CHANNEL);
    expect(post.token).toBe('xoxb-test-token');
    expect(messageText(post.args)).toContain('all passengers were safe');
  });

  it('disconnects on stop', async () => {
    await s.running.stop();
    await s.fake.waitFor('the socket to close', () => s.fake.socketCount === 0);
    // close() in afterAll stops again: that must be harmless.
  });
});
