// `claimdesk log add | query | export` through the real command, on a store file in a temporary directory.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliRun } from './helpers/run-cli.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BRIDGE, HARBOUR } from './fixtures/desk-reports.ts';

let dir: string;
let store: string;

function run(args: string[], stdin = ''): Promise<CliRun> {
  return runCli(['log', ...args], { stdin, cwd: dir });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-cli-log-'));
  store = `sqlite:${join(dir, 'log.db')}`;
  await writeFile(join(dir, 'harbour.txt'), HARBOUR);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.sequential('claimdesk log', { timeout: 60_000 }, () => {
  let id = '';

  test('add stores a report from a file, and recognises it the second time', async () => {
    const r = await run(['add', '--channel', 'desk', '--store', store, join(dir, 'harbour.txt')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    id = /Saved as report (\S+) in console\/local\/desk: \d+ claims/.exec(r.stdout)![1];
    const again = await run(['add', '--channel', 'desk', '--store', store, '-'], HARBOUR);
    expect(again.stdout).toContain(`Already in this channel's log as report ${id}`);
    expect((await run(['add', '--channel', 'other', '--store', store, '-'], BRIDGE)).code).toBe(0);
  });

  test('query answers in text or JSON, from its own channel only', async () => {
    const text = await run(['query', '--channel', 'desk', '--store', store, 'cranes']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`${id}/c\\d`));
    const json = await run(['query', '--channel', 'desk', '--store', store, '--format', 'json', '']);
    const page = JSON.parse(json.stdout);
    expect(page.hits.every((h: { reportId: string }) => h.reportId === id)).toBe(true);
    expect(page.total).toBeGreaterThan(0);
    const other = await run(['query', '--channel', 'other', '--store', store, '--format', 'json', 'cranes']);
    expect(JSON.parse(other.stdout).total).toBe(0);
  });

  test('export writes the channel as JSON lines or CSV', async () => {
    const jsonl = await run(['export', '--channel', 'desk', '--store', store]);
    const lines = jsonl.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual([id]);
    const csv = await run(['export', '--channel', 'desk', '--store', store, '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toMatch(/^report_id,posted_at,/);
  });

  test('wrong usage and bad queries exit 2 with a message', async () => {
    const noChannel = await run(['query', '--store', store, 'cranes']);
    expect(noChannel.code).toBe(2);
    expect(noChannel.stderr).toMatch(/needs --channel/);
    const badQuery = await run(['query', '--channel', 'desk', '--store', store, 'cranes colour:red']);
    expect(badQuery.code).toBe(2);
    expect(badQuery.stderr).toMatch(/Unknown filter "colour:"/);
    const badSub = await run(['drop', '--channel', 'desk']);
    expect(badSub.code).toBe(2);
    expect(badSub.stderr).toMatch(/add, query or export/);
  });
});
