// Military units and formations: known names, ordinal formations ("93rd Mechanized Brigade"), named
// formations ("Central Military District", "'East' group of forces") and lower-case formation phrases
// ("motorized rifle units", "airborne troops").
import { T, firstBits, capAt, live, setKnownHit, wordBit } from './document.ts';
import { UNIT_KNOWN, UNIT_HEADS, UNIT_CAP_HEADS, UNIT_NAMED_HEADS_LOWER, UNIT_MODIFIERS, UNIT_PHRASE_HEADS, UNIT_PHRASE_MODIFIERS, UNIT_PHRASE_WEAK, GAZETTEER, QUOTES, ORDINAL, SPELLED_ORDINALS, B_DEMONYM } from './lexicon.ts';
import { capWord, sentenceInitial } from './name-words.ts';

const B_UNIT_PHRASE_MODIFIER = wordBit(UNIT_PHRASE_MODIFIERS);

export function matchUnit(i: number): number {
  const t = T[i];
  const c0 = t.value.charCodeAt(0);
  const digit = c0 >= 48 && c0 <= 57;
  // Every unit starts on a capital, a digit (ordinals), a quote or a lower-case formation modifier.
  if (!digit && !capAt(i) && !QUOTES.has(t.value) && (firstBits(i) & B_UNIT_PHRASE_MODIFIER) === 0) return -1;
  let best = -1;
  const known = UNIT_KNOWN.longest(i, 'name');
  if (known > i) {
    best = known;
    setKnownHit(true);
  }
  // Ordinal formations: "93rd Mechanized Brigade", "1st Guards Tank Army", "2nd Army Corps".
  if ((digit && ORDINAL.test(t.value)) || (SPELLED_ORDINALS.has(t.lower) && capAt(i))) {
    let lastHead = -1;
    for (let j = i + 1; j < i + 8 && live(j); ) {
      const h = UNIT_HEADS.longest(j, 'any');
      const hc = UNIT_CAP_HEADS.longest(j, 'any');
      const he = Math.max(h, hc);
      if (he > j) {
        lastHead = he;
        j = he;
        continue;
      }
      if (capWord(j) || UNIT_MODIFIERS.has(T[j].lower)) {
        j++;
        continue;
      }
      break;
    }
    if (lastHead > best) {
      best = lastHead;
      setKnownHit(false);
    }
  }
  // Named formations: "Central Military District", "Azov regiment", "'East' group of forces".
  let n0 = i;
  let quoted = false;
  if (QUOTES.has(t.value) && live(i + 1)) {
    n0 = i + 1;
    quoted = true;
  }
  if (unitNameWord(n0, quoted)) {
    let j = n0;
    let allDemonyms = true;
    let allPlaces = true;
    while (j < n0 + 4 && unitNameWord(j, quoted)) {
      if (UNIT_CAP_HEADS.longest(j, 'any') > j && j > n0) break;
      if ((firstBits(j) & B_DEMONYM) === 0) allDemonyms = false;
      if (GAZETTEER.longest(j, 'any') !== j + 1) allPlaces = false;
      j++;
    }
    if (quoted) {
      if (!live(j) || !QUOTES.has(T[j].value)) return best;
      j++;
    }
    if (j > n0 && !allDemonyms) {
      const capHead = live(j) && capAt(j) ? UNIT_CAP_HEADS.longest(j, 'any') : -1;
      const lowHead = UNIT_NAMED_HEADS_LOWER.longest(j, 'any');
      let e = Math.max(capHead, allPlaces ? -1 : lowHead);
      if (quoted && lowHead > e) e = lowHead;
      if (e > best) {
        best = e;
        setKnownHit(false);
      }
    }
  }
  // Lower-case formation phrases: "motorized rifle units", "airborne troops".
  if (UNIT_PHRASE_MODIFIERS.has(t.lower) && (!capAt(i) || sentenceInitial(i))) {
    let j = i;
    let strong = false;
    while (j < i + 4 && live(j) && UNIT_PHRASE_MODIFIERS.has(T[j].lower) && (j === i || !capAt(j))) {
      if (!UNIT_PHRASE_WEAK.has(T[j].lower)) strong = true;
      j++;
      if (strong && live(j) && UNIT_PHRASE_HEADS.has(T[j].lower) && !capAt(j)) {
        // Prefer the longest head chain: "special forces units".
        let e = j + 1;
        while (live(e) && UNIT_PHRASE_HEADS.has(T[e].lower) && !capAt(e) && e < j + 3) e++;
        if (e > best) {
          best = e;
          setKnownHit(false);
        }
      }
    }
  }
  return best;
}

function unitNameWord(k: number, quoted: boolean): boolean {
  return quoted ? live(k) && capAt(k) : capWord(k);
}
