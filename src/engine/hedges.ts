// Hedging expressions ("reportedly", "could not be independently verified") found once per document.
import { hedgePhrases } from './lexicon.ts';

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
