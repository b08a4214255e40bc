// "Also reported in …" and "disputed by …" for claims shown by /claims and /report: the other reports in the
// same channel, posted within WINDOW_DAYS of the claim's report, whose claims the matcher finds the same or
// disputing. Candidates come from one ChannelLog.claimsNear call (the search index, this channel only), so a
// lookup costs about one more search.
import type { ChannelKey, ChannelLog, ClaimHit, StoredReport } from '../channel-log/types.ts';
import { MAX_NEARBY_WORDS } from '../channel-log/types.ts';
import { searchWords } from '../channel-log/text.ts';
import type { Claim } from '../schema.ts';
import { claimFeatures, type ClaimFeatures, type MatchableClaim } from './features.ts';
import { PLACE_VARIANTS, STOP_WORDS } from './lexicon.ts';
import { relateFeatures } from './relate.ts';

/** Candidates come from reports posted this many days either side of the claim's report. */
export const WINDOW_DAYS = 3;
/** Most reports listed under each of "also reported in" and "disputed by". */
export const MAX_REFS = 5;
/** Candidate claims read for one claim of /claims, and for a whole report of /report. */
export const CANDIDATES_PER_HIT = 40;
export const CANDIDATES_PER_REPORT = 200;

const DAY = 86_400_000;

/** Another report of the channel that carries the same claim. */
export interface AlsoReported {
  reportId: string;
  claimId: string;
  /** Its source's name; null for a claim with no source. */
  source: string | null;
  link?: string;
}

/** Another report of the channel whose claim disputes this one, and how ("denies it", "says 20 civilians, not 12 civilians"). */
export interface DisputedBy extends AlsoReported {
  why: string;
}

export interface CrossRefs {
  alsoIn: AlsoReported[];
  disputedBy: DisputedBy[];
}

export const hitMatchable = (h: ClaimHit): MatchableClaim => ({ text: h.text, source: h.source, cue: h.cue, places: h.places });
const claimMatchable = (c: Claim): MatchableClaim => ({
  text: c.text,
  source: c.source,
  cue: c.cue,
  places: c.entities.filter((e) => e.type === 'place').map((e) => e.text),
});

/** The search words that find a claim's possible partners: every spelling of its places, then its content words. */
export function probeWords(c: MatchableClaim, f: ClaimFeatures): string[] {
  const out: string[] = [];
  for (const p of f.places) {
    for (const [spelling, key] of PLACE_VARIANTS) if (key === p) out.push(...searchWords(spelling));
    out.push(...searchWords(p));
  }
  const content = searchWords(c.text).filter((w) => !STOP_WORDS.has(w) && !/^\d+$/.test(w) && w.length > 2);
  // Longer words first: they are the rarer ones, and the list is capped.
  out.push(...content.sort((a, b) => b.length - a.length));
  return [...new Set(out)].slice(0, MAX_NEARBY_WORDS);
}

function window(postedAt: Date): { since: Date; until: Date } {
  return { since: new Date(postedAt.getTime() - WINDOW_DAYS * DAY), until: new Date(postedAt.getTime() + WINDOW_DAYS * DAY) };
}

/** Relates one claim to the candidates; one entry per other report and kind, the first candidates (best ranked) first. */
function refsAmong(f: ClaimFeatures, reportId: string, candidates: readonly { hit: ClaimHit; f: ClaimFeatures }[]): CrossRefs {
  const out: CrossRefs = { alsoIn: [], disputedBy: [] };
  for (const { hit, f: g } of candidates) {
    if (hit.reportId === reportId) continue;
    const r = relateFeatures(f, g);
    if (r.kind === 'unrelated') continue;
    const ref: AlsoReported = { reportId: hit.reportId, claimId: hit.claimId, source: hit.source?.name ?? null, ...(hit.link ? { link: hit.link } : {}) };
    if (r.kind === 'same' && out.alsoIn.length < MAX_REFS && !out.alsoIn.some((x) => x.reportId === hit.reportId)) out.alsoIn.push(ref);
    if (r.kind === 'disputes' && out.disputedBy.length < MAX_REFS && !out.disputedBy.some((x) => x.reportId === hit.reportId)) {
      out.disputedBy.push({ ...ref, why: r.why });
    }
  }
  return out;
}

const withFeatures = (hits: ClaimHit[]) => hits.map((hit) => ({ hit, f: claimFeatures(hitMatchable(hit)) }));

/** Cross-references for each /claims hit (one candidate search per hit, all at once). */
export async function crossRefsForHits(log: ChannelLog, key: ChannelKey, hits: readonly ClaimHit[]): Promise<CrossRefs[]> {
  return Promise.all(
    hits.map(async (h) => {
      const c = hitMatchable(h);
      const f = claimFeatures(c);
      const candidates = await log.claimsNear(key, { words: probeWords(c, f), ...window(h.postedAt), limit: CANDIDATES_PER_HIT, excludeReport: h.reportId });
      return refsAmong(f, h.reportId, withFeatures(candidates));
    }),
  );
}

/** Cross-references for the claims of one stored report, by claim id (one candidate search for the report). */
export async function crossRefsForReport(log: ChannelLog, key: ChannelKey, report: StoredReport, claimIds: readonly string[]): Promise<Map<string, CrossRefs>> {
  const wanted = report.summary.claims.filter((c) => claimIds.includes(c.id));
  const out = new Map<string, CrossRefs>();
  if (wanted.length === 0) return out;
  const read = wanted.map((c) => {
    const m = claimMatchable(c);
    const f = claimFeatures(m);
    return { c, f, words: probeWords(m, f) };
  });
  // Every claim's first words, then their next ones, so each claim is represented when the list is capped.
  const words: string[] = [];
  for (let i = 0; words.length < MAX_NEARBY_WORDS && read.some((x) => i < x.words.length); i++) {
    for (const x of read) if (i < x.words.length && !words.includes(x.words[i])) words.push(x.words[i]);
  }
  const candidates = withFeatures(
    await log.claimsNear(key, { words: words.slice(0, MAX_NEARBY_WORDS), ...window(report.postedAt), limit: CANDIDATES_PER_REPORT, excludeReport: report.id }),
  );
  for (const x of read) out.set(x.c.id, refsAmong(x.f, report.id, candidates));
  return out;
}
