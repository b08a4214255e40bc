// `claimdesk digest` through the real command, on store files in a temporary directory: the last 24 hours, a
// date by the channel's schedule or by the whole local day, formats, and clear errors.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliRun } from './helpers/run-cli.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBot } from '../src/bot.ts';
import { openDesk } from '../src/open-bot.ts';
import { BRIDGE, FLOOD, HARBOUR } from './fixtures/desk-reports.ts';

let dir: string;
let env: NodeJS.ProcessEnv;

function run(args: string[]): Promise<CliRun> {
  return runCli(['digest', ...args], { cwd: dir, env });
}

const desk = (channel: string) => ({ platform: 'console', workspace: 'local', channel });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-cli-digest-'));
  env = { ...process.env, LOG_LEVEL: 'warn', CLAIMDESK_STORE: `sqlite:${join(dir, 'log.db')}`, CLAIMDESK_STATE: `sqlite:${join(dir, 'state.db')}` };
  const d = await openDesk({ storeUrl: env.CLAIMDESK_STORE, stateUrl: env.CLAIMDESK_STATE });
  let now = new Date();
  const bot = createBot({ log: d.log, settings: d.settings, now: () => now });
  const paste = async (channel: string, text: string, at: Date) => {
    now = at;
    await bot.handle({ ...desk(channel), user: 'U_ED', userName: 'ed', kind: 'mention', text });
  };
  // 'kyiv' has a schedule (08:00 Kyiv = 06:00 UTC in November); 'plain' has none
  await bot.handle({ ...desk('kyiv'), user: 'U_ED', isAdmin: true, kind: 'message', text: '/digest on 08:00 Europe/Kyiv' });
  await paste('kyiv', HARBOUR, new Date('2026-11-09T07:00:00Z')); // in the digest of 2026-11-10
  await paste('kyiv', BRIDGE, new Date('2026-11-10T05:59:00Z')); // in the digest of 2026-11-10
  await paste('kyiv', FLOOD, new Date('2026-11-10T06:00:00Z')); // in the digest of 2026-11-11
  await paste('plain', HARBOUR, new Date('2026-11-10T23:30:00Z')); // 2026-11-10 in UTC, 2026-11-11 in Kyiv
  await paste('plain', BRIDGE, new Date()); // just now
  await d.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('claimdesk digest', { timeout: 60_000 }, () => {
  test('--date D takes the period of the channel schedule on D', async () => {
    const r = await run(['--channel', 'kyiv', '--date', '2026-11-10']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Daily digest for 2026-11-10: 2 reports/);
    expect((await run(['--channel', 'kyiv', '--date', '2026-11-11'])).stdout).toMatch(/Daily digest for 2026-11-11: 1 report\b/);
  });

  test('without a schedule, --date D is the whole local day (UTC, or --tz)', async () => {
    expect((await run(['--channel', 'plain', '--date', '2026-11-10'])).stdout).toMatch(/2026-11-10: 1 report\b/);
    expect((await run(['--channel', 'plain', '--date', '2026-11-10', '--tz', 'Europe/Kyiv'])).stdout).toMatch(/2026-11-10: 0 reports/);
    expect((await run(['--channel', 'plain', '--date', '2026-11-11', '--tz', 'europe/kyiv'])).stdout).toMatch(/2026-11-11: 1 report\b/);
  });

  test('without --date: the last 24 hours', async () => {
    expect((await run(['--channel', 'plain'])).stdout).toMatch(/Daily digest for \d{4}-\d\d-\d\d: 1 report\b/);
    expect((await run(['--channel', 'nobody'])).stdout).toMatch(/0 reports/);
  });

  test('--format markdown', async () => {
    const r = await run(['--channel', 'kyiv', '--date', '2026-11-10', '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2026-11-10/);
    // Markdown's emphasis, which the plain-text digest of the same day does not have.
    expect(r.stdout).toMatch(/\*\*/);
    expect((await run(['--channel', 'kyiv', '--date', '2026-11-10'])).stdout).not.toMatch(/\*\*/);
  });

  test('mistakes exit 2 with a message and the usage', async () => {
    for (const [args, message] of [
      [[], /digest needs --channel NAME/],
      [['--channel', 'kyiv', '--date', '10/11/2026'], /--date takes a date YYYY-MM-DD/],
      [['--channel', 'kyiv', '--tz', 'Moon/Base'], /'Moon\/Base' is not a time zone/],
      [['--channel', 'kyiv', '--format', 'json'], /unknown format 'json'/],
    ] as const) {
      const r = await run([...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/claimdesk digest --channel C/);
    }
  });
});
