// Two real processes writing one shared channel log at once, with overlapping reports: nothing is lost and
// nothing is stored twice. Postgres is the store meant for this (required under CLAIMDESK_REQUIRE_SERVICES=1);
// the SQLite file is checked the same way, since two processes may also open one file.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openChannelLog } from '../src/channel-log/index.ts';
import { textHash } from '../src/channel-log/text.ts';
import { TEST_POSTGRES, describeWithService, dropSchemas, postgresDown } from './helpers/services.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'claimdesk-concurrency-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PLACES = ['Kherson', 'Odesa', 'Mykolaiv', 'Sumy', 'Dnipro', 'Izium', 'Bakhmut', 'Lviv'];
const SOURCES = ['The defence ministry', 'The regional governor', 'A police spokesman', 'The city council', 'The army'];
// 48 reports: writer A sends 16..31 then 0..15, writer B 16..31 then 32..47, so both send the 16 shared ones
// in the same order at the same moment.
const TEXTS = Array.from({ length: 48 }, (_, i) => `${SOURCES[i % 5]} said ${i + 2} houses were damaged in ${PLACES[i % 8]} on day ${i + 1}.`);

interface Line {
  i: number;
  id: string;
  duplicate: boolean;
}

async function writer(store: string, channel: string, take: string, start: number): Promise<Line[]> {
  const file = join(dir, 'texts.json');
  writeFileSync(file, JSON.stringify(TEXTS));
  const args = ['--import', 'tsx', 'test/helpers/log-writer.ts', '--store', store, '--channel', channel, '--texts', file];
  const { stdout } = await run(process.execPath, [...args, '--take', take, '--start', String(start)], { timeout: 90_000 });
  return stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);
}

async function twoWriters(store: string) {
  const channel = `concurrent-${process.pid}-${Date.now()}`;
  // Both load and summarise first, then start adding at the same instant.
  const start = Date.now() + 4000;
  const [a, b] = await Promise.all([writer(store, channel, '16-31,0-15', start), writer(store, channel, '16-31,32-47', start)]);
  const log = await openChannelLog(store);
  try {
    const key = { platform: 'cli', workspace: 'local', channel };
    expect(await log.count(key)).toBe(TEXTS.length);
    const hashes = [];
    for await (const r of log.export(key)) hashes.push(textHash(r.text));
    expect(new Set(hashes).size).toBe(TEXTS.length);
    expect(new Set(hashes)).toEqual(new Set(TEXTS.map(textHash)));
    // Each text has one id, whichever writer sent it, and exactly one writer stored it.
    const byText = new Map<number, Line[]>();
    for (const l of [...a, ...b]) byText.set(l.i, [...(byText.get(l.i) ?? []), l]);
    for (const [i, lines] of byText) {
      expect(new Set(lines.map((l) => l.id)).size, `text ${i}`).toBe(1);
      expect(lines.filter((l) => !l.duplicate), `text ${i}`).toHaveLength(1);
      expect((await log.get(key, lines[0].id))?.text).toBe(TEXTS[i]);
    }
    expect([...byText.values()].filter((l) => l.length === 2)).toHaveLength(16);
    return await log.queryClaims(key, { words: [], phrases: [], page: 1, pageSize: 1 });
  } finally {
    await log.close();
  }
}

const pgDown = await postgresDown();
const schema = `claimdesk_conc_${process.pid}_${Date.now()}`;

describeWithService('two processes writing one Postgres log', pgDown, () => {
  afterAll(() => dropSchemas([schema]));

  it('lose no entries and store none twice (the schema is also created by both at once)', async () => {
    const page = await twoWriters(`${TEST_POSTGRES}?schema=${schema}`);
    expect(page.total).toBeGreaterThanOrEqual(TEXTS.length);
  }, 120_000);
});

describe('two processes writing one SQLite file', () => {
  it('lose no entries and store none twice', async () => {
    const page = await twoWriters(`sqlite:${join(dir, 'shared.db')}`);
    expect(page.total).toBeGreaterThanOrEqual(TEXTS.length);
  }, 120_000);
});
