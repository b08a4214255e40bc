// /report ID: one stored report's summary, with who pasted it and when. Only this channel's reports.
import { z } from 'zod';
import type { StoredReport } from '../src/channel-log/types.ts';
import { crossRefsForReport } from '../src/matching/cross-refs.ts';
import { errorReply, formatDate, summaryReply, type Reply } from '../src/reply.ts';
import type { Command, CommandContext } from './command.ts';
import { ReportId, idFromText } from './report-id.ts';

export const args = z.object({ id: ReportId });
export type ReportArgs = z.infer<typeof args>;

export function notFound(id: string): Reply {
  return errorReply(`There is no report ${id} in this channel's log. /claims shows report ids (the k3x9ab in k3x9ab/c2).`);
}

/** "Report k3x9ab, pasted by maria on 2026-11-03 14:05 UTC · link". */
export function provenance(r: StoredReport): string {
  return `Report ${r.id}, pasted by ${r.userName ?? r.user} on ${formatDate(r.postedAt)}${r.link ? ` · ${r.link}` : ''}`;
}

async function handle({ id }: ReportArgs, ctx: CommandContext): Promise<Reply> {
  const report = await ctx.log.get(ctx.key, id);
  if (!report) return notFound(id);
  const reply = summaryReply(report.summary);
  reply.blocks.splice(1, 0, { kind: 'context', text: provenance(report) });
  // Each claim shown with the other reports of this channel, within a few days, that carry or dispute it.
  const shown = reply.blocks.flatMap((b) => (b.kind === 'claim' ? [b.id] : []));
  const refs = await crossRefsForReport(ctx.log, ctx.key, report, shown);
  for (const b of reply.blocks) {
    if (b.kind !== 'claim') continue;
    const r = refs.get(b.id);
    if (r?.alsoIn.length) b.alsoIn = r.alsoIn;
    if (r?.disputedBy.length) b.disputedBy = r.disputedBy;
  }
  return { ...reply, title: `Report ${report.id}`, report: { id: report.id, shown: 'report' } };
}

export const command: Command<ReportArgs> = {
  name: 'report',
  summary: "Show one stored report's summary.",
  usage: '/report ID',
  examples: ['/report k3x9ab'],
  args,
  fromText: idFromText,
  handle,
};
