// A report id as typed: `r12`, or `r12/c3` as /claims shows a claim (the claim part is dropped).
import { z } from 'zod';

export const ReportId = z
  .string()
  .trim()
  .min(1, 'Give a report id, as /claims shows it (e.g. the r12 in r12/c3).')
  .max(64, 'That is too long for a report id.')
  .transform((id) => id.split('/')[0])
  .refine((id) => /^[A-Za-z0-9_-]+$/.test(id), 'A report id has only letters, digits, - and _.');

/** The whole text is the id: stray words fail the id check with a clear message. */
export function idFromText(text: string): { id: string } {
  return { id: text.trim() };
}
