// /digest on HH:MM ZONE | off | status | now: this channel's daily digest (src/digest/). `on` and `off` are for a
// channel admin; anyone may ask for the status or the digest of the last 24 hours now. `/digest now` does not
// count as the day's scheduled digest: that one is still posted at its time.
import { z } from 'zod';
import { buildDigest } from '../src/digest/build.ts';
import { canonicalZone, isTimeZone, last24Hours, localDate, localTime, nextPost, parseTime } from '../src/digest/period.ts';
import { digestReplies } from '../src/digest/reply.ts';
import type { DigestSchedule } from '../src/digest/types.ts';
import { errorReply, formatDate, messageReply, type Reply } from '../src/reply.ts';
import type { Command, CommandContext } from './command.ts';

export const DIGEST_ACTIONS = ['on', 'off', 'status', 'now'] as const;

export const args = z.object({
  action: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(DIGEST_ACTIONS, { error: `Use /digest on HH:MM ZONE, /digest off, /digest status or /digest now.` }))
    .optional()
    .describe('on (with a time and zone), off, status (the default) or now'),
  time: z.string().trim().max(10).optional().describe('For on: the local time to post it, 24-hour HH:MM, e.g. 08:00'),
  zone: z.string().trim().max(64).optional().describe('For on: the time zone, e.g. Europe/Kyiv, America/New_York, UTC'),
});
export type DigestArgs = z.infer<typeof args>;

const USAGE = '/digest on HH:MM ZONE | off | status | now';
const EXAMPLE_ZONES = 'Europe/Kyiv, Europe/London, America/New_York, UTC';

/** "08:00 Europe/Kyiv (05:00 UTC)" for the next post. */
function when(at: Date, s: DigestSchedule): string {
  return `${localDate(at, s.timeZone)} ${localTime(at, s.timeZone)} ${s.timeZone} (${formatDate(at)})`;
}

async function turnOn(time: string | undefined, zone: string | undefined, ctx: CommandContext): Promise<Reply> {
  if (!time || !zone) return errorReply(`Give a time and a time zone: /digest on 08:00 Europe/Kyiv.`);
  const hhmm = parseTime(time);
  if (!hhmm) return errorReply(`"${time}" is not a time of day: use 24-hour HH:MM, e.g. 08:00 or 17:30.`);
  const timeZone = canonicalZone(zone);
  if (!isTimeZone(timeZone)) {
    return errorReply(`"${zone}" is not a time zone I know: use an IANA name such as ${EXAMPLE_ZONES}.`);
  }
  const now = ctx.now();
  const schedule: DigestSchedule = { time: hhmm, timeZone, since: now.toISOString() };
  const settings = await ctx.settings.get(ctx.key);
  await ctx.settings.set(ctx.key, { ...settings, digest: schedule });
  return messageReply(
    `Daily digest on: every day at ${hhmm} ${timeZone}, covering the 24 hours before it. ` +
      `The first one comes ${when(nextPost(now, schedule).at, schedule)}. /digest off stops it.`,
  );
}

async function status(ctx: CommandContext): Promise<Reply> {
  const s = (await ctx.settings.get(ctx.key)).digest;
  const last = await ctx.settings.lastDigest(ctx.key);
  const missed = await ctx.settings.missedDigest(ctx.key);
  const lastLine = last ? ` The last one posted was for ${last.date}, at ${formatDate(new Date(last.at))}.` : '';
  // A missed date after the last one posted: the channel should know why it saw nothing.
  const missedLine = missed && (!last || missed.date > last.date) ? ` The digest for ${missed.date} was not posted: ${missed.why}.` : '';
  if (!s) return messageReply(`No daily digest in this channel.${lastLine} An admin can start one: /digest on 08:00 Europe/Kyiv.`);
  const next = nextPost(ctx.now(), s);
  return messageReply(
    `Daily digest at ${s.time} ${s.timeZone}. Next: ${when(next.at, s)}.${last ? lastLine : ' None posted yet.'}${missedLine} ` +
      '/digest now shows the last 24 hours.',
  );
}

async function now(ctx: CommandContext): Promise<Reply> {
  const zone = (await ctx.settings.get(ctx.key)).digest?.timeZone ?? 'UTC';
  const digest = await buildDigest(ctx.log, { key: ctx.key, period: last24Hours(ctx.now(), zone) });
  const { summary, details } = digestReplies(digest);
  // One reply here: the summary, then each part of the details after a divider.
  return { ...summary, blocks: [...summary.blocks, ...details.flatMap((d) => [{ kind: 'divider' as const }, ...d.blocks])] };
}

async function handle({ action = 'status', time, zone }: DigestArgs, ctx: CommandContext): Promise<Reply> {
  switch (action) {
    case 'status':
      return status(ctx);
    case 'now':
      return now(ctx);
    case 'on':
      if (!ctx.isAdmin) return errorReply('Only a channel admin can turn the daily digest on.');
      return turnOn(time, zone, ctx);
    case 'off': {
      if (!ctx.isAdmin) return errorReply('Only a channel admin can turn the daily digest off.');
      const { digest, ...rest } = await ctx.settings.get(ctx.key);
      if (!digest) return messageReply('There is no daily digest in this channel; nothing to turn off.');
      await ctx.settings.set(ctx.key, rest);
      return messageReply(`Daily digest off (it was at ${digest.time} ${digest.timeZone}). /digest now still shows the last 24 hours.`);
    }
  }
}

/** "on 08:00 Europe/Kyiv" → {action, time, zone} (no zone name has a space: more words fail as a zone). */
function fromText(text: string): unknown {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return {};
  return { action: words[0], ...(words[1] ? { time: words[1] } : {}), ...(words[2] ? { zone: words.slice(2).join(' ') } : {}) };
}

export const command: Command<DigestArgs> = {
  name: 'digest',
  summary: "Post a daily digest of this channel's reports at a set local time, or show it now.",
  usage: USAGE,
  examples: ['/digest on 08:00 Europe/Kyiv', '/digest status', '/digest now', '/digest off'],
  access: 'anyone may see the status or the digest now; a channel admin turns it on or off',
  args,
  fromText,
  handle,
};
