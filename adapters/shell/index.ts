// `claimdesk start` without platform tokens: the console channel on the embedded store. One channel
// ('console' in workspace 'local', or --channel NAME); the person at the terminal pastes as themselves and
// administers it. Reports pasted here can be searched later with `claimdesk log query --channel console`.
import { join } from 'node:path';
import { createBot } from '../../src/bot.ts';
import { safeUser } from '../../src/cli-log.ts';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/log.ts';
import { openDesk } from '../../src/open-bot.ts';
import { runConsole } from './console.ts';
import { createScheduler } from '../../src/digest/schedule.ts';
import { consoleDigestPoster } from './digest.ts';

export const CONSOLE_CHANNEL = 'console';
export const EXPORT_DIR = join('data', 'exports');

export interface StartOptions {
  io: { stdin: NodeJS.ReadableStream & { isTTY?: boolean }; stdout: NodeJS.WritableStream & { isTTY?: boolean } };
  config: Config;
  log: Logger;
  channel?: string;
}

export async function startConsole({ io, config, log, channel = CONSOLE_CHANNEL }: StartOptions): Promise<number> {
  // Load the language model while the store opens: the first paste is answered sooner.
  const warm = import('../../src/nlp.ts').then((nlp) => nlp.warmUp());
  const desk = await openDesk({ storeUrl: config.store, stateUrl: config.state, logger: log });
  const key = { platform: 'console', workspace: 'local', channel };
  // The channel's daily digest (/digest on) is printed while the console is open; piped runs end too soon for it.
  const interactive = io.stdin.isTTY === true && io.stdout.isTTY === true;
  const scheduler = interactive
    ? createScheduler({
        log: desk.log,
        settings: desk.settings,
        ledger: desk.digests,
        posters: [consoleDigestPoster(key, (text) => io.stdout.write(text))],
        logger: log,
      })
    : null;
  try {
    await warm;
    const bot = createBot({ log: desk.log, settings: desk.settings, logger: log, maxBytes: config.maxInputBytes });
    scheduler?.start();
    await runConsole({
      bot,
      input: io.stdin,
      output: io.stdout,
      channel: key,
      user: safeUser(),
      exportDir: EXPORT_DIR,
      maxBytes: config.maxInputBytes,
      banner:
        `ClaimDesk console: channel "${channel}", log in ${desk.description}.\n` +
        'Paste a report (blank lines are fine) and it is summarised and saved; search with /claims WORD.\n' +
        '/help lists the commands. End a report you type line by line with a lone "." line. Ctrl-D quits.\n',
    });
    return 0;
  } finally {
    await scheduler?.stop();
    await desk.close();
  }
}
