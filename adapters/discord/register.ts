// `npm run discord:register`: registers ClaimDesk's application commands (commands.ts: a slash command for
// every command in commands/, and "Summarize claims" on messages) with Discord. With DISCORD_GUILD_ID they go
// to that server only and appear at once (development); without it they are global, which can take a while
// to show everywhere. The list is replaced as a whole, so a command removed from commands/ disappears.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { ConfigError } from '../../src/config.ts';
import { applicationCommands } from './commands.ts';
import { loadDiscordConfig, type DiscordConfig } from './config.ts';

export interface Registered {
  /** "to server 123…" or "globally". */
  where: string;
  names: string[];
}

export async function registerCommands(config: DiscordConfig): Promise<Registered> {
  const rest = new REST({ retries: 1, ...(config.apiUrl ? { api: config.apiUrl } : {}) }).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const result = (await rest.put(route, { body: applicationCommands() })) as RESTPutAPIApplicationCommandsResult;
  return { where: config.guildId ? `to server ${config.guildId}` : 'globally', names: result.map((c) => c.name) };
}

async function main(): Promise<number> {
  try {
    const config = loadDiscordConfig(process.env);
    const { where, names } = await registerCommands(config);
    const shown = names.map((n) => (/^[a-z-]+$/.test(n) ? `/${n}` : `"${n}"`)).join(', ');
    process.stdout.write(`Registered ${names.length} commands ${where}: ${shown}.\n`);
    process.stdout.write(
      config.guildId
        ? 'Server commands appear at once.\n'
        : 'Global commands can take up to an hour to appear; set DISCORD_GUILD_ID to try them in one server at once.\n',
    );
    return 0;
  } catch (err) {
    process.stderr.write(`discord:register: ${(err as Error).message}\n`);
    return err instanceof ConfigError ? 2 : 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
