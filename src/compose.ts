// Turns the engine's claims into the summary every surface shows: stats, sources, flags and a headline.
import type { Doc } from './nlp.ts';
import type { PreparedInput } from './input.ts';
import { SUMMARY_SCHEMA_ID, type Claim, type SourceSummary, type Stance, type Summary } from './schema.ts';
import { findFlags } from './flags.ts';

export function composeSummary(doc: Doc, claims: Claim[], input: PreparedInput): Summary {
  const sources = summarizeSources(claims);
  return {
    schema: SUMMARY_SCHEMA_ID,
    headline: headline(doc, claims, sources),
    language: input.language,
    stats: { chars: input.original.length, words: doc.words, sentences: doc.sentences.length },
    claims,
    sources,
    flags: findFlags(claims, input.original),
    notices: input.notices,
  };
}

/** One entry per distinct source name, most claims first (ties: first to speak first). */
export function summarizeSources(claims: Claim[]): SourceSummary[] {
  const byName = new Map<string, SourceSummary>();
  for (const c of claims) {
    if (!c.source) continue;
    let s = byName.get(c.source.name);
    if (!s) {
      s = { name: c.source.name, type: c.source.type, claims: [], conduits: [] };
      byName.set(c.source.name, s);
    }
    // The first specific type wins over 'unknown'.
    if (s.type === 'unknown') s.type = c.source.type;
    s.claims.push(c.id);
    if (c.conduit && !s.conduits.includes(c.conduit.name)) s.conduits.push(c.conduit.name);
  }
  // Array.prototype.sort is stable: equal counts keep their order of first appearance.
  return [...byName.values()].sort((a, b) => b.claims.length - a.claims.length);
}

const VERB: Record<Stance, string> = {
  asserts: 'says',
  acknowledges: 'acknowledges',
  denies: 'denies',
  describes: 'says',
  reports: 'reports',
  warns: 'warns',
  accuses: 'accuses',
  questions: 'questions',
  shows: 'says',
  believes: 'believes',
  promises: 'promises',
};

const HEADLINE_MAX = 140;

/** "Russian Ministry of Defense (via TASS) says units ... seized the area; 3 more claims from 2 sources" */
export function headline(doc: Doc, claims: Claim[], sources: SourceSummary[]): string {
  const hedged = claims.filter((c) => c.source === null && c.hedges.length > 0).length;
  const hedgedNote = hedged > 0 ? `${count(hedged, 'hedged claim')} without a source` : '';
  const top = sources[0];
  if (!top) return hedgedNote ? `No attributed claims found; ${hedgedNote}` : 'No attributed claims found';

  const first = claims.find((c) => c.id === top.claims[0])!;
  const via = first.conduit ? ` (via ${first.conduit.name})` : '';
  const verb = first.cue ? VERB[first.cue.stance] : 'says';
  const said = first.quote ? `“${clean(first.text)}”` : lowerFirst(doc, first, clean(first.text));
  const lead = trimAt(`${top.name}${via} ${verb} ${said}`, HEADLINE_MAX);

  const others = claims.filter((c) => c.source !== null && c !== first);
  const otherSources = new Set(others.map((c) => c.source!.name)).size;
  const notes: string[] = [];
  if (others.length > 0) notes.push(`${count(others.length, 'more claim')} from ${count(otherSources, 'source')}`);
  if (hedgedNote) notes.push(hedgedNote);
  return [lead, ...notes].join('; ');
}

const count = (n: number, word: string) => `${n} ${n === 1 ? word : word + 's'}`;

/** One line, no final full stop. */
function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[.;:,]+$/, '');
}

/** Cuts at a word boundary with an ellipsis when longer than max. */
export function trimAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

// Words that start a clause in war reporting and are capitalised only for their position.
const COMMON_STARTERS = new Set(
  ('the a an its their his her our this that these those some many more most all several both each every no ' +
    'it they we he she there here units troops forces soldiers fighters officials civilians residents people ' +
    'shelling fighting attacks strikes drones missiles enemy heavy fierce').split(' '),
);

/**
 * "Units of the ..." → "units of the ...", keeping the capital of names. The tagger calls every capitalised
 * word a proper noun, so the document decides: a word capitalised mid-sentence is a name; a sentence-initial
 * word is lower-cased when the document also uses it in lower case, or when it is a common clause opener.
 */
function lowerFirst(doc: Doc, claim: Claim, text: string): string {
  const word = text.match(/^\p{L}+/u)?.[0] ?? '';
  if (!/^\p{Lu}\p{Ll}+$/u.test(word) && word !== 'A') return text;
  const at = claim.content[0]?.start;
  const token = at === undefined ? undefined : doc.tokens.find((t) => t.start >= at && t.value === word);
  if (token) {
    const before = doc.tokens
      .slice(doc.sentences[token.sent]?.first ?? token.i, token.i)
      .some((t) => t.pos !== 'PUNCT' && t.pos !== 'SPACE');
    if (before) return text; // capitalised mid-sentence: a name
  }
  const lower = word.toLowerCase();
  const usedLower = new RegExp(`(^|[^\\p{L}])${lower}(?![\\p{L}])`, 'u').test(doc.text);
  if (usedLower || COMMON_STARTERS.has(lower)) return lower + text.slice(word.length);
  return text;
}
