// What Slack sends a bot, built as Slack does: Events API callbacks, slash commands, message shortcuts, and
// over HTTP the v0 signature (HMAC-SHA256 of "v0:TIMESTAMP:BODY" with the signing secret).
import { createHmac } from 'node:crypto';
import { BOT_USER, TEAM } from './slack-server.ts';

export const SIGNING_SECRET = 'signing-secret-for-tests';
export const CHANNEL = 'C0NEWSDESK';
export const ALICE = 'U0ALICE';

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  secret?: string;
  signature?: string;
  headers?: Record<string, string>;
}

/** POSTs a body to the app as Slack would, signed. */
export async function send(url: string, body: string, opts: SendOptions = {}): Promise<Response> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const json = body.startsWith('{');
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': opts.signature ?? sign(body, timestamp, opts.secret),
      ...opts.headers,
    },
    body,
  });
}

let seq = 0;
/** A fresh message ts, as Slack writes them ("1700000000.000100"). */
export function nextTs(): string {
  seq += 1;
  return `${1_700_000_000 + seq}.${String(seq).padStart(6, '0')}`;
}

export interface MessageFields {
  text: string;
  user?: string;
  channel?: string;
  ts?: string;
  thread_ts?: string;
  [k: string]: unknown;
}

export function messageEvent(f: MessageFields): Record<string, unknown> {
  return { type: 'message', channel_type: 'channel', user: ALICE, channel: CHANNEL, ts: nextTs(), ...f };
}

/** An Events API callback (what HTTP mode receives, and a Socket Mode events_api envelope's payload). */
export function eventPayload(event: Record<string, unknown>, eventId = `Ev${Math.random().toString(36).slice(2, 12)}`) {
  return {
    token: 'legacy-token',
    team_id: TEAM,
    api_app_id: 'A0CLAIM',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
  };
}

/** A slash command's fields (form-encoded over HTTP; the payload of a slash_commands envelope). */
export function commandPayload(command: string, text: string, responseUrl: string, user = ALICE, channel = CHANNEL) {
  return {
    token: 'legacy-token',
    team_id: TEAM,
    team_domain: 'newsroom-test',
    channel_id: channel,
    channel_name: 'newsdesk',
    user_id: user,
    user_name: user.toLowerCase(),
    command,
    text,
    api_app_id: 'A0CLAIM',
    response_url: responseUrl,
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
  };
}

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** The "Summarize claims" message shortcut on `message`. */
export function shortcutPayload(message: Record<string, unknown>, responseUrl: string, user = ALICE, channel = CHANNEL) {
  return {
    type: 'message_action',
    callback_id: 'summarize_claims',
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    action_ts: `${Date.now() / 1000}`,
    team: { id: TEAM, domain: 'newsroom-test' },
    user: { id: user, username: user.toLowerCase(), team_id: TEAM },
    channel: { id: channel, name: 'newsdesk' },
    message,
    response_url: responseUrl,
    token: 'legacy-token',
    api_app_id: 'A0CLAIM',
    is_enterprise_install: false,
    enterprise: null,
  };
}
