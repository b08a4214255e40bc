// Several workspaces through Bolt's OAuth: the install page sends people to Slack with ClaimDesk's scopes, and
// an event from an installed workspace is answered with that workspace's own token, read from the encrypted store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../adapters/slack/app.ts';
import { installNewsroom, startTestSlack, type TestSlack } from './helpers/slack-app.ts';
import { eventPayload, messageEvent, nextTs, send } from './helpers/slack-requests.ts';
import { FERRY } from './fixtures/slack-reports.ts';

const SECRET_KEY = Buffer.alloc(32, 3).toString('hex');

let s: TestSlack;
beforeAll(async () => {
  s = await startTestSlack({
    env: {
      SLACK_BOT_TOKEN: '',
      SLACK_CLIENT_ID: '111.222',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'state-secret',
      CLAIMDESK_SECRET_KEY: SECRET_KEY,
    },
    beforeStart: (_fake, desk) => installNewsroom(desk, SECRET_KEY),
  });
}, 60_000);
afterAll(async () => {
  await s?.close();
});

describe('Slack installed through OAuth', { timeout: 60_000 }, () => {
  it('sends people who install to Slack\'s authorize page with the bot scopes', async () => {
    const res = await fetch(s.events.replace('/slack/events', '/slack/install'), { redirect: 'manual' });
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    expect(to.pathname).toBe('/oauth/v2/authorize');
    expect(to.searchParams.get('client_id')).toBe('111.222');
    expect(to.searchParams.get('scope')!.split(',').sort()).toEqual([...BOT_SCOPES].sort());
    expect(to.searchParams.get('state')).toBeTruthy();
  });

  it('answers an installed workspace with the token stored for it', async () => {
    const ts = nextTs();
    await send(s.events, JSON.stringify(eventPayload(messageEvent({ text: FERRY, ts }))));
    const post = await s.fake.waitFor('the summary', () => s.postsIn(ts)[0]);
    expect(post.token).toBe('xoxb-installed-in-newsroom');
    expect(s.fake.called('users.info').every((c) => c.token === 'xoxb-installed-in-newsroom')).toBe(true);
  });
});
