// Sentences, tokens and parts of speech from wink-nlp, with exact UTF-16 offsets into the input text.
import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';
import type { Model } from 'wink-nlp';

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
  if (!engine) {
    // Loaded on first use: a thread that only unpacks documents analysed elsewhere (the --jsonl batch's main
    // thread) never parses the model.
    const require = createRequire(import.meta.url);
    const wink = require('wink-nlp') as typeof winkNLP;
    const model = require('wink-eng-lite-web-model') as Model;
    // Sentence boundaries and parts of speech only: wink's entity, negation and sentiment stages are not used.
    engine = wink(model, ['sbd', 'pos']);
  }
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
  const words = readTokens(text, values, spaces, pos, lemmas, tokens);
  const sentences = splitSentences(tokens, mergeFalseBreaks(spans, values, spaces), spaces);
  return { text, tokens, sentences, words };
}

// analyze()'s two loops are functions of their own: each is optimised once, rather than once while it runs
// (on-stack replacement) and again with the whole of analyze().

/** Fills `tokens` from wink's token read-outs, with exact offsets into `text`; returns the number of words. */
function readTokens(text: string, values: string[], spaces: string[], pos: string[], lemmas: string[], tokens: Token[]): number {
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
      lower: lowerOf(value),
      lemma: lemmas[i],
      pos: p,
      sent: 0,
      newline: isBreak || pendingNewline || (spaces[i].length > 0 && spaces[i] !== ' ' && LINEBREAK.test(spaces[i])),
    };
    pendingNewline = isBreak;
  }
  return words;
}

/** The sentences of wink's (merged) sentence spans, split at line breaks; sets each token's `sent`. */
function splitSentences(tokens: Token[], spans: [number, number][], spaces: string[]): Sentence[] {
  const sentences: Sentence[] = [];
  let para = 0;
  for (const [first, last] of spans) {
    // Split a wink sentence at line breaks: a headline or paragraph end is a sentence end.
    let s = first;
    for (let k = first; k <= last; k++) {
      const t = tokens[k];
      const breakHere = t.pos === 'SPACE' && LINEBREAK.test(t.value);
      const breakBefore = k > s && !breakHere && LINEBREAK.test(spaces[k]);
      if (breakBefore) {
        pushSentence(tokens, sentences, s, k - 1, para);
        para++;
        s = k;
      }
      if (breakHere) {
        pushSentence(tokens, sentences, s, k, para);
        para++;
        s = k + 1;
      }
    }
    if (s <= last) pushSentence(tokens, sentences, s, last, para);
  }
  return sentences;
}

function pushSentence(tokens: Token[], sentences: Sentence[], first: number, last: number, para: number): void {
  // Trim space tokens at both ends; a sentence of only spaces is dropped.
  while (first <= last && tokens[first].pos === 'SPACE') first++;
  while (last >= first && tokens[last].pos === 'SPACE') last--;
  if (first > last) return;
  const i = sentences.length;
  for (let k = first; k <= last; k++) tokens[k].sent = i;
  sentences.push({ i, first, last, start: tokens[first].start, end: tokens[last].end, para });
}

/** Token.lower: the lower-cased value with curly apostrophes straightened. */
function lowerOf(value: string): string {
  return CURLY.test(value) ? value.toLowerCase().replace(/[’‘]/g, "'") : value.toLowerCase();
}

/**
 * wink-nlp sometimes ends a sentence inside an abbreviation or a parenthesis ("Rep. Ann Holm (D-Ore.) said").
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
    // a sentence never opens with a lower-case word, a closing bracket or a comma ("Rep. X (D-Md.), chair of …")
    if (/^[a-z)\],;]/.test(v)) return true;
    let open = 0;
    for (let k = prev[0]; k <= prev[1]; k++) {
      if (values[k] === '(') open++;
      else if (values[k] === ')') open--;
    }
    return open > 0;
  }
}

// ---------------------------------------------------------------------------------------------------------
// A Doc in compact form, to hand it from one thread to another (the --jsonl batch analyses on a worker thread):
// the numbers in two Int32Arrays (transferable), and only the strings that cannot be recomputed from the text,
// joined by NUL. unpackDoc(packDoc(doc)) deep-equals doc.

const POS_TAGS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE'];
const POS_CODE = new Map(POS_TAGS.map((p, k) => [p, k]));
const F_NEWLINE = 1 << 8;
/** The token's value is not text.slice(start, end) (a doubled apostrophe read as "), so it is in `strings`. */
const F_VALUE = 1 << 9;
/** The token's lemma is not its lower-cased value, so it is in `strings`. */
const F_LEMMA = 1 << 10;
const SEP = '\u0000';

export type PackedDoc =
  | {
      text: string;
      words: number;
      /** Per token: start, end, sent, flags (POS_TAGS index in the low byte, F_*). */
      tokens: Int32Array;
      /** Per sentence: first, last, start, end, para. */
      sentences: Int32Array;
      /** The values flagged F_VALUE and the lemmas flagged F_LEMMA, in token order, NUL-joined. */
      strings: string;
    }
  /** A document the compact form cannot carry (a tag outside POS_TAGS, a NUL in a string): sent as it is. */
  | { doc: Doc };

export function packDoc(doc: Doc): PackedDoc {
  const { text, tokens: toks, sentences: sents } = doc;
  const n = toks.length;
  const tokens = new Int32Array(4 * n);
  const strings: string[] = [];
  for (let k = 0; k < n; k++) {
    const t = toks[k];
    const code = POS_CODE.get(t.pos);
    if (code === undefined) return { doc };
    let flags = code | (t.newline ? F_NEWLINE : 0);
    if (!text.startsWith(t.value, t.start)) {
      if (t.value.includes(SEP)) return { doc };
      flags |= F_VALUE;
      strings.push(t.value);
    }
    if (t.lemma !== t.lower) {
      if (t.lemma.includes(SEP)) return { doc };
      flags |= F_LEMMA;
      strings.push(t.lemma);
    }
    const o = 4 * k;
    tokens[o] = t.start;
    tokens[o + 1] = t.end;
    tokens[o + 2] = t.sent;
    tokens[o + 3] = flags;
  }
  const sentences = new Int32Array(5 * sents.length);
  for (let k = 0; k < sents.length; k++) {
    const s = sents[k];
    sentences.set([s.first, s.last, s.start, s.end, s.para], 5 * k);
  }
  return { text, words: doc.words, tokens, sentences, strings: strings.join(SEP) };
}

/** The buffers packDoc's result can hand over without copying. */
export function packedTransfer(p: PackedDoc): ArrayBuffer[] {
  return 'doc' in p ? [] : [p.tokens.buffer as ArrayBuffer, p.sentences.buffer as ArrayBuffer];
}

export function unpackDoc(p: PackedDoc): Doc {
  if ('doc' in p) return p.doc;
  const { text, tokens: ints, sentences: sints } = p;
  const n = ints.length / 4;
  const strings = p.strings === '' ? [] : p.strings.split(SEP);
  let next = 0;
  const tokens: Token[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const o = 4 * i;
    const start = ints[o];
    const end = ints[o + 1];
    const flags = ints[o + 3];
    const value = flags & F_VALUE ? strings[next++] : text.slice(start, end);
    const lower = lowerOf(value);
    tokens[i] = {
      i,
      start,
      end,
      value,
      lower,
      lemma: flags & F_LEMMA ? strings[next++] : lower,
      pos: POS_TAGS[flags & 0xff],
      sent: ints[o + 2],
      newline: (flags & F_NEWLINE) !== 0,
    };
  }
  const sentences: Sentence[] = new Array(sints.length / 5);
  for (let k = 0; k < sentences.length; k++) {
    const o = 5 * k;
    sentences[k] = { i: k, first: sints[o], last: sints[o + 1], start: sints[o + 2], end: sints[o + 3], para: sints[o + 4] };
  }
  return { text, tokens, sentences, words: p.words };
}
