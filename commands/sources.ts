// /sources [since:30d] [until:…]: who is quoted in this channel's log, with claim and report counts.
import { z } from 'zod';
import { dateRange, parseOptions } from '../src/query.ts';
import { describeType, formatDate, messageReply, type Reply, type ReplyBlock } from '../src/reply.ts';
import type { Command, CommandContext } from './command.ts';

/** Sources listed in one reply; the rest are counted. */
export const MAX_SOURCES_SHOWN = 25;

export const args = z.object({
  since: z.string().optional().describe('From: 24h, 7d, 2w, today, yesterday or a UTC date such as 2026-11-01'),
  until: z.string().optional().describe('Up to: 24h, 7d, 2w, today, yesterday or a UTC date such as 2026-11-01'),
});
export type SourcesArgs = z.infer<typeof args>;

const plural = (n: number, w: string) => `${n} ${n === 1 ? w : w + 's'}`;

async function handle(input: SourcesArgs, ctx: CommandContext): Promise<Reply> {
  const range = dateRange(input, ctx.now());
  const sources = await ctx.log.sources(ctx.key, range);
  const when = input.since ? ` since ${input.since}` : '';
  if (sources.length === 0) {
    return messageReply(`No named sources in this channel's log${when}. Paste a report to start it.`);
  }
  const blocks: ReplyBlock[] = [
    { kind: 'heading', text: `${plural(sources.length, 'source')} quoted in this channel${when}` },
    {
      kind: 'fields',
      fields: sources.slice(0, MAX_SOURCES_SHOWN).map((s) => ({
        label: s.name,
        value: `${plural(s.claims, 'claim')} in ${plural(s.reports, 'report')}, ${describeType(s.type)}, last ${formatDate(s.lastSeen)}`,
      })),
    },
  ];
  if (sources.length > MAX_SOURCES_SHOWN) {
    blocks.push({ kind: 'context', text: `…and ${sources.length - MAX_SOURCES_SHOWN} more. /export has them all.` });
  }
  blocks.push({ kind: 'context', text: 'Their claims: /claims source:NAME' });
  return { title: 'Sources', fallback: `${plural(sources.length, 'source')} in this channel`, blocks };
}

export const command: Command<SourcesArgs> = {
  name: 'sources',
  summary: "List the sources quoted in this channel's log, with claim counts.",
  usage: '/sources [since:WHEN] [until:WHEN]',
  examples: ['/sources', '/sources since:30d'],
  args,
  fromText: (text) => parseOptions(text, ['since', 'until'], 'sources'),
  handle,
};
