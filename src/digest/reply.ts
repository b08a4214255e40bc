// A digest as replies: `summary` is the top-level post (the counts, the top merged claims, how many disputes, and
// a line pointing to the details); `details` the rest, one reply per section: who says what by source, the
// disputes, the claims to check, new places and units, and every report with a link back. Slack posts `details`
// in the summary's thread; Discord and the console show both, one after the other. Lists are capped here so a
// busy day stays readable; the renderers cut what is still too long for the platform.
import { neutraliseMentions } from '../render/mentions.ts';
import { formatDate, type MergedLine, type Reply, type ReplyBlock } from '../reply.ts';
import type { Digest, DigestClaim, DigestName, DigestRef } from './build.ts';

export interface DigestReplies {
  summary: Reply;
  details: Reply[];
}

/** How much of each list a digest shows. */
export const DIGEST_LIMITS = {
  topClaims: 5,
  /** Report links on one merged line. */
  refs: 5,
  posters: 8,
  sources: 15,
  claimsPerSource: 5,
  disputes: 20,
  toCheck: 25,
  names: 30,
  reports: 100,
} as const;

const n = (k: number, word: string, plural = word + 's') => `${k.toLocaleString('en-US')} ${k === 1 ? word : plural}`;

function line(c: DigestClaim): MergedLine {
  return {
    text: c.text,
    quote: c.quote,
    category: c.category,
    sources: c.sources.map((s) => ({ name: s.name, conduit: s.conduit, cue: s.cue })),
    cue: c.cue?.text ?? null,
    hedges: c.hedges,
    reports: c.reports.slice(0, DIGEST_LIMITS.refs),
    reportCount: c.reports.length,
  };
}

const merged = (c: DigestClaim, extra: { check?: string[]; disputedBy?: (MergedLine & { why: string })[] } = {}): ReplyBlock => ({
  kind: 'merged',
  ...line(c),
  ...extra,
});

/** "…and 3 more claims from X: /claims …" when a list was cut. */
const more = (left: number, what: string, hint = ''): ReplyBlock[] =>
  left > 0 ? [{ kind: 'context', text: `…and ${left.toLocaleString('en-US')} more ${left === 1 ? what : what + 's'}${hint}.` }] : [];

/** "alice (8), bob (4) and 3 others" */
function posterList(d: Digest): string {
  const shown = d.posters.slice(0, DIGEST_LIMITS.posters).map((p) => `${p.name} (${p.reports})`);
  const rest = d.posters.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${n(rest, 'other')}`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown.join('');
}

/** "10 Nov 2026, 08:00 to 11 Nov 2026, 08:00 (Europe/Kyiv)": the period in the channel's own time. */
function period(d: Digest): string {
  try {
    const f = new Intl.DateTimeFormat('en-GB', { timeZone: d.period.timeZone, dateStyle: 'medium', timeStyle: 'short' });
    return `${f.format(d.period.from)} to ${f.format(d.period.to)} (${d.period.timeZone})`;
  } catch {
    return `${formatDate(d.period.from)} to ${formatDate(d.period.to)}`;
  }
}

function counts(d: Digest): string {
  const sources = d.sources.length;
  const parts = [
    `${n(d.claimCount, 'claim')} from ${n(sources, 'source')}, ${n(d.claims.length, 'line')} once merged across reports`,
    n(d.disputes.length, 'dispute'),
    `${n(d.toCheck.length, 'claim')} to check`,
    `${n(d.newPlaces.length, 'new place')}, ${n(d.newUnits.length, 'new unit')}`,
  ];
  return parts.join('; ') + '.';
}

function summaryOf(d: Digest): Reply {
  const title = `ClaimDesk digest ${d.period.date}`;
  const head = `Daily digest for ${d.period.date}: ${n(d.reports.length, 'report')}`;
  const blocks: ReplyBlock[] = [
    { kind: 'heading', text: head },
    { kind: 'context', text: period(d) },
  ];
  if (d.reports.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'No reports were posted in this channel in this period: nothing to digest.' });
    return { title, fallback: neutraliseMentions(`${head}.`), blocks };
  }
  blocks.push({ kind: 'paragraph', text: `Pasted by ${posterList(d)}.` });
  blocks.push({ kind: 'paragraph', text: counts(d) });
  if (d.claims.length === 0) {
    blocks.push({ kind: 'paragraph', text: "No attributed or hedged claims in this period's reports." });
  } else {
    blocks.push({ kind: 'heading', text: 'Top claims' });
    for (const c of d.claims.slice(0, DIGEST_LIMITS.topClaims)) blocks.push(merged(c));
  }
  const sections = [
    d.sources.length > 0 ? 'who says what by source' : null,
    d.disputes.length > 0 ? n(d.disputes.length, 'dispute') : null,
    d.toCheck.length > 0 ? `${n(d.toCheck.length, 'claim')} to check` : null,
    d.newPlaces.length + d.newUnits.length > 0 ? 'new places and units' : null,
    `links to the ${n(d.reports.length, 'report')}`,
  ].filter((s): s is string => s !== null);
  blocks.push({ kind: 'context', text: `Details follow (on Slack, in this post's thread): ${sections.join(', ')}.` });
  const fallback = `${head}, ${n(d.claims.length, 'claim')}, ${n(d.disputes.length, 'dispute')}.`;
  return { title, fallback: neutraliseMentions(fallback), blocks };
}

function whoSaysWhat(d: Digest): Reply | null {
  if (d.sources.length === 0) return null;
  const blocks: ReplyBlock[] = [{ kind: 'heading', text: 'Who says what' }];
  for (const s of d.sources.slice(0, DIGEST_LIMITS.sources)) {
    blocks.push({ kind: 'source', name: s.name, type: s.type, conduits: s.conduits, claims: s.claims });
    for (const c of s.said.slice(0, DIGEST_LIMITS.claimsPerSource)) blocks.push(merged(c));
    blocks.push(...more(s.said.length - DIGEST_LIMITS.claimsPerSource, 'claim', ` from ${s.name}: /claims source:"${s.name.replace(/"/g, '')}"`));
  }
  blocks.push(...more(d.sources.length - DIGEST_LIMITS.sources, 'source', ': /sources'));
  return { title: `Who says what, ${d.period.date}`, fallback: neutraliseMentions(`Who says what, ${d.period.date}`), blocks };
}

function disputes(d: Digest): Reply | null {
  if (d.disputes.length === 0) return null;
  const blocks: ReplyBlock[] = [{ kind: 'heading', text: 'Where sources disagree' }];
  for (const x of d.disputes.slice(0, DIGEST_LIMITS.disputes)) {
    blocks.push(merged(x.claim, { disputedBy: x.disputedBy.map((b) => ({ ...line(b.claim), why: b.why })) }));
  }
  blocks.push(...more(d.disputes.length - DIGEST_LIMITS.disputes, 'dispute'));
  return { title: `Disputes, ${d.period.date}`, fallback: neutraliseMentions(`${n(d.disputes.length, 'dispute')}, ${d.period.date}`), blocks };
}

function toCheck(d: Digest): Reply | null {
  if (d.toCheck.length === 0) return null;
  const blocks: ReplyBlock[] = [
    { kind: 'heading', text: 'To check' },
    { kind: 'context', text: 'Hedged, unattributed or anonymously sourced: find out who says so before repeating it.' },
  ];
  for (const c of d.toCheck.slice(0, DIGEST_LIMITS.toCheck)) blocks.push(merged(c, { check: c.check }));
  blocks.push(...more(d.toCheck.length - DIGEST_LIMITS.toCheck, 'claim', ' to check: /claims hedged, /claims unattributed'));
  return { title: `To check, ${d.period.date}`, fallback: neutraliseMentions(`${n(d.toCheck.length, 'claim')} to check, ${d.period.date}`), blocks };
}

const refText = (r: DigestRef) => `/report ${r.id}`;

function nameList(names: DigestName[]): string {
  const shown = names.slice(0, DIGEST_LIMITS.names).map((x) => `${x.name} (${n(x.reports.length, 'report')}: ${x.reports.slice(0, 3).map(refText).join(', ')})`);
  const rest = names.length - shown.length;
  return shown.join('; ') + (rest > 0 ? `; and ${rest} more` : '');
}

function newNames(d: Digest): Reply | null {
  if (d.newPlaces.length + d.newUnits.length === 0) return null;
  const fields: { label: string; value: string }[] = [];
  if (d.newPlaces.length > 0) fields.push({ label: `New places (${d.newPlaces.length})`, value: nameList(d.newPlaces) });
  if (d.newUnits.length > 0) fields.push({ label: `New units (${d.newUnits.length})`, value: nameList(d.newUnits) });
  return {
    title: `New places and units, ${d.period.date}`,
    fallback: neutraliseMentions(`New places and units, ${d.period.date}`),
    blocks: [
      { kind: 'heading', text: 'New places and units' },
      { kind: 'context', text: "Not named in any claim of this channel's log before this period." },
      { kind: 'fields', fields },
    ],
  };
}

function reportList(d: Digest): Reply {
  const blocks: ReplyBlock[] = [{ kind: 'heading', text: `The ${n(d.reports.length, 'report')}` }];
  for (const r of d.reports.slice(0, DIGEST_LIMITS.reports)) {
    blocks.push({
      kind: 'report',
      id: r.id,
      ...(r.link ? { link: r.link } : {}),
      postedAt: r.postedAt.toISOString(),
      poster: r.poster,
      headline: r.headline,
      claims: r.claims,
    });
  }
  blocks.push(...more(d.reports.length - DIGEST_LIMITS.reports, 'report', ': /export has them all'));
  if (d.narration > 0) blocks.push({ kind: 'context', text: `${n(d.narration, 'unsourced statement')} in the reports' own voice not shown.` });
  return { title: `Reports, ${d.period.date}`, fallback: neutraliseMentions(`${n(d.reports.length, 'report')}, ${d.period.date}`), blocks };
}

export function digestReplies(d: Digest): DigestReplies {
  const summary = summaryOf(d);
  if (d.reports.length === 0) return { summary, details: [] };
  const details = [whoSaysWhat(d), disputes(d), toCheck(d), newNames(d), reportList(d)].filter((r): r is Reply => r !== null);
  return { summary, details };
}
