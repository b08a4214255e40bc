// The console as a newcomer meets it: `npm start` (node bin/claimdesk.js start) on the embedded store, with
// text piped in, and with input arriving in chunks as it does when someone pastes and then types.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { BRIDGE, HARBOUR } from './fixtures/desk-reports.ts';
import { BIN, cleanEnv } from './helpers/run-cli.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-shell-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** util-linux `script`, which runs a command on a pseudo-terminal: the console as in a real terminal. */
const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;

/**
 * Starts the console in a fresh directory: its store is created under ./data there, as on a fresh clone.
 * With `tty`, it runs on a pseudo-terminal (through `script`), so it is the interactive console.
 */
function start(tty = false): ChildProcessWithoutNullStreams & { out: () => string; err: () => string; done: Promise<number | null> } {
  // No CLAIMDESK_ setting from the shell running the tests: the size-limit test expects the default limit.
  const env = cleanEnv({ LOG_LEVEL: 'warn' });
  const child = tty
    ? spawn('script', ['-qfec', `"${process.execPath}" "${BIN}" start`, '/dev/null'], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] })
    : spawn(process.execPath, [BIN, 'start'], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  return Object.assign(child, { out: () => out, err: () => err, done });
}

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const saved = (out: string) => [...out.matchAll(/Saved as report (\S+?)\./g)].map((m) => m[1]);

describe.sequential('npm start', { timeout: 60_000 }, () => {
  test('a piped multi-paragraph report is summarised and stored whole, and the next run finds it', async () => {
    const first = start();
    first.stdin.end(HARBOUR + '\n');
    expect(await first.done).toBe(0);
    expect(first.err()).toBe('');
    expect(saved(first.out())).toHaveLength(1);
    expect(first.out()).toMatch(/harbour authority/i);
    expect(first.out()).toMatch(/could not be independently verified/); // the last paragraph is in it
    expect(await readdir(join(dir, 'data'))).toContain('claimdesk.db');

    const second = start();
    second.stdin.end('/claims cranes\n/claims Reuters\n');
    expect(await second.done).toBe(0);
    const [id] = saved(first.out());
    expect(second.out().match(new RegExp(`${id}/c\\d`, 'g'))?.length).toBe(2);
  });

  test('piped text can hold a report ended by a lone ".", then commands; an export is saved as a file', async () => {
    const c = start();
    c.stdin.end(`${BRIDGE}\n.\n/claims Krasnogorsk\n/nope\n/export format:csv\n`);
    expect(await c.done).toBe(0);
    const out = c.out();
    expect(saved(out)).toHaveLength(1);
    expect(out).toMatch(/claims? for “Krasnogorsk”/);
    expect(out).toMatch(/There is no command \/nope. Commands: \/summarize, \/claims/);
    expect(out).toMatch(/Saved to .*claimdesk-console-\d{4}-\d\d-\d\d\.csv/);
    expect((await readdir(join(dir, 'data', 'exports'))).some((f) => f.endsWith('.csv'))).toBe(true);
  });

  test('pasted in chunks as a person would: the multi-paragraph paste is ONE report, then a command', async () => {
    const c = start();
    // A paste arrives in one go, blank lines and all.
    c.stdin.write(`${HARBOUR}\n`);
    await until(() => saved(c.out()).length === 1, 'the report to be saved');
    // Later, typed on its own.
    c.stdin.write('/claims verified\n');
    await until(() => /for “verified”/.test(c.out()), 'the /claims answer');
    c.stdin.write('/claims cranes\n');
    await until(() => /for “cranes”/.test(c.out()), 'the second /claims answer');
    c.stdin.end();
    expect(await c.done).toBe(0);
    const [id] = saved(c.out());
    // Claims from the first and last paragraphs belong to the same report.
    // (the hedged claim has no source; "reportedly" is its cue)
    expect(c.out()).toMatch(new RegExp(`${id}/c\\d+ +No source reportedly: The damage reportedly`));
    expect(c.out()).toMatch(new RegExp(`${id}/c\\d+ +harbour authority`, 'i'));
    expect(saved(c.out())).toHaveLength(1);
  });

  test.runIf(HAS_SCRIPT)('in a terminal: a bracketed paste is one report even when Enter comes much later', async () => {
    const c = start(true);
    await until(() => c.out().includes('claimdesk> '), 'the prompt');
    const [first, , second] = BRIDGE.split('\n');
    // Pasted as a terminal sends it (Enter is CR); the paste's last line is ended by a later Enter.
    c.stdin.write(`\u001b[200~${first}\r\r${second}\u001b[201~`);
    await new Promise((r) => setTimeout(r, 600));
    c.stdin.write('\r');
    await until(() => saved(c.out()).length === 1, 'the report to be saved');
    c.stdin.write('/claims Krasnogorsk\r');
    await until(() => /for “Krasnogorsk”/.test(c.out()), 'the /claims answer');
    c.stdin.write('\u0004');
    expect(await c.done).toBe(0);
    const [id] = saved(c.out());
    expect(saved(c.out())).toHaveLength(1);
    // Both paragraphs' claims are in the one report.
    expect(c.out().match(new RegExp(`${id}/c\\d`, 'g'))?.length).toBe(2);
  });

  test('empty or binary input gets a clear message and the console goes on', async () => {
    const c = start();
    c.stdin.end('The port \u0000\u0000\u0000\u0000 ministry said\u0000 on Monday that the bridge was closed.\n.\n/claims ministry\n');
    expect(await c.done).toBe(0);
    expect(c.out()).toMatch(/binary|control characters/i);
    expect(c.out()).toMatch(/log is empty/);
  });

  test('a paste over the size limit is refused with the limit named, and the console goes on', async () => {
    const c = start();
    c.stdin.end(`${'The ministry said the bridge had fallen overnight. '.repeat(5000)}\n.\n/claims bridge\n`);
    expect(await c.done).toBe(0);
    expect(c.out()).toMatch(/too long: .* at most 200 KB.*CLAIMDESK_MAX_INPUT_BYTES/s);
    expect(c.out()).toMatch(/log is empty/);
  });
});
