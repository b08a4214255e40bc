// How both stores see text: the key a repeated paste is recognised by, and the words search works on.
import { createHash } from 'node:crypto';

/** The text as compared for repeats: trimmed, every run of white space one space. */
export function normalizeReportText(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** The dedup key of a report's text (sha-256, hex). */
export function textHash(text: string): string {
  return createHash('sha256').update(normalizeReportText(text)).digest('hex');
}

/**
 * The words search matches on, lower case, accents dropped, anything but letters and digits a break, joined by
 * single spaces. Both stores index this string and search with the same function's words, so SQLite's FTS5
 * tokenizer and Postgres's text parser see identical words ("T-72" → "t 72", "Kyïv" → "kyiv").
 */
export function searchText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of `text` as search sees them; empty for punctuation only. */
export function searchWords(text: string): string[] {
  const s = searchText(text);
  return s === '' ? [] : s.split(' ');
}
