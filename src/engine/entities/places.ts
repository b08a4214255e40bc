// Places: gazetteer names, a name with a place word ("Kupiansk direction", "Azovstal steel plant") and a
// capitalised name in a place context ("near X", "the town of X", "Bakhmut and X").
import { T, capAt, live, lastType, lastEndTok, setKnownHit } from './document.ts';
import { GAZETTEER, PLACE_SUFFIXES, FACILITY_SUFFIXES, PLACE_PREPS, PRE_OF_NOUNS, WEAK_PREPS, FIRST_NAMES, SPEECH_VERBS, ORG_KNOWN, NOT_NAME, QUOTES, LETTER_START } from './lexicon.ts';
import { capWord } from './name-words.ts';

/** End of a run of capitalised place-name words (1..3, hyphens inside), or k. */
function placeRun(k: number): number {
  let j = k;
  let count = 0;
  while (count < 3) {
    if (capWord(j) && !NOT_NAME.has(T[j].lower) && LETTER_START.test(T[j].value)) {
      j++;
      count++;
      continue;
    }
    if (count > 0 && live(j) && T[j].value === '-' && capWord(j + 1)) {
      j++;
      continue;
    }
    break;
  }
  return j;
}

function withPlaceSuffix(e: number): number {
  const s = PLACE_SUFFIXES.longest(e, 'any');
  const f = FACILITY_SUFFIXES.longest(e, 'any');
  return Math.max(e, s, f);
}

export function matchPlace(i: number): number {
  const t = T[i];
  if (!capAt(i)) return -1;
  let best = -1;
  const g = GAZETTEER.longest(i, 'name');
  if (g > i) {
    best = withPlaceSuffix(g);
    setKnownHit(true);
  }
  const run = placeRun(i);
  if (run === i) return best;
  // Name + place word: "Kupiansk direction", "Azovstal steel plant", "Donetsk People's Republic".
  const suffixed = withPlaceSuffix(run);
  if (suffixed > run && ORG_KNOWN.longest(i, 'name') < 0 && suffixed > best) {
    best = suffixed;
    setKnownHit(false);
  }
  // Context: "near X", "the town of X", "Bakhmut and X".
  let p = i - 1;
  if (p >= 0 && QUOTES.has(T[p].value)) p--;
  if (p >= 0 && T[p].lower === 'the') p--;
  if (p < 0) return best;
  const prep = T[p];
  let context = false;
  if (prep.lower === 'of' && p > 0 && PRE_OF_NOUNS.has(T[p - 1].lower)) context = true;
  else if (PLACE_PREPS.has(prep.lower) && !capAt(p)) {
    if (!WEAK_PREPS.has(prep.lower)) context = true;
    else {
      // "to X", "from X", "at X": a proper noun that does not speak and is not a first name.
      context = !FIRST_NAMES.has(t.lower) && !(live(run) && SPEECH_VERBS.has(T[run].lower));
      for (let k = i; k < run; k++) if (T[k].pos !== 'PROPN') context = false;
    }
  } else if ((prep.lower === 'and' || prep.lower === 'or' || prep.value === ',') && lastType === 'place' && lastEndTok === p) {
    context = true;
  }
  if (context) {
    const e = withPlaceSuffix(run);
    if (e > best) {
      best = e;
      setKnownHit(false);
    }
  }
  return best;
}
