// /paste [auto|mention|off]: when a plain message in this channel counts as a pasted report (the rule is in
// src/paste-rule.ts). Anyone may ask; only a channel admin may change it.
import { z } from 'zod';
import { PASTE_MODES, describePasteMode } from '../src/paste-rule.ts';
import { errorReply, messageReply, type Reply } from '../src/reply.ts';
import type { Command, CommandContext } from './command.ts';

export const args = z.object({
  mode: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(PASTE_MODES, { error: `Use one of: ${PASTE_MODES.join(', ')}.` }))
    .optional()
    .describe('When a plain message counts as a report (a channel admin); empty shows it'),
});
export type PasteArgs = z.infer<typeof args>;

async function handle({ mode }: PasteArgs, ctx: CommandContext): Promise<Reply> {
  const settings = await ctx.settings.get(ctx.key);
  const current = settings.paste ?? 'auto';
  if (!mode) return messageReply(`Paste rule here: ${current}. ${describePasteMode(current)}`);
  if (!ctx.isAdmin) return errorReply('Only a channel admin can change the paste rule.');
  await ctx.settings.set(ctx.key, { ...settings, paste: mode });
  return messageReply(`Paste rule set to ${mode}. ${describePasteMode(mode)}`);
}

export const command: Command<PasteArgs> = {
  name: 'paste',
  summary: 'Show or set when a plain message here counts as a pasted report.',
  usage: `/paste [${PASTE_MODES.join('|')}]`,
  examples: ['/paste', '/paste mention'],
  access: 'anyone may ask; a channel admin sets it',
  args,
  fromText: (text) => (text.trim() === '' ? {} : { mode: text }),
  handle,
};
