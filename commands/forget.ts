// /forget ID: removes one report and its claims from this channel's log. Only whoever pasted it, or a
// channel admin, may.
import { z } from 'zod';
import { errorReply, messageReply, type Reply } from '../src/reply.ts';
import type { Command, CommandContext } from './command.ts';
import { notFound } from './report.ts';
import { ReportId, idFromText } from './report-id.ts';

export const args = z.object({ id: ReportId });
export type ForgetArgs = z.infer<typeof args>;

async function handle({ id }: ForgetArgs, ctx: CommandContext): Promise<Reply> {
  const report = await ctx.log.get(ctx.key, id);
  if (!report) return notFound(id);
  if (report.user !== ctx.user && !ctx.isAdmin) {
    return errorReply(
      `Only ${report.userName ?? report.user}, who pasted report ${report.id}, or a channel admin can forget it.`,
    );
  }
  const removed = await ctx.log.forget(ctx.key, report.id);
  if (!removed) return notFound(id);
  const claims = report.summary.claims.length;
  return messageReply(`Forgot report ${report.id} and its ${claims} claim${claims === 1 ? '' : 's'}.`);
}

export const command: Command<ForgetArgs> = {
  name: 'forget',
  summary: "Remove a report and its claims from this channel's log.",
  usage: '/forget ID',
  examples: ['/forget k3x9ab'],
  access: 'whoever pasted the report, or a channel admin',
  args,
  fromText: idFromText,
  handle,
};
