// Claims across reports: do two claims report the same event, or does one dispute the other? The digest merges
// the same claim from several reports into one line and lists disputes; /claims and /report show "also reported
// in …" and "disputed by …" (cross-refs.ts).
//
// How it decides (README, "Claims across reports"): each claim is read for its main event (a class of
// src/lexicon/matching.json: seized = captured = took control of), where (place names, spellings merged), its
// figures ("at least 12 civilians") and whether it is negated or denied. Two claims are about the same thing when
// they name the same event (or, with no event, share most of their words) and do not name different places;
// then they dispute each other when one denies what the other asserts (or one says "captured", the other "still
// holds") or when their figures for the same thing cannot both hold ("at least 12" and "14" can; "12" and "20"
// cannot). Everything else is unrelated. Nothing is keyed to a particular report.
import type { Claim } from '../schema.ts';
import { claimFeatures, type ClaimFeatures, type MatchableClaim } from './features.ts';
import { opposites } from './lexicon.ts';
import { relateFeatures, type ClaimRelation } from './relate.ts';

export type { ClaimRelation } from './relate.ts';
export type { ClaimFeatures, MatchableClaim } from './features.ts';
export { claimFeatures, placeKey } from './features.ts';
export { relateFeatures } from './relate.ts';

/** One claim with the report it came from. */
export interface ClaimItem {
  reportId: string;
  postedAt: Date;
  link?: string;
  claim: Claim;
}

export interface ClaimGroup {
  /** The claim shown for the group: the earliest reported. */
  lead: ClaimItem;
  /** Every claim of the group, lead included, oldest first. */
  members: ClaimItem[];
  /** Claims of other groups that dispute this group's claim, one per group, with the reason (said of the disputing claim). */
  disputes: { item: ClaimItem; why: string }[];
}

/** A stored claim as the matcher reads it (its place entities as names). */
export function matchableClaim(c: Claim): MatchableClaim {
  return { text: c.text, source: c.source, cue: c.cue, places: c.entities.filter((e) => e.type === 'place').map((e) => e.text) };
}

const cache = new WeakMap<object, ClaimFeatures>();
/** The claim's features, read once per claim object. */
export function featuresOf(c: Claim): ClaimFeatures {
  let f = cache.get(c);
  if (!f) cache.set(c, (f = claimFeatures(matchableClaim(c))));
  return f;
}

/** How claim b stands to claim a: the same, disputing it (why, said of b), or unrelated. */
export function relateClaims(a: Claim, b: Claim): ClaimRelation {
  return relateFeatures(featuresOf(a), featuresOf(b));
}

/** Keys a group is filed under: its lead's places, its event (and, with no place, the event alone), else its words. */
function fileKeys(f: ClaimFeatures): string[] {
  const keys = [...f.places].map((p) => `p:${p}`);
  if (f.event) keys.push(`e:${f.event}`, ...(f.places.size === 0 ? [`n:${f.event}`] : []));
  else keys.push(...[...f.words].map((w) => `w:${w}`));
  return keys;
}

/**
 * Keys to look a claim's possible partners up under. The matcher relates two claims only when they share a place,
 * or one names none and they share the event (or an opposite one), or, with no event, most words; so a claim with
 * places looks under its places and under its events among groups with no place, and one without places under
 * its events among all groups.
 */
function lookupKeys(f: ClaimFeatures): string[] {
  const keys = [...f.places].map((p) => `p:${p}`);
  if (f.event) for (const e of [f.event, ...opposites(f.event)]) keys.push(f.places.size > 0 ? `n:${e}` : `e:${e}`);
  else keys.push(...[...f.words].map((w) => `w:${w}`));
  return keys;
}

/**
 * Groups claims that report the same thing and notes which groups dispute which; groups in order of their lead's
 * posting time. A claim joins the first group whose lead it matches; it is compared only with groups filed under
 * its keys (above), so a day of thousands of claims groups in well under a second.
 */
export function groupClaims(items: readonly ClaimItem[]): ClaimGroup[] {
  const sorted = [...items].sort((x, y) => x.postedAt.getTime() - y.postedAt.getTime());
  const groups: ClaimGroup[] = [];
  const order = new Map<ClaimGroup, number>();
  const index = new Map<string, ClaimGroup[]>();
  for (const item of sorted) {
    const f = featuresOf(item.claim);
    const candidates = new Set<ClaimGroup>();
    for (const k of lookupKeys(f)) for (const g of index.get(k) ?? []) candidates.add(g);
    let home: ClaimGroup | null = null;
    const against: { g: ClaimGroup; why: string }[] = [];
    for (const g of [...candidates].sort((x, y) => order.get(x)! - order.get(y)!)) {
      const r = relateFeatures(featuresOf(g.lead.claim), f);
      if (r.kind === 'same' && !home) home = g;
      else if (r.kind === 'disputes') against.push({ g, why: r.why });
    }
    if (home) home.members.push(item);
    else {
      home = { lead: item, members: [item], disputes: [] };
      order.set(home, groups.length);
      groups.push(home);
      for (const k of fileKeys(f)) {
        const list = index.get(k);
        if (list) list.push(home);
        else index.set(k, [home]);
      }
    }
    for (const { g, why } of against) {
      if (g === home) continue;
      // One entry per disputing group: the first of its claims to dispute this one.
      const members = new Set(home.members);
      if (!g.disputes.some((d) => members.has(d.item))) g.disputes.push({ item, why });
      if (!home.disputes.some((d) => d.item === g.lead)) home.disputes.push({ item: g.lead, why: reason(f, featuresOf(g.lead.claim)) });
    }
  }
  return groups;
}

/** Why b disputes a, said of b. */
const reason = (a: ClaimFeatures, b: ClaimFeatures): string => {
  const r = relateFeatures(a, b);
  return r.kind === 'disputes' ? r.why : 'disagrees';
};
