// Named entities and figures in a report: places, organisations, military units, persons, quantities, dates.
//
// One linear pass over the tokens. At each token every matcher says how far it could reach; the longest
// reach wins (a match from a known-name list beats a pattern match of the same length; remaining ties go
// date > quantity > unit > organization > person > place) and the pass jumps past it, so entities never
// overlap. All word lists, head words and gazetteers live in src/lexicon/entities.json and are turned into
// Sets, Maps and token tries once, at module load. Spans come from token offsets, so they are exact.
//
// The parts live in src/engine/entities/: document.ts (the document being read: tokens, per-token flags and
// first-word bits), lexicon.ts (word lists and token tries), name-words.ts (shared token tests), and one
// matcher per kind: dates.ts, quantities.ts, units.ts, organizations.ts, persons.ts, places.ts.
import type { Entity } from '../schema.ts';
import type { Doc } from '../nlp.ts';
import { T, N, knownHit, firstBits, loadDocument, releaseDocument, setKnownHit, setLast, seenSurnames, wordBit, type EntityType } from './entities/document.ts';
import { QUANT_PREFIX, CURRENCY, NUMBER_WORDS, UNIT_PHRASE_MODIFIERS, ORG_LOWER_TOPICS, QUOTES } from './entities/lexicon.ts';
import { nameTok } from './entities/name-words.ts';
import { DATE_INDEX, matchDate } from './entities/dates.ts';
import { matchQuantity } from './entities/quantities.ts';
import { matchUnit } from './entities/units.ts';
import { matchOrganization } from './entities/organizations.ts';
import { matchPerson } from './entities/persons.ts';
import { matchPlace } from './entities/places.ts';

/** Lower-case words that can start some entity; any other lower-case, non-numeric token is skipped at once. */
const LOWER_STARTS = new Set<string>([
  ...DATE_INDEX.keys(),
  ...QUANT_PREFIX.firstWords(),
  ...CURRENCY,
  ...NUMBER_WORDS.firstWords(),
  ...UNIT_PHRASE_MODIFIERS,
  ...ORG_LOWER_TOPICS.firstWords(),
]);

const B_LOWER_START = wordBit(LOWER_STARTS);

// ---------------------------------------------------------------------------------------------------------

// Matchers in tie order: date > quantity > unit > organization > person > place.
const ORDER: EntityType[] = ['date', 'quantity', 'unit', 'organization', 'person', 'place'];

/** Runs matcher number m of ORDER at i (a switch, not a table of closures, keeps the call direct). */
function runMatcher(m: number, i: number): number {
  switch (m) {
    case 0:
      return matchDate(i);
    case 1:
      return matchQuantity(i);
    case 2:
      return matchUnit(i);
    case 3:
      return matchOrganization(i);
    case 4:
      return matchPerson(i);
    default:
      return matchPlace(i);
  }
}

/**
 * All entities in the document: sorted by start, non-overlapping, spans exact. It depends on nothing but the
 * document, so the --jsonl batch runs it on its analysis worker and passes the answer on (src/batch.ts).
 */
export function findEntities(doc: Doc): Entity[] {
  loadDocument(doc);
  const out: Entity[] = [];
  const text = doc.text;
  try {
    let i = 0;
    while (i < N) i = entityAt(i, out, text);
  } finally {
    releaseDocument();
  }
  return out;
}

/**
 * The entity starting at token i, if any, pushed onto out; returns the token to go on from. (The loop body of
 * findEntities, kept apart so the engine optimises it once, not once inside the loop and again as a whole.)
 */
function entityAt(i: number, out: Entity[], text: string): number {
  const t = T[i];
  if (t.pos === 'SPACE' || ((t.pos === 'PUNCT' || t.pos === 'SYM') && !QUOTES.has(t.value) && !CURRENCY.has(t.lower))) return i + 1;
  const c = t.value.charCodeAt(0);
  if (c >= 97 && c <= 122 && (firstBits(i) & B_LOWER_START) === 0) return i + 1;
  let bestEnd = -1;
  let bestScore = 0;
  let bestType: EntityType | null = null;
  for (let m = 0; m < ORDER.length; m++) {
    setKnownHit(false);
    const e = runMatcher(m, i);
    if (e <= i) continue;
    const score = (e - i) * 2 + (knownHit ? 1 : 0);
    if (score > bestScore) {
      bestScore = score;
      bestEnd = e;
      bestType = ORDER[m];
    }
  }
  if (!bestType) return i + 1;
  // Trailing punctuation never ends an entity ("Sept. 11," keeps its comma out).
  let end = bestEnd;
  while (end > i + 1 && (T[end - 1].pos === 'PUNCT' || T[end - 1].pos === 'SPACE') && !QUOTES.has(T[end - 1].value)) end--;
  const start = T[i].start;
  const stop = T[end - 1].end;
  out.push({ type: bestType, text: text.slice(start, stop), span: { start, end: stop } });
  if (bestType === 'person') {
    const last = T[end - 1];
    if (nameTok(end - 1)) seenSurnames.add(last.lower);
  }
  setLast(bestType, end);
  return end;
}

// Entities in compact form, to hand them from one thread to another: per entity its type (an index in ORDER),
// start and end, in an Int32Array (transferable); the text is the document's own, sliced again on arrival.

export function packEntities(entities: Entity[]): Int32Array {
  const out = new Int32Array(3 * entities.length);
  for (let k = 0; k < entities.length; k++) {
    const e = entities[k];
    out[3 * k] = ORDER.indexOf(e.type);
    out[3 * k + 1] = e.span.start;
    out[3 * k + 2] = e.span.end;
  }
  return out;
}

/** unpackEntities(packEntities(findEntities(doc)), doc.text) deep-equals findEntities(doc). */
export function unpackEntities(packed: Int32Array, text: string): Entity[] {
  const out: Entity[] = new Array(packed.length / 3);
  for (let k = 0; k < out.length; k++) {
    const start = packed[3 * k + 1];
    const end = packed[3 * k + 2];
    out[k] = { type: ORDER[packed[3 * k]], text: text.slice(start, end), span: { start, end } };
  }
  return out;
}
