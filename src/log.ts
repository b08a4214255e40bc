// A tiny leveled logger to stderr (stdout carries the output). LOG_LEVEL picks the level.
import type { LogLevel } from './config.ts';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export function createLogger(level: LogLevel, out: NodeJS.WritableStream = process.stderr): Logger {
  const at = (l: Exclude<LogLevel, 'silent'>) => (msg: string) => {
    if (ORDER[l] >= ORDER[level]) out.write(`claimdesk ${l}: ${msg}\n`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
