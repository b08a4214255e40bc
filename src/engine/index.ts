// The claim engine: an analysed document in, attributed (and hedged) claims out, in reading order.
import type { Claim, Conduit, Entity, Hedge, Source, Span } from '../schema.ts';
import type { Doc } from '../nlp.ts';
import { findRelations, type Relation } from './attribution.ts';
import { carriedClaims } from './carriers.ts';
import { findConduits, type ConduitMatch } from './conduits.ts';
import { BODY_TYPES, Coref } from './coref.ts';
import { descriptionType, mentionExtent } from './mention.ts';
import { trimTails } from './content-tail.ts';
import { contentWords } from './sources.ts';
import { titles } from './lexicon.ts';
import { findHedges, isVerificationNote, type HedgeMatch } from './hedges.ts';
import { findQuotes, type Quotes } from './quotes.ts';
import { findEntities } from './entities.ts';
import { categorize } from './category.ts';
import { checkworthiness } from './checkworthiness.ts';
import type { Range } from './phrases.ts';

const TRIM_PUNCT = /^[\s,;:—–-]+|[\s,;:—–-]+$/g;
/** Sources a bare "it" may stand for when it speaks ("It added that …"). */

/** The claims of a document. `entities`: findEntities(doc) when already found (the --jsonl batch's worker does). */
export function extractClaims(doc: Doc, entities: Entity[] = findEntities(doc)): Claim[] {
  const quotes = findQuotes(doc);
  // dedupe again after trimTails: a cut can leave two cues over the same content ("X, the ministry said, according
  // to TASS": the outlet's content ends where the ministry's does), and the more confident one stays.
  const relations = floatingQuotes(doc, quotes, carriedClaims(doc, dedupe(trimTails(doc, quotes, cutCoordinated(doc, dedupe(findRelations(doc, quotes)))))));
  const hedges = findHedges(doc.text);
  const noted = new Map<number, HedgeMatch[]>();
  relations.push(...hedgedSentences(doc, relations, hedges, noted));
  relations.sort((a, b) => firstContent(a) - firstContent(b));
  // Resolve sources in the order they are written, so that later mentions see earlier names.
  const coref = new Coref(doc);
  const conduitCache = new Map<number, ConduitMatch[]>();
  const at = (r: Relation) => (r.source ? r.source.first : firstContent(r));
  const inOrder = [...relations].sort((a, b) => at(a) - at(b));
  const sources = new Map<Relation, Source | null>();
  const conduits = new Map<Relation, Conduit | null>();
  const titled = new Map<string, Source['type']>();
  for (const rel of inOrder) {
    const { source, conduit } = sourceAndConduit(doc, rel, coref, conduitCache, titled);
    sources.set(rel, source);
    conduits.set(rel, conduit);
  }
  unifyShortNames(sources);
  retypeByTitle(sources, titled);
  const claims: Claim[] = [];
  for (const rel of relations) {
    if (restatesHost(doc, rel, relations, sources)) continue;
    const parts = splitAtSemicolons(doc, quotes, rel.content);
    for (const part of parts) {
      // "Ukraine says it hit the bridge; Russia denies damage": a part after a semicolon that holds another cue
      // is that cue's claim
      if (parts.length > 1 && part !== parts[0] && relations.some((o) => o !== rel && o.cue && part.some((c) => c.first <= o.cue!.first && o.cue!.first <= c.last))) continue;
      const content = part.map((r) => charSpan(doc, r)).filter((s) => s.end > s.start);
      if (!content.length) continue;
      const claimHedges = hedgesFor(doc, rel, content, hedges, noted);
      const source = sources.get(rel) ?? null;
      if (!source && !claimHedges.length && rel.kind !== 'passive') continue;
      if (rel.bodyOnly && !(source && !source.unresolved && BODY_TYPES.has(source.type))) continue;
      const ents = entitiesIn(entities, content);
      const text = readable(doc.text, content);
      const category = categorize(text, ents);
      const cueSpan = rel.cue ? charSpan(doc, rel.cue) : null;
      claims.push({
        id: '',
        text,
        content,
        sentence: sentenceSpan(doc, rel, content),
        source,
        conduit: conduits.get(rel) ?? null,
        cue: cueSpan ? { text: doc.text.slice(cueSpan.start, cueSpan.end), span: cueSpan, stance: rel.stance } : null,
        hedges: claimHedges,
        quote: rel.quote,
        category,
        entities: ents,
        checkworthiness: checkworthiness({
          hasSource: !!source,
          sourceType: source?.type ?? null,
          hedged: claimHedges.length > 0,
          hasQuantity: ents.some((e) => e.type === 'quantity'),
          category,
          quote: rel.quote,
        }),
      });
    }
  }
  claims.sort((a, b) => a.content[0].start - b.content[0].start);
  claims.forEach((c, i) => (c.id = `c${i + 1}`));
  return claims;
}

const NAMED_TYPES = new Set(['official', 'military', 'government', 'state-media', 'media', 'organization', 'company', 'person']);

/** Name words without the titles that lead them ("col.", "mr."), keeping at least one word. */
function untitled(words: string[]): string[] {
  let k = 0;
  while (k < words.length - 1 && titles.has(words[k])) k++;
  return words.slice(k);
}

/**
 * A short name used before the full one ("Ministry of Defense says …" in a headline, "the Russian Ministry of
 * Defense" in the text) is the same source: when exactly one longer name holds all its words, use that name.
 */
/** A person typed by a title in one mention ("X, a spokesman for …") keeps that type in every claim of theirs. */
function retypeByTitle(sources: Map<Relation, Source | null>, titled: Map<string, Source['type']>): void {
  if (!titled.size) return;
  for (const [rel, s] of sources) {
    const type = s && s.type === 'person' && !s.unresolved ? titled.get(s.name) : undefined;
    if (s && type) sources.set(rel, { ...s, type });
  }
}

function unifyShortNames(sources: Map<Relation, Source | null>): void {
  const names = new Map<string, string[]>();
  // (a person's name without leading titles: "Col. Petrenko" and "Mr. Petrenko" are both "Petrenko")
  for (const s of sources.values()) {
    if (s && !s.unresolved && NAMED_TYPES.has(s.type) && !names.has(s.name)) names.set(s.name, s.type === 'person' ? untitled(contentWords(s.name)) : contentWords(s.name));
  }
  if (names.size < 2) return;
  const rename = new Map<string, string>();
  for (const [a, wa] of names) {
    if (!wa.length) continue;
    // the full name ends with the short one: "Russian Ministry of Defense" for "Ministry of Defense", "Donald
    // Trump" for "Trump", "Ivan Petrenko" for "Col. Petrenko" (but not "General Staff of Ukraine's armed forces"
    // for "Ukraine")
    const tail = ' ' + wa.join(' ');
    const longer = [...names].filter(([b, wb]) => b !== a && wb.length > wa.length && (' ' + wb.join(' ')).endsWith(tail));
    if (longer.length === 1) rename.set(a, longer[0][0]);
  }
  if (!rename.size) return;
  for (const [rel, s] of sources) {
    const to = s && rename.get(s.name);
    if (s && to) sources.set(rel, { ...s, name: to, resolved: s.resolved === 'explicit' ? 'alias' : s.resolved });
  }
}

/**
 * "Lawmakers warned that they would oppose any bill": a weak cue inside another relation's content whose
 * pronoun source is that relation's own source restates what the host already reports.
 */
function restatesHost(doc: Doc, rel: Relation, rels: Relation[], sources: Map<Relation, Source | null>): boolean {
  if (!rel.cue || !rel.source || rel.source.first !== rel.source.last || doc.tokens[rel.source.first].pos !== 'PRON') return false;
  if (rel.kind !== 'attitude' && rel.confidence >= 0.9) return false;
  const own = sources.get(rel)?.name;
  const at = rel.cue.first;
  return rels.some((o) => o !== rel && o.content.some((c) => c.first <= at && at <= c.last) && sources.get(o)?.name === own);
}

function overlaps(a: Range[], b: Range[]): boolean {
  return a.some((x) => b.some((y) => x.first <= y.last && y.first <= x.last));
}

function firstContent(r: Relation): number {
  let first = r.content[0].first;
  for (const c of r.content) if (c.first < first) first = c.first;
  return first;
}

/** One relation per cue; where two cues claim the same content, the more confident one stays. */
function dedupe(rels: Relation[]): Relation[] {
  const out: Relation[] = [];
  const byCue = new Set<number>();
  for (const r of [...rels].sort((a, b) => b.confidence - a.confidence)) {
    const key = r.cue ? r.cue.first : -1 - firstContent(r);
    if (byCue.has(key)) continue;
    // (two cues over the same words are one claim, unless one denies what the other asserts: "…, officials said, a
    // claim Moscow denied")
    const same = out.find(
      (o) => (o.stance === 'denies') === (r.stance === 'denies') && o.content.length === r.content.length && o.content.every((c, i) => c.first === r.content[i].first && c.last === r.content[i].last),
    );
    if (same) continue;
    // A source-less passive inside a sourced relation's content adds nothing ("…, as stated in X, is framed as …").
    if (!r.source && out.some((o) => o.source && overlaps(o.content, r.content))) continue;
    byCue.add(key);
    out.push(r);
  }
  return out;
}

const FLOAT_MAX = 5;

/**
 * "“We hold the bridge,” the colonel said. “The town is next.”": a quote that opens the next sentence with no cue
 * of its own goes on with the speaker of the quote just before it (up to FLOAT_MAX sentences, same paragraph
 * or the next one).
 */
function floatingQuotes(doc: Doc, quotes: Quotes, rels: Relation[]): Relation[] {
  const { tokens, sentences } = doc;
  const cueSent = new Set<number>();
  for (const r of rels) if (r.cue) cueSent.add(tokens[r.cue.first].sent);
  const runAt = new Map<number, number>();
  quotes.runs.forEach((q, i) => runAt.set(q.openTok, i));
  for (const r of rels) {
    if (!r.quote || !r.source || r.kind === 'hedge') continue;
    let end = 0;
    for (const c of r.content) if (c.last > end) end = c.last;
    // the sentence holding the end of this relation (its cue or its content, whichever is later)
    let si = Math.max(tokens[end].sent, r.cue ? tokens[r.cue.last].sent : 0);
    for (let n = 0; n < FLOAT_MAX; n++) {
      const next = sentences[si + 1];
      if (!next || next.para > sentences[si].para + 1 || cueSent.has(next.i)) break;
      const qi = runAt.get(next.first);
      if (qi === undefined) break;
      const run = quotes.runs[qi];
      // a quote left open at the end of the text runs to its last token
      const close = Math.min(run.closeTok, tokens.length - 1);
      const lastSent = tokens[close].sent;
      let cued = false;
      for (let k = next.i; k <= lastSent; k++) if (cueSent.has(k)) cued = true;
      if (cued) break;
      r.content.push({ first: run.openTok, last: close });
      si = lastSent;
    }
  }
  return rels;
}

/** "X praised Y and said Z": the relation of "praised" ends before "and said". */
const CLAUSE_LINKS = new Set(['while', 'whereas', 'as', 'but', 'and', 'when', 'although', 'though', 'because', 'after', 'before', 'since']);

function cutCoordinated(doc: Doc, rels: Relation[]): Relation[] {
  // "…, while Sanders suggests …", "…, as Clinton echoed …": a clause after a comma and a linking word that has
  // a speaker and cue of its own ends the content of an earlier relation
  for (const r of rels) {
    if (r.cutBefore !== undefined || !r.source || !r.cue || r.source.last >= r.cue.first) continue;
    const j = r.source.first - 1;
    const link = doc.tokens[j];
    if (!link || !CLAUSE_LINKS.has(link.lower) || doc.tokens[j - 1]?.sent !== link.sent) continue;
    if (doc.tokens[j - 1].value === ',') r.cutBefore = j - 1;
    else if (link.lower === 'while' || link.lower === 'whereas') r.cutBefore = j;
  }
  for (const r of rels) {
    const cut = r.cutBefore;
    if (cut === undefined) continue;
    for (const o of rels) {
      if (o === r) continue;
      o.content = o.content
        .map((c) => (c.first < cut && c.last >= cut ? { first: c.first, last: cut - 1 } : c))
        .filter((c) => c.last >= c.first);
    }
  }
  // A stance verb or a weak cue inside someone else's reported content ("the ministry claimed the troops laid
  // mines", "he said voters want change") is part of what that source said, not a view of its own.
  return rels.filter((r) => r.content.length > 0 && !(nestable(r) && rels.some((o) => o !== r && o.kind !== 'attitude' && r.cue && o.content.some((c) => c.first <= r.cue!.first && r.cue!.first <= c.last))));
}

/** Relations dropped inside another's content: stance verbs, and weak cues (confidence 0.7 or less) other than passives. */
function nestable(r: Relation): boolean {
  if (r.kind === 'attitude') return true;
  return r.confidence <= 0.7 && r.kind !== 'passive';
}

/**
 * Sentences that hedge a statement with no attribution of their own: "Russian forces reportedly deployed …". A
 * sentence that only says the one before could not be verified is no claim: its hedge is noted (`noted`, by
 * sentence) for the claims of the sentence before, when that sentence has an attributed claim.
 */
function hedgedSentences(doc: Doc, rels: Relation[], hedges: HedgeMatch[], noted: Map<number, HedgeMatch[]>): Relation[] {
  const covered = new Set<number>();
  for (const r of rels) for (const c of r.content) for (let k = c.first; k <= c.last; k++) covered.add(k);
  const out: Relation[] = [];
  const done = new Set<number>();
  const notes = new Set<number>();
  for (const h of hedges) {
    if (h.weak) continue;
    const tok = tokenAt(doc, h.start);
    if (tok < 0 || covered.has(tok)) continue;
    const si = doc.tokens[tok].sent;
    if (done.has(si)) continue;
    done.add(si);
    // the sentence it speaks of: the one before, past other such notes
    let before = si - 1;
    while (notes.has(before)) before--;
    const claimed = (k: number) => rels.some((r) => r.sent === k) || out.some((r) => r.sent === k);
    if (before >= 0 && claimed(before) && isVerificationNote(doc, si, tok, lastTokenBefore(doc, tok, h.end))) {
      // said of the claims of the sentence before, sourced or hedged ones alike; a note alone is no claim
      noted.set(before, [...(noted.get(before) ?? []), h]);
      notes.add(si);
      continue;
    }
    const s = doc.sentences[si];
    let first = s.first;
    let last = s.last;
    while (last > first && /^[.!?…]+$/.test(doc.tokens[last].value)) last--;
    // "Reportedly, X did Y": the opener is not content.
    if (doc.tokens[first].start === h.start && doc.tokens[first + 1]?.value === ',') first += 2;
    if (last - first < 3) continue;
    // "Rivals reportedly met in May": "reportedly" is the cue of an unnamed source's report
    const cue = doc.tokens[tok].lower === 'reportedly' && h.end === doc.tokens[tok].end ? { first: tok, last: tok } : null;
    out.push({ kind: 'hedge', cue, stance: 'reports', source: null, owner: null, content: [{ first, last }], sent: si, quote: false, confidence: 0.5 });
  }
  return out;
}

/** The last token starting before `end`, from token `tok` on (a hedge's last token). */
function lastTokenBefore(doc: Doc, tok: number, end: number): number {
  let k = tok;
  while (k + 1 < doc.tokens.length && doc.tokens[k + 1].start < end) k++;
  return k;
}

function tokenAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = doc.tokens[mid];
    if (offset < t.start) hi = mid - 1;
    else if (offset >= t.end) lo = mid + 1;
    else return mid;
  }
  return lo < doc.tokens.length ? lo : -1;
}

function sourceAndConduit(doc: Doc, rel: Relation, coref: Coref, conduitCache: Map<number, ConduitMatch[]>, titled: Map<string, Source['type']>): { source: Source | null; conduit: Conduit | null } {
  const s = doc.sentences[rel.sent];
  let found = conduitCache.get(rel.sent);
  if (!found) {
    found = findConduits(doc.text, s.start, s.end);
    conduitCache.set(rel.sent, found);
  }
  // an outlet another relation named as this claim's carrier ("…, according to TASS")
  let conduit: Conduit | null = rel.conduit ? outletConduit(doc, rel.conduit) : null;
  let source: Source | null = null;
  const srcSpan = rel.source ? charSpan(doc, rel.source) : null;
  for (const m of found) {
    // The source's own name is not its conduit, unless someone else speaks through it.
    if (srcSpan && m.conduit.span && m.conduit.span.start >= srcSpan.start && m.conduit.span.end <= srcSpan.end) continue;
    // "told Reuters" carries the claim of its own cue ("said", "told"), not every claim in the sentence
    if (m.recipientAt !== null && !(rel.cue && recipientOf(doc, rel.cue, m.recipientAt))) continue;
    conduit ??= m.conduit;
    if (!rel.source && m.owner) {
      const r = rangeOf(doc, m.owner.start, m.owner.end);
      if (r) source = coref.resolve(r, null, rel.sent);
    }
  }
  if (rel.source) {
    source = coref.resolve(rel.source, rel.owner, rel.sent);
    // the mention covers the description set off after the name; the name comes from the name alone
    const whole = mentionExtent(doc, rel);
    if (whole) {
      const span = charSpan(doc, whole);
      source = { ...source, mention: doc.text.slice(span.start, span.end), span };
      // "Ivan Hrytsenko, a spokesman for the ministry": the title gives a named person's type
      const type = source.type === 'person' && !source.unresolved ? descriptionType(doc, rel.source, whole) : null;
      if (type) {
        source = { ...source, type };
        titled.set(source.name, type);
      }
    }
  }
  return { source, conduit };
}

/** Whether a recipient phrase starting at offset `at` is the cue itself or follows it closely ("said in an
 * interview with CNN", "told state television"). */
function recipientOf(doc: Doc, cue: Range, at: number): boolean {
  const k = tokenAt(doc, at);
  return k >= cue.first && k <= cue.last + 4;
}

function outletConduit(doc: Doc, r: Range): Conduit {
  const first = doc.tokens[r.first].lower === 'the' && r.first < r.last ? r.first + 1 : r.first;
  const span = charSpan(doc, { first, last: r.last });
  return { name: doc.text.slice(span.start, span.end), span };
}

function rangeOf(doc: Doc, start: number, end: number): Range | null {
  const first = tokenAt(doc, start);
  const last = tokenAt(doc, end - 1);
  if (first < 0 || last < 0 || last < first) return null;
  return { first, last };
}

function charSpan(doc: Doc, r: Range): Span {
  return { start: doc.tokens[r.first].start, end: doc.tokens[r.last].end };
}

/** Content split at semicolons: each clause becomes a claim of its own. */
function splitAtSemicolons(doc: Doc, quotes: Quotes, content: Range[]): Range[][] {
  const parts: Range[][] = [];
  let current: Range[] = [];
  for (const r of content) {
    let first = r.first;
    for (let k = r.first; k <= r.last; k++) {
      // (a semicolon inside a quotation is the speaker's own punctuation: "“We are global; we are local,”")
      if (doc.tokens[k].value === ';' && quotes.inside[k] < 0) {
        if (k - 1 >= first) current.push({ first, last: k - 1 });
        if (current.length) parts.push(current);
        current = [];
        first = k + 1;
        if (/^(instead|however|meanwhile|moreover)$/.test(doc.tokens[first]?.lower ?? '') && doc.tokens[first + 1]?.value === ',') first += 2;
      }
    }
    if (first <= r.last) current.push({ first, last: r.last });
  }
  if (current.length) parts.push(current);
  return parts;
}

function hedgesFor(doc: Doc, rel: Relation, content: Span[], hedges: HedgeMatch[], noted: ReadonlyMap<number, HedgeMatch[]>): Hedge[] {
  const s = doc.sentences[rel.sent];
  const out: Hedge[] = [];
  // "The claim could not be independently verified." after the sentence: said of its claims
  for (const h of noted.get(rel.sent) ?? []) if (!out.some((o) => o.span.start === h.start)) out.push({ text: h.text, span: { start: h.start, end: h.end } });
  for (const h of hedges) {
    const inContent = content.some((c) => h.start >= c.start && h.end <= c.end);
    // A sentence-opening hedge ("Reportedly, …") governs its sentence.
    const opener = rel.kind === 'hedge' && h.start === s.start;
    if (inContent || opener) out.push({ text: h.text, span: { start: h.start, end: h.end } });
  }
  return out;
}

/** Entities inside the content spans (entities are sorted by start: a binary search finds the first). */
function entitiesIn(entities: Entity[], content: Span[]): Entity[] {
  const out: Entity[] = [];
  for (const c of content) {
    let lo = 0;
    let hi = entities.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (entities[mid].span.start < c.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < entities.length && entities[k].span.start < c.end; k++) {
      if (entities[k].span.end <= c.end) out.push(entities[k]);
    }
  }
  return out;
}

function sentenceSpan(doc: Doc, rel: Relation, content: Span[]): Span {
  const s = doc.sentences[rel.sent];
  return {
    start: Math.min(s.start, ...content.map((c) => c.start)),
    end: Math.max(s.end, ...content.map((c) => c.end)),
  };
}

/** The claim as a readable statement: content clauses joined, "that" and wrapping marks dropped. */
function readable(text: string, content: Span[]): string {
  return content
    .map((c) => text.slice(c.start, c.end))
    .join(' … ')
    .replace(/\s+/g, ' ')
    .replace(/^that\s+/i, '')
    .replace(/^["“”«]+|["“”»]+$/g, '')
    .replace(TRIM_PUNCT, '')
    .trim();
}
