// Report ids people type: six characters of Crockford's base32 (no i, l, o, u), unique within a channel.
import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const REPORT_ID_LENGTH = 6;

export function newReportId(): string {
  let id = '';
  for (let i = 0; i < REPORT_ID_LENGTH; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

/**
 * An id as typed → the stored form, or null when it cannot be one. Case does not matter, and the letters
 * people mistake for digits read as those digits (O → 0, I and L → 1); a leading # is allowed.
 */
export function readReportId(typed: string): string | null {
  const id = typed
    .trim()
    .replace(/^#/, '')
    .toLowerCase()
    .replace(/o/g, '0')
    .replace(/[il]/g, '1');
  if (id.length !== REPORT_ID_LENGTH) return null;
  for (const ch of id) if (!ALPHABET.includes(ch)) return null;
  return id;
}
