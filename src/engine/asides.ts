// Anonymity asides: the words by which a report says why a source goes unnamed ("who spoke on condition of
// anonymity", "asked not to be named", "was not authorized to speak publicly"; the lexicon's `anonymityAsides`).
// An aside describes the source phrase it follows: its verbs are no cues, and it is never the source itself.
import type { Doc } from '../nlp.ts';
import { anonymityAsides } from './lexicon.ts';
import type { Range } from './phrases.ts';
import { END_PUNCT, QUOTE_MARK } from './relation.ts';

const cache = new WeakMap<Doc, Int32Array>();
const RUN_ON = 12;

/** For each token, the last token of the aside it lies in, or -1. */
export function asideEnds(doc: Doc): Int32Array {
  let ends = cache.get(doc);
  if (ends) return ends;
  const { tokens } = doc;
  ends = new Int32Array(tokens.length).fill(-1);
  for (let i = 0; i < tokens.length; i++) {
    for (const phrase of anonymityAsides) {
      const end = matchAt(doc, i, phrase);
      if (end < 0) continue;
      let last = end;
      // "not authorized to discuss the talks said": an aside ending in an infinitive runs on to the next verb
      if (tokens[end - 1]?.lower === 'to') {
        let k = end + 1;
        while (k < tokens.length && k - end <= RUN_ON && tokens[k].sent === tokens[i].sent && tokens[k].value !== ',' &&
          !END_PUNCT.test(tokens[k].value) && !QUOTE_MARK.test(tokens[k].value) && tokens[k].pos !== 'VERB' && tokens[k].pos !== 'AUX') k++;
        last = k - 1;
      }
      for (let k = i; k <= last; k++) ends[k] = Math.max(ends[k], last);
      break;
    }
  }
  cache.set(doc, ends);
  return ends;
}

/** The last token of `phrase` matched from token `i` (one sentence), or -1. */
function matchAt(doc: Doc, i: number, phrase: (typeof anonymityAsides)[number]): number {
  const { tokens } = doc;
  let k = i;
  for (const slot of phrase) {
    const t = tokens[k];
    if (t && t.sent === tokens[i].sent && slot.words.has(t.lower)) k++;
    else if (!slot.optional) return -1;
  }
  return k - 1;
}

/** The aside holding token `k`, from its first token, or null. */
export function asideAt(doc: Doc, k: number): Range | null {
  const ends = asideEnds(doc);
  if (k < 0 || ends[k] < 0) return null;
  let first = k;
  while (first > 0 && ends[first - 1] >= k) first--;
  return { first, last: ends[k] };
}
