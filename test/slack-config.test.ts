// The Slack settings: what each mode needs, and a message naming the variable that is missing or wrong.
import { describe, expect, it } from 'vitest';
import { loadSlackConfig } from '../adapters/slack/config.ts';

const KEY = 'q0sX4n8m3J9uYV2b7c1d5e6f0a9b8c7d6e5f4a3b2c1=';

describe('Slack settings', () => {
  it('reads one workspace over HTTP, PORT defaulting to 3000', () => {
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'sec' })).toEqual({
      botToken: 'xoxb-1',
      signingSecret: 'sec',
      port: 3000,
    });
  });

  it('uses Socket Mode when SLACK_APP_TOKEN is set, and another Web API when SLACK_API_URL is', () => {
    const c = loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'http://127.0.0.1:9/api', PORT: '8080' });
    expect(c).toEqual({ botToken: 'xoxb-1', appToken: 'xapp-1', apiUrl: 'http://127.0.0.1:9/api/', port: 8080 });
  });

  it('names what is missing or wrong', () => {
    expect(() => loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET is not set/);
    expect(() => loadSlackConfig({ SLACK_SIGNING_SECRET: 'sec' })).toThrow(/SLACK_BOT_TOKEN is not set/);
    expect(() => loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' })).toThrow(/SLACK_APP_TOKEN must be an app-level token/);
    expect(() => loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: 'http' })).toThrow(/PORT/);
    expect(() => loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'slack' })).toThrow(/SLACK_API_URL/);
  });

  it('needs the whole OAuth set for installs in several workspaces', () => {
    const oauth = { SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'cs', SLACK_STATE_SECRET: 'st', CLAIMDESK_SECRET_KEY: KEY };
    expect(loadSlackConfig(oauth).oauth).toEqual({ clientId: '1.2', clientSecret: 'cs', stateSecret: 'st', secretKey: KEY });
    expect(() => loadSlackConfig({ ...oauth, SLACK_STATE_SECRET: '' })).toThrow(/SLACK_STATE_SECRET is not set/);
    expect(() => loadSlackConfig({ ...oauth, CLAIMDESK_SECRET_KEY: undefined })).toThrow(/CLAIMDESK_SECRET_KEY is not set/);
  });
});
