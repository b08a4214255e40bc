// The Slack settings, read from the environment and checked once (the core's settings are in src/config.ts).
// Two ways to run, both documented in README.md (## Slack) and .env.example:
//   one workspace     SLACK_BOT_TOKEN (xoxb-…)
//   many workspaces   SLACK_CLIENT_ID + SLACK_CLIENT_SECRET + SLACK_STATE_SECRET + CLAIMDESK_SECRET_KEY (Bolt's OAuth;
//                     installations kept on the bot state, encrypted with the key)
// and two ways to hear Slack: Socket Mode when SLACK_APP_TOKEN (xapp-…) is set, else HTTP on PORT with
// SLACK_SIGNING_SECRET (events, commands and shortcuts at /slack/events).
import { z } from 'zod';
import { ConfigError } from '../../src/config.ts';

const Env = z.object({
  SLACK_BOT_TOKEN: z.string().startsWith('xox', 'SLACK_BOT_TOKEN must be a bot token (xoxb-…)').optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'SLACK_APP_TOKEN must be an app-level token (xapp-…)').optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SLACK_API_URL: z.url({ protocol: /^https?$/, error: 'SLACK_API_URL must be an http(s) URL, e.g. https://slack.com/api/' }).optional(),
  SLACK_CLIENT_ID: z.string().optional(),
  SLACK_CLIENT_SECRET: z.string().optional(),
  SLACK_STATE_SECRET: z.string().optional(),
  CLAIMDESK_SECRET_KEY: z.string().optional(),
});

export interface SlackConfig {
  /** One workspace: the bot token. Absent in OAuth (multi-workspace) mode. */
  botToken?: string;
  /** HTTP mode: requests are verified with it. */
  signingSecret?: string;
  /** Socket Mode when set. */
  appToken?: string;
  port: number;
  /** The Web API base, ending in '/' (Slack's own when absent). */
  apiUrl?: string;
  oauth?: { clientId: string; clientSecret: string; stateSecret: string; secretKey: string };
}

const missing = (name: string, why: string) => new ConfigError(`Slack: ${name} is not set; ${why}`);

/** Reads and checks the Slack settings; throws ConfigError naming the variable that is missing or wrong. */
export function loadSlackConfig(env: NodeJS.ProcessEnv = process.env): SlackConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid Slack configuration: ${problems}`);
  }
  const e = parsed.data;
  const config: SlackConfig = { port: e.PORT };
  if (e.SLACK_APP_TOKEN) config.appToken = e.SLACK_APP_TOKEN;
  else if (e.SLACK_SIGNING_SECRET) config.signingSecret = e.SLACK_SIGNING_SECRET;
  else throw missing('SLACK_SIGNING_SECRET', 'HTTP mode needs it to verify requests (or set SLACK_APP_TOKEN for Socket Mode).');
  if (e.SLACK_API_URL) config.apiUrl = e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`;

  if (e.SLACK_BOT_TOKEN) {
    config.botToken = e.SLACK_BOT_TOKEN;
    return config;
  }
  if (!e.SLACK_CLIENT_ID && !e.SLACK_CLIENT_SECRET) {
    throw missing('SLACK_BOT_TOKEN', 'set it for one workspace, or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for installs in several.');
  }
  const why = 'installing in several workspaces (OAuth) needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and CLAIMDESK_SECRET_KEY.';
  for (const name of ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'CLAIMDESK_SECRET_KEY'] as const) {
    if (!e[name]) throw missing(name, why);
  }
  config.oauth = {
    clientId: e.SLACK_CLIENT_ID!,
    clientSecret: e.SLACK_CLIENT_SECRET!,
    stateSecret: e.SLACK_STATE_SECRET!,
    secretKey: e.CLAIMDESK_SECRET_KEY!,
  };
  return config;
}
