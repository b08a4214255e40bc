// The chat surfaces `claimdesk start` can run, and when: each is started when its tokens are in the environment
// (both at once works, sharing one channel log and one bot state); with none, the console opens instead.
// A surface module exports `start(deps)`, which connects and resolves once it serves events, and returns a
// handle whose `stop()` disconnects it.
import type { Bot } from '../src/bot.ts';
import type { Config } from '../src/config.ts';
import type { Logger } from '../src/log.ts';
import type { Desk } from '../src/open-bot.ts';
import type { DigestPoster } from '../src/digest/schedule.ts';

export interface SurfaceDeps {
  env: NodeJS.ProcessEnv;
  config: Config;
  log: Logger;
  desk: Desk;
  bot: Bot;
}

export interface RunningSurface {
  /** Disconnects; the desk is closed by the caller afterwards. */
  stop(): Promise<void>;
  /** Posts daily digests in this surface's channels (src/digest/schedule.ts runs them). */
  digest?: DigestPoster;
}

export interface SurfaceModule {
  start(deps: SurfaceDeps): Promise<RunningSurface>;
}

export interface Surface {
  name: 'slack' | 'discord';
  /** The environment holds what this surface needs to start. */
  configured(env: NodeJS.ProcessEnv): boolean;
  load(): Promise<SurfaceModule>;
}

const set = (v: string | undefined) => v !== undefined && v.trim() !== '';

export const SURFACES: Surface[] = [
  {
    name: 'slack',
    // One workspace (a bot token) or several (Bolt's OAuth: client id and secret).
    configured: (env) => set(env.SLACK_BOT_TOKEN) || (set(env.SLACK_CLIENT_ID) && set(env.SLACK_CLIENT_SECRET)),
    load: () => import('./slack/index.ts'),
  },
  {
    name: 'discord',
    configured: (env) => set(env.DISCORD_TOKEN),
    load: () => import('./discord/index.ts'),
  },
];

/** The surfaces whose tokens are set, in a fixed order. */
export function configuredSurfaces(env: NodeJS.ProcessEnv): Surface[] {
  return SURFACES.filter((s) => s.configured(env));
}
