// Token tests the matchers share: numbers and years, the start of a sentence, capitalised words that can be
// part of a proper name (memoised per token in ./document.ts), and runs of name words ("von der Leyen").
import { T, CAP, NAME, firstBits, capAt, live, wordBit } from './document.ts';
import { STOP_CAPS, NOT_NAME, NAME_PARTICLES, LETTER_START, isAllCaps } from './lexicon.ts';

const B_STOP_CAP = wordBit(STOP_CAPS);
const B_NOT_NAME = wordBit(NOT_NAME);

/** Digits with thousands separators and decimals ("10,000", "3.5"), or a range in one token ("5-7"). */
export function isNumeric(v: string): boolean {
  const c = v.charCodeAt(0);
  if (c < 48 || c > 57) return false;
  let dash = false;
  for (let k = 1; k < v.length; k++) {
    const d = v.charCodeAt(k);
    if (d >= 48 && d <= 57) continue;
    if (d === 44 || d === 46) continue;
    if ((d === 45 || d === 8211) && !dash && k + 1 < v.length) {
      dash = true;
      continue;
    }
    return false;
  }
  return true;
}

export function isYear(v: string): boolean {
  if (v.length !== 4 || !isNumeric(v)) return false;
  const y = +v;
  return y >= 1900 && y <= 2099;
}

export function sentenceInitial(k: number): boolean {
  if (k === 0 || T[k].newline) return true;
  if (T[k - 1].sent !== T[k].sent) return true;
  // After an opening quote or bracket that opens the sentence.
  const p = T[k - 1];
  return (p.pos === 'PUNCT' || p.pos === 'SYM') && (k === 1 || T[k - 2].sent !== T[k].sent);
}

/** A capitalised word that can be part of a proper name. */
export function capWord(k: number): boolean {
  if (!live(k)) return false;
  const memo = CAP[k];
  if (memo !== 0) return memo === 2;
  const yes = capWordAt(k);
  CAP[k] = yes ? 2 : 1;
  return yes;
}

function capWordAt(k: number): boolean {
  const t = T[k];
  if (!capAt(k) || (firstBits(k) & B_STOP_CAP) !== 0) return false;
  // Sentence-initial ordinary words ("Residents", "Local") are capitalised too: trust wink's PROPN there.
  if (sentenceInitial(k) && t.pos !== 'PROPN') return false;
  return true;
}

export function nameTok(k: number): boolean {
  if (!capWord(k)) return false;
  const memo = NAME[k];
  if (memo !== 0) return memo === 2;
  const yes = nameTokAt(k);
  NAME[k] = yes ? 2 : 1;
  return yes;
}

/** nameTok for a token that is a capWord. */
function nameTokAt(k: number): boolean {
  const t = T[k];
  if ((firstBits(k) & B_NOT_NAME) !== 0) return false;
  if (isAllCaps(t.value) && t.value.length <= 5) return false; // acronyms: NATO, TASS
  return LETTER_START.test(t.value);
}

/** End of a run of 1..max name tokens from k (particles and hyphens inside), or k when none. */
export function nameRun(k: number, max: number): number {
  let j = k;
  let count = 0;
  while (count < max) {
    if (nameTok(j)) {
      j++;
      count++;
      continue;
    }
    if (count > 0 && live(j) && (NAME_PARTICLES.has(T[j].lower) || T[j].value === '-')) {
      // "von der Leyen", "al-Assad": only when a name token follows.
      let m = j;
      while (live(m) && (NAME_PARTICLES.has(T[m].lower) || T[m].value === '-') && m - j < 3) m++;
      if (m > j && nameTok(m)) {
        j = m;
        continue;
      }
    }
    break;
  }
  return j;
}
