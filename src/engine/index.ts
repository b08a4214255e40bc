// The claim engine: a analysed document in, attributed (and hedged) claims out, in reading order.
import type { Claim } from '../schema.ts';
import type { Doc } from '../nlp.ts';

export function extractClaims(doc: Doc): Claim[] {
  void doc;
  return []; // being built: see issue 2
}
