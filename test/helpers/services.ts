// Suites that need the Postgres or Redis server: they skip with a message printed when the server cannot be
// reached, unless CLAIMDESK_REQUIRE_SERVICES=1 (as .ci/run sets), which turns an unreachable server into a failure.
import pg from 'pg';
import { createClient } from '@keyv/redis';
import { describe, it } from 'vitest';

export const TEST_POSTGRES = process.env.CLAIMDESK_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS = process.env.CLAIMDESK_TEST_REDIS ?? 'redis://127.0.0.1:6379';
const REQUIRED = process.env.CLAIMDESK_REQUIRE_SERVICES === '1';

/** Null when Postgres answers, else why not. */
export async function postgresDown(url = TEST_POSTGRES): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (e) {
    return `Postgres at ${url} cannot be reached (${(e as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Null when Redis answers, else why not. */
export async function redisDown(url = TEST_REDIS): Promise<string | null> {
  const client = createClient({ url, socket: { connectTimeout: 3000, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (e) {
    return `Redis at ${url} cannot be reached (${(e as Error).message})`;
  } finally {
    if (client.isOpen) await client.quit().catch(() => {});
  }
}

/** describe(), or a plain skip with a message when the server is down (a failure if services are required). */
export function describeWithService(name: string, down: string | null, body: () => void): void {
  if (down === null) {
    describe(name, body);
  } else if (REQUIRED) {
    describe(name, () => {
      it('has its server', () => {
        throw new Error(`${down}. CLAIMDESK_REQUIRE_SERVICES=1, so this suite fails instead of skipping.`);
      });
    });
  } else {
    console.warn(`SKIPPED "${name}": ${down}. Set CLAIMDESK_REQUIRE_SERVICES=1 to make this a failure.`);
    describe.skip(name, body);
  }
}

/**
 * Leaves nothing of one test run behind on the shared servers: the Redis keys holding `marker` (a run's
 * workspace id is in every key of its channels) and the run's Postgres schema.
 */
export async function dropServiceRun(marker: string, schema: string): Promise<void> {
  const redis = createClient({ url: TEST_REDIS });
  await redis.connect();
  for await (const keys of redis.scanIterator({ MATCH: `*${marker}*`, COUNT: 100 })) {
    for (const k of [keys].flat()) await redis.del(k);
  }
  await redis.quit();
  await dropSchemas([schema]);
}

/** Drops a test run's Postgres schemas, and everything in them. */
export async function dropSchemas(schemas: string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_POSTGRES });
  await admin.connect();
  try {
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await admin.end();
  }
}
