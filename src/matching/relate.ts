// Do two claims report the same thing, dispute each other, or neither? See README, "Claims across reports".
import { conflictingFigures, countDifferentThings, countSameThing } from './figures.ts';
import type { ClaimFeatures } from './features.ts';
import { OWN_SIDE_EVENTS, opposes } from './lexicon.ts';

export type ClaimRelation =
  | { kind: 'same' }
  /** Same event, but the claims cannot both hold: other figures, one side claims and the other denies. */
  | { kind: 'disputes'; why: string }
  | { kind: 'unrelated' };

/** Share of content words two claims must have in common (Jaccard) when nothing else ties them together.
 * groupClaims relies on it being at least 0.5 (a partner then holds half of a claim's words). */
export const WORDS_ALONE = 0.5;
/** … when they name the same event but no common place or counted thing. */
export const WORDS_WITH_EVENT = 0.3;
/** … when they name the same event at the same place, for events that many different things are (a strike). */
export const WORDS_GENERIC_EVENT = 0.2;
/** Events too common to make two claims one by themselves: a strike on X and a strike on X may be two strikes. */
const GENERIC_EVENTS = new Set(['strike', 'damage', 'destroy', 'advance', 'talks', 'aid']);

/** Jaccard overlap of two claims' content words (sorted word numbers, merged). */
function overlap(a: ClaimFeatures, b: ClaimFeatures): number {
  const x = a.wordIds;
  const y = b.wordIds;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      common++;
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  const all = x.length + y.length - common;
  return all === 0 ? 0 : common / all;
}

/** Where two claims stand: a place in common, different places, only one names a place, or neither does. */
type Places = 'shared' | 'conflict' | 'one' | 'none';
function places(a: ClaimFeatures, b: ClaimFeatures): Places {
  if (a.places.size === 0 || b.places.size === 0) return a.places.size === 0 && b.places.size === 0 ? 'none' : 'one';
  let common = 0;
  for (const p of a.places) if (b.places.has(p)) common++;
  if (common === 0) return 'conflict';
  if (common === a.places.size || common === b.places.size) return 'shared';
  // Two claims that each name a place (one the engine found as a place) the other does not ("Novoselivka in the
  // Donetsk region" and "Petrivka in the Donetsk region") are about different places, whatever region they share.
  return elsewhere(a, b) && elsewhere(b, a) ? 'conflict' : 'shared';
}

/** x names a place the engine found that y does not name. */
function elsewhere(x: ClaimFeatures, y: ClaimFeatures): boolean {
  for (const p of x.namedPlaces) if (!y.places.has(p)) return true;
  return false;
}

const countsSameThing = (a: ClaimFeatures, b: ClaimFeatures) => countSameThing(a.figures, b.figures);

/** How claim b stands to claim a. Symmetric in kind; `why` is said of b ("denies it", "says 20 civilians, not 12 civilians"). */
const unrelated: ClaimRelation = Object.freeze({ kind: 'unrelated' });
const same: ClaimRelation = Object.freeze({ kind: 'same' });

/** The claim tells of its source's own forces in their own voice, naming no side and denying nothing. */
const ownAccount = (f: ClaimFeatures): boolean => f.ownVoice && !f.namesSide && !f.negated;

/** The claim gives a figure for this event besides its main one ("two killed and eight wounded": injure). */
export const countsFor = (f: ClaimFeatures, event: string): boolean => f.figures.some((x) => x.event === event);

export function relateFeatures(a: ClaimFeatures, b: ClaimFeatures): ClaimRelation {
  const where = places(a, b);
  if (where === 'conflict') return unrelated;
  const flipped = a.event !== null && b.event !== null && a.event !== b.event && opposes(a.event, b.event);
  // Other main events, but one claim counts the other's event too: they meet on that event's figures only (a
  // negation belongs to the main event: "no one was killed, five were wounded" does not deny "five wounded").
  let side = false;
  if (a.event !== null && b.event !== null) {
    let event = a.event;
    if (a.event !== b.event && !flipped) {
      if (countsFor(a, b.event)) event = b.event;
      else if (!countsFor(b, a.event)) return unrelated;
      side = true;
    }
    // Same event. Neither names a place (a country-wide figure: "40 drones overnight"): the same counted thing
    // or enough words in common. Only one names a place: enough words. The same place: enough words only for
    // events that many different things are.
    if (where === 'none' && !countsSameThing(a, b) && overlap(a, b) < WORDS_WITH_EVENT) return unrelated;
    if (where === 'one' && overlap(a, b) < WORDS_WITH_EVENT) return unrelated;
    if (where === 'shared' && GENERIC_EVENTS.has(event) && !countsSameThing(a, b) && overlap(a, b) < WORDS_GENERIC_EVENT) return unrelated;
  } else if (overlap(a, b) < WORDS_ALONE) {
    return unrelated;
  }
  // Each side's own shoot-downs and repelled attacks: opposite sides telling of one such event in their own voice
  // ("its air defences shot down …", no side named, nothing denied) tell of two events.
  if (!side && a.event !== null && b.event === a.event && OWN_SIDE_EVENTS.has(a.event) && ownAccount(a) && ownAccount(b) && a.side && b.side && a.side !== b.side) {
    return unrelated;
  }
  // Figures for one event that never count the same thing are two claims: "40 Ukrainian drones" shot down by one
  // side, "30 Russian drones" by the other; "three civilians" and "40 soldiers" killed.
  if (countDifferentThings(a.figures, b.figures)) return unrelated;
  if (!side && a.negated !== (b.negated !== flipped)) {
    if (flipped) return { kind: 'disputes', why: 'says the opposite' };
    return { kind: 'disputes', why: b.negated ? 'denies it' : 'says it happened' };
  }
  const figures = conflictingFigures(a.figures, b.figures);
  if (figures) return { kind: 'disputes', why: `says ${figures[1].text}, not ${figures[0].text}` };
  return same;
}
