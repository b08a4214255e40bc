// ChannelLog.sources, the part both stores share: their rows (one per source name as written, with its counts)
// become one entry per source (src/matching/source-names.ts: "Russian MoD" and "Russia's Defence Ministry" are
// one). Claims add up; reports do not (one report may use two of the names), so a source with several names has
// its reports counted again by the store over all its names (`reportsOver`).
import { shownName, sourceKeyOf, type NameUse } from '../matching/source-names.ts';
import type { SourceCount } from './types.ts';

/** One row of a store's per-name tally. */
export interface SourceRow {
  name: string;
  type: SourceCount['type'];
  claims: number;
  reports: number;
  /** Last claim's posting time, ms. */
  last: number;
}

export interface SourceGroups {
  /** Each source's rows, by key. */
  groups: Map<string, SourceRow[]>;
  /** For sources with several names or types: each name → its group's key; the store counts distinct reports per key. */
  reportsOver: Record<string, string>;
}

export function groupSourceRows(rows: readonly SourceRow[]): SourceGroups {
  const groups = new Map<string, SourceRow[]>();
  for (const r of rows) {
    const k = sourceKeyOf(r.name);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const reportsOver: Record<string, string> = {};
  for (const [k, g] of groups) if (g.length > 1) for (const r of g) reportsOver[r.name] = k;
  return { groups, reportsOver };
}

/**
 * One entry per source: the name shownName picks (most reports, then the longest, more claims, used last, code-point
 * order), the type most of its claims have, claims summed, reports from `reports` (by key) where it has several rows.
 * Most claims first, then most reports, the latest, and the name.
 */
export function sourceCounts({ groups }: SourceGroups, reports: ReadonlyMap<string, number>): SourceCount[] {
  const out: SourceCount[] = [];
  for (const [k, rows] of groups) {
    // A name has a row per type: its claims add up; its reports are at least those of its busiest row.
    const byName = new Map<string, NameUse>();
    const byType = new Map<SourceCount['type'], number>();
    for (const r of rows) {
      const u = byName.get(r.name);
      if (u) {
        u.reports = Math.max(u.reports, r.reports);
        u.claims += r.claims;
        u.last = Math.max(u.last, r.last);
      } else byName.set(r.name, { name: r.name, reports: r.reports, claims: r.claims, last: r.last });
      byType.set(r.type, (byType.get(r.type) ?? 0) + r.claims);
    }
    const name = shownName(byName.values());
    const type = [...byType].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    out.push({
      name,
      type,
      claims: rows.reduce((n, r) => n + r.claims, 0),
      reports: rows.length > 1 ? (reports.get(k) ?? Math.max(...rows.map((r) => r.reports))) : rows[0].reports,
      lastSeen: new Date(Math.max(...rows.map((r) => r.last))),
    });
  }
  return out.sort(
    (a, b) => b.claims - a.claims || b.reports - a.reports || b.lastSeen.getTime() - a.lastSeen.getTime() || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}
