// A report id as typed: `k3x9ab`, `#k3x9ab`, or `k3x9ab/c3` as /claims shows a claim (the claim part is
// dropped). The store reads it further (case, look-alike letters).
import { z } from 'zod';

export const ReportId = z
  .string()
  .trim()
  .min(1, 'Give a report id, as /claims shows it (the k3x9ab in k3x9ab/c2).')
  .max(64, 'That is too long for a report id.')
  .transform((id) => id.split('/')[0].replace(/^#/, ''))
  .refine((id) => /^[A-Za-z0-9_-]+$/.test(id), 'A report id has only letters and digits, like the k3x9ab in k3x9ab/c2.')
  .describe('A report id, as /claims shows it (the k3x9ab in k3x9ab/c2)');

/** The whole text is the id: stray words fail the id check with a clear message. */
export function idFromText(text: string): { id: string } {
  return { id: text.trim() };
}
