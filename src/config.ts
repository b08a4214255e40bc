// Settings from the environment, validated once. Every variable is documented in .env.example.
import { z } from 'zod';

const LogLevel = z.enum(['debug', 'info', 'warn', 'error', 'silent']);
export type LogLevel = z.infer<typeof LogLevel>;

const Env = z.object({
  /** Largest report accepted, in UTF-8 bytes. */
  CLAIMDESK_MAX_INPUT_BYTES: z.coerce.number().int().positive().default(200_000),
  LOG_LEVEL: LogLevel.default('info'),
});

export interface Config {
  maxInputBytes: number;
  logLevel: LogLevel;
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
  return { maxInputBytes: parsed.data.CLAIMDESK_MAX_INPUT_BYTES, logLevel: parsed.data.LOG_LEVEL };
}
