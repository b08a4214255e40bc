// Hedging expressions ("reportedly", "could not be independently verified") found once per document.
import type { Doc } from '../nlp.ts';
import { hedgePhrases, outlets, verificationNote } from './lexicon.ts';

export interface HedgeMatch {
  text: string;
  start: number;
  end: number;
  /** Weak hedges ("likely") mark a claim but never make a sentence a claim on their own. */
  weak: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const PATTERN = new RegExp(String.raw`\b(?:` + hedgePhrases.map((h) => escape(h.text)).join('|') + String.raw`)\b`, 'gi');
const WEAK = new Set(hedgePhrases.filter((h) => h.weak).map((h) => h.text));

export function findHedges(text: string): HedgeMatch[] {
  const out: HedgeMatch[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const t = m[0];
    out.push({ text: t, start: m.index!, end: m.index! + t.length, weak: WEAK.has(t.toLowerCase().replace(/\s+/g, ' ')) });
  }
  return out;
}

/**
 * The sentence `si` only says that what came before could not be verified: around the hedge tokens
 * (`first`..`last`) stand only the lexicon's verificationNotes words, or an outlet before it ("Reuters could not
 * independently verify the report.").
 */
export function isVerificationNote(doc: Doc, si: number, first: number, last: number): boolean {
  const s = doc.sentences[si];
  const word = (k: number) => /[\p{L}\p{N}]/u.test(doc.tokens[k].value);
  const before: string[] = [];
  for (let k = s.first; k < first; k++) if (word(k)) before.push(doc.tokens[k].lower);
  const after: string[] = [];
  for (let k = last + 1; k <= s.last; k++) if (word(k)) after.push(doc.tokens[k].lower);
  // (an outlet, with its "the" and a verb before the hedge: "Reuters was unable to verify …")
  const outlet = before.filter((w, k) => w !== 'the' && !(k === before.length - 1 && /^(was|is|were|has|had|have)$/.test(w)));
  const subject = before.every((w) => verificationNote.subjects.has(w)) || outlets.has(outlet.join(' '));
  return before.length > 0 && subject && after.every((w) => verificationNote.objects.has(w));
}
