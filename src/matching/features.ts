// What the matcher reads off one claim: its main event (seized, killed, shot down …), whether it is turned
// around (negated or denied), where it happened (place names, spellings merged), its figures, and its content
// words for a plain word-overlap comparison.
import type { Stance } from '../schema.ts';
import { searchWords } from '../channel-log/text.ts';
import { sourceKeyOf } from './source-names.ts';
import { findFigures, numberFriendly, type EventMention, type Figure } from './figures.ts';
import {
  BROAD_PLACES,
  DENIALS,
  EVENTS,
  EVENT_NAMES,
  KINDS,
  NEGATIONS,
  NEGATION_WINDOW,
  NOT_PLACE,
  NUMBER_WORDS,
  OWN_VOICE,
  OBJECTS,
  PART_OF,
  PLACE_GENERIC,
  PLACE_VARIANTS,
  SIDES,
  QUALIFIERS,
  STOP_WORDS,
  VAGUE,
} from './lexicon.ts';

/** The parts of a claim the matcher reads: a stored Claim and a /claims hit both have them. */
export interface MatchableClaim {
  text: string;
  source: { name: string } | null;
  cue: { stance: Stance } | null;
  /** Place names the engine found in the claim. */
  places: readonly string[];
}

export interface ClaimFeatures {
  /** The main event class (lexicon order decides between several), or null. */
  event: string | null;
  /** Negated ("had not fallen"), denied (the cue's stance) or called false. */
  negated: boolean;
  /** Places named in the claim, one key per place whatever the spelling. */
  places: Set<string>;
  /** The places the engine found as place entities (the rest of \`places\` are capitalised names in the text). */
  namedPlaces: Set<string>;
  figures: Figure[];
  /** Content words (events as their class, simple plural and tense endings dropped). */
  words: Set<string>;
  /** The same words as numbers (one per distinct word in this process), sorted: for a fast overlap. */
  wordIds: Int32Array;
  /** The side the claim's source speaks for ("russian" for Russia's Defence Ministry), when its name says. */
  side: string | null;
  /** The claim's own words name a side ("Ukrainian drones", "Russia's forces"). */
  namesSide: boolean;
  /** The claim tells of the source's own forces ("its air defences", "our troops"). */
  ownVoice: boolean;
}

/** A place name as one key: lower case, accents gone, "region"/"the city of" dropped, known spellings merged. */
export function placeKey(name: string): string | null {
  const ws = wordsOf(name).filter((w) => !PLACE_GENERIC.has(w) && !NOT_PLACE.has(w));
  if (ws.length === 0) return null;
  const joined = ws.join(' ');
  if (BROAD_PLACES.has(joined)) return null;
  return PLACE_VARIANTS.get(joined) ?? PLACE_VARIANTS.get(ws[ws.length - 1]) ?? joined;
}

const CAP = /^\p{Lu}/u;
const lexiconWords = new Map<string, boolean>();
/** A lexicon word: never a place however it is written ("Shelling killed …", "Fourteen people …"). */
function lexiconWord(w: string): boolean {
  let known = lexiconWords.get(w);
  if (known === undefined) {
    if (lexiconWords.size > 50_000) lexiconWords.clear();
    lexiconWords.set(w, (known = readLexiconWord(w)));
  }
  return known;
}

function readLexiconWord(w: string): boolean {
  const one = [w];
  const tables = [EVENTS, OBJECTS, NUMBER_WORDS, NEGATIONS, QUALIFIERS, VAGUE, DENIALS, PART_OF] as const;
  // A phrase's first word too: "Fighting" of "fighting continues", "Up" of "up to".
  return STOP_WORDS.has(w) || NOT_PLACE.has(w) || PLACE_GENERIC.has(w) || tables.some((t) => t.at(one, 0) !== null || t.starts(w));
}

/** searchWords, with a fast path for plain ASCII text (no accents to drop). */
export function wordsOf(text: string): string[] {
  if (!/^[\x00-\x7f]*$/.test(text)) return searchWords(text);
  const s = text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return s === '' ? [] : s.split(' ');
}

/** Runs of capitalised words in the claim's own text that may name a place ("Velyka Novosilka"). */
function capitalisedNames(text: string): string[] {
  const out: string[] = [];
  let run: string[] = [];
  let end = -1;
  for (const m of text.matchAll(/\p{Lu}[\p{L}\p{N}]*(?:['’\-][\p{L}\p{N}]+)*/gu)) {
    const start = m.index;
    const raw = m[0].replace(/['’]s$/u, '');
    // A capitalised word right after another (only spaces between) continues the run.
    if (run.length && (start === 0 || !/^\s+$/.test(text.slice(end, start)))) {
      out.push(run.join(' '));
      run = [];
    }
    if (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1])) continue; // inside a word ("McAllister")
    const low = /^[A-Za-z]+$/.test(raw) ? raw.toLowerCase() : searchWords(raw).join(' ');
    if (!lexiconWord(low)) run.push(raw);
    else if (run.length) {
      out.push(run.join(' '));
      run = [];
    }
    end = start + m[0].length;
  }
  if (run.length) out.push(run.join(' '));
  return out;
}

const ids = new Map<string, number>();
/** A number for each distinct word seen (a word list grows with the vocabulary of the reports read). */
function wordId(w: string): number {
  let id = ids.get(w);
  if (id === undefined) ids.set(w, (id = ids.size));
  return id;
}

const stem = (w: string): string =>
  w.length > 5 && w.endsWith('ing') ? w.slice(0, -3) : w.length > 4 && w.endsWith('ed') ? w.slice(0, -2) : w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;

/** How the word loop of claimFeatures treats one word, worked out once per distinct word. */
interface WordInfo {
  /** An event, negation or denial phrase may start at it. */
  phrase: boolean;
  /** A kind (a side: "Ukrainian") may start at it. */
  kind: boolean;
  /** Its content word (stemmed), or null for a stop word or a number. */
  content: string | null;
}
const wordInfos = new Map<string, WordInfo>();
function wordInfo(w: string): WordInfo {
  let info = wordInfos.get(w);
  if (info === undefined) {
    if (wordInfos.size > 50_000) wordInfos.clear();
    const phrase = EVENTS.mayStart(w) || NEGATIONS.mayStart(w) || DENIALS.mayStart(w);
    wordInfos.set(w, (info = { phrase, kind: KINDS.mayStart(w), content: STOP_WORDS.has(w) || /^\d+$/.test(w) ? null : stem(w) }));
  }
  return info;
}

export function claimFeatures(c: MatchableClaim): ClaimFeatures {
  const words = wordsOf(numberFriendly(c.text));
  const events: EventMention[] = [];
  const negations: number[] = [];
  let denial = false;
  let namesSide = false;
  let ownVoice = false;
  const content = new Set<string>();
  for (let i = 0; i < words.length; ) {
    const info = wordInfo(words[i]);
    if (info.kind && !namesSide) namesSide = KINDS.at(words, i)?.value.startsWith('side:') ?? false;
    if (!ownVoice && OWN_VOICE.has(words[i])) ownVoice = true;
    if (info.phrase) {
      const e = EVENTS.at(words, i);
      if (e) {
        events.push({ event: EVENT_NAMES[e.value], at: i, length: e.length });
        content.add(`#${EVENT_NAMES[e.value]}`);
        i += e.length;
        continue;
      }
      const n = NEGATIONS.at(words, i);
      if (n) {
        negations.push(i + n.length - 1);
        i += n.length;
        continue;
      }
      if (DENIALS.at(words, i)) denial = true;
    }
    if (info.content !== null) content.add(info.content);
    i++;
  }
  let main: EventMention | null = null;
  for (const e of events) if (!main || EVENT_NAMES.indexOf(e.event) < EVENT_NAMES.indexOf(main.event)) main = e;
  const negatedNearEvent = main !== null && negations.some((at) => at < main.at && main.at - at <= NEGATION_WINDOW);
  const places = new Set<string>();
  const namedPlaces = new Set<string>();
  for (const name of c.places) {
    const key = placeKey(name);
    if (key) namedPlaces.add(key);
  }
  for (const name of [...c.places, ...capitalisedNames(c.text)]) {
    const key = placeKey(name);
    if (key) places.add(key);
  }
  for (const p of places) for (const w of p.split(' ')) content.add(w);
  return {
    event: main?.event ?? null,
    negated: (negatedNearEvent || denial) !== (c.cue?.stance === 'denies'),
    places,
    namedPlaces,
    figures: findFigures(words, events, main?.event ?? null),
    words: content,
    wordIds: Int32Array.from(content, wordId).sort(),
    side: c.source ? sourceSide(c.source.name) : null,
    namesSide,
    ownVoice,
  };
}

const sides = new Map<string, string | null>();
/** The side a source's name says it speaks for: a side of the lexicon's kinds among its key's words (source-names.ts). */
function sourceSide(name: string): string | null {
  let side = sides.get(name);
  if (side === undefined) {
    if (sides.size > 50_000) sides.clear();
    const words = new Set(sourceKeyOf(name).split(' '));
    // One side only: "the Russian-installed governor of Ukraine's Zaporizhzhia region" says none for certain.
    const named = SIDES.filter((s) => s.every((w) => words.has(w)));
    sides.set(name, (side = named.length === 1 ? named[0].join(' ') : null));
  }
  return side;
}
