// The one parser of the `/claims` query language, shared by every command that reads filters (`/claims`,
// `/sources since:`, `/export since: format:`) and by `claimdesk log query`.
//
//   Krasnogorsk "power plant" source:ministry type:military place:Kherson category:casualties
//   hedged  hedged:no  unattributed  by:@maria  since:7d  until:2026-11-01  page:2  source:"interior ministry"
//
// Every filter present must hold (AND); a filter given twice, or a comma list (type:military,official), is OR.
// Dates are UTC. Relative dates (7d, 24h, 2w) count back from an injectable `now`.
import type { ClaimQuery } from './channel-log/types.ts';
import { Category, SourceType } from './schema.ts';

export const MAX_QUERY_CHARS = 300;
export const MAX_QUERY_TERMS = 12;
export const MAX_TERM_CHARS = 100;
export const MAX_PAGE = 500;
export const DEFAULT_PAGE_SIZE = 5;
/** The furthest back a relative date may reach (7d, 2w, 24h ...). */
export const MAX_RELATIVE_DAYS = 3660;

export class QueryError extends Error {
  override name = 'QueryError';
}

export interface FilterSpec {
  name: string;
  /** What the value looks like in help; absent for filters that take none (`hedged`). */
  value?: string;
  help: string;
  example: string;
}

export const FILTERS: readonly FilterSpec[] = [
  { name: 'source', value: 'NAME', help: 'claims by a source whose name contains NAME, or that is NAME written another way', example: 'source:ministry' },
  { name: 'type', value: 'TYPE', help: `the source's type: ${SourceType.options.join(', ')}`, example: 'type:military' },
  { name: 'place', value: 'PLACE', help: 'claims that name this place', example: 'place:Kherson' },
  { name: 'category', value: 'CATEGORY', help: `one of: ${Category.options.join(', ')}`, example: 'category:casualties' },
  { name: 'hedged', help: 'only hedged claims ("reportedly", "could not be verified"); hedged:no for the others', example: 'hedged' },
  { name: 'unattributed', help: 'only claims with no source', example: 'unattributed' },
  { name: 'by', value: '@USER', help: 'reports pasted by this person (by:me for yourself)', example: 'by:@maria' },
  { name: 'since', value: 'WHEN', help: 'posted since: 24h, 7d, 2w, today, yesterday or a date like 2026-11-01', example: 'since:7d' },
  { name: 'until', value: 'WHEN', help: 'posted until (a date counts whole)', example: 'until:2026-11-01' },
  { name: 'page', value: 'N', help: 'the next page of results', example: 'page:2' },
];

export const FILTER_NAMES = FILTERS.map((f) => f.name);

export type Token =
  | { kind: 'word'; text: string }
  | { kind: 'phrase'; text: string }
  | { kind: 'filter'; name: string; value: string | null };

const OPEN_QUOTES: Record<string, string> = { '"': '"', '“': '”', '„': '“', '«': '»' };

/** A quoted value starting at `i` (on the opening quote): its text and the index after the closing quote. */
function readQuoted(input: string, i: number): { text: string; end: number } {
  const close = OPEN_QUOTES[input[i]];
  let j = i + 1;
  while (j < input.length && input[j] !== close && !(close !== '"' && input[j] === '"')) j++;
  if (j >= input.length) {
    throw new QueryError(`Unbalanced quote: ${input.slice(i, i + 30)}… has no closing ${close}. Close it, or drop the quote.`);
  }
  return { text: input.slice(i + 1, j), end: j + 1 };
}

const FILTER_RE = /^([A-Za-z]+):(.*)$/s;

/**
 * Splits text into words, "quoted phrases" and name:value filters (the value may be quoted: source:"two words").
 * Knows nothing about which filters exist; `parseQuery` and the commands decide.
 */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    if (/\s/.test(input[i])) {
      i++;
      continue;
    }
    if (input[i] in OPEN_QUOTES) {
      const q = readQuoted(input, i);
      tokens.push({ kind: 'phrase', text: q.text.trim() });
      i = q.end;
      continue;
    }
    let j = i;
    while (j < input.length && !/\s/.test(input[j]) && !(input[j] in OPEN_QUOTES)) j++;
    // A quote glued to a word (ab"c d") ends the word; the quote is read as a phrase next round.
    const raw = input.slice(i, j);
    const m = FILTER_RE.exec(raw);
    if (m && m[2] === '' && j < input.length && input[j] in OPEN_QUOTES) {
      // name:"quoted value"
      const q = readQuoted(input, j);
      tokens.push({ kind: 'filter', name: m[1].toLowerCase(), value: q.text.trim() });
      i = q.end;
      continue;
    }
    i = j;
    // http://… and times like 10:30 are words, not filters.
    if (m && !m[2].startsWith('//')) tokens.push({ kind: 'filter', name: m[1].toLowerCase(), value: m[2] === '' ? null : m[2] });
    else tokens.push({ kind: 'word', text: raw });
  }
  return tokens;
}

/** The text of an unknown-filter message: names the valid ones. */
export function unknownFilterMessage(name: string, valid: readonly string[] = FILTER_NAMES): string {
  return `Unknown filter "${name}:". Valid filters: ${valid.map((n) => n + ':').join(' ')} (see /help claims).`;
}

// --- dates ---------------------------------------------------------------------------------------------

const DAY = 86_400_000;
const UNIT_MS: Record<string, number> = { h: 3_600_000, d: DAY, w: 7 * DAY };
const RELATIVE_RE = /^(\d{1,5})([hdw])$/i;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/i;

const startOfDay = (t: Date) => new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));

function calendarDay(y: number, mo: number, d: number, raw: string, name: string): Date {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new QueryError(`${name}:${raw} is not a calendar date. Use YYYY-MM-DD, e.g. ${name}:2026-11-01.`);
  }
  return date;
}

/**
 * A `since:`/`until:` value as an instant. A whole day (2026-11-01, today, yesterday) starts at 00:00 UTC for
 * since: and runs to its last millisecond for until:.
 */
export function parseWhen(raw: string, name: 'since' | 'until', now: Date = new Date()): Date {
  const value = raw.trim().toLowerCase();
  const whole = (day: Date) => (name === 'since' ? day : new Date(day.getTime() + DAY - 1));
  const rel = RELATIVE_RE.exec(value);
  if (rel) {
    const ms = Number(rel[1]) * UNIT_MS[rel[2]];
    if (ms > MAX_RELATIVE_DAYS * DAY) throw new QueryError(`${name}:${raw} reaches too far back; the most is ${MAX_RELATIVE_DAYS}d.`);
    return new Date(now.getTime() - ms);
  }
  if (value === 'today') return whole(startOfDay(now));
  if (value === 'yesterday') return whole(new Date(startOfDay(now).getTime() - DAY));
  const d = DATE_RE.exec(value);
  if (d) return whole(calendarDay(Number(d[1]), Number(d[2]), Number(d[3]), raw, name));
  const dt = DATETIME_RE.exec(value);
  if (dt) {
    calendarDay(Number(dt[1]), Number(dt[2]), Number(dt[3]), raw, name);
    const [h, mi, s] = [Number(dt[4]), Number(dt[5]), Number(dt[6] ?? 0)];
    if (h > 23 || mi > 59 || s > 59) throw new QueryError(`${name}:${raw} is not a valid time of day.`);
    const zone = (dt[7] ?? 'Z').toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const iso = `${dt[1]}-${dt[2]}-${dt[3]}T${dt[4]}:${dt[5]}:${String(s).padStart(2, '0')}${zone}`;
    return new Date(iso);
  }
  throw new QueryError(
    `${name}:${raw} is not a date I can read. Use 24h, 7d, 2w, today, yesterday or a date like 2026-11-01.`,
  );
}

/** since/until from filter tokens, checked for order. Used by /claims, /sources, /export. */
export function dateRange(
  tokens: { since?: string; until?: string },
  now: Date,
): { since?: Date; until?: Date } {
  const since = tokens.since === undefined ? undefined : parseWhen(tokens.since, 'since', now);
  const until = tokens.until === undefined ? undefined : parseWhen(tokens.until, 'until', now);
  if (since && until && since > until) {
    throw new QueryError(`since:${tokens.since} is after until:${tokens.until}: nothing can match. Swap them?`);
  }
  return { since, until };
}

// --- users ---------------------------------------------------------------------------------------------

/**
 * A `by:` value as a user id: Slack `<@U123>` / `<@U123|maria>`, Discord `<@123>` / `<@!123>`, or `@maria` /
 * `maria` as typed (the console's user ids are names). `me` is the person asking.
 */
export function parseUser(raw: string, me?: string): string {
  const value = raw.trim();
  const mention = /^<@!?([A-Za-z0-9._-]+)(?:\|[^>]*)?>$/.exec(value);
  if (mention) return mention[1];
  if (value.toLowerCase() === 'me' && me) return me;
  const plain = value.replace(/^@/, '');
  if (!/^[\p{L}\p{N}._-]+$/u.test(plain)) {
    throw new QueryError(`by:${raw} is not a user. Use a mention (by:@maria) or by:me.`);
  }
  return plain;
}

// --- enums ---------------------------------------------------------------------------------------------

function oneOf<T extends string>(name: string, raw: string, options: readonly T[]): T[] {
  return raw.split(',').map((part) => {
    const v = part.trim().toLowerCase().replace(/[\s_]+/g, '-') as T;
    if (!options.includes(v)) throw new QueryError(`${name}:${part} is not a ${name}. Use one of: ${options.join(', ')}.`);
    return v;
  });
}

const YES = new Set(['yes', 'true', 'y', '1']);
const NO = new Set(['no', 'false', 'n', '0']);

function yesNo(name: string, value: string | null): boolean {
  if (value === null) return true;
  const v = value.toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  throw new QueryError(`${name}:${value}: use ${name} alone, or ${name}:no.`);
}

// --- the query -----------------------------------------------------------------------------------------

export interface ParseOptions {
  /** The instant relative dates count back from. */
  now?: Date;
  pageSize?: number;
  /** The asking user's id, for by:me. */
  me?: string;
}

/** Words keep letters, digits and inner punctuation (U.S., al-Assad); surrounding punctuation goes. */
function cleanWord(word: string): string {
  return word.replace(/^[^\p{L}\p{N}@#]+|[^\p{L}\p{N}]+$/gu, '');
}

function need(name: string, value: string | null): string {
  if (value === null || value.trim() === '') {
    const spec = FILTERS.find((f) => f.name === name);
    throw new QueryError(`${name}: needs a value, e.g. ${spec?.example ?? name + ':…'}.`);
  }
  return value.trim();
}

function checkLength(kind: string, text: string): void {
  if (text.length > MAX_TERM_CHARS) {
    throw new QueryError(`That ${kind} is too long (${text.length} characters; the most is ${MAX_TERM_CHARS}).`);
  }
}

/** Parses a `/claims` query. Throws QueryError with a message meant for the person who typed it. */
export function parseQuery(input: string, opts: ParseOptions = {}): ClaimQuery {
  const now = opts.now ?? new Date();
  if (input.length > MAX_QUERY_CHARS) {
    throw new QueryError(`That query is ${input.length} characters long; the most is ${MAX_QUERY_CHARS}. Use fewer words.`);
  }
  const tokens = tokenize(input);
  if (tokens.length > MAX_QUERY_TERMS) {
    throw new QueryError(`That query has ${tokens.length} terms; the most is ${MAX_QUERY_TERMS}. Narrow it with filters.`);
  }
  const q: ClaimQuery = { words: [], phrases: [], page: 1, pageSize: opts.pageSize ?? DEFAULT_PAGE_SIZE };
  const dates: { since?: string; until?: string } = {};
  const once = new Set<string>();
  const add = <K extends 'source' | 'place' | 'by' | 'type' | 'category'>(k: K, v: NonNullable<ClaimQuery[K]>) => {
    q[k] = [...(q[k] ?? []), ...v] as ClaimQuery[K];
  };

  for (const t of tokens) {
    if (t.kind === 'phrase') {
      checkLength('phrase', t.text);
      if (t.text !== '') q.phrases.push(t.text);
      continue;
    }
    if (t.kind === 'word') {
      const lower = t.text.toLowerCase();
      if (lower === 'hedged' || lower === 'unattributed') {
        if (lower === 'hedged') q.hedged = true;
        else q.unattributed = true;
        continue;
      }
      checkLength('word', t.text);
      const w = cleanWord(t.text);
      if (w !== '') q.words.push(w);
      continue;
    }
    const { name, value } = t;
    if ((name === 'since' || name === 'until' || name === 'page') && once.has(name)) {
      throw new QueryError(`${name}: is given twice; keep one.`);
    }
    once.add(name);
    switch (name) {
      case 'source':
      case 'place': {
        const v = need(name, value);
        checkLength(name, v);
        add(name, [v]);
        break;
      }
      case 'type':
        add('type', oneOf(name, need(name, value), SourceType.options));
        break;
      case 'category':
        add('category', oneOf(name, need(name, value), Category.options));
        break;
      case 'hedged':
        q.hedged = yesNo(name, value);
        break;
      case 'unattributed':
        if (!yesNo(name, value)) throw new QueryError('unattributed:no is not a filter; leave unattributed out to see every claim.');
        q.unattributed = true;
        break;
      case 'by':
        add('by', need(name, value).split(',').map((u) => parseUser(u, opts.me)));
        break;
      case 'since':
      case 'until':
        dates[name] = need(name, value);
        break;
      case 'page': {
        const v = need(name, value);
        if (!/^\d{1,6}$/.test(v) || Number(v) < 1) throw new QueryError(`page:${v} is not a page number; use page:2, page:3 …`);
        if (Number(v) > MAX_PAGE) throw new QueryError(`page:${v} is too far; the last page there can be is ${MAX_PAGE}.`);
        q.page = Number(v);
        break;
      }
      default:
        throw new QueryError(unknownFilterMessage(name));
    }
  }
  Object.assign(q, dateRange(dates, now));
  if (q.since === undefined) delete q.since;
  if (q.until === undefined) delete q.until;
  return q;
}

/**
 * name:value options of commands other than /claims (`/export format:csv since:7d`), read with the same
 * tokenizer: returns them by name; throws QueryError for an unknown name, a repeated one, or loose words.
 */
export function parseOptions(text: string, allowed: readonly string[], command: string): Record<string, string> {
  if (text.length > MAX_QUERY_CHARS) throw new QueryError(`That is ${text.length} characters long; the most is ${MAX_QUERY_CHARS}.`);
  const out: Record<string, string> = {};
  for (const t of tokenize(text)) {
    if (t.kind !== 'filter') {
      const what = t.kind === 'phrase' ? `"${t.text}"` : t.text;
      throw new QueryError(`/${command} does not take ${what}. It takes: ${allowed.map((a) => a + ':').join(' ')}`);
    }
    if (!allowed.includes(t.name)) {
      throw new QueryError(`/${command} has no option "${t.name}:". It takes: ${allowed.map((a) => a + ':').join(' ')}`);
    }
    if (t.name in out) throw new QueryError(`${t.name}: is given twice; keep one.`);
    if (t.value === null || t.value === '') throw new QueryError(`${t.name}: needs a value.`);
    out[t.name] = t.value;
  }
  return out;
}
