// "Also reported in …" and "disputed by …" for claims shown by /claims and /report: the other reports in the
// same channel, posted within WINDOW_DAYS of the claim's report, whose claims the matcher finds the same or
// disputing. Candidates come from one ChannelLog.claimsNear call (the search index, this channel only, newest
// first) for the claim's place names (or, with none, a few of its words), so a lookup costs about one more search.
import type { ChannelKey, ChannelLog, NearbyClaim, StoredReport } from '../channel-log/types.ts';
import { MAX_NEARBY_WORDS } from '../channel-log/types.ts';
import { searchWords } from '../channel-log/text.ts';
import type { Claim } from '../schema.ts';
import type { AlsoReportedRef, DisputedByRef } from '../reply.ts';
import { matchableClaim } from './index.ts';
import { claimFeatures, type ClaimFeatures, type MatchableClaim } from './features.ts';
import { PLACE_VARIANTS, STOP_WORDS } from './lexicon.ts';
import { relateFeatures } from './relate.ts';

/** Candidates come from reports posted this many days either side of the claim's report. */
export const WINDOW_DAYS = 3;
/** Most reports listed under each of "also reported in" and "disputed by". */
export const MAX_REFS = 5;
/** Candidate claims read for one claim of /claims, and for a whole report of /report. */
export const CANDIDATES_PER_HIT = 20;
export const CANDIDATES_PER_REPORT = 200;

const DAY = 86_400_000;

/** Another report of the channel that carries the same claim; one whose claim disputes this one, and how. */
export type AlsoReported = AlsoReportedRef;
export type DisputedBy = DisputedByRef;

export interface CrossRefs {
  alsoIn: AlsoReported[];
  disputedBy: DisputedBy[];
}

/** A claim read from the log (a /claims hit or a claimsNear candidate) as the matcher reads it. */
export const hitMatchable = (h: Pick<NearbyClaim, 'text' | 'source' | 'cue' | 'places'>): MatchableClaim => ({ text: h.text, source: h.source, cue: h.cue, places: h.places });

/** Content words looked up for a claim that names no place. */
export const PROBE_WORDS = 6;

/**
 * The search words that find a claim's possible partners. The matcher relates two claims that name places only
 * when they share one, so a claim with places looks for every spelling of them; one without looks for its
 * longest content words (the rarer ones, most likely).
 */
export function probeWords(c: MatchableClaim, f: ClaimFeatures): string[] {
  const out: string[] = [];
  for (const p of f.places) {
    for (const [spelling, key] of PLACE_VARIANTS) if (key === p) out.push(...searchWords(spelling));
    out.push(...searchWords(p));
  }
  if (out.length === 0) {
    const content = searchWords(c.text).filter((w) => !STOP_WORDS.has(w) && !/^\d+$/.test(w) && w.length > 2);
    out.push(...content.sort((a, b) => b.length - a.length).slice(0, PROBE_WORDS));
  }
  return [...new Set(out)].slice(0, MAX_NEARBY_WORDS);
}

function window(postedAt: Date): { since: Date; until: Date } {
  return { since: new Date(postedAt.getTime() - WINDOW_DAYS * DAY), until: new Date(postedAt.getTime() + WINDOW_DAYS * DAY) };
}

/** Relates one claim to the candidates; one entry per other report and kind, in the candidates' order (newest first). */
function refsAmong(f: ClaimFeatures, reportId: string, candidates: readonly { hit: NearbyClaim; f: ClaimFeatures }[]): CrossRefs {
  const out: CrossRefs = { alsoIn: [], disputedBy: [] };
  for (const { hit, f: g } of candidates) {
    if (hit.reportId === reportId) continue;
    const r = relateFeatures(f, g);
    if (r.kind === 'unrelated') continue;
    const ref: AlsoReported = { reportId: hit.reportId, claimId: hit.claimId, source: hit.source?.name ?? null };
    if (r.kind === 'same' && out.alsoIn.length < MAX_REFS && !out.alsoIn.some((x) => x.reportId === hit.reportId)) out.alsoIn.push(ref);
    if (r.kind === 'disputes' && out.disputedBy.length < MAX_REFS && !out.disputedBy.some((x) => x.reportId === hit.reportId)) {
      out.disputedBy.push({ ...ref, why: r.why });
    }
  }
  return out;
}

/** Features of stored claims read recently, by what they are read from (a candidate comes up for many claims). */
const recent = new Map<string, ClaimFeatures>();
const RECENT_MAX = 5_000;
function featuresOfHit(h: Pick<NearbyClaim, 'text' | 'source' | 'cue' | 'places'>): ClaimFeatures {
  const k = `${h.cue?.stance ?? ''}\u0000${h.places.join('\u0001')}\u0000${h.text}`;
  let f = recent.get(k);
  if (!f) {
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
    recent.set(k, (f = claimFeatures(hitMatchable(h))));
  }
  return f;
}

const withFeatures = (hits: NearbyClaim[]) => hits.map((hit) => ({ hit, f: featuresOfHit(hit) }));

/** The message links of the reports the cross-references name, read once for all of them. */
async function addLinks(log: ChannelLog, key: ChannelKey, all: readonly CrossRefs[]): Promise<void> {
  const refs = all.flatMap((r) => [...r.alsoIn, ...r.disputedBy]);
  if (refs.length === 0) return;
  const links = await log.reportLinks(key, refs.map((r) => r.reportId));
  for (const r of refs) {
    const link = links.get(r.reportId);
    if (link) r.link = link;
  }
}

/** Cross-references for each /claims hit (one candidate search per hit, then one read of the links). */
export async function crossRefsForHits(
  log: ChannelLog,
  key: ChannelKey,
  hits: readonly Pick<NearbyClaim, 'reportId' | 'text' | 'source' | 'cue' | 'places' | 'postedAt'>[],
): Promise<CrossRefs[]> {
  // All at once: Postgres spreads them over its pool; SQLite answers each in turn.
  const out = await Promise.all(
    hits.map(async (h) => {
      const f = featuresOfHit(h);
      const candidates = await log.claimsNear(key, { words: probeWords(hitMatchable(h), f), ...window(h.postedAt), limit: CANDIDATES_PER_HIT, excludeReport: h.reportId });
      return refsAmong(f, h.reportId, withFeatures(candidates));
    }),
  );
  await addLinks(log, key, out);
  return out;
}

/** Cross-references for the claims of one stored report, by claim id (one candidate search for the report). */
export async function crossRefsForReport(log: ChannelLog, key: ChannelKey, report: StoredReport, claimIds: readonly string[]): Promise<Map<string, CrossRefs>> {
  const wanted = report.summary.claims.filter((c) => claimIds.includes(c.id));
  const out = new Map<string, CrossRefs>();
  if (wanted.length === 0) return out;
  const read = wanted.map((c) => {
    const m = matchableClaim(c);
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
  await addLinks(log, key, [...out.values()]);
  return out;
}
