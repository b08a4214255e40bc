// `npm run discord:shards`: ClaimDesk on Discord for large deployments (Discord requires sharding from 2,500
// servers). discord.js's ShardingManager starts one process per shard; each runs the bot's own entry,
// `bin/claimdesk.js start` (what `npm start` runs), whose Discord client takes its shard from the manager, so
// every shard serves events through the same start() as a single process. Shard count: DISCORD_SHARDS, else
// Discord's recommendation (GET /gateway/bot). The shards are separate processes: give them a shared store
// (CLAIMDESK_STORE=postgres://…, CLAIMDESK_STATE=redis://…). Slack variables are not passed on: run Slack in
// its own `npm start`.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js';
import { ConfigError } from '../../src/config.ts';
import { loadDiscordConfig } from './config.ts';

/** The bot's entry: the same file and arguments as `npm start`. */
export const BOT_ENTRY = fileURLToPath(new URL('../../bin/claimdesk.js', import.meta.url));
export const BOT_ARGS = ['start'];

/** DISCORD_SHARDS, else the count Discord recommends for this bot. */
export async function shardCount(env: NodeJS.ProcessEnv): Promise<number> {
  const config = loadDiscordConfig(env);
  const wanted = env.DISCORD_SHARDS?.trim();
  if (wanted) {
    const n = Number(wanted);
    if (!Number.isInteger(n) || n < 1) throw new ConfigError(`DISCORD_SHARDS is a whole number of shards, 1 or more (not "${wanted}")`);
    return n;
  }
  const rest = new REST({ retries: 1, ...(config.apiUrl ? { api: config.apiUrl } : {}) }).setToken(config.token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return Math.max(1, shards);
}

/** A manager for `totalShards` shard processes, each started with `env` (without Slack's variables). */
export function createShardManager(env: NodeJS.ProcessEnv, totalShards: number): ShardingManager {
  const config = loadDiscordConfig(env);
  const manager = new ShardingManager(BOT_ENTRY, { token: config.token, totalShards, shardArgs: BOT_ARGS, mode: 'process', respawn: true });
  manager.on('shardCreate', (shard: Shard) => {
    const own = shard.env as Record<string, unknown>;
    const base = Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('SLACK_')));
    shard.env = { ...base, SHARDING_MANAGER: own.SHARDING_MANAGER, SHARDS: own.SHARDS, SHARD_COUNT: own.SHARD_COUNT, DISCORD_TOKEN: own.DISCORD_TOKEN };
  });
  return manager;
}

async function main(): Promise<number> {
  try {
    const total = await shardCount(process.env);
    const manager = createShardManager(process.env, total);
    manager.on('shardCreate', (shard: Shard) => process.stderr.write(`claimdesk info: discord shard ${shard.id + 1} of ${total} starting\n`));
    // Stopping the manager stops its shards (each closes its client and stores), and none is respawned.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        manager.respawn = false;
        for (const shard of manager.shards.values()) shard.kill();
      });
    }
    await manager.spawn({ timeout: 120_000 });
    process.stderr.write(`claimdesk info: ${total} discord shard${total === 1 ? '' : 's'} running. Ctrl-C stops them.\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`discord:shards: ${(err as Error).message}\n`);
    return err instanceof ConfigError ? 2 : 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const code = await main();
  if (code !== 0) process.exit(code);
}
