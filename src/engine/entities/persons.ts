// People: known names, a surname seen earlier in the document, titles ("President Zelensky", "Gen. Valery
// Gerasimov"), first name + surname, a name after a role noun ("spokesman Dmitry Peskov") and name words
// before a speech verb ("Olha Marchenko said").
import { T, capAt, live, seenSurnames, setKnownHit } from './document.ts';
import { PERSON_KNOWN, TITLES, ROLES, SPEECH_VERBS, FIRST_NAMES, GAZETTEER, ORG_KNOWN } from './lexicon.ts';
import { nameTok, nameRun, sentenceInitial } from './name-words.ts';

export function matchPerson(i: number): number {
  const t = T[i];
  let best = -1;
  const known = PERSON_KNOWN.longest(i, 'name');
  if (known > i) {
    best = nameRun(known, 1) > known && known - i === 1 ? -1 : known;
    if (best > 0) setKnownHit(true);
  }
  if (seenSurnames.has(t.lower) && nameTok(i) && i + 1 > best) {
    best = i + 1;
    setKnownHit(true);
  }
  // Titles: "President Zelensky", "Gen. Valery Gerasimov", "Deputy Prime Minister Iryna Vereshchuk".
  if (capAt(i)) {
    let k = i;
    for (;;) {
      const e = TITLES.longest(k, 'any');
      if (e <= k) break;
      let capped = true;
      for (let m = k; m < e; m++) if (!capAt(m) && T[m].value !== '-' && T[m].lower !== 'of') capped = false;
      if (!capped) break;
      k = e;
    }
    if (k > i) {
      const e = nameRun(k, 3);
      if (e > k && e > best) {
        best = e;
        setKnownHit(false);
      }
    }
  }
  if (!nameTok(i)) return best;
  // First name + surname: "Maria Ostrova".
  if (FIRST_NAMES.has(t.lower)) {
    const e = nameRun(i, 3);
    if (e > i + 1 && e > best) {
      best = e;
      setKnownHit(false);
    } else if (e === i + 1 && live(e) && SPEECH_VERBS.has(T[e].lower) && e > best) {
      best = e;
      setKnownHit(false);
    }
  }
  // After a role noun: "spokesman Dmitry Peskov", "commander Ivan Petrov".
  const prev = i > 0 ? T[i - 1] : undefined;
  if (prev && ROLES.has(prev.lower) && !capAt(i - 1) && GAZETTEER.longest(i, 'name') < 0 && ORG_KNOWN.longest(i, 'name') < 0) {
    const e = nameRun(i, 3);
    if (e > i && t.pos === 'PROPN' && e > best) {
      best = e;
      setKnownHit(false);
    }
  }
  // Two or three name words before a speech verb: "Olha Marchenko said".
  if (!sentenceInitial(i) || t.pos === 'PROPN') {
    const e = nameRun(i, 3);
    if (e >= i + 2 && live(e) && SPEECH_VERBS.has(T[e].lower) && e > best) {
      let plain = true;
      for (let k = i; k < e; k++) if (T[k].pos !== 'PROPN' || GAZETTEER.longest(k, 'any') > k) plain = false;
      if (plain) {
        best = e;
        setKnownHit(false);
      }
    }
  }
  return best;
}
