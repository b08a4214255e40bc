// Claims across reports: do two claims report the same event, or does one dispute the other?
// The digest merges the same claim from several reports into one line and lists disputes; /claims and
// /report show "also reported in …" and "disputed by …".
//
// INTERIM (session of 2026-11-30): the first version only treats claims with the same normalised text as the
// same and finds no disputes. It is being replaced by the real matcher (issue 6); the signatures stay.
import type { Claim } from '../schema.ts';

/** One claim with the report it came from. */
export interface ClaimItem {
  reportId: string;
  postedAt: Date;
  link?: string;
  claim: Claim;
}

export type ClaimRelation =
  | { kind: 'same' }
  /** Same event, but the claims cannot both hold: other figures, one side claims and the other denies. */
  | { kind: 'disputes'; why: string }
  | { kind: 'unrelated' };

export interface ClaimGroup {
  /** The claim shown for the group: the earliest reported. */
  lead: ClaimItem;
  /** Every claim of the group, lead included, oldest first. */
  members: ClaimItem[];
  /** Claims in the same set that dispute this group's claim, with the reason. */
  disputes: { item: ClaimItem; why: string }[];
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export function relateClaims(a: Claim, b: Claim): ClaimRelation {
  return norm(a.text) === norm(b.text) ? { kind: 'same' } : { kind: 'unrelated' };
}

/** Groups claims that report the same thing; groups in order of their lead's posting time. */
export function groupClaims(items: readonly ClaimItem[]): ClaimGroup[] {
  const sorted = [...items].sort((x, y) => x.postedAt.getTime() - y.postedAt.getTime());
  const groups: ClaimGroup[] = [];
  for (const item of sorted) {
    const g = groups.find((gr) => relateClaims(gr.lead.claim, item.claim).kind === 'same');
    if (g) g.members.push(item);
    else groups.push({ lead: item, members: [item], disputes: [] });
  }
  return groups;
}
