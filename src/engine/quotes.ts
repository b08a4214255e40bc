// Pairs quotation marks across the whole document before any sentence logic, so that a quote running over
// several sentences (or paragraphs) is known as one run, and cues inside quotes are not taken as top-level cues.
import type { Doc } from '../nlp.ts';

export interface QuoteRun {
  /** Offset of the opening mark and of the closing mark (exclusive end is close + 1). */
  open: number;
  close: number;
  /** Token indices of the marks. */
  openTok: number;
  closeTok: number;
  /** Single quotes ‘…’ used as quotation rather than scare quotes. */
  single: boolean;
}

export interface Quotes {
  runs: QuoteRun[];
  /** For each token: index of the run it lies inside (marks excluded), or -1. */
  inside: Int32Array;
}

const OPEN_DOUBLE = new Set(['“', '«', '„']);
const CLOSE_DOUBLE = new Set(['”', '»']);
const MAX_SINGLE_WORDS = 80;
const MIN_SINGLE_WORDS = 5;

export function findQuotes(doc: Doc): Quotes {
  const { tokens } = doc;
  const runs: QuoteRun[] = [];
  let openAt = -1;
  let openPara = -1;
  const paraOf = (ti: number) => doc.sentences[tokens[ti].sent]?.para ?? 0;

  for (let i = 0; i < tokens.length; i++) {
    const v = tokens[i].value;
    if (v.length !== 1 && !(v.length === 2 && v[0] === v[1])) continue;
    const ch = v[0];
    const isStraight = ch === '"';
    if (!isStraight && !OPEN_DOUBLE.has(ch) && !CLOSE_DOUBLE.has(ch)) continue;
    let opening: boolean;
    if (isStraight) {
      const prevEnd = i > 0 ? tokens[i - 1].end : -1;
      const glued = prevEnd === tokens[i].start && i > 0 && !/^[([{\u2014-]$/.test(tokens[i - 1].value);
      opening = openAt < 0 ? !glued || tokens[i].newline : false;
      if (openAt >= 0 && !glued && tokens[i + 1] && tokens[i + 1].start === tokens[i].end && paraOf(i) !== openPara) {
        opening = true; // a new paragraph that opens with a mark
      }
    } else {
      opening = OPEN_DOUBLE.has(ch);
      // an opening mark typed where a closing one belongs: glued to the end of the quoted words while a quote
      // is open ("… for her here,“ said X")
      if (opening && openAt >= 0 && i > 0 && tokens[i - 1].end === tokens[i].start && paraOf(i) === paraOf(openAt) &&
        (!tokens[i + 1] || tokens[i + 1].start > tokens[i].end)) opening = false;
    }
    if (opening) {
      if (openAt >= 0) {
        // A paragraph that leaves its quote open continues into the next paragraph that opens with a mark;
        // any other open mark while open restarts the run here.
        if (paraOf(openAt) !== paraOf(i) && tokens[i].newline) {
          openPara = paraOf(i);
          continue;
        }
      }
      openAt = i;
      openPara = paraOf(i);
    } else if (openAt >= 0) {
      runs.push({ open: tokens[openAt].start, close: tokens[i].start, openTok: openAt, closeTok: i, single: false });
      openAt = -1;
    }
    // A closing mark with no opening is ignored.
  }
  if (openAt >= 0) {
    // An unclosed quote runs to the end of its paragraph.
    let last = openAt;
    const para = paraOf(openAt);
    while (last + 1 < tokens.length && paraOf(last + 1) === para) last++;
    if (last > openAt) {
      runs.push({ open: tokens[openAt].start, close: tokens[last].end, openTok: openAt, closeTok: last + 1, single: false });
    }
  }

  findSingleQuotes(doc, runs);
  runs.sort((a, b) => a.open - b.open);

  const inside = new Int32Array(tokens.length).fill(-1);
  runs.forEach((r, ri) => {
    for (let t = r.openTok + 1; t < r.closeTok && t < tokens.length; t++) if (inside[t] < 0) inside[t] = ri;
  });
  return { runs, inside };
}

/** ‘…’ pairs long enough to be quotation (not scare quotes), within one paragraph, outside double quotes. */
function findSingleQuotes(doc: Doc, runs: QuoteRun[]): void {
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].value !== '‘') continue;
    let words = 0;
    for (let j = i + 1; j < tokens.length && words <= MAX_SINGLE_WORDS; j++) {
      const t = tokens[j];
      if (t.pos === 'SPACE' && /[\n\r]/.test(t.value)) break;
      if (t.value === '‘') break;
      if (t.value === '’' && !(tokens[j + 1] && tokens[j + 1].start === t.end && /^\w/.test(tokens[j + 1].value))) {
        if (words >= MIN_SINGLE_WORDS) {
          runs.push({ open: tokens[i].start, close: t.start, openTok: i, closeTok: j, single: true });
        }
        i = j;
        break;
      }
      if (t.pos !== 'PUNCT') words++;
    }
  }
}
