// Exactly-once digests with two real bot processes (`node bin/claimdesk.js start`, Slack in HTTP mode against
// the local Slack server) sharing one Postgres log and one Redis state: both start with the same digest due, one
// posts it; both restarted, neither posts it again. And the index of scheduled channels stays right when two
// desks turn digests on and off at the same time.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createBot } from '../src/bot.ts';
import type { ChannelKey } from '../src/channel-log/types.ts';
import { localTime } from '../src/digest/period.ts';
import { openDesk, type Desk } from '../src/open-bot.ts';
import { BRIDGE, HARBOUR } from './fixtures/desk-reports.ts';
import { BIN, cleanEnv } from './helpers/run-cli.ts';
import { SIGNING_SECRET } from './helpers/slack-requests.ts';
import { FakeSlack, TEAM_URL } from './helpers/slack-server.ts';
import { TEST_POSTGRES, TEST_REDIS, describeWithService, dropServiceRun, postgresDown, redisDown } from './helpers/services.ts';

const down = (await postgresDown()) ?? (await redisDown());
const run = `${process.pid}_${Date.now()}`;
const schema = `claimdesk_digest_test_${run}`;
const team = `T_${run}`;
const key: ChannelKey = { platform: 'slack', workspace: team, channel: 'C0DIGEST' };
const STORE = `${TEST_POSTGRES}?schema=${schema}`;

interface Bot {
  child: ChildProcess;
  stderr: string;
  exited: Promise<number | null>;
}

describeWithService('digests with two bot processes on Postgres and Redis', down, () => {
  let fake: FakeSlack;
  let dir: string;
  let desk: Desk;

  function startBot(): Bot {
    const env = cleanEnv({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      CLAIMDESK_STORE: STORE,
      CLAIMDESK_STATE: TEST_REDIS,
      LOG_LEVEL: 'debug',
    });
    const child = spawn(process.execPath, [BIN, 'start'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
    const bot: Bot = { child, stderr: '', exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (bot.stderr += d));
    return bot;
  }

  /** Resolves once every bot has finished its first look at the scheduled channels. */
  async function firstTicks(bots: Bot[]): Promise<void> {
    const end = Date.now() + 100_000;
    while (!bots.every((b) => /digest: looked at \d+ scheduled channels/.test(b.stderr))) {
      const dead = bots.find((b) => b.child.exitCode !== null);
      if (dead) throw new Error(`a bot process ended:\n${dead.stderr}`);
      if (Date.now() > end) throw new Error(`the bots did not tick:\n${bots.map((b) => b.stderr.slice(-2000)).join('\n---\n')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async function stop(bots: Bot[]): Promise<void> {
    for (const b of bots) b.child.kill('SIGTERM');
    expect(await Promise.all(bots.map((b) => b.exited))).toEqual([0, 0]);
  }

  const topLevel = () => fake.called('chat.postMessage').filter((c) => c.args.channel === key.channel && c.args.thread_ts === undefined);

  beforeAll(async () => {
    fake = await FakeSlack.start();
    // this run's own workspace: digests left in the shared Redis by other runs are not this workspace's
    fake.on('auth.test', () => ({ ok: true, url: TEAM_URL, team: 'Newsroom', user: 'claimdesk', team_id: team, user_id: 'UCLAIMBOT', bot_id: 'BCLAIMBOT' }));
    dir = await mkdtemp(join(tmpdir(), 'claimdesk-digest-procs-'));
    desk = await openDesk({ storeUrl: STORE, stateUrl: TEST_REDIS });
  });

  afterAll(async () => {
    await desk?.settings.set(key, {}).catch(() => {});
    await desk?.close();
    await fake?.close();
    await rm(dir, { recursive: true, force: true });
    await dropServiceRun(`T_${run}`, schema);
  });

  test('both start with the digest due: one posts it; restarted, neither posts it again', { timeout: 240_000 }, async () => {
    const bot = createBot({ log: desk.log, settings: desk.settings });
    for (const text of [HARBOUR, BRIDGE]) await bot.handle({ ...key, user: 'U0ALICE', userName: 'alice', kind: 'mention', text });
    // due 30 minutes ago (UTC): under 6 hours late, so posted on start
    const time = localTime(new Date(Date.now() - 30 * 60_000), 'UTC');
    await desk.settings.set(key, { digest: { time, timeZone: 'UTC' } });

    const first = [startBot(), startBot()];
    await firstTicks(first);
    expect(topLevel()).toHaveLength(1);
    expect(first.filter((b) => /digest: slack\/T_\S+\/C0DIGEST \d{4}-\d\d-\d\d posted/.test(b.stderr))).toHaveLength(1);
    expect((await desk.settings.lastDigest(key))?.date).toMatch(/^\d{4}-\d\d-\d\d$/);
    await stop(first);

    const again = [startBot(), startBot()];
    await firstTicks(again);
    expect(topLevel()).toHaveLength(1);
    expect(again.some((b) => /C0DIGEST \S+ posted/.test(b.stderr))).toBe(false);
    await stop(again);
  });

  test('two desks turning digests on and off at once leave the index as the settings say', { timeout: 60_000 }, async () => {
    const other = await openDesk({ storeUrl: STORE, stateUrl: TEST_REDIS });
    try {
      const keys = Array.from({ length: 8 }, (_, i): ChannelKey => ({ platform: 'slack', workspace: team, channel: `C0IDX${i}` }));
      // the index is shared by every run on this Redis: this run's channels only
      const mine = (all: ChannelKey[]) => all.filter((k) => k.workspace === team && k.channel.startsWith('C0IDX')).map((k) => k.channel).sort();
      await Promise.all(keys.map((k, i) => (i % 2 ? desk : other).settings.set(k, { digest: { time: '08:00', timeZone: 'UTC' } })));
      expect(mine(await desk.settings.digestChannels())).toEqual(keys.map((k) => k.channel).sort());
      await Promise.all(keys.slice(0, 5).map((k, i) => (i % 2 ? other : desk).settings.set(k, {})));
      expect(mine(await other.settings.digestChannels())).toEqual(['C0IDX5', 'C0IDX6', 'C0IDX7']);
      await Promise.all(keys.slice(5).map((k) => desk.settings.set(k, {})));
      expect(mine(await desk.settings.digestChannels())).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
