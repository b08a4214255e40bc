// Sentences, tokens and parts of speech from wink-nlp, with exact UTF-16 offsets into the input text.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  /** Index in Doc.tokens. */
  i: number;
  start: number;
  end: number;
  /** The text, text.slice(start, end); a doubled apostrophe or backtick quotation mark reads as ". */
  value: string;
  /** Lower-cased value with curly apostrophes straightened. */
  lower: string;
  lemma: string;
  /** Universal POS tag (NOUN, VERB, PROPN, PUNCT, SPACE, ...). */
  pos: string;
  /** Index of the sentence holding the token. */
  sent: number;
  /** True for a line break token (or a token right after one). */
  newline: boolean;
}

export interface Sentence {
  i: number;
  /** First and last token index (inclusive). */
  first: number;
  last: number;
  start: number;
  end: number;
  /** Paragraph number: increases at each blank line or line break. */
  para: number;
}

export interface Doc {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  words: number;
}

let engine: ReturnType<typeof winkNLP> | null = null;
function nlp() {
  // Sentence boundaries and parts of speech only: wink's entity, negation and sentiment stages are not used.
  engine ??= winkNLP(model, ['sbd', 'pos']);
  return engine;
}

/** Loads the language model now rather than on first use (a quarter of a second). */
export function warmUp(): void {
  nlp();
}

const LINEBREAK = /[\r\n\u2028\u2029]/;
const CURLY = /[’‘]/;

export function analyze(text: string): Doc {
  const n = nlp();
  const its = n.its;
  // Doubled apostrophes and backticks are quotation marks in some wire styles: read them as one mark
  // (the replacement keeps every offset).
  const doc = n.readDoc(text.includes("''") || text.includes('``') ? text.replace(/''|``/g, '" ') : text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma as never) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];

  const tokens: Token[] = new Array(values.length);
  let at = 0;
  let words = 0;
  let pendingNewline = true;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i].length;
    const value = values[i];
    let start = at;
    // wink-nlp is lossless; this guard keeps spans exact if it ever normalises a character.
    if (text.startsWith(value, start) === false && !(value === '"' && text.startsWith("''", start) || text.startsWith('``', start))) {
      const found = text.indexOf(value, start);
      start = found >= 0 ? found : start;
    }
    const end = start + value.length;
    at = end;
    const p = pos[i];
    const isBreak = p === 'SPACE' && LINEBREAK.test(value);
    if (p !== 'PUNCT' && p !== 'SPACE' && p !== 'SYM') words++;
    tokens[i] = {
      i,
      start,
      end,
      value,
      lower: CURLY.test(value) ? value.toLowerCase().replace(/[’‘]/g, "'") : value.toLowerCase(),
      lemma: lemmas[i],
      pos: p,
      sent: 0,
      newline: isBreak || pendingNewline || (spaces[i].length > 0 && spaces[i] !== ' ' && LINEBREAK.test(spaces[i])),
    };
    pendingNewline = isBreak;
  }

  const sentences: Sentence[] = [];
  let para = 0;
  for (const [first, last] of mergeFalseBreaks(spans, values, spaces)) {
    // Split a wink sentence at line breaks: a headline or paragraph end is a sentence end.
    let s = first;
    for (let k = first; k <= last; k++) {
      const t = tokens[k];
      const breakHere = t.pos === 'SPACE' && LINEBREAK.test(t.value);
      const breakBefore = k > s && !breakHere && LINEBREAK.test(spaces[k]);
      if (breakBefore) {
        pushSentence(s, k - 1);
        para++;
        s = k;
      }
      if (breakHere) {
        pushSentence(s, k);
        para++;
        s = k + 1;
      }
    }
    if (s <= last) pushSentence(s, last);
  }

  function pushSentence(first: number, last: number) {
    // Trim space tokens at both ends; a sentence of only spaces is dropped.
    while (first <= last && tokens[first].pos === 'SPACE') first++;
    while (last >= first && tokens[last].pos === 'SPACE') last--;
    if (first > last) return;
    const i = sentences.length;
    for (let k = first; k <= last; k++) tokens[k].sent = i;
    sentences.push({ i, first, last, start: tokens[first].start, end: tokens[last].end, para });
  }

  return { text, tokens, sentences, words };
}

/**
 * wink-nlp sometimes ends a sentence inside an abbreviation or a parenthesis ("Rep. Trey Gowdy (R-S.C.) said").
 * Join a sentence to the next when its parentheses are unbalanced, or when the next one opens with a lower-case
 * word or a closing bracket, and no line break stands between them.
 */
function mergeFalseBreaks(spans: [number, number][], values: string[], spaces: string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [first, last] of spans) {
    const prev = out.at(-1);
    if (prev && !LINEBREAK.test(spaces[first]) && values[first] !== '\n' && joins(prev, first)) {
      prev[1] = last;
      continue;
    }
    out.push([first, last]);
  }
  return out;

  function joins(prev: [number, number], next: number): boolean {
    const v = values[next];
    if (/^[a-z)\]]/.test(v)) return true;
    let open = 0;
    for (let k = prev[0]; k <= prev[1]; k++) {
      if (values[k] === '(') open++;
      else if (values[k] === ')') open--;
    }
    return open > 0;
  }
}
