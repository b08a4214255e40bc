// /retention [90d|12w|off]: how long this channel keeps reports. Anyone may ask; only a channel admin may
// change it. Setting it removes the reports that are already older (src/retention.ts has the schedule).
import { z } from 'zod';
import { expiryCutoff, parseRetention, purgeExpired } from '../src/retention.ts';
import { errorReply, formatDate, messageReply, type Reply } from '../src/reply.ts';
import type { Command, CommandContext } from './command.ts';

export const args = z.object({
  period: z.string().trim().optional().describe('How long to keep reports: 90d, 12w or off (a channel admin); empty shows it'),
});
export type RetentionArgs = z.infer<typeof args>;

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

async function handle({ period }: RetentionArgs, ctx: CommandContext): Promise<Reply> {
  const settings = await ctx.settings.get(ctx.key);
  if (!period) {
    return messageReply(
      settings.retentionDays === undefined
        ? 'This channel keeps reports until someone forgets them. An admin can set a limit: /retention 90d.'
        : `This channel keeps reports for ${days(settings.retentionDays)}. An admin can change it: /retention 30d, or /retention off.`,
    );
  }
  const wanted = parseRetention(period);
  if (!ctx.isAdmin) return errorReply('Only a channel admin can change how long this channel keeps reports.');
  const { retentionDays: _old, ...rest } = settings;
  await ctx.settings.set(ctx.key, wanted === null ? rest : { ...rest, retentionDays: wanted });
  if (wanted === null) return messageReply('Retention is off: this channel keeps reports until someone forgets them.');
  const now = ctx.now();
  const removed = await purgeExpired(ctx.log, ctx.key, wanted, now);
  return messageReply(
    `This channel now keeps reports for ${days(wanted)}. Removed ${removed} report${removed === 1 ? '' : 's'} ` +
      `posted before ${formatDate(expiryCutoff(wanted, now))}; older ones are removed daily from now on.`,
  );
}

export const command: Command<RetentionArgs> = {
  name: 'retention',
  summary: 'Show or set how long this channel keeps reports.',
  usage: '/retention [DAYS|off]',
  examples: ['/retention', '/retention 90d', '/retention off'],
  access: 'anyone may ask; a channel admin sets it',
  args,
  fromText: (text) => ({ period: text }),
  handle,
};
