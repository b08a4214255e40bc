// Settings from the environment, validated once. Every variable is documented in .env.example.
import { z } from 'zod';

const LogLevel = z.enum(['debug', 'info', 'warn', 'error', 'silent']);
export type LogLevel = z.infer<typeof LogLevel>;

const StoreUrl = (name: string, schemes: string[]) =>
  z.string().refine((v) => schemes.some((s) => v.startsWith(s)), { message: `${name} must start with ${schemes.join(' or ')}` });

const Env = z.object({
  /** Largest report accepted, in UTF-8 bytes. */
  CLAIMDESK_MAX_INPUT_BYTES: z.coerce.number().int().positive().default(200_000),
  LOG_LEVEL: LogLevel.default('info'),
  /** Where channel logs are kept: sqlite:PATH (embedded) or postgres://… (several bot processes). */
  CLAIMDESK_STORE: StoreUrl('CLAIMDESK_STORE', ['sqlite:', 'postgres://', 'postgresql://']).default('sqlite:./data/claimdesk.db'),
  /** Where bot state is kept (settings, seen events, caches): sqlite:PATH or redis://… (several bot processes). */
  CLAIMDESK_STATE: StoreUrl('CLAIMDESK_STATE', ['sqlite:', 'redis://', 'rediss://']).default('sqlite:./data/state.db'),
});

export interface Config {
  maxInputBytes: number;
  logLevel: LogLevel;
  /** Channel log connection string (src/channel-log/index.ts). */
  store: string;
  /** Bot state connection string (src/state.ts). */
  state: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and checks the settings; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`LOG_LEVEL=`) means "use the default", as in most .env tooling.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  return {
    maxInputBytes: parsed.data.CLAIMDESK_MAX_INPUT_BYTES,
    logLevel: parsed.data.LOG_LEVEL,
    store: parsed.data.CLAIMDESK_STORE,
    state: parsed.data.CLAIMDESK_STATE,
  };
}
