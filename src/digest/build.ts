// Builds a channel's digest for one period from its log: the reports and who pasted them, the period's claims
// merged across reports (src/matching: groupClaims), who says what by source, the disputes, the claims to check,
// and the places and units the channel's log had not seen before. The report's own narration (a claim with no
// source and no hedge) is left out, as summaries leave it out.
import type { ChannelKey, ChannelLog, ClaimQuery, StoredReport } from '../channel-log/types.ts';
import { searchText } from '../channel-log/text.ts';
import { byTime, groupClaims, type ClaimGroup, type ClaimItem } from '../matching/index.ts';
import { SourceNames, sourceKeyOf } from '../matching/source-names.ts';
import type { Category, Claim, SourceType, Stance } from '../schema.ts';
import type { DigestPeriod, DigestRequest } from './types.ts';
import { isNarration } from '../reply.ts';

/** A report a digest line points back to: its message when it has a link, else `/report id`. */
export interface DigestRef {
  id: string;
  link?: string;
}

export interface DigestReport extends DigestRef {
  postedAt: Date;
  /** Display name (or user id) of whoever pasted it. */
  poster: string;
  headline: string;
  /** Its claims the digest shows (narration left out). */
  claims: number;
}

/** One claim as the period's reports carry it: the claims groupClaims merged, shown as their lead. */
export interface DigestClaim {
  text: string;
  quote: boolean;
  category: Category;
  /**
   * Each distinct source among the merged claims (the lead's first), with its conduit and its cue (a source that
   * says it and one that denies it are two entries); empty when none names one.
   */
  sources: { name: string; type: SourceType; conduit: string | null; cue: string | null }[];
  cue: { text: string; stance: Stance } | null;
  /** Every distinct hedge of the merged claims. */
  hedges: string[];
  /** The distinct reports it came from, oldest first. */
  reports: DigestRef[];
  /** Claims merged into this line (one report may repeat a claim). */
  claims: number;
  firstAt: Date;
  checkworthiness: number;
  /** Why it needs checking ("hedged", "no source", "anonymous source", "unresolved source"); empty when it does not. */
  check: string[];
}

/** Who says what: one source and the merged claims it makes. */
export interface DigestSource {
  name: string;
  type: SourceType;
  conduits: string[];
  /** Merged claims it makes (the length of `said`). */
  claims: number;
  /** Reports it appears in. */
  reports: number;
  said: DigestClaim[];
}

/** A claim and the claims of the period that cannot hold with it (other figures, claimed and denied). */
export interface DigestDispute {
  claim: DigestClaim;
  disputedBy: { claim: DigestClaim; why: string }[];
}

/** A place or unit the channel's log had no claim about before the period. */
export interface DigestName {
  name: string;
  reports: DigestRef[];
}

export interface Digest {
  key: ChannelKey;
  period: DigestPeriod;
  /** The period's reports, oldest first. */
  reports: DigestReport[];
  /** Who pasted them, most reports first. */
  posters: { user: string; name: string; reports: number }[];
  /** Claims shown before merging (narration left out), and the narration left out. */
  claimCount: number;
  narration: number;
  /** The merged claims: most reports first, then the more check-worthy, then the earliest. */
  claims: DigestClaim[];
  /** By source: most reports first. */
  sources: DigestSource[];
  disputes: DigestDispute[];
  /** Hedged, unattributed or anonymous claims, in the order of `claims`. */
  toCheck: DigestClaim[];
  newPlaces: DigestName[];
  newUnits: DigestName[];
}

/** A place or unit name as search sees it ("Kyïv" and "kyiv" are one); remembered, as a busy day repeats few names many times. */
const nameKeys = new Map<string, string>();
function nameKey(name: string): string {
  let k = nameKeys.get(name);
  if (k === undefined) {
    if (nameKeys.size > 50_000) nameKeys.clear();
    nameKeys.set(name, (k = searchText(name) || name));
  }
  return k;
}

const ref = (r: { reportId: string; link?: string }): DigestRef => ({ id: r.reportId, ...(r.link ? { link: r.link } : {}) });

function checkReasons(items: readonly ClaimItem[]): string[] {
  const why = new Set<string>();
  for (const { claim } of items) {
    if (claim.hedges.length > 0) why.add('hedged');
    if (claim.source === null) why.add('no source');
    else if (claim.source.type === 'anonymous') why.add('anonymous source');
    else if (claim.source.unresolved) why.add('unresolved source');
  }
  return [...why];
}

/**
 * The names sources and conduits go by across the period's claims: one per source key (src/matching/source-names.ts),
 * the name most reports used.
 */
function namesOf(items: readonly ClaimItem[]): SourceNames {
  const names = new SourceNames();
  for (const { claim, reportId, postedAt } of items) {
    if (claim.source) names.add(claim.source.name, reportId, postedAt.getTime());
    if (claim.conduit) names.add(claim.conduit.name, reportId, postedAt.getTime());
  }
  return names;
}

/** One line for a set of claims that say the same thing, `lead` first; sources named as `names` shows them. */
function mergedClaim(lead: ClaimItem, items: readonly ClaimItem[], names: SourceNames): DigestClaim {
  const sources = new Map<string, DigestClaim['sources'][number]>();
  const hedges = new Map<string, string>();
  const reports = new Map<string, DigestRef>();
  for (const { claim, ...r } of items[0] === lead ? items : [lead, ...items]) {
    if (claim.source) {
      const conduit = claim.conduit ? names.shown(claim.conduit.name) : null;
      const k = `${sourceKeyOf(claim.source.name)}|${conduit ? sourceKeyOf(conduit) : ''}|${claim.cue?.stance ?? ''}`;
      if (!sources.has(k)) sources.set(k, { name: names.shown(claim.source.name), type: claim.source.type, conduit, cue: claim.cue?.text ?? null });
    }
    for (const h of claim.hedges) if (!hedges.has(h.text.toLowerCase())) hedges.set(h.text.toLowerCase(), h.text);
    if (!reports.has(r.reportId)) reports.set(r.reportId, ref(r));
  }
  const c = lead.claim;
  return {
    text: c.text,
    quote: c.quote,
    category: c.category,
    sources: [...sources.values()],
    cue: c.cue ? { text: c.cue.text, stance: c.cue.stance } : null,
    hedges: [...hedges.values()],
    reports: [...reports.values()],
    claims: items.length,
    firstAt: items.reduce((t, i) => (i.postedAt < t ? i.postedAt : t), lead.postedAt),
    checkworthiness: items.reduce((m, i) => Math.max(m, i.claim.checkworthiness), 0),
    check: checkReasons(items),
  };
}

const byWeight = (a: DigestClaim, b: DigestClaim) =>
  b.reports.length - a.reports.length || b.checkworthiness - a.checkworthiness || a.firstAt.getTime() - b.firstAt.getTime();

function bySource(groups: readonly ClaimGroup[], merged: readonly DigestClaim[], names: SourceNames): DigestSource[] {
  const out = new Map<string, { s: DigestSource; said: Set<DigestClaim>; conduits: Map<string, string>; reports: Set<string> }>();
  groups.forEach((g, i) => {
    for (const m of g.members) {
      const src = m.claim.source;
      if (!src) continue;
      const k = sourceKeyOf(src.name);
      let e = out.get(k);
      if (!e) {
        const s: DigestSource = { name: names.shown(src.name), type: src.type, conduits: [], claims: 0, reports: 0, said: [] };
        out.set(k, (e = { s, said: new Set(), conduits: new Map(), reports: new Set() }));
      }
      e.said.add(merged[i]);
      if (m.claim.conduit) e.conduits.set(sourceKeyOf(m.claim.conduit.name), names.shown(m.claim.conduit.name));
      e.reports.add(m.reportId);
    }
  });
  return [...out.values()]
    .map(({ s, said, conduits, reports }) => ({ ...s, conduits: [...conduits.values()], claims: said.size, reports: reports.size, said: [...said].sort(byWeight) }))
    .sort((a, b) => b.reports - a.reports || b.claims - a.claims || a.name.localeCompare(b.name));
}

function disputesOf(groups: readonly ClaimGroup[], merged: readonly DigestClaim[], names: SourceNames): DigestDispute[] {
  const groupOf = new Map<ClaimItem, number>();
  groups.forEach((g, i) => g.members.forEach((m) => groupOf.set(m, i)));
  const out: DigestDispute[] = [];
  groups.forEach((g, i) => {
    const disputedBy: DigestDispute['disputedBy'] = [];
    for (const d of g.disputes) {
      const j = groupOf.get(d.item);
      // A pair shows once, under the claim reported first: groupClaims lists each pair once in each group.
      if (j !== undefined && j < i) continue;
      disputedBy.push({ claim: j === undefined ? mergedClaim(d.item, [d.item], names) : merged[j], why: d.why });
    }
    if (disputedBy.length > 0) out.push({ claim: merged[i], disputedBy });
  });
  return out;
}

const RECENT_MS = 7 * 86_400_000;

/** Places and units named in the period's claims that no claim of the channel's log named before `before`. */
async function newNames(log: ChannelLog, key: ChannelKey, before: Date, items: readonly ClaimItem[]) {
  const names = { place: new Map<string, DigestName>(), unit: new Map<string, DigestName>() };
  for (const i of items) {
    for (const e of i.claim.entities) {
      if (e.type !== 'place' && e.type !== 'unit') continue;
      if (!/[\p{L}\p{N}]/u.test(e.text)) continue;
      const k = nameKey(e.text);
      let n = names[e.type].get(k);
      if (!n) names[e.type].set(k, (n = { name: e.text, reports: [] }));
      if (!n.reports.some((r) => r.id === i.reportId)) n.reports.push(ref(i));
    }
  }
  // `until` includes its instant; the period's `from` does not belong before it.
  const until = new Date(before.getTime() - 1);
  const recent = new Date(before.getTime() - RECENT_MS);
  const seenBefore = async (type: 'place' | 'unit', name: string) => {
    const q: ClaimQuery = { words: [], phrases: type === 'unit' ? [name] : [], page: 1, pageSize: 1, until, ...(type === 'place' ? { place: [name] } : {}) };
    // The last week first: a name the channel keeps seeing is found among few claims, not counted over its whole log.
    if ((await log.queryClaims(key, { ...q, since: recent })).total > 0) return true;
    return (await log.queryClaims(key, q)).total > 0;
  };
  const keep = async (type: 'place' | 'unit') => {
    const all = [...names[type].values()];
    const seen: boolean[] = [];
    // A few at a time: Postgres answers them in parallel, SQLite one by one anyway.
    for (let at = 0; at < all.length; at += 8) seen.push(...(await Promise.all(all.slice(at, at + 8).map((n) => seenBefore(type, n.name)))));
    return all.filter((_, k) => !seen[k]).sort((a, b) => b.reports.length - a.reports.length || a.name.localeCompare(b.name));
  };
  return { places: await keep('place'), units: await keep('unit') };
}

/** Two claims say the same thing, wherever they sit in their reports: the same words, source, conduit, cue, hedges and entities. */
function sameContent(a: Claim, b: Claim): boolean {
  const sa = a.source;
  const sb = b.source;
  return (
    a.text === b.text &&
    a.quote === b.quote &&
    a.category === b.category &&
    (sa === null || sb === null
      ? sa === sb
      : sa.name === sb.name && sa.type === sb.type && (sa.affiliation ?? null) === (sb.affiliation ?? null) && (sa.unresolved ?? false) === (sb.unresolved ?? false)) &&
    (a.conduit?.name ?? null) === (b.conduit?.name ?? null) &&
    (a.cue?.text ?? null) === (b.cue?.text ?? null) &&
    (a.cue?.stance ?? null) === (b.cue?.stance ?? null) &&
    a.hedges.length === b.hedges.length &&
    a.hedges.every((h, k) => h.text === b.hedges[k].text) &&
    a.entities.length === b.entities.length &&
    a.entities.every((e, k) => e.type === b.entities[k].type && e.text === b.entities[k].text)
  );
}

/**
 * groupClaims over the claims' distinct contents only: a claim repeated word for word (the same wire copy pasted
 * again) joins the group of its first occurrence. The matcher compares claims pair by pair, so a busy day of
 * repeated copy costs it as many distinct claims as there are, not as many pastes.
 */
export function groupDistinct(items: readonly ClaimItem[]): ClaimGroup[] {
  /** First occurrences by text (the same words may differ in source or hedges), and the repeats of each. */
  const byText = new Map<string, ClaimItem[]>();
  const firsts: ClaimItem[] = [];
  const repeats = new Map<ClaimItem, ClaimItem[]>();
  for (const i of byTime(items)) {
    const same = byText.get(i.claim.text);
    const f = same?.find((x) => sameContent(x.claim, i.claim));
    if (f) {
      const r = repeats.get(f);
      if (r) r.push(i);
      else repeats.set(f, [i]);
    } else {
      if (same) same.push(i);
      else byText.set(i.claim.text, [i]);
      firsts.push(i);
    }
  }
  const groups = groupClaims(firsts);
  if (repeats.size === 0) return groups;
  return groups.map((g) =>
    g.members.some((m) => repeats.has(m))
      ? { ...g, members: g.members.flatMap((m) => [m, ...(repeats.get(m) ?? [])]).sort((x, y) => x.postedAt.getTime() - y.postedAt.getTime()) }
      : g,
  );
}

/** The claims of `reports` the digest shows (narration left out), each with its report; and the narration count. */
export function digestItems(reports: readonly StoredReport[]): { items: ClaimItem[]; narration: number } {
  const items: ClaimItem[] = [];
  let narration = 0;
  for (const r of reports) {
    for (const claim of r.summary.claims) {
      if (isNarration(claim)) narration++;
      else items.push({ reportId: r.id, postedAt: r.postedAt, ...(r.link ? { link: r.link } : {}), claim });
    }
  }
  return { items, narration };
}

export async function buildDigest(log: ChannelLog, req: DigestRequest): Promise<Digest> {
  const { key, period } = req;
  const reports: StoredReport[] = [];
  // The store's `until` includes its instant; the period's `to` does not.
  for await (const r of log.export(key, { since: period.from, until: period.to })) {
    if (r.postedAt.getTime() >= period.from.getTime() && r.postedAt.getTime() < period.to.getTime()) reports.push(r);
  }

  const { items, narration } = digestItems(reports);
  const shown = new Map<string, number>();
  for (const i of items) shown.set(i.reportId, (shown.get(i.reportId) ?? 0) + 1);

  const groups = groupDistinct(items);
  const names = namesOf(items);
  const merged = groups.map((g) => mergedClaim(g.lead, g.members, names));
  const posters = new Map<string, { user: string; name: string; reports: number }>();
  for (const r of reports) {
    const p = posters.get(r.user) ?? { user: r.user, name: r.userName ?? r.user, reports: 0 };
    p.reports++;
    posters.set(r.user, p);
  }
  const fresh = await newNames(log, key, period.from, items);
  const ranked = [...merged].sort(byWeight);

  return {
    key,
    period,
    reports: reports.map((r) => ({
      id: r.id,
      ...(r.link ? { link: r.link } : {}),
      postedAt: r.postedAt,
      poster: r.userName ?? r.user,
      headline: r.summary.headline,
      claims: shown.get(r.id) ?? 0,
    })),
    posters: [...posters.values()].sort((a, b) => b.reports - a.reports || a.name.localeCompare(b.name)),
    claimCount: items.length,
    narration,
    claims: ranked,
    sources: bySource(groups, merged, names),
    disputes: disputesOf(groups, merged, names),
    toCheck: ranked.filter((c) => c.check.length > 0),
    newPlaces: fresh.places,
    newUnits: fresh.units,
  };
}
