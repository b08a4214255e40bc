// `npm run discord:register` against the local fake Discord REST API, and the registered commands checked
// against the commands' own zod schemas: the options Discord will send are exactly what each command takes.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { COMMANDS } from '../commands/index.ts';
import { CONTEXT_MENU_COMMAND, SUMMARIZE_CLAIMS, applicationCommands } from '../adapters/discord/commands.ts';
import { loadDiscordConfig } from '../adapters/discord/config.ts';
import { registerCommands } from '../adapters/discord/register.ts';
import { ConfigError } from '../src/config.ts';
import { APP_ID, GUILD_ID, startFakeDiscord, type FakeDiscord } from './helpers/discord-server.ts';
import { ROOT, cleanEnv } from './helpers/run-cli.ts';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake?.close();
});

/** Runs `npm run discord:register` (its script, as npm runs it) with these Discord variables. */
function register(env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['bin/run.js', 'adapters/discord/register.ts'], { cwd: ROOT, env: cleanEnv(env) });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

const BASE = { DISCORD_TOKEN: 'test-token.not-a-real.one', DISCORD_APPLICATION_ID: APP_ID };

describe('npm run discord:register', () => {
  test('registers every command to the server in DISCORD_GUILD_ID, replacing the list, and says so', async () => {
    const pkg = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(`${ROOT}/package.json`, 'utf8')));
    expect(pkg.scripts['discord:register']).toBe('node bin/run.js adapters/discord/register.ts');
    const { code, out, err } = await register({ ...BASE, DISCORD_GUILD_ID: GUILD_ID, DISCORD_API_URL: fake.apiUrl });
    expect(err).toBe('');
    expect(code).toBe(0);
    const puts = fake.find('PUT', `/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(puts).toHaveLength(1);
    expect(puts[0].body).toEqual(JSON.parse(JSON.stringify(applicationCommands())));
    expect(out).toContain(`Registered ${COMMANDS.length + 1} commands to server ${GUILD_ID}`);
    for (const c of COMMANDS) expect(out).toContain(`/${c.name}`);
    expect(out).toContain(`"${SUMMARIZE_CLAIMS}"`);
  }, 60_000);

  test('without DISCORD_GUILD_ID the commands are global', async () => {
    const done = await registerCommands(loadDiscordConfig({ ...BASE, DISCORD_API_URL: fake.apiUrl }));
    const puts = fake.find('PUT', `/applications/${APP_ID}/commands`);
    expect(puts).toHaveLength(1);
    expect(puts[0].body.map((c: any) => c.name)).toEqual(done.names);
    expect(done.where).toBe('globally');
  });
});

describe('the registered commands match the commands\' zod schemas', () => {
  const registered = applicationCommands();
  const shapeOf = (name: string) => (COMMANDS.find((c) => c.name === name)!.args as unknown as z.ZodObject).shape as Record<string, z.ZodType>;

  test('one slash command per command, with Discord-valid names and descriptions, and the context-menu command', () => {
    expect(registered.filter((r) => r.type === 1).map((r) => r.name)).toEqual(COMMANDS.map((c) => c.name));
    for (const r of registered) {
      if (r.type === 1) {
        expect(r.name).toMatch(/^[-_a-z0-9]{1,32}$/);
        expect(r.description.length).toBeGreaterThan(0);
        expect(r.description.length).toBeLessThanOrEqual(100);
        expect(r.contexts).toEqual([0]);
      }
    }
    const menu = registered.find((r) => r.name === SUMMARIZE_CLAIMS)!;
    expect(menu.type).toBe(3);
    expect(COMMANDS.find((c) => c.name === CONTEXT_MENU_COMMAND)!.args.safeParse({ text: 'The ministry said so.' }).success).toBe(true);
  });

  test('each option is a field of the schema; required exactly when the schema needs it; choices and lengths as it allows', () => {
    for (const c of COMMANDS) {
      const r = registered.find((x) => x.name === c.name) as any;
      const shape = shapeOf(c.name);
      const options: any[] = r.options ?? [];
      expect(options.map((o) => o.name).sort(), c.name).toEqual(Object.keys(shape).sort());
      // Required options first, as Discord demands.
      const firstOptional = options.findIndex((o) => !o.required);
      if (firstOptional >= 0) expect(options.slice(firstOptional).every((o) => !o.required), c.name).toBe(true);
      for (const o of options) {
        const field = shape[o.name];
        expect(o.type, `${c.name} ${o.name}`).toBe(3);
        expect(o.description.length).toBeLessThanOrEqual(100);
        // The hint Discord shows is the schema's own description.
        expect(o.description, `${c.name} ${o.name} description`).toBe(field.description);
        expect(o.required, `${c.name} ${o.name} required`).toBe(!field.safeParse(undefined).success);
        if (o.choices) {
          for (const choice of o.choices) expect(field.safeParse(choice.value).success, `${c.name} ${o.name}=${choice.value}`).toBe(true);
          expect(field.safeParse('no-such-choice').success).toBe(false);
        }
        if (o.max_length !== undefined && o.max_length < 6000) {
          expect(field.safeParse('a'.repeat(o.max_length + 1)).success, `${c.name} ${o.name} max_length`).toBe(false);
        }
      }
    }
    const paste = registered.find((x) => x.name === 'paste') as any;
    expect(paste.options[0].choices.map((x: any) => x.value)).toEqual(['auto', 'mention', 'off']);
    const exp = registered.find((x) => x.name === 'export') as any;
    expect(exp.options.find((o: any) => o.name === 'format').choices.map((x: any) => x.value)).toEqual(['jsonl', 'csv', 'md']);
    // /report ID from:N: the id required, from: an optional claim number, checked by the command's schema.
    const report = registered.find((x) => x.name === 'report') as any;
    expect(report.options.map((o: any) => [o.name, o.required])).toEqual([['id', true], ['from', false]]);
    const from = report.options.find((o: any) => o.name === 'from');
    expect(from.max_length).toBe(9);
    expect(from.description).toMatch(/claim/);
  });

  test('every documented example can be given as these options', () => {
    for (const c of COMMANDS) {
      const names = new Set(((registered.find((x) => x.name === c.name) as any).options ?? []).map((o: any) => o.name));
      for (const example of c.examples) {
        const text = example.replace(new RegExp(`^/${c.name}\\s*`), '');
        const args = c.fromText(text) as Record<string, unknown>;
        for (const key of Object.keys(args)) expect(names.has(key), `${example}: ${key}`).toBe(true);
      }
    }
  });
});

describe('Discord settings', () => {
  test('are read and checked, with clear messages', () => {
    expect(loadDiscordConfig({ ...BASE, DISCORD_API_URL: 'http://127.0.0.1:9/api/', DISCORD_GUILD_ID: ' ' })).toEqual({
      token: BASE.DISCORD_TOKEN,
      applicationId: APP_ID,
      apiUrl: 'http://127.0.0.1:9/api',
    });
    expect(() => loadDiscordConfig({ ...BASE, DISCORD_APPLICATION_ID: 'claimdesk' })).toThrow(/DISCORD_APPLICATION_ID is a numeric id/);
    expect(() => loadDiscordConfig({ ...BASE, DISCORD_TOKEN: 'Bot abc' })).toThrow(/DISCORD_TOKEN has a space/);
    expect(() => loadDiscordConfig({ ...BASE, DISCORD_API_URL: 'discord.internal' })).toThrow(/DISCORD_API_URL is an http\(s\) URL/);
    expect(() => loadDiscordConfig({})).toThrow(ConfigError);
    expect(() => loadDiscordConfig({})).toThrow(/DISCORD_TOKEN is missing; DISCORD_APPLICATION_ID is missing/);
  });
});
