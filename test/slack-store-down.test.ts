// The channel log cannot be reached (a Postgres on a port where nothing listens): on Slack the person sees a clear
// message where they asked, and the app keeps serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_STORED } from '../commands/summarize.ts';
import { STORE_DOWN } from '../commands/index.ts';
import { messageText, startTestSlack, type TestSlack } from './helpers/slack-app.ts';
import { commandPayload, eventPayload, form, messageEvent, nextTs, send } from './helpers/slack-requests.ts';
import { FERRY } from './fixtures/slack-reports.ts';

let s: TestSlack;
beforeAll(async () => {
  s = await startTestSlack({ storeUrl: 'postgres://postgres@127.0.0.1:1/claimdesk' });
}, 60_000);
afterAll(async () => {
  await s?.close();
});

describe('Slack with the log down', { timeout: 60_000 }, () => {
  it('answers a pasted report in its thread with its summary and a clear "not saved"', async () => {
    const ts = nextTs();
    const res = await send(s.events, JSON.stringify(eventPayload(messageEvent({ text: FERRY, ts }))));
    expect(res.status).toBe(200);
    const post = await s.fake.waitFor('the answer', () => s.postsIn(ts)[0]);
    const text = messageText(post.args);
    expect(text).toContain(NOT_STORED);
    expect(text).toContain('coast guard');
  });

  it('tells only the asker that a command cannot read the log, then goes on serving', async () => {
    await send(s.events, form(commandPayload('/claims', 'ferry', s.fake.responseUrl('down1'))));
    const answer = await s.fake.waitFor('the /claims answer', () => s.fake.responses.find((r) => r.id === 'down1'));
    expect(answer.body.response_type).toBe('ephemeral');
    expect(messageText(answer.body)).toContain(STORE_DOWN);
    await send(s.events, form(commandPayload('/help', '', s.fake.responseUrl('down2'))));
    await s.fake.waitFor('the /help answer', () => s.fake.responses.find((r) => r.id === 'down2'));
  });
});
