// /summarize: a pasted report in, its who-claims-what summary out, as a platform-neutral reply; in a channel
// the report is first stored in the channel's log (a pasted message that the paste rule accepts goes the
// same way). The CLI's `summarize` runs the same pipeline without storing.
import { z } from 'zod';
import { StoreUnavailableError, type AddResult, type StoredReport } from '../src/channel-log/types.ts';
import { InputError } from '../src/input.ts';
import { sweepIfDue } from '../src/retention.ts';
import { errorReply, formatDate, messageReply, summaryReply, type Reply } from '../src/reply.ts';
import type { Summary } from '../src/schema.ts';
import { summarize } from '../src/summarize.ts';
import type { ChannelSettings, Command, CommandContext } from './command.ts';

export const name = 'summarize';
export const description = 'Summarise a pasted report: who claims what, through which outlet, with which hedges.';
export const example = '/summarize <paste the report>';

export const args = z.object({
  text: z.string().describe('The report text, pasted whole.'),
});
export type SummarizeArgs = z.infer<typeof args>;

/** Summarises without storing (the CLI, and previews). */
export function handle(input: SummarizeArgs, opts: { maxBytes?: number } = {}): Reply {
  const { text } = args.parse(input);
  try {
    return summaryReply(summarize(text, opts));
  } catch (err) {
    if (err instanceof InputError) return errorReply(err.message);
    throw err;
  }
}

export const NOT_STORED =
  "This report was NOT saved: the channel's log cannot be reached right now. Paste it again in a few minutes.";

/**
 * Summarises the text and stores report and summary in the channel's log (durably, before resolving), after
 * applying the channel's retention when due. A text already in the log is not stored again (`duplicate`).
 * Throws InputError for text that cannot be summarised (nothing stored) and StoreUnavailableError.
 */
export async function saveReport(text: string, ctx: CommandContext): Promise<{ summary: Summary } & AddResult> {
  const summary = summarize(text, { maxBytes: ctx.maxBytes });
  return { summary, ...(await saveSummary(text, summary, ctx)) };
}

async function saveSummary(text: string, summary: Summary, ctx: CommandContext): Promise<AddResult> {
  const now = ctx.now();
  // Settings that cannot be read must not keep a report out of the log: the sweep waits for the next one.
  const settings = await ctx.settings.get(ctx.key).catch((err: Error) => {
    ctx.logger?.warn(`channel settings unavailable, retention not applied: ${err.message}`);
    return {} as ChannelSettings;
  });
  await sweepIfDue(ctx.log, ctx.key, settings.retentionDays, now);
  return ctx.log.add({
    key: ctx.key,
    text,
    summary,
    user: ctx.user,
    ...(ctx.userName ? { userName: ctx.userName } : {}),
    ...(ctx.thread ? { thread: ctx.thread } : {}),
    ...(ctx.link ? { link: ctx.link } : {}),
    postedAt: now,
  });
}

/** "Already in this channel's log as report k3x9ab, pasted by maria on …". */
export function duplicateMessage(report: StoredReport): string {
  const where = report.link ? ` ${report.link}` : '';
  return (
    `Already in this channel's log as report ${report.id}, pasted by ${report.userName ?? report.user} on ` +
    `${formatDate(report.postedAt)}${where}. Not stored again; /report ${report.id} shows its summary.`
  );
}

/**
 * /summarize and pasted reports: stores the report (saveReport), then answers with its summary and its id;
 * a duplicate gets a pointer to the earlier entry. When the log is down the summary is still shown, with a
 * clear warning that nothing was saved.
 */
export async function storeReport(text: string, ctx: CommandContext): Promise<Reply> {
  let summary: Summary;
  try {
    summary = summarize(text, { maxBytes: ctx.maxBytes });
  } catch (err) {
    if (err instanceof InputError) return errorReply(err.message);
    throw err;
  }
  const reply = summaryReply(summary);
  try {
    const { report, duplicate } = await saveSummary(text, summary, ctx);
    if (duplicate) return { ...messageReply(duplicateMessage(report)), title: 'Already in the log' };
    const saved = `Saved as report ${report.id}. Search the log with /claims; /forget ${report.id} removes it.`;
    reply.blocks.splice(2, 0, { kind: 'context', text: saved });
    return { ...reply, report: { id: report.id, shown: 'saved' } };
  } catch (err) {
    if (!(err instanceof StoreUnavailableError)) throw err;
    ctx.logger?.warn(`store unavailable while saving a report: ${err.message}`);
    reply.blocks.unshift({ kind: 'paragraph', text: NOT_STORED });
    return reply;
  }
}

export const command: Command<SummarizeArgs> = {
  name,
  summary: 'Summarise a report and save it in this channel\'s log.',
  usage: '/summarize TEXT',
  examples: [example],
  args,
  fromText: (text) => ({ text }),
  handle: (input, ctx) => storeReport(input.text, ctx),
};
