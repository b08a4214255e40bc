// The bot's key-value state over SQLite (always) and Redis (when the server answers; required under
// CLAIMDESK_REQUIRE_SERVICES=1): settings survive a restart, time-limited keys expire, first-time checks are
// atomic, names keep their keys apart, and a store that cannot be reached says so.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../src/channel-log/types.ts';
import { openState, type BotState } from '../src/state.ts';
import { TEST_REDIS, describeWithService, redisDown } from './helpers/services.ts';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// Names unique to this run, so runs sharing one Redis do not meet.
const run = `t${process.pid}-${Date.now()}`;

function behaviour(url: string) {
  it('settings round-trip and survive reopening', async () => {
    const name = `settings-${run}`;
    const a = await openState(url);
    await a.kv<{ retentionDays?: number; paste?: string }>(name).set('slack/T1/C1', { retentionDays: 90, paste: 'auto' });
    await a.close();
    const b = await openState(url);
    expect(await b.kv(name).get('slack/T1/C1')).toEqual({ retentionDays: 90, paste: 'auto' });
    expect(await b.kv(name).get('slack/T1/C2')).toBeUndefined();
    expect(await b.kv(name).delete('slack/T1/C1')).toBe(true);
    expect(await b.kv(name).get('slack/T1/C1')).toBeUndefined();
    await b.close();
  });

  it('an entry with a time to live is gone after it', async () => {
    const st = await openState(url);
    const cache = st.kv(`cache-${run}`);
    await cache.set('short', 'x', 150);
    await cache.set('kept', 'y');
    expect(await cache.get('short')).toBe('x');
    await sleep(300);
    expect(await cache.get('short')).toBeUndefined();
    expect(await cache.get('kept')).toBe('y');
    await cache.clear();
    await st.close();
  });

  it('firstTime: true once per id until its time to live runs out, across two connections', async () => {
    const [a, b] = [await openState(url), await openState(url)];
    const name = `seen-${run}`;
    const answers = await Promise.all([a, b, a, b].map((st) => st.firstTime(name, 'event-1', 250)));
    expect(answers.filter(Boolean)).toHaveLength(1);
    expect(await a.firstTime(name, 'event-2', 250)).toBe(true);
    expect(await a.kv(name).get('event-1')).toBe(true);
    await sleep(400);
    expect(await b.firstTime(name, 'event-1', 250)).toBe(true);
    await a.close();
    await b.close();
  });

  it('names keep their keys apart; clear empties only its own', async () => {
    const st = await openState(url);
    const one = st.kv(`one-${run}`);
    const two = st.kv(`two-${run}`);
    await one.set('k', 1);
    await two.set('k', 2);
    expect(await one.get('k')).toBe(1);
    await one.clear();
    expect(await one.get('k')).toBeUndefined();
    expect(await two.get('k')).toBe(2);
    await two.clear();
    await st.close();
  });

  it('refuses a name that is not plain', async () => {
    const st = await openState(url);
    expect(() => st.kv('Bad Name')).toThrow(/State name/);
    await st.close();
  });

  it('a closed store fails with StoreUnavailableError instead of answering "not found"', async () => {
    const st: BotState = await openState(url);
    const kv = st.kv(`closed-${run}`);
    await st.close();
    await expect(kv.get('x')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(st.firstTime(`closed-${run}`, 'x', 1000)).rejects.toBeInstanceOf(StoreUnavailableError);
  });
}

describe('bot state on SQLite', () => {
  behaviour(`sqlite:${join(dir, 'state.db')}`);

  it('a file that cannot be created is StoreUnavailableError', async () => {
    writeFileSync(join(dir, 'plain-file'), 'x');
    await expect(openState(`sqlite:${join(dir, 'plain-file', 'state.db')}`)).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('rejects an unknown connection string plainly', async () => {
    await expect(openState('memcached://x')).rejects.toThrow(/Unknown bot state store "memcached:…"/);
  });
});

const down = await redisDown();
describeWithService('bot state on Redis', down, () => {
  behaviour(TEST_REDIS);

  it('a server that cannot be reached is StoreUnavailableError', async () => {
    await expect(openState('redis://127.0.0.1:1')).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
