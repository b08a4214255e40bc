// The app manifest people install from (adapters/slack/manifest.yml) must install exactly what the app serves:
// a slash command per ClaimDesk command (each one answered by the running app), the message shortcut, the
// events it listens to and the scopes the OAuth install asks for.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BOT_EVENTS, BOT_SCOPES, SLASH_COMMANDS, SUMMARIZE_SHORTCUT } from '../adapters/slack/app.ts';
import { COMMANDS } from '../commands/index.ts';
import { startTestSlack, type TestSlack } from './helpers/slack-app.ts';
import { commandPayload, form, send } from './helpers/slack-requests.ts';

interface Manifest {
  features: {
    slash_commands: { command: string; description: string; usage_hint?: string; should_escape: boolean }[];
    shortcuts: { name: string; type: string; callback_id: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean } };
}

const manifest = parse(readFileSync(fileURLToPath(new URL('../adapters/slack/manifest.yml', import.meta.url)), 'utf8')) as Manifest;

describe('the Slack app manifest', () => {
  it('installs one slash command per command, described as /help describes it', () => {
    const commands = manifest.features.slash_commands;
    expect(commands.map((c) => c.command)).toEqual(SLASH_COMMANDS);
    for (const c of COMMANDS) {
      const entry = commands.find((x) => x.command === `/${c.name}`)!;
      expect(entry.description).toBe(c.summary);
      expect(`/${c.name} ${entry.usage_hint ?? ''}`.trim()).toBe(c.usage);
      // Slack turns @maria into <@U…|maria>, which /claims by: reads as a user id.
      expect(entry.should_escape).toBe(true);
    }
  });

  it('installs the message shortcut, the events and the scopes the app uses', () => {
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ name: 'Summarize claims', type: 'message', callback_id: SUMMARIZE_SHORTCUT }),
    ]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([...BOT_EVENTS]);
    expect(manifest.oauth_config.scopes.bot).toEqual([...BOT_SCOPES]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});

describe('the running app', { timeout: 60_000 }, () => {
  let s: TestSlack;
  beforeAll(async () => {
    s = await startTestSlack();
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  it('answers every slash command in the manifest', async () => {
    const names = manifest.features.slash_commands.map((c) => c.command);
    await Promise.all(names.map((name) => send(s.events, form(commandPayload(name, '', s.fake.responseUrl(name.slice(1)))))));
    await s.fake.waitFor('an answer to every command', () => names.every((n) => s.fake.responses.some((r) => r.id === n.slice(1))));
  });
});
