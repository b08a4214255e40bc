// The relation every cue finder returns (source, cue, content), and the token sets and small word tests
// the finders share.
import type { Doc } from '../nlp.ts';
import type { Stance } from '../schema.ts';
import { isPunct, type Range } from './phrases.ts';

export type RelationKind = 'verb' | 'according' | 'passive' | 'headline' | 'hedge' | 'participle' | 'attitude';

export interface Relation {
  kind: RelationKind;
  cue: Range | null;
  stance: Stance;
  source: Range | null;
  /** Where the source is a document or statement ("statements from X"), the phrase naming its owner. */
  owner: Range | null;
  content: Range[];
  /** Sentence index of the cue (first sentence of the content for cue-less relations). */
  sent: number;
  quote: boolean;
  confidence: number;
  /** "X praised Y and said Z": the token ("and") where an earlier relation's content must stop. */
  cutBefore?: number;
  /** The outlet that carried this claim when another relation named it ("…, according to TASS"). */
  conduit?: Range;
  /** "declined to say": a cue verb inside this content that must not start a relation of its own. */
  skipTo?: number;
  /** "It added that …": a claim only when the source resolves to a body (organisation, government, military, outlet). */
  bodyOnly?: boolean;
}

export const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re"]);
export const THAT = new Set(['that']);
export const POSSESSIVE = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
/** Words that open a relative clause about a person ('officials who …', 'residents whose …'). */
export const RELATIVE_PRONOUNS = new Set(['who', 'whose']);
export const CLAUSE_OPENERS = new Set(['that', 'whether', 'if', 'how', 'what', 'why', 'when', 'where', 'who', 'which']);
export const QUOTE_MARK = /^["“”«»„‘’]$/;
export const CLOSE_MARK = /^["”»’]$/;
export const OPEN_MARK = /^["“«„‘]$/;
export const END_PUNCT = /^[.!?…]+$/;
export const EXPLETIVE = new Set(['it', 'there', 'who', 'which', 'that', 'this']);
export const DAY = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight)$/;

export const wordCount = (doc: Doc, r: Range) => {
  let n = 0;
  for (let k = r.first; k <= r.last; k++) if (!isPunct(doc.tokens[k])) n++;
  return n;
};
