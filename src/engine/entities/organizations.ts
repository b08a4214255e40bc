// Organisations: known names, names built on a head word ("Russian Ministry of Defense", "Institute for the
// Study of War", "State Emergency Service") and lower-case ones ("the defence ministry").
import { T, firstBits, capAt, live, setKnownHit } from './document.ts';
import { ORG_KNOWN, ORG_HEADS, ORG_WEAK_HEADS, ORG_TAIL_LINKS, ORG_TAIL_INNER, ORG_LOWER_TOPICS, ORG_LOWER_HEADS, DEMONYMS, LETTER_START, B_DEMONYM } from './lexicon.ts';
import { capWord, sentenceInitial } from './name-words.ts';

function orgTailWord(m: number): boolean {
  return live(m) && capAt(m) && LETTER_START.test(T[m].value);
}

export function matchOrganization(i: number): number {
  let best = -1;
  const known = ORG_KNOWN.longest(i, 'name');
  if (known > i) {
    best = known;
    setKnownHit(true);
  }
  // Head words: "Russian Ministry of Defense", "Defense Ministry", "State Emergency Service".
  if (capWord(i)) {
    let j = i;
    let lastHead = -1;
    let headIsWeak = false;
    let mods = 0;
    let nonDemonymMods = 0;
    while (j < i + 6 && live(j)) {
      const h = capAt(j) ? ORG_HEADS.longest(j, 'any') : -1;
      if (h > j) {
        lastHead = h;
        headIsWeak = h === j + 1 && ORG_WEAK_HEADS.has(T[j].lower);
        j = h;
        continue;
      }
      if (capWord(j) && T[j].lower !== "'s") {
        if (lastHead > 0) break; // a name after a head word starts something else
        mods++;
        if (!DEMONYMS.has(T[j].lower)) nonDemonymMods++;
        j++;
        continue;
      }
      if (T[j].value === '-' && capWord(j + 1)) {
        j++;
        continue;
      }
      break;
    }
    if (lastHead > 0) {
      let e = lastHead;
      // Tail: "of Defense", "for the Study of War", "of Ukraine".
      let tail = -1;
      if (live(e) && ORG_TAIL_LINKS.has(T[e].lower)) {
        let k = e + 1;
        if (live(k) && T[k].lower === 'the') k++;
        if (capWord(k)) {
          while (orgTailWord(k)) {
            k++;
            if (live(k) && ORG_TAIL_INNER.has(T[k].lower)) {
              // "of the", "for the", "and", "&": never "and the", never onto a nationality ("and the Russian").
              let m = k + 1;
              if (T[k].lower !== 'and' && T[k].lower !== '&' && live(m) && T[m].lower === 'the') m++;
              if (orgTailWord(m) && !DEMONYMS.has(T[m].lower)) k = m;
            }
          }
          tail = k;
        }
      }
      const headOnly = mods === 0;
      const ok = tail > 0 || (!headOnly && (!headIsWeak || nonDemonymMods > 0));
      if (ok) {
        e = tail > 0 ? tail : e;
        if (e > best) {
          best = e;
          setKnownHit(false);
        }
      }
    }
  }
  // Lower case: "the defence ministry", "Russian defence ministry".
  let k = i;
  if ((firstBits(i) & B_DEMONYM) !== 0 && capAt(i)) k = i + 1;
  const topic = ORG_LOWER_TOPICS.longest(k, 'any');
  if (topic > k && live(topic) && ORG_LOWER_HEADS.has(T[topic].lower) && (k > i || !capAt(i) || sentenceInitial(i))) {
    if (topic + 1 > best) {
      best = topic + 1;
      setKnownHit(false);
    }
  }
  return best;
}
