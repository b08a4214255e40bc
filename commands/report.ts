// /report ID [from:N]: one stored report's summary, with who pasted it and when. Only this channel's reports.
// from:N starts at the N-th claim shown, so a report too long for one chat message can be read to the end:
// the Slack and Discord renderers end a cut reply with the from: that goes on where it stopped.
import { z } from 'zod';
import type { StoredReport } from '../src/channel-log/types.ts';
import { crossRefsForReport } from '../src/matching/cross-refs.ts';
import { parseOptions } from '../src/query.ts';
import { errorReply, formatDate, summaryReply, type Reply, type ReplyBlock } from '../src/reply.ts';
import type { Command, CommandContext } from './command.ts';
import { ReportId } from './report-id.ts';

const FROM_MESSAGE = 'from: is the number of the claim to start at, counted from 1, like from:31.';

export const args = z.object({
  id: ReportId,
  from: z
    .string()
    .trim()
    .max(9, { error: FROM_MESSAGE, abort: true })
    .regex(/^[1-9][0-9]*$/, FROM_MESSAGE)
    .transform(Number)
    .optional()
    .describe('Start at this claim (1 is the first): for a report too long for one message'),
});
export type ReportArgs = z.infer<typeof args>;

export function notFound(id: string): Reply {
  return errorReply(`There is no report ${id} in this channel's log. /claims shows report ids (the k3x9ab in k3x9ab/c2).`);
}

/** "Report k3x9ab, pasted by maria on 2026-11-03 14:05 UTC · link". */
export function provenance(r: StoredReport): string {
  return `Report ${r.id}, pasted by ${r.userName ?? r.user} on ${formatDate(r.postedAt)}${r.link ? ` · ${r.link}` : ''}`;
}

/** "k3x9ab from:31" (options in any order); the other words are the id, so stray ones fail the id check. */
export function reportFromText(text: string): unknown {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const isOption = (w: string) => /^[A-Za-z]+:/.test(w);
  const options = parseOptions(words.filter(isOption).join(' '), ['from'], 'report');
  return { id: words.filter((w) => !isOption(w)).join(' '), ...options };
}

const claimCount = (blocks: ReplyBlock[]) => blocks.filter((b) => b.kind === 'claim').length;

/**
 * A summary's blocks from its `from`-th claim on: the head (headline, counts) kept, the sections wholly before
 * that claim left out, the claims before it in its own section left out (its source line kept), the rest whole.
 */
export function fromClaim(blocks: ReplyBlock[], from: number): ReplyBlock[] {
  const sections: ReplyBlock[][] = [[]];
  for (const b of blocks) {
    if (b.kind === 'divider') sections.push([]);
    sections[sections.length - 1].push(b);
  }
  const [head, ...rest] = sections;
  const out = [...head];
  let seen = 0; // claims in the sections before this one
  for (const section of rest) {
    const claims = claimCount(section);
    if (seen + claims < from) {
      seen += claims;
      continue;
    }
    out.push(...section.filter((b) => b.kind !== 'claim' || ++seen >= from));
  }
  return out;
}

function pastTheEnd(id: string, total: number): string {
  if (total === 0) return `Report ${id} has no attributed or hedged claims to page through: use /report ${id}.`;
  if (total === 1) return `Report ${id} has 1 claim: use from:1, or leave from: out.`;
  return `Report ${id} has ${total} claims: use from:1 to from:${total}.`;
}

async function handle({ id, from = 1 }: ReportArgs, ctx: CommandContext): Promise<Reply> {
  const report = await ctx.log.get(ctx.key, id);
  if (!report) return notFound(id);
  const reply = summaryReply(report.summary);
  const total = claimCount(reply.blocks);
  if (from > Math.max(total, 1)) return errorReply(pastTheEnd(report.id, total));
  if (from > 1) reply.blocks = fromClaim(reply.blocks, from);
  const where: ReplyBlock[] = [{ kind: 'context', text: provenance(report) }];
  if (from > 1) {
    // The page may itself be cut by the platform: it says where it starts, the cut line where to go on.
    where.push({ kind: 'context', text: `From claim ${from} of ${total}; /report ${report.id} starts at the first.` });
  }
  reply.blocks.splice(1, 0, ...where);
  // Each claim shown with the other reports of this channel, within a few days, that carry or dispute it.
  const shown = reply.blocks.flatMap((b) => (b.kind === 'claim' ? [b.id] : []));
  const refs = await crossRefsForReport(ctx.log, ctx.key, report, shown);
  for (const b of reply.blocks) {
    if (b.kind !== 'claim') continue;
    const r = refs.get(b.id);
    if (r?.alsoIn.length) b.alsoIn = r.alsoIn;
    if (r?.disputedBy.length) b.disputedBy = r.disputedBy;
  }
  return { ...reply, title: `Report ${report.id}`, report: { id: report.id, shown: 'report', ...(from > 1 ? { from } : {}) } };
}

export const command: Command<ReportArgs> = {
  name: 'report',
  summary: "Show one stored report's summary.",
  usage: '/report ID [from:N]',
  examples: ['/report k3x9ab', '/report k3x9ab from:31'],
  args,
  fromText: reportFromText,
  handle,
};
