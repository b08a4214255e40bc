// /claims: search this channel's log for claims, best first, with filters (src/query.ts is the language).
import { z } from 'zod';
import type { ClaimHit } from '../src/channel-log/types.ts';
import { crossRefsForHits, type CrossRefs } from '../src/matching/cross-refs.ts';
import { MAX_QUERY_CHARS, parseQuery } from '../src/query.ts';
import { errorReply, messageReply, type Reply, type ReplyBlock } from '../src/reply.ts';
import type { Command, CommandContext } from './command.ts';

export const args = z.object({
  query: z
    .string()
    .max(MAX_QUERY_CHARS, `That query is too long: the most is ${MAX_QUERY_CHARS} characters.`)
    .default('')
    .describe('Words, "phrases" and filters such as source:NAME since:7d (/help claims lists them)'),
});
export type ClaimsArgs = z.infer<typeof args>;

/** A hit as a reply block, with its "also reported in" / "disputed by" when given and not empty. */
export function hitBlock(h: ClaimHit, refs?: CrossRefs): ReplyBlock {
  return {
    kind: 'hit',
    reportId: h.reportId,
    claimId: h.claimId,
    source: h.source?.name ?? null,
    sourceType: h.source?.type ?? null,
    conduit: h.conduit,
    cue: h.cue?.text ?? null,
    stance: h.cue?.stance ?? null,
    hedges: h.hedges,
    text: h.text,
    quote: h.quote,
    category: h.category,
    postedAt: h.postedAt.toISOString(),
    poster: h.userName ?? h.user,
    ...(h.link ? { link: h.link } : {}),
    ...(refs?.alsoIn.length ? { alsoIn: refs.alsoIn } : {}),
    ...(refs?.disputedBy.length ? { disputedBy: refs.disputedBy } : {}),
  };
}

/** The same query asking for another page. */
export function withPage(query: string, page: number): string {
  return `${query.replace(/(^|\s)page:\S*/gi, ' ').replace(/\s+/g, ' ').trim()} page:${page}`.trim();
}

async function handle({ query }: ClaimsArgs, ctx: CommandContext): Promise<Reply> {
  const q = parseQuery(query, { now: ctx.now(), me: ctx.user, ...(ctx.pageSize ? { pageSize: ctx.pageSize } : {}) });
  const page = await ctx.log.queryClaims(ctx.key, q);
  const asked = query.trim() === '' ? 'all claims' : `“${query.trim()}”`;
  if (page.total === 0) {
    const empty = (await ctx.log.count(ctx.key)) === 0;
    return messageReply(
      empty
        ? "This channel's log is empty: paste a report (or use /summarize) and its claims become searchable."
        : `No claims match ${asked}. Try fewer words or filters; /sources lists who is quoted here.`,
    );
  }
  if (page.hits.length === 0) {
    return errorReply(`Page ${q.page} is past the end: ${asked} has ${page.pages} page${page.pages === 1 ? '' : 's'}.`);
  }
  // Each hit with the other reports of this channel, within a few days of it, that carry or dispute the same claim.
  const refs = await crossRefsForHits(ctx.log, ctx.key, page.hits);
  const blocks: ReplyBlock[] = [
    { kind: 'heading', text: `${page.total} claim${page.total === 1 ? '' : 's'} for ${asked}` },
    { kind: 'context', text: `Page ${page.page} of ${page.pages}, best matches first.` },
    ...page.hits.map((h, i) => hitBlock(h, refs[i])),
  ];
  if (page.page < page.pages) blocks.push({ kind: 'context', text: `More: /claims ${withPage(query, page.page + 1)}` });
  return { title: 'Claims', fallback: `${page.total} claims found`, blocks };
}

export const command: Command<ClaimsArgs> = {
  name: 'claims',
  summary: "Find claims in this channel's log: free words, \"phrases\" and filters.",
  usage: '/claims [WORDS] ["PHRASE"] [FILTERS]',
  examples: [
    '/claims Krasnogorsk source:ministry since:7d',
    '/claims "power plant" hedged',
    '/claims type:military category:casualties page:2',
    '/claims unattributed by:@maria until:2026-11-01',
  ],
  args,
  fromText: (text) => ({ query: text }),
  handle,
};
