// The Discord settings, read from the environment and checked once (the rest of the settings are in
// src/config.ts). Every variable is described in .env.example.
import { z } from 'zod';
import { ConfigError } from '../../src/config.ts';

const Snowflake = (name: string) =>
  z.string().trim().regex(/^\d{15,22}$/, `${name} is a numeric id (Developer Portal → your application → General Information)`);

const Env = z.object({
  DISCORD_TOKEN: z
    .string({ error: 'DISCORD_TOKEN is missing (Developer Portal → your application → Bot → Reset Token)' })
    .trim()
    .min(1)
    .refine((t) => !/\s/.test(t), 'DISCORD_TOKEN has a space in it: paste the token alone, without "Bot "'),
  DISCORD_APPLICATION_ID: Snowflake('DISCORD_APPLICATION_ID'),
  /** Register the commands to this server only (they appear at once): for development. */
  DISCORD_GUILD_ID: Snowflake('DISCORD_GUILD_ID').optional(),
  /** Where REST calls go instead of Discord (a REST proxy, the tests); `/v10` is added. */
  DISCORD_API_URL: z
    .string()
    .trim()
    .regex(/^https?:\/\/\S+$/, 'DISCORD_API_URL is an http(s) URL such as http://127.0.0.1:8080/api')
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
});

export interface DiscordConfig {
  token: string;
  applicationId: string;
  guildId?: string;
  apiUrl?: string;
}

/** Reads and checks the Discord settings; throws ConfigError naming each bad or missing variable. */
export function loadDiscordConfig(env: NodeJS.ProcessEnv = process.env): DiscordConfig {
  // An empty variable means "not set", as in src/config.ts.
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('DISCORD_') && v !== undefined && v.trim() !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => (i.code === 'invalid_type' && i.input === undefined ? `${String(i.path[0])} is missing` : i.message))
      .join('; ');
    throw new ConfigError(`Invalid Discord configuration: ${problems}`);
  }
  const d = parsed.data;
  return {
    token: d.DISCORD_TOKEN,
    applicationId: d.DISCORD_APPLICATION_ID,
    ...(d.DISCORD_GUILD_ID ? { guildId: d.DISCORD_GUILD_ID } : {}),
    ...(d.DISCORD_API_URL ? { apiUrl: d.DISCORD_API_URL } : {}),
  };
}
