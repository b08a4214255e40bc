// How much a claim deserves a fact-checker's attention, in [0, 1]. Weights live in
// src/lexicon/categories.json ("checkworthiness"):
//   base
//   + hasQuantity                 (a figure can be checked and is often contested)
//   + category[category]          (casualties, territorial and loss claims high; 'other' negative)
//   + sourceType[sourceType]      (anonymous and interested official/military/state-media sources raise it)
//   + hedged                      ("reportedly", "allegedly": unconfirmed)
//   + noSource                    (no named source at all)
//   + unsourcedUnhedged           (the report's own voice, no hedge: background)
//   + quote                       (direct speech)
// clamped to [0, 1] and rounded to two decimals.
import { readFileSync } from 'node:fs';
import type { Category, SourceType } from '../schema.ts';

export interface CheckworthinessInput {
  hasSource: boolean;
  sourceType?: SourceType | null;
  hedged: boolean;
  hasQuantity: boolean;
  category: Category;
  quote: boolean;
}

interface Weights {
  base: number;
  hasQuantity: number;
  hedged: number;
  quote: number;
  noSource: number;
  unsourcedUnhedged: number;
  sourceType: Partial<Record<SourceType, number>>;
  category: Partial<Record<Category, number>>;
}

const W = (
  JSON.parse(readFileSync(new URL('../lexicon/categories.json', import.meta.url), 'utf8')) as { checkworthiness: Weights }
).checkworthiness;

export function checkworthiness(input: CheckworthinessInput): number {
  let s = W.base;
  if (input.hasQuantity) s += W.hasQuantity;
  s += W.category[input.category] ?? 0;
  if (input.hasSource) s += (input.sourceType ? W.sourceType[input.sourceType] : 0) ?? 0;
  else s += W.noSource;
  if (input.hedged) s += W.hedged;
  if (!input.hasSource && !input.hedged) s += W.unsourcedUnhedged;
  if (input.quote) s += W.quote;
  return Math.round(Math.min(1, Math.max(0, s)) * 100) / 100;
}
