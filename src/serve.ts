// `claimdesk start` with platform tokens: one desk (channel log and bot state) and one bot shared by every
// configured chat surface, running until SIGINT or SIGTERM, then stopped in order and the stores closed.
import type { Surface, RunningSurface } from '../adapters/surfaces.ts';
import { createBot } from './bot.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import { openDesk } from './open-bot.ts';
import { createScheduler, type DigestClock, type DigestScheduler } from './digest/schedule.ts';

export interface ServeOptions {
  config: Config;
  log: Logger;
  env?: NodeJS.ProcessEnv;
  /** Resolves when the process should stop; default: the first SIGINT or SIGTERM. */
  until?: Promise<unknown>;
  /** The digest scheduler's clock (tests); default the system's. */
  clock?: DigestClock;
}

function signalled(): Promise<string> {
  return new Promise((resolve) => {
    for (const s of ['SIGINT', 'SIGTERM'] as const) process.once(s, () => resolve(s));
  });
}

export async function serveSurfaces(surfaces: Surface[], opts: ServeOptions): Promise<number> {
  const { config, log } = opts;
  const env = opts.env ?? process.env;
  const warm = import('./nlp.ts').then((nlp) => nlp.warmUp());
  const desk = await openDesk({ storeUrl: config.store, stateUrl: config.state, logger: log });
  const running: { name: string; surface: RunningSurface }[] = [];
  let scheduler: DigestScheduler | null = null;
  try {
    await warm;
    const bot = createBot({ log: desk.log, settings: desk.settings, seen: desk.seen, logger: log, maxBytes: config.maxInputBytes });
    for (const s of surfaces) {
      const mod = await s.load();
      running.push({ name: s.name, surface: await mod.start({ env, config, log, desk, bot }) });
      log.info(`${s.name}: connected`);
    }
    // Daily digests (/digest on), posted through the surfaces that run here.
    const posters = running.flatMap((r) => (r.surface.digest ? [r.surface.digest] : []));
    scheduler = createScheduler({ log: desk.log, settings: desk.settings, ledger: desk.digests, posters, logger: log, ...(opts.clock ? { clock: opts.clock } : {}) });
    scheduler.start();
    log.info(`serving ${running.map((r) => r.name).join(' and ')}; log in ${desk.description}. Ctrl-C stops.`);
    const why = await (opts.until ?? signalled());
    log.info(`stopping (${String(why)})`);
    return 0;
  } finally {
    await scheduler?.stop();
    for (const r of running.reverse()) {
      await r.surface.stop().catch((err: Error) => log.warn(`${r.name}: ${err.message}`));
    }
    await desk.close();
  }
}
