// `claimdesk log add | query | export`: the channel log from the command line, over the same commands and
// store the bot uses. Each takes --store URL (default: CLAIMDESK_STORE, else the embedded SQLite file) and
// names a channel with --channel (and --platform / --workspace for a chat channel's log).
// `claimdesk help` shows LOG_USAGE, so this module loads the store and the language pipeline only when run.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { CommandContext } from '../commands/command.ts';
import type { ExportFormat } from '../commands/export.ts';
import { StoreUnavailableError, type ChannelKey } from './channel-log/types.ts';
import type { Config } from './config.ts';
import { InputError } from './input.ts';
import { readFileLimited, readLimited, write } from './io.ts';
import type { Logger } from './log.ts';
import type { Desk } from './open-bot.ts';
import { QueryError, dateRange, parseQuery } from './query.ts';

export const LOG_USAGE = `  claimdesk log add --channel C [FILE|-] [--user NAME]
      Summarise a report and save it in channel C's log (prints its id, or the earlier entry's).
  claimdesk log query --channel C "QUERY" [--format text|json] [--limit N]
      Search channel C's log with the /claims query language (claimdesk log query --channel C "" lists all).
  claimdesk log export --channel C [--format jsonl|csv|md] [--since WHEN] [--until WHEN]
      Write channel C's log to standard output, oldest report first.
  Each takes --store URL (default CLAIMDESK_STORE, else sqlite:./data/claimdesk.db), and --platform P
  --workspace W for a chat channel's log (default: the console's, console/local).
`;

/** Hits per page for `log query`; the chat /claims shows fewer. */
export const CLI_PAGE_SIZE = 20;

interface Ctx {
  io: { stdin: NodeJS.ReadableStream & { isTTY?: boolean }; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };
  config: Config;
  log: Logger;
}

class LogUsageError extends Error {}

const OPTIONS = {
  channel: { type: 'string' },
  store: { type: 'string' },
  platform: { type: 'string' },
  workspace: { type: 'string' },
  user: { type: 'string' },
  format: { type: 'string', short: 'f' },
  limit: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
} as const;

export async function logCommand(argv: string[], { io, config, log }: Ctx): Promise<number> {
  const [sub, ...rest] = argv;
  let desk: Desk | null = null;
  try {
    if (!['add', 'query', 'export'].includes(sub ?? '')) {
      throw new LogUsageError(sub ? `unknown log command '${sub}'. Use add, query or export.` : 'log needs add, query or export.');
    }
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true });
    } catch (err) {
      throw new LogUsageError((err as Error).message);
    }
    const { values, positionals } = parsed;
    if (!values.channel) throw new LogUsageError(`log ${sub} needs --channel NAME.`);
    if (positionals.length > 1) throw new LogUsageError(`log ${sub} takes one ${sub === 'query' ? 'QUERY (quote it)' : 'FILE'}.`);
    const key: ChannelKey = { platform: values.platform ?? 'console', workspace: values.workspace ?? 'local', channel: values.channel };
    const storeUrl = values.store ?? config.store;
    const user = values.user ?? safeUser();

    if (sub === 'add' && positionals[0] === undefined && io.stdin.isTTY) {
      throw new LogUsageError("give a FILE, or pipe the report in: claimdesk log add --channel C - < report.txt");
    }
    const [{ exportChunks, EXPORT_FORMATS }, { runCommand }, { saveReport, duplicateMessage }, { openDesk }, { renderText }] =
      await Promise.all([
        import('../commands/export.ts'),
        import('../commands/index.ts'),
        import('../commands/summarize.ts'),
        import('./open-bot.ts'),
        import('./render/text.ts'),
      ]);
    desk = await openDesk({ storeUrl, stateUrl: config.state, logger: log });
    const ctx: Omit<CommandContext, 'commands'> = {
      log: desk.log,
      settings: desk.settings,
      key,
      user,
      userName: user,
      isAdmin: true,
      now: () => new Date(),
      maxBytes: config.maxInputBytes,
      logger: log,
    };
    if (sub === 'add') {
      const file = positionals[0] ?? '-';
      const text = file === '-' ? await readLimited(io.stdin, config.maxInputBytes) : await readFileLimited(file, config.maxInputBytes);
      const { report, duplicate, summary } = await saveReport(text, { ...ctx, commands: [] });
      await write(
        io.stdout,
        duplicate
          ? duplicateMessage(report) + '\n'
          : `Saved as report ${report.id} in ${key.platform}/${key.workspace}/${key.channel}: ${summary.claims.length} claims.\n`,
      );
      return 0;
    }
    if (sub === 'query') {
      const query = positionals[0] ?? '';
      const format = values.format ?? 'text';
      if (format !== 'text' && format !== 'json') throw new LogUsageError(`unknown format '${format}'. Use text or json.`);
      const pageSize = values.limit === undefined ? CLI_PAGE_SIZE : Number(values.limit);
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) throw new LogUsageError('--limit takes a number from 1 to 1000.');
      // Parsed here first, so a bad query exits 2 with its message on stderr.
      const parsed = parseQuery(query, { now: new Date(), me: user, pageSize });
      if (format === 'json') {
        await write(io.stdout, JSON.stringify(await desk.log.queryClaims(key, parsed), null, 2) + '\n');
      } else {
        await write(io.stdout, renderText(await runCommand('claims', { query }, { ...ctx, pageSize })));
      }
      return 0;
    }
    const format = (values.format ?? 'jsonl') as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) throw new LogUsageError(`unknown format '${format}'. Use ${EXPORT_FORMATS.join(', ')}.`);
    const range = dateRange({ since: values.since, until: values.until }, new Date());
    for await (const chunk of exportChunks(desk.log, key, format, range)) await write(io.stdout, chunk);
    return 0;
  } catch (err) {
    if (err instanceof LogUsageError || err instanceof QueryError) {
      io.stderr.write(`claimdesk: ${err.message}\n${err instanceof LogUsageError ? `Usage:\n${LOG_USAGE}` : ''}`);
      return 2;
    }
    if (err instanceof InputError || err instanceof StoreUnavailableError) {
      io.stderr.write(`claimdesk: ${err.message}\n`);
      return 1;
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      io.stderr.write(`claimdesk: cannot read ${(err as NodeJS.ErrnoException).path ?? 'the file'}: ${code}\n`);
      return 1;
    }
    throw err;
  } finally {
    await desk?.close();
  }
}

/** The OS user's name, or 'local' where there is none (some containers). */
export function safeUser(): string {
  try {
    return userInfo().username || 'local';
  } catch {
    return 'local';
  }
}
