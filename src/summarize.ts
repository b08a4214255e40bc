// One report in, one summary out: the pipeline every surface calls.
import { prepareInput, type PreparedInput } from './input.ts';
import { analyze, type Doc } from './nlp.ts';
import { extractClaims } from './engine/index.ts';
import { composeSummary } from './compose.ts';
import type { Entity, Summary } from './schema.ts';

export interface SummarizeOptions {
  /** Largest accepted input in UTF-8 bytes (default 200,000). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 200_000;

/**
 * Checks and masks the text, finds its claims and composes the summary. Throws InputError for input that
 * cannot be summarised (empty, binary, too large). The result satisfies the Summary contract by construction;
 * the contract tests (test/contract.test.ts, test/cli.test.ts) parse it with the zod schema, which is kept off
 * this hot path (it cost a fifth of the engine's own time on claim-dense batches).
 */
export function summarize(text: string, opts: SummarizeOptions = {}): Summary {
  const input = prepareInput(text, { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES });
  return summarizeAnalysed(input, analyze(input.masked));
}

/**
 * The second half of summarize(), for a text already prepared and analysed (the --jsonl batch analyses on a
 * worker, and finds the document's entities there too: passed as `entities`, else found here).
 */
export function summarizeAnalysed(input: PreparedInput, doc: Doc, entities?: Entity[]): Summary {
  const claims = extractClaims(doc, entities);
  return composeSummary(doc, claims, input);
}
