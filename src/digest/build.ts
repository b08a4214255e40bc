// Builds a channel's digest for one period from its log.
//
// INTERIM (session of 2026-11-30): counts reports and sources only; the full digest (claims merged across
// reports, disputes, claims to check, new places and units, links) is being built for issue 6. The signatures stay.
import type { ChannelLog, StoredReport } from '../channel-log/types.ts';
import type { DigestRequest, DigestPeriod } from './types.ts';
import type { ChannelKey } from '../channel-log/types.ts';

export interface Digest {
  key: ChannelKey;
  period: DigestPeriod;
  reports: { id: string; postedAt: Date; poster: string; link?: string }[];
  sources: { name: string; claims: number; reports: number }[];
}

export async function buildDigest(log: ChannelLog, req: DigestRequest): Promise<Digest> {
  const reports: StoredReport[] = [];
  for await (const r of log.export(req.key, { since: req.period.from, until: req.period.to })) {
    if (r.postedAt.getTime() < req.period.to.getTime()) reports.push(r);
  }
  const sources = new Map<string, { name: string; claims: number; reports: Set<string> }>();
  for (const r of reports) {
    for (const c of r.summary.claims) {
      if (!c.source) continue;
      const s = sources.get(c.source.name) ?? { name: c.source.name, claims: 0, reports: new Set<string>() };
      s.claims++;
      s.reports.add(r.id);
      sources.set(s.name, s);
    }
  }
  return {
    key: req.key,
    period: req.period,
    reports: reports.map((r) => ({ id: r.id, postedAt: r.postedAt, poster: r.userName ?? r.user, ...(r.link ? { link: r.link } : {}) })),
    sources: [...sources.values()].map((s) => ({ name: s.name, claims: s.claims, reports: s.reports.size })).sort((a, b) => b.claims - a.claims),
  };
}
