// Checks a pasted report and masks its markup. The masked text has the same length as the original, so
// every offset computed on it points into the original text exactly.
import { ENGLISH, guessLanguage, type LanguageGuess } from './language.ts';

export type InputErrorCode = 'empty' | 'binary' | 'too-large';

export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly code: InputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface PreparedInput {
  /** The text exactly as given. */
  original: string;
  /** Same length as `original`, with markup and control characters replaced by spaces. */
  masked: string;
  /** Notes for the reader about the input (markup ignored, not English, ...). */
  notices: string[];
  /** 'en', or a best guess ('ru', 'uk', 'und'). */
  language: string;
}

export interface InputOptions {
  /** Largest accepted size in UTF-8 bytes. */
  maxBytes: number;
}

export function prepareInput(text: string, { maxBytes }: InputOptions): PreparedInput {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) throw tooLargeError(bytes, maxBytes);
  if (text.trim() === '') {
    throw new InputError('empty', 'The text is empty: paste or pipe in the report you want summarised.');
  }
  checkNotBinary(text);

  const found = new Set<string>();
  const masked = mask(text, found);
  const notices: string[] = [];
  if (found.size > 0) {
    notices.push(`Ignored ${[...found].join(', ')}; offsets still point into the text as given.`);
  }
  const { language, name } = guessLanguageFast(masked);
  if (language !== 'en') {
    const what = name ? `looks like ${name}` : 'does not look like English';
    notices.push(`This text ${what}. ClaimDesk reads English and may miss claims.`);
  }
  return { original: text, masked, notices, language };
}

/** The error for input of `bytes` UTF-8 bytes over a limit of `maxBytes` (also used by readers that stop early). */
export function tooLargeError(bytes: number, maxBytes: number): InputError {
  return new InputError(
    'too-large',
    `The text is too long: ${formatBytes(bytes)}, and ClaimDesk accepts at most ${formatBytes(maxBytes)}. ` +
      'Send a shorter excerpt or split the report (the limit is CLAIMDESK_MAX_INPUT_BYTES).',
  );
}

/** "200 KB (200000 bytes)": the limit's own unit, with the exact figure. */
export function formatBytes(n: number): string {
  const kb = n / 1000;
  const short = kb >= 1 ? `${Number(kb.toFixed(1))} KB` : `${n} bytes`;
  return kb >= 1 ? `${short} (${n} bytes)` : short;
}

// C0 controls except tab, line feed and carriage return; DEL; C1 controls; the replacement character that
// stands for undecodable bytes.
const JUNK = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/g;

// Non-global twin of JUNK: is there any junk at all? (Most input has none, and then nothing else is counted.)
const ANY_JUNK = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/;

function checkNotBinary(text: string): void {
  if (text.includes('\u0000')) {
    throw new InputError(
      'binary',
      'This looks like a binary file, not text (it contains NUL bytes). Paste the report as plain text.',
    );
  }
  if (!ANY_JUNK.test(text)) return;
  const junk = text.match(JUNK)?.length ?? 0;
  const visible = text.replace(/\s+/g, '').length;
  if (junk > 0 && junk / Math.max(visible, 1) > 0.25) {
    const share = Math.round((100 * junk) / Math.max(visible, 1));
    throw new InputError(
      'binary',
      `This looks like binary data, not text (${Math.min(share, 100)}% of its characters are control or ` +
        'undecodable characters). Paste the report as plain text.',
    );
  }
}

const blank = (s: string) => ' '.repeat(s.length);

// Tags whose start is a line or paragraph break: masked with a newline so sentences still end there.
const BLOCK_TAGS =
  /^(p|br|div|h[1-6]|li|ul|ol|tr|td|th|table|blockquote|section|article|header|footer|hr|pre|figure|figcaption|title)$/i;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', sbquo: '‚', bdquo: '„',
  middot: '·', bull: '•', deg: '°', euro: '€', pound: '£', copy: '©', reg: '®', trade: '™', times: '×',
  minus: '−', thinsp: ' ', ensp: ' ', emsp: ' ', shy: ' ', zwj: ' ', zwnj: ' ',
};

function decodeEntity(entity: string): string | null {
  const body = entity.slice(1, -1);
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return ' ';
    const ch = String.fromCodePoint(code);
    return /^[\u0000-\u001F\u007F-\u009F]$/.test(ch) && !/[\t\n\r]/.test(ch) ? ' ' : ch;
  }
  return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? null;
}

/**
 * Replaces markup by spaces, keeping the length. `found` collects what kinds of markup were seen.
 * Each pass keeps the length, so later passes see the same offsets; entities are decoded last among the
 * markup passes so that an escaped `&lt;b&gt;` is read as text, not as a tag.
 */
export function mask(text: string, found: Set<string> = new Set()): string {
  // Fast path: no character that any pass below could match (most pasted reports are plain text).
  if (!MARKUP_CHAR.test(text)) return text;
  let s = text;
  // Each group of passes runs only when its trigger character is present in the text as it is now.
  if (s.includes('<')) s = maskAngles(s, found);
  if (s.includes('&')) s = maskEntities(s, found);
  if (FORMAT_CHAR.test(s)) s = maskFormatting(s, found);
  if (CONTROL_CHAR.test(s)) s = maskControls(s, found);
  return s;
}

/** Any character that some masking pass starts from: '<', '&', '*', '_', '~', controls, BOM, surrogates. */
const MARKUP_CHAR = /[<&*_~\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\uD800-\uDFFF]/;
const FORMAT_CHAR = /[*_~]/;
const CONTROL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\uD800-\uDFFF]/;

function maskAngles(text: string, found: Set<string>): string {
  let s = text;

  // HTML comments, script and style elements with their content.
  s = s.replace(/<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, (m) => {
    found.add('HTML tags');
    return blank(m);
  });
  // Slack markup: <@U123>, <@U123|name>, <#C1|general>, <!here>, <!subteam^S1|@team>, <https://x|label>, <https://x>
  s = s.replace(/<([@#!])[^<>\s]*(?:\|[^<>\n]*)?>/g, (m) => {
    found.add('Slack mentions');
    return blank(m);
  });
  s = s.replace(/<((?:https?|mailto|ftp|tel|slack):[^<>|\s]*)(?:\|([^<>\n]*))?>/g, (m, url: string, label?: string) => {
    found.add('Slack links');
    if (label === undefined) return ` ${url} `;
    return blank(m.slice(0, m.length - label.length - 1)) + label + ' ';
  });

  // HTML tags.
  s = s.replace(/<\/?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?\/?>|<!DOCTYPE[^<>]*>/gi, (m, name?: string) => {
    found.add('HTML tags');
    return name && BLOCK_TAGS.test(name) ? '\n' + blank(m.slice(1)) : blank(m);
  });
  return s;
}

function maskEntities(s: string, found: Set<string>): string {
  return s.replace(/&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});/g, (m) => {
    const ch = decodeEntity(m);
    if (ch === null || ch.length > m.length) return m;
    found.add('HTML entities');
    return ch + ' '.repeat(m.length - ch.length);
  });
}

function maskFormatting(s: string, found: Set<string>): string {
  // Slack *bold*, _italic_, ~strike~: only a marker pair at word boundaries, on one line.
  return s.replace(
    /(^|[\s(\[{"'“‘«])([*_~])(?=[^\s*_~])([^\n]*?[^\s*_~])\2(?=$|[\s.,;:!?)\]}"'”’»…-])/gm,
    (_m, before: string, _marker: string, inner: string) => {
      found.add('Slack formatting');
      return `${before} ${inner} `;
    },
  );
}

function maskControls(s: string, found: Set<string>): string {
  // Stray control characters, a byte-order mark, lone surrogates. Surrogate pairs (emoji) stay as they are.
  return s.replace(
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (m) => {
      if (m !== '\uFEFF') found.add('control characters');
      return ' ';
    },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Language guess: the same answer as guessLanguage() (src/language.ts), without its three whole-sample
// regex scans. Letters are counted in one pass over the code units; for Latin-script text the English
// function-word share is counted without building the word list. Anything else is left to guessLanguage().

/** The same word list guessLanguage() uses (all 2 to 5 letters, no apostrophes). */
const ENGLISH_WORDS = ENGLISH;
const SAMPLE = 20_000;
const IS_LETTER = /^\p{L}$/u;
const IS_LATIN = /^\p{Script=Latin}$/u;
const IS_CYRILLIC = /^\p{Script=Cyrillic}$/u;
/** Per non-ASCII code point: 1 letter, 2 Latin, 4 Cyrillic. */
const CLASS = new Map<number, number>();

function classOf(cp: number): number {
  let c = CLASS.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    c = (IS_LETTER.test(ch) ? 1 : 0) | (IS_LATIN.test(ch) ? 2 : 0) | (IS_CYRILLIC.test(ch) ? 4 : 0);
    CLASS.set(cp, c);
  }
  return c;
}

function guessLanguageFast(text: string): LanguageGuess {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const letters = countLetters(sample);
  if (letters === 0) return { language: 'und' };
  if (latinLetters / letters < 0.6) return guessLanguage(text);
  // A headline of a few words may have no function word at all: give short Latin text the benefit of the doubt.
  const words = countEnglish(sample.toLowerCase());
  if (words < 8 || englishHits / words >= 0.06) return { language: 'en' };
  return { language: 'und' };
}

// The two scans below are functions of their own (each is optimised once, not again with its caller); their
// second results are left in these variables.
let latinLetters = 0;
let englishHits = 0;

/** Letters in the sample; the Latin ones among them are left in latinLetters. */
function countLetters(sample: string): number {
  const n = sample.length;
  let letters = 0;
  let latin = 0;
  for (let k = 0; k < n; k++) {
    const c = sample.charCodeAt(k);
    if (c < 128) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
        letters++;
        latin++;
      }
      continue;
    }
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && k + 1 < n) {
      const d = sample.charCodeAt(k + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        k++;
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) continue; // a lone surrogate is nothing
    const cls = classOf(cp);
    if (cls & 1) letters++;
    if (cls & 2) latin++;
  }
  latinLetters = latin;
  return letters;
}

/** A word of 2 to 5 letters a-z as a number (5 bits a letter), so that no substring is made to look it up. */
function wordCode(s: string, start: number, end: number): number {
  let code = 0;
  for (let k = start; k < end; k++) code = code * 32 + (s.charCodeAt(k) - 96);
  return code;
}
const ENGLISH_CODES = new Set<number>();
for (const w of ENGLISH_WORDS) if (/^[a-z]{2,5}$/.test(w)) ENGLISH_CODES.add(wordCode(w, 0, w.length));

/**
 * Words as /[a-z]+(?:['’][a-z]+)*\/g finds them in the lower-cased sample; the English function words among
 * them are left in englishHits.
 */
function countEnglish(low: string): number {
  const m = low.length;
  let words = 0;
  let hits = 0;
  let k = 0;
  while (k < m) {
    let c = low.charCodeAt(k);
    if (c < 97 || c > 122) {
      k++;
      continue;
    }
    const start = k;
    let plain = true;
    for (;;) {
      do c = low.charCodeAt(++k);
      while (c >= 97 && c <= 122);
      if ((c === 39 || c === 0x2019) && k + 1 < m) {
        const d = low.charCodeAt(k + 1);
        if (d >= 97 && d <= 122) {
          plain = false;
          k++;
          continue;
        }
      }
      break;
    }
    words++;
    if (plain && k - start <= 5 && k - start >= 2 && ENGLISH_CODES.has(wordCode(low, start, k))) hits++;
  }
  englishHits = hits;
  return words;
}
