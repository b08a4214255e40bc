// `claimdesk start` with Slack's tokens in the environment: the Slack surface is chosen, connects (Socket Mode
// here, to the local fake), answers, and stops cleanly when told to.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configuredSurfaces } from '../adapters/surfaces.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { serveSurfaces } from '../src/serve.ts';
import { messageText } from './helpers/slack-app.ts';
import { commandPayload } from './helpers/slack-requests.ts';
import { FakeSlack } from './helpers/slack-server.ts';

let fake: FakeSlack;
beforeAll(async () => {
  fake = await FakeSlack.start();
});
afterAll(async () => {
  await fake?.close();
});

describe('claimdesk start with Slack tokens', { timeout: 60_000 }, () => {
  it('serves Slack until stopped', async () => {
    const env = { SLACK_BOT_TOKEN: 'xoxb-serve', SLACK_APP_TOKEN: 'xapp-serve', SLACK_API_URL: fake.apiUrl };
    const surfaces = configuredSurfaces(env);
    expect(surfaces.map((x) => x.name)).toEqual(['slack']);
    const lines: string[] = [];
    const log = createLogger('info', new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }));
    let stop!: () => void;
    const until = new Promise<void>((resolve) => (stop = resolve));
    const config = { ...loadConfig({}), store: 'sqlite::memory:', state: 'sqlite::memory:' };
    const served = serveSurfaces(surfaces, { config, log, env, until });
    await fake.envelope('slash_commands', commandPayload('/help', '', fake.responseUrl('serve-help')));
    const answer = await fake.waitFor('the /help answer', () => fake.responses.find((r) => r.id === 'serve-help'));
    expect(messageText(answer.body)).toContain('/summarize');
    stop();
    expect(await served).toBe(0);
    await fake.waitFor('the socket to close', () => fake.socketCount === 0);
    expect(lines.join('')).toMatch(/slack: Socket Mode/);
  });
});
