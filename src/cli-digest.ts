// `claimdesk digest --channel C [--date D] [--tz ZONE] [--format text|markdown]`: a channel's digest printed from
// the command line. Without --date: the last 24 hours up to now. With --date D: the period of the channel's
// schedule on D (from the post time the day before to the post time on D), or the whole local day D when the
// channel has no schedule. --tz gives the zone (default: the schedule's, else UTC); with a schedule, its time is
// then read in that zone.
import { parseArgs } from 'node:util';
import { StoreUnavailableError, type ChannelKey } from './channel-log/types.ts';
import type { Config } from './config.ts';
import { write } from './io.ts';
import type { Logger } from './log.ts';
import type { Desk } from './open-bot.ts';
import { canonicalZone, dayPeriod, isDate, isTimeZone, last24Hours, scheduledPeriod } from './digest/period.ts';
import type { DigestPeriod } from './digest/types.ts';

export const DIGEST_USAGE = `  claimdesk digest --channel C [--date YYYY-MM-DD] [--tz ZONE] [--format text|markdown]
      Print channel C's digest: the last 24 hours, or with --date the period its schedule posts on that
      date (the whole local day when it has none). --tz: the zone (default the schedule's, else UTC).
      Takes --store URL, --platform P and --workspace W as log does.
`;

interface Ctx {
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };
  config: Config;
  log: Logger;
}

class DigestUsageError extends Error {}

const OPTIONS = {
  channel: { type: 'string' },
  date: { type: 'string' },
  tz: { type: 'string' },
  format: { type: 'string', short: 'f' },
  store: { type: 'string' },
  platform: { type: 'string' },
  workspace: { type: 'string' },
} as const;

export async function digestCommand(argv: string[], { io, config, log }: Ctx, now: Date = new Date()): Promise<number> {
  let desk: Desk | null = null;
  try {
    let values;
    try {
      const parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
      if (parsed.positionals.length > 0) throw new Error(`unexpected argument '${parsed.positionals[0]}'.`);
      values = parsed.values;
    } catch (err) {
      throw new DigestUsageError((err as Error).message);
    }
    if (!values.channel) throw new DigestUsageError('digest needs --channel NAME.');
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'markdown') throw new DigestUsageError(`unknown format '${format}'. Use text or markdown.`);
    if (values.date !== undefined && !isDate(values.date)) throw new DigestUsageError(`--date takes a date YYYY-MM-DD, not '${values.date}'.`);
    const tz = values.tz === undefined ? undefined : canonicalZone(values.tz);
    if (tz !== undefined && !isTimeZone(tz)) throw new DigestUsageError(`'${values.tz}' is not a time zone: use an IANA name such as Europe/Kyiv or UTC.`);
    const key: ChannelKey = { platform: values.platform ?? 'console', workspace: values.workspace ?? 'local', channel: values.channel };

    const [{ openDesk }, { buildDigest }, { digestReplies }, { renderText }, { renderMarkdown }] = await Promise.all([
      import('./open-bot.ts'),
      import('./digest/build.ts'),
      import('./digest/reply.ts'),
      import('./render/text.ts'),
      import('./render/markdown.ts'),
    ]);
    desk = await openDesk({ storeUrl: values.store ?? config.store, stateUrl: config.state, logger: log });
    const schedule = (await desk.settings.get(key)).digest;
    const zone = tz ?? schedule?.timeZone ?? 'UTC';
    const period: DigestPeriod =
      values.date === undefined
        ? last24Hours(now, zone)
        : schedule
          ? scheduledPeriod(values.date, { time: schedule.time, timeZone: zone })
          : dayPeriod(values.date, zone);
    const { summary, details } = digestReplies(await buildDigest(desk.log, { key, period }));
    const render = format === 'markdown' ? renderMarkdown : renderText;
    await write(io.stdout, [summary, ...details].map(render).join('\n'));
    return 0;
  } catch (err) {
    if (err instanceof DigestUsageError) {
      io.stderr.write(`claimdesk: ${err.message}\nUsage:\n${DIGEST_USAGE}`);
      return 2;
    }
    if (err instanceof StoreUnavailableError) {
      io.stderr.write(`claimdesk: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await desk?.close();
  }
}
