// Every chat command, in the order /help lists them, and the one way to run one: look it up, check its
// arguments with its zod schema, run it, and turn the errors a user can fix into a clear message.
// The console, Slack and Discord adapters all register commands from here.
import { StoreUnavailableError } from '../src/channel-log/types.ts';
import { QueryError } from '../src/query.ts';
import { errorReply, type Reply } from '../src/reply.ts';
import type { Command, CommandContext } from './command.ts';
import { command as claims } from './claims.ts';
import { command as digest } from './digest.ts';
import { command as exportCommand } from './export.ts';
import { command as forget } from './forget.ts';
import { command as help, unknownCommandMessage } from './help.ts';
import { command as paste } from './paste.ts';
import { command as report } from './report.ts';
import { command as retention } from './retention.ts';
import { command as sources } from './sources.ts';
import { command as summarize } from './summarize.ts';

export type { Command, CommandContext } from './command.ts';

export const COMMANDS: readonly Command[] = [summarize, claims, report, sources, exportCommand, forget, retention, paste, digest, help];

export function findCommand(name: string): Command | undefined {
  const wanted = name.replace(/^\//, '').toLowerCase();
  return COMMANDS.find((c) => c.name === wanted);
}

export const STORE_DOWN =
  "The channel's log cannot be reached right now, so nothing was read or changed. Try again in a minute.";

/**
 * Runs a command by name. `input` is the text typed after the name (Slack, console) or the structured
 * options a platform sends (Discord). Never throws for the user's mistakes or a store that is down.
 */
export async function runCommand(
  name: string,
  input: string | Record<string, unknown>,
  ctx: Omit<CommandContext, 'commands'>,
): Promise<Reply> {
  const command = findCommand(name);
  const full: CommandContext = { ...ctx, commands: COMMANDS };
  if (!command) return errorReply(unknownCommandMessage(name.replace(/^\//, ''), COMMANDS));
  try {
    const raw = typeof input === 'string' ? command.fromText(input) : input;
    const parsed = command.args.safeParse(raw);
    if (!parsed.success) {
      const problem = parsed.error.issues.map((i) => i.message).join('; ');
      return errorReply(`${problem} Usage: ${command.usage}`);
    }
    return await command.handle(parsed.data, full);
  } catch (err) {
    if (err instanceof QueryError) return errorReply(err.message);
    if (err instanceof StoreUnavailableError) {
      ctx.logger?.warn(`store unavailable in /${command.name}: ${err.message}`);
      return errorReply(STORE_DOWN);
    }
    throw err;
  }
}
