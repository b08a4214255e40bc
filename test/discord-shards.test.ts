// `npm run discord:shards`: discord.js's ShardingManager over the bot's own entry (what `npm start` runs), so
// each shard process serves Discord through the same start(). One real shard process is started against the
// local fake Discord: it identifies as shard 0 of 1 and answers a slash command.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ShardingManager } from 'discord.js';
import { BOT_ARGS, BOT_ENTRY, createShardManager, shardCount } from '../adapters/discord/shards.ts';
import { ALICE, APP_ID, startFakeDiscord, type FakeDiscord } from './helpers/discord-server.ts';
import { ROOT, cleanEnv } from './helpers/run-cli.ts';

const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8'));
let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake?.close();
});

/** The test's environment without any platform or store settings, plus the fake Discord's and these. */
const env = (extra: Record<string, string>) =>
  cleanEnv({ DISCORD_TOKEN: 'test-token.not-a-real.one', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, ...extra });

describe('the sharding manager', () => {
  test('runs the same entry as npm start, with the same arguments', () => {
    expect(pkg.scripts['discord:shards']).toBe('node bin/run.js adapters/discord/shards.ts');
    const [, file, ...args] = (pkg.scripts.start as string).split(/\s+/);
    expect(BOT_ENTRY).toBe(resolve(ROOT, file));
    expect(BOT_ARGS).toEqual(args);
    const manager = createShardManager(env({}), 3);
    expect(manager.file).toBe(BOT_ENTRY);
    expect(manager.shardArgs).toEqual(BOT_ARGS);
    expect(manager.totalShards).toBe(3);
  });

  test('takes DISCORD_SHARDS, else the count Discord recommends', async () => {
    expect(await shardCount(env({ DISCORD_SHARDS: '4' }))).toBe(4);
    await expect(shardCount(env({ DISCORD_SHARDS: 'many' }))).rejects.toThrow(/DISCORD_SHARDS/);
    const before = fake.find('GET', '/gateway/bot').length;
    expect(await shardCount(env({}))).toBe(1);
    expect(fake.find('GET', '/gateway/bot').length).toBe(before + 1);
  });

  describe('with one shard process running', () => {
    let manager: ShardingManager;
    afterAll(() => {
      if (!manager) return;
      manager.respawn = false;
      for (const shard of manager.shards.values()) shard.kill();
    });

    test('the shard identifies as shard 0 of 1 and answers a slash command', async () => {
      manager = createShardManager(
        env({ CLAIMDESK_STORE: 'sqlite::memory:', CLAIMDESK_STATE: 'sqlite::memory:', LOG_LEVEL: 'warn', SLACK_BOT_TOKEN: 'xoxb-must-not-pass' }),
        1,
      );
      await manager.spawn({ amount: 1, delay: 0, timeout: 60_000 });
      const shardEnv = manager.shards.get(0)!.env as Record<string, string>;
      expect(shardEnv.SLACK_BOT_TOKEN).toBeUndefined();
      expect(shardEnv.DISCORD_API_URL).toBe(fake.apiUrl);
      const identify = await fake.until(() => fake.received.find((f) => f.op === 2), 'IDENTIFY from the shard');
      expect(identify.d.shard).toEqual([0, 1]);
      const ask = fake.slash(ALICE, 'help');
      fake.dispatch('INTERACTION_CREATE', ask);
      const edit = await fake.until(
        () => fake.find('PATCH', `/webhooks/${APP_ID}/${ask.token}/messages/@original`)[0],
        'the shard\'s answer',
      );
      expect(edit.body.embeds[0].title).toMatch(/ClaimDesk/);
    }, 90_000);
  });
});
