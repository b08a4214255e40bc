// A digest as replies: `summary` is the top-level post (Slack posts `details` in its thread; Discord and the
// console show both, one after the other).
//
// INTERIM (session of 2026-11-30): the full layout is being built for issue 6. The signatures stay.
import { messageReply, type Reply } from '../reply.ts';
import type { Digest } from './build.ts';

export interface DigestReplies {
  summary: Reply;
  details: Reply[];
}

export function digestReplies(d: Digest): DigestReplies {
  const n = d.reports.length;
  const head = `Daily digest for ${d.period.date}: ${n} ${n === 1 ? 'report' : 'reports'}, ${d.sources.length} ${d.sources.length === 1 ? 'source' : 'sources'}.`;
  const summary = messageReply(head, `ClaimDesk digest ${d.period.date}`);
  const details = d.sources.length
    ? [messageReply(d.sources.map((s) => `${s.name}: ${s.claims} claims in ${s.reports} reports`).join('\n'))]
    : [];
  return { summary, details };
}
