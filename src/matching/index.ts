// Claims across reports: do two claims report the same event, or does one dispute the other? The digest merges
// the same claim from several reports into one line and lists disputes; /claims and /report show "also reported
// in …" and "disputed by …" (cross-refs.ts).
//
// How it decides (README, "Claims across reports"): each claim is read for its main event (a class of
// src/lexicon/matching.json: seized = captured = took control of), where (place names, spellings merged), its
// figures ("at least 12 civilians") and whether it is negated or denied. Two claims are about the same thing when
// they name the same event (or one counts the other's event: "two killed and eight wounded" and "eight wounded";
// or, with no event, share half their words), do not name different places (with some words in common when that
// alone does not tie them: thresholds in relate.ts) and, when both count things, count the same thing at least
// once ("40 Ukrainian drones" and "30 Russian drones", "three civilians" and "40 soldiers" are two claims). Then
// they dispute each other when one denies what the other asserts (or one says "captured", the other "still holds"
// or "fighting continues") or when their figures for the same thing cannot both hold ("at least 12" and "14" can;
// "12" and "20" cannot; "including two children" is a part, not a competing total). Everything else is
// unrelated. Nothing is keyed to a particular report.
import type { Claim } from '../schema.ts';
import { claimFeatures, type ClaimFeatures, type MatchableClaim } from './features.ts';
import { opposites } from './lexicon.ts';
import { relateFeatures, WORDS_ALONE, type ClaimRelation } from './relate.ts';

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

/** Oldest first, a stable sort; claims read from the log are usually in order already, and then nothing is copied. */
export function byTime(items: readonly ClaimItem[]): readonly ClaimItem[] {
  for (let k = 1; k < items.length; k++) {
    if (items[k].postedAt.getTime() < items[k - 1].postedAt.getTime()) return [...items].sort((x, y) => x.postedAt.getTime() - y.postedAt.getTime());
  }
  return items;
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

/** Events the claim gives figures for besides its main one ("two killed and eight wounded": injure). */
function otherCounted(f: ClaimFeatures): string[] {
  const out: string[] = [];
  for (const x of f.figures) if (x.event !== null && x.event !== f.event && !out.includes(x.event)) out.push(x.event);
  return out;
}

/**
 * Keys a group is filed under: its lead's places with its event and each other event it counts (`p:`), its
 * events alone (`e:`) and, with no place, also `n:`; every content word (`w:`), and, for a lead with no event,
 * every content word again under `u:`.
 */
function fileKeys(f: ClaimFeatures): string[] {
  const keys: string[] = [];
  const events = f.event ? [f.event, ...otherCounted(f)] : [];
  for (const p of f.places) for (const e of events) keys.push(`p:${p}|${e}`);
  for (const e of events) {
    keys.push(`e:${e}`);
    if (f.places.size === 0) keys.push(`n:${e}`);
  }
  for (const w of f.words) {
    if (w.startsWith('#')) continue;
    keys.push(`w:${w}`);
    if (!f.event) keys.push(`u:${w}`);
  }
  return keys;
}

/**
 * The fewest of the claim's words, filed under `prefix`, that any partner holding at least `share` (Jaccard) of
 * the words with it must be filed under: it has at least ceil(share × |words|) words in common with the claim,
 * so all but that many less one of the claim's words miss none. The words fewest groups are filed under are
 * taken. Event words (#…) are not filed: the partners looked for here either have none or the claim has none.
 */
function wordKeys(f: ClaimFeatures, prefix: string, share: number, index: ReadonlyMap<string, unknown[]>): string[] {
  const keyed: { key: string; groups: number }[] = [];
  for (const w of f.words) {
    if (w.charCodeAt(0) === 35 /* # */) continue;
    const key = prefix + w;
    keyed.push({ key, groups: index.get(key)?.length ?? 0 });
  }
  const take = keyed.length - Math.ceil(share * f.words.size) + 1;
  if (take <= 0) return [];
  if (take < keyed.length) keyed.sort((x, y) => x.groups - y.groups);
  const out: string[] = [];
  for (let k = 0; k < take; k++) out.push(keyed[k].key);
  return out;
}

/**
 * Keys to look a claim's possible partners up under (relate.ts decides; these only have to miss none it would
 * match). Two claims with events meet when they do not name different places and name the same event (or
 * opposite ones, or one counts the other's event): a claim with an event looks under its places with those
 * events, and among groups with no place under the events (with no place itself: under the events among all
 * groups). A claim and a group of which one names no event meet on half their words (WORDS_ALONE): a claim
 * with an event looks under the words of groups without one (`u:`), a claim without one under all groups'
 * words (`w:`).
 */
function lookupKeys(f: ClaimFeatures, index: ReadonlyMap<string, unknown[]>): string[] {
  if (!f.event) return wordKeys(f, 'w:', WORDS_ALONE, index);
  const keys: string[] = [];
  for (const e of [f.event, ...opposites(f.event), ...otherCounted(f)]) {
    if (f.places.size === 0) keys.push(`e:${e}`);
    else keys.push(`n:${e}`, ...[...f.places].map((p) => `p:${p}|${e}`));
  }
  keys.push(...wordKeys(f, 'u:', WORDS_ALONE, index));
  return keys;
}

/**
 * Groups claims that report the same thing and notes which groups dispute which; groups in order of their lead's
 * posting time. A claim joins the first group whose lead it matches; it is compared only with groups filed under
 * its keys (above), so a day of thousands of claims groups in well under a second.
 */
export function groupClaims(items: readonly ClaimItem[]): ClaimGroup[] {
  const grouping = new Grouping();
  const sorted = byTime(items);
  for (let n = 0; n < sorted.length; n++) grouping.add(sorted[n], n);
  return grouping.filed.map((g) => g.group);
}

/** A group while grouping: its place in order, its lead's features, the last claim that looked at it, the groups it disputes. */
interface Filed {
  group: ClaimGroup;
  order: number;
  lead: ClaimFeatures;
  seen: number;
  disputes: Set<Filed> | null;
}

/** groupClaims' state: the groups so far, in order, and the index they are filed in. (Small methods: hot paths.) */
class Grouping {
  readonly filed: Filed[] = [];
  readonly #index = new Map<string, Filed[]>();
  #orders = new Int32Array(64);

  /** Claim number `n` (in posting order) joins the first group it matches, or starts one; disputes noted. */
  add(item: ClaimItem, n: number): void {
    const f = featuresOf(item.claim);
    const candidates = this.#candidates(f, n);
    let home: Filed | null = null;
    const against: { g: Filed; why: string }[] = [];
    for (let k = 0; k < candidates.length; k++) {
      const g = this.filed[candidates[k]];
      // Once the claim has its group, a group that group already disputes needs no second look.
      if (home?.disputes?.has(g)) continue;
      const r = relateFeatures(g.lead, f);
      if (r.kind === 'same' && !home) home = g;
      else if (r.kind === 'disputes') against.push({ g, why: r.why });
    }
    if (home) home.group.members.push(item);
    else home = this.#start(item, f, n);
    for (const { g, why } of against) this.#dispute(g, home, item, f, why);
  }

  /** The places in order of the groups filed under the claim's look-up keys (a typed array sorts numbers natively). */
  #candidates(f: ClaimFeatures, n: number): Int32Array {
    let count = 0;
    for (const k of lookupKeys(f, this.#index)) {
      const list = this.#index.get(k);
      if (list === undefined) continue;
      for (let i = 0; i < list.length; i++) {
        const g = list[i];
        if (g.seen === n) continue;
        g.seen = n;
        if (count === this.#orders.length) {
          const grown = new Int32Array(count * 2);
          grown.set(this.#orders);
          this.#orders = grown;
        }
        this.#orders[count++] = g.order;
      }
    }
    return this.#orders.subarray(0, count).sort();
  }

  /** A new group led by the claim, filed under its keys. */
  #start(item: ClaimItem, f: ClaimFeatures, n: number): Filed {
    const home: Filed = { group: { lead: item, members: [item], disputes: [] }, order: this.filed.length, lead: f, seen: n, disputes: null };
    this.filed.push(home);
    for (const k of fileKeys(f)) {
      const list = this.#index.get(k);
      if (list) list.push(home);
      else this.#index.set(k, [home]);
    }
    return home;
  }

  /** One entry each way per pair of groups: the first of its claims to dispute the other. */
  #dispute(g: Filed, home: Filed, item: ClaimItem, f: ClaimFeatures, why: string): void {
    if (g === home || g.disputes?.has(home)) return;
    (g.disputes ??= new Set()).add(home);
    (home.disputes ??= new Set()).add(g);
    g.group.disputes.push({ item, why });
    home.group.disputes.push(new LazyDispute(g.group.lead, f, g.lead));
  }
}

/**
 * A dispute entry whose reason (why b disputes a, said of b) is worked out when first read: a busy day has tens of
 * thousands of disputing pairs, and a digest shows each pair once, most of them with the other entry's reason.
 * (A class: its getter sits on the prototype, so an entry costs one small object.)
 */
class LazyDispute {
  #why: string | undefined;
  readonly #a: ClaimFeatures;
  readonly #b: ClaimFeatures;
  constructor(
    readonly item: ClaimItem,
    a: ClaimFeatures,
    b: ClaimFeatures,
  ) {
    this.#a = a;
    this.#b = b;
  }

  get why(): string {
    if (this.#why === undefined) {
      const r = relateFeatures(this.#a, this.#b);
      this.#why = r.kind === 'disputes' ? r.why : 'disagrees';
    }
    return this.#why;
  }
}
