// Number words, scales, vague amounts and qualifiers (src/lexicon/numbers.json), loaded once: the one list both
// figure readers use, a summary's (src/figures.ts) and the matcher's (src/matching/figures.ts).
import { readFileSync } from 'node:fs';
import { table } from './phrase-table.ts';

interface NumbersFile {
  words: Record<string, number>;
  scales: Record<string, number>;
  vague: Record<string, [number, number]>;
  qualifiers: { min: string[]; max: string[]; approx: string[] };
  approxShare: number;
}

const FILE = JSON.parse(readFileSync(new URL('./lexicon/numbers.json', import.meta.url), 'utf8')) as NumbersFile;

export type QualifierKind = 'min' | 'max' | 'approx';
export const QUALIFIERS = table(
  (Object.entries(FILE.qualifiers) as [QualifierKind, string[]][]).flatMap(([kind, ps]) => ps.map((p): [string, QualifierKind] => [p, kind])),
);
/** "about 40" covers 40 give or take this share. */
export const APPROX_SHARE = FILE.approxShare;
export const NUMBER_WORDS = table(Object.entries(FILE.words));
export const NUMBER_WORD_LIST = Object.keys(FILE.words);
export const SCALES = new Map(Object.entries(FILE.scales));
export const VAGUE = table(Object.entries(FILE.vague));
export const VAGUE_LIST = Object.keys(FILE.vague);
