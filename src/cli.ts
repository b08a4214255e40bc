// The command line: `claimdesk summarize | schema | start | log | digest | help`. bin/claimdesk.js calls main().
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError, type Config } from './config.ts';
import { InputError } from './input.ts';
import { readFileLimited, readLimited, write } from './io.ts';
import { createLogger, type Logger } from './log.ts';
import { summaryReply } from './reply.ts';
import { renderMarkdown } from './render/markdown.ts';
import { renderText } from './render/text.ts';
import { summaryJsonSchema, type Summary } from './schema.ts';
import { LOG_USAGE } from './cli-log.ts';
import { DIGEST_USAGE } from './cli-digest.ts';

export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export const COMMANDS = ['summarize', 'schema', 'start', 'help', 'log', 'digest'] as const;
const FORMATS = ['text', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const USAGE = `ClaimDesk: who claims what in a news report, through which conduit, with which hedges.

Usage:
  claimdesk summarize [FILE|-] [--format text|markdown|json]
      Summarise one report from FILE, or from standard input when FILE is '-' or absent.
  claimdesk summarize --jsonl [FILE|-]
      Read lines {"id": "...", "text": "..."}; write one line {"id", "summary"} or {"id", "error"}
      per input line, in order. Blank lines are skipped.
  claimdesk schema
      Print the JSON Schema of the summary.
  claimdesk start [--channel NAME]
      With SLACK_BOT_TOKEN (or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET) and/or DISCORD_TOKEN set: serve
      Slack and/or Discord until Ctrl-C. Without them: open the console, an interactive channel on the
      embedded store (CLAIMDESK_STORE). Paste a report to summarise and save it, then search with
      /claims WORD; /help lists the commands. Text piped in is handled the same way:
      cat report.txt | claimdesk start.
${LOG_USAGE}${DIGEST_USAGE}  claimdesk help
      Show this help.

Environment: CLAIMDESK_MAX_INPUT_BYTES (default 200000), LOG_LEVEL (default info), CLAIMDESK_STORE,
CLAIMDESK_STATE, and the SLACK_* and DISCORD_* settings. See .env.example.
Exit codes: 0 done, 1 the input could not be summarised, 2 wrong usage.
`;

class UsageError extends Error {}
class FileError extends Error {}

const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** Runs a file operation, turning the usual failures into a message that names the file. */
async function withFile<T>(file: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    const problem = FILE_PROBLEMS[(err as NodeJS.ErrnoException).code ?? ''];
    if (problem) throw new FileError(`cannot read ${file}: ${problem}`);
    throw err;
  }
}

/**
 * The NLP pipeline, loaded only by the commands that summarise (help and schema stay fast), and warmed up
 * once per process.
 */
let pipeline: Promise<typeof import('./summarize.ts')> | null = null;
function loadPipeline() {
  pipeline ??= Promise.all([import('./summarize.ts'), import('./nlp.ts')]).then(([mod, nlp]) => {
    nlp.warmUp();
    return mod;
  });
  return pipeline;
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  let config: Config;
  try {
    config = loadConfig(io.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr.write(`claimdesk: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const log = createLogger(config.logLevel, io.stderr);
  const ctx: Ctx = { io, config, log };
  // `claimdesk summarize | head` closes stdout early: stop quietly instead of crashing on EPIPE.
  io.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') log.error(`cannot write output: ${err.message}`);
  });

  try {
    switch (command) {
      case undefined:
        io.stderr.write(USAGE);
        return 2;
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(USAGE);
        return 0;
      case 'summarize':
        return await summarizeCommand(rest, ctx);
      case 'schema':
        parseNothing(rest);
        await write(io.stdout, JSON.stringify(summaryJsonSchema(), null, 2) + '\n');
        return 0;
      case 'start':
        return await startCommand(rest, ctx);
      case 'log':
        return await (await import('./cli-log.ts')).logCommand(rest, ctx);
      case 'digest':
        return await (await import('./cli-digest.ts')).digestCommand(rest, ctx);
      default:
        io.stderr.write(
          `claimdesk: unknown command '${command}'. Valid commands: ${COMMANDS.join(', ')}.\n` +
            `Run 'claimdesk help' for usage.\n`,
        );
        return 2;
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`claimdesk: ${err.message}\nRun 'claimdesk help' for usage.\n`);
      return 2;
    }
    if (err instanceof InputError) {
      io.stderr.write(`claimdesk: ${err.message}\n`);
      return 1;
    }
    if (err instanceof FileError) {
      io.stderr.write(`claimdesk: ${err.message}\n`);
      return 1;
    }
    if ((err as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    throw err;
  }
}

interface Ctx {
  io: Io;
  config: Config;
  log: Logger;
}

function processIo(): Io {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** Runs parseArgs, turning its errors (unknown option, missing value) into usage errors. */
function usage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** For commands that take no options or arguments. */
function parseNothing(args: string[]): void {
  const { positionals } = usage(() => parseArgs({ args, options: {}, allowPositionals: true }));
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'.`);
}

async function summarizeCommand(args: string[], { io, config, log }: Ctx): Promise<number> {
  const { values, positionals } = usage(() =>
    parseArgs({
      args,
      options: {
        format: { type: 'string', short: 'f' },
        jsonl: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    }),
  );
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`summarize takes one FILE, got ${positionals.length}.`);
  const file = positionals[0] ?? null;
  const format = (values.format ?? 'text') as string;
  if (!FORMATS.includes(format as Format)) {
    throw new UsageError(`unknown format '${format}'. Use one of: ${FORMATS.join(', ')}.`);
  }
  if (values.jsonl && values.format !== undefined && format !== 'json') {
    throw new UsageError('--jsonl always writes JSON lines; drop --format.');
  }
  if (file === null && io.stdin.isTTY) {
    throw new UsageError("give a FILE, or pipe text in: echo 'text' | claimdesk summarize -");
  }

  if (values.jsonl) {
    if (file === null || file === '-') return await jsonl(io.stdin, { io, config, log });
    const handle = await withFile(file, () => open(file, 'r'));
    try {
      return await withFile(file, () => jsonl(handle.createReadStream({ autoClose: false }), { io, config, log }));
    } finally {
      await handle.close();
    }
  }
  const { summarize } = await loadPipeline();
  const text =
    file === null || file === '-'
      ? await readLimited(io.stdin, config.maxInputBytes)
      : await withFile(file, () => readFileLimited(file, config.maxInputBytes));
  const summary = summarize(text, { maxBytes: config.maxInputBytes });
  await write(io.stdout, render(summary, format as Format));
  return 0;
}

export function render(summary: Summary, format: Format): string {
  switch (format) {
    case 'json':
      return JSON.stringify(summary, null, 2) + '\n';
    case 'markdown':
      return renderMarkdown(summaryReply(summary));
    case 'text':
      return renderText(summaryReply(summary));
  }
}

/** The --jsonl batch (src/batch.ts): reads lines while earlier ones are being answered, writes answers in order. */
async function jsonl(input: NodeJS.ReadableStream, { io, config, log }: Ctx): Promise<number> {
  const started = performance.now();
  const { openBatch } = await import('./batch.ts');
  const batch = await openBatch({ maxBytes: config.maxInputBytes, log, env: io.env });
  const lines = createInterface({ input, crlfDelay: Infinity });
  // readline does not pass on a read error: keep it, stop, and report it after the loop.
  let failure: Error | null = null;
  input.on('error', (err: Error) => {
    failure = err;
    lines.close();
  });
  let done = 0;
  let errors = 0;
  let stopped = false; // stdout closed early
  const writer = (async () => {
    for (let out = await batch.next(); out !== null; out = await batch.next()) {
      done++;
      if (out.error) errors++;
      try {
        await write(io.stdout, out.line + '\n');
      } catch (err) {
        stopped = true;
        lines.close();
        if ((err as NodeJS.ErrnoException).code === 'EPIPE') return;
        throw err;
      }
    }
  })();
  writer.catch(() => {}); // awaited below; a failed write must not count as unhandled meanwhile
  try {
    let lineNo = 0;
    for await (const line of lines) {
      lineNo++;
      if (stopped) break;
      if (line.trim() === '') continue;
      batch.push(line, lineNo);
      await Promise.race([batch.room(), writer]);
    }
    batch.end();
    await writer;
  } finally {
    batch.end();
    await batch.close();
  }
  if (stopped) return 0;
  if (failure) throw failure;
  const ms = Math.round(performance.now() - started);
  log.info(`summarised ${done} records (${errors} errors) in ${ms} ms`);
  return 0;
}

/** The chat surfaces whose tokens are set (adapters/surfaces.ts), else the console (adapters/shell). */
async function startCommand(args: string[], { io, config, log }: Ctx): Promise<number> {
  const { values, positionals } = usage(() => parseArgs({ args, options: { channel: { type: 'string' } }, allowPositionals: true }));
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'.`);
  const { configuredSurfaces } = await import('../adapters/surfaces.ts');
  const surfaces = configuredSurfaces(process.env);
  if (surfaces.length > 0) {
    const { serveSurfaces } = await import('./serve.ts');
    return serveSurfaces(surfaces, { config, log });
  }
  const { startConsole } = await import('../adapters/shell/index.ts');
  return startConsole({ io, config, log, ...(values.channel ? { channel: values.channel } : {}) });
}
