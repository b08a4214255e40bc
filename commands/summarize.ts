// /summarize: a pasted report in, its who-claims-what summary out, as a platform-neutral reply.
// The chat adapters and the console (issue 3 on) register this; the CLI's `summarize` runs the same pipeline.
import { z } from 'zod';
import { InputError } from '../src/input.ts';
import { summaryReply, type Reply } from '../src/reply.ts';
import { summarize } from '../src/summarize.ts';

export const name = 'summarize';
export const description = 'Summarise a pasted report: who claims what, through which outlet, with which hedges.';
export const example = '/summarize <paste the report>';

export const args = z.object({
  text: z.string().describe('The report text, pasted whole.'),
});
export type SummarizeArgs = z.infer<typeof args>;

export function handle(input: SummarizeArgs, opts: { maxBytes?: number } = {}): Reply {
  const { text } = args.parse(input);
  try {
    return summaryReply(summarize(text, opts));
  } catch (err) {
    if (err instanceof InputError) {
      return { fallback: err.message, blocks: [{ kind: 'paragraph', text: err.message }] };
    }
    throw err;
  }
}
