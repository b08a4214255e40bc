// /help [COMMAND]: every command with an example, or one command in full. Written from the command
// definitions themselves (and the filter list in src/query.ts), so help cannot drift from what runs.
import { z } from 'zod';
import { FILTERS } from '../src/query.ts';
import { DEFAULT_PASTE_MODE, describePasteMode } from '../src/paste-rule.ts';
import type { Reply, ReplyBlock } from '../src/reply.ts';
import type { Command, CommandContext } from './command.ts';

export const args = z.object({ command: z.string().trim().optional().describe('A command to explain in full, such as claims') });
export type HelpArgs = z.infer<typeof args>;

export function commandList(commands: readonly Command[]): string {
  return commands.map((c) => '/' + c.name).join(', ');
}

/** The message for a command that does not exist: lists the ones that do. */
export function unknownCommandMessage(name: string, commands: readonly Command[]): string {
  return `There is no command /${name}. Commands: ${commandList(commands)}. /help shows what each does.`;
}

function oneCommand(c: Command): Reply {
  const blocks: ReplyBlock[] = [
    { kind: 'heading', text: c.usage },
    { kind: 'paragraph', text: c.summary },
    { kind: 'fields', fields: c.examples.map((e) => ({ label: 'Example', value: e })) },
  ];
  if (c.access) blocks.push({ kind: 'context', text: `Who may: ${c.access}.` });
  if (c.name === 'claims') {
    blocks.push({ kind: 'heading', text: 'Filters (all must hold; repeat one, or list values with commas, for either)' });
    blocks.push({
      kind: 'fields',
      fields: FILTERS.map((f) => ({ label: f.value ? `${f.name}:${f.value}` : f.name, value: `${f.help}. e.g. ${f.example}` })),
    });
    blocks.push({ kind: 'context', text: 'Free words must all appear; "quoted words" as a phrase; a value with spaces is quoted: source:"interior ministry".' });
  }
  return { title: `/${c.name}`, fallback: c.usage, blocks };
}

async function handle({ command }: HelpArgs, ctx: CommandContext): Promise<Reply> {
  const wanted = command?.replace(/^\//, '').toLowerCase();
  if (wanted) {
    const c = ctx.commands.find((x) => x.name === wanted);
    if (!c) return { fallback: unknownCommandMessage(wanted, ctx.commands), blocks: [{ kind: 'paragraph', text: unknownCommandMessage(wanted, ctx.commands) }] };
    return oneCommand(c);
  }
  const mode = (await ctx.settings.get(ctx.key).catch(() => ({ paste: undefined }))).paste ?? DEFAULT_PASTE_MODE;
  const blocks: ReplyBlock[] = [
    { kind: 'heading', text: 'ClaimDesk: who claims what in the reports pasted here' },
    { kind: 'paragraph', text: `Paste a report to get its claims and keep it in this channel's log. ${describePasteMode(mode)}` },
    {
      kind: 'fields',
      fields: ctx.commands.map((c) => ({
        label: c.usage,
        value: `${c.summary} e.g. ${c.examples[0]}${c.access ? ` (${c.access})` : ''}`,
      })),
    },
    { kind: 'context', text: '/help claims lists the search filters; /help COMMAND shows any command in full.' },
  ];
  return { title: 'ClaimDesk help', fallback: `Commands: ${commandList(ctx.commands)}`, blocks };
}

export const command: Command<HelpArgs> = {
  name: 'help',
  summary: 'List the commands with examples, or show one in full.',
  usage: '/help [COMMAND]',
  examples: ['/help', '/help claims'],
  args,
  fromText: (text) => (text.trim() === '' ? {} : { command: text }),
  handle,
};
