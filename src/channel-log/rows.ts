// What both stores write for a report and read back: checked input, one row per claim (with the words search
// and the filters work on), and stored rows mapped back to the contract's shapes.
import type { Category, SourceType, Stance, Summary } from '../schema.ts';
import { storedSourceKey } from './source-key.ts';
import { searchText } from './text.ts';
import type { ChannelKey, ClaimHit, NearbyClaim, NewReport, StoredReport } from './types.ts';

export interface ClaimRow {
  claimId: string;
  text: string;
  sourceName: string | null;
  /** The source's key across reports (sourceKeyOf its name). */
  sourceKey: string | null;
  sourceType: SourceType | null;
  conduit: string | null;
  cueText: string | null;
  cueStance: Stance | null;
  hedges: string[];
  category: Category;
  places: string[];
  quote: boolean;
  /** Search words: claim text, source, conduit and entities (searchText form). */
  body: string;
  /** Search words of the source: name, mention, affiliation. */
  source: string;
  /** Search words of the place entities. */
  place: string;
}

const MAX_KEY_PART = 200;

/** Throws a TypeError naming what is wrong with a report before anything is written. */
export function checkNewReport(r: NewReport): void {
  const bad = (what: string) => {
    throw new TypeError(`Cannot store the report: ${what}.`);
  };
  checkKey(r?.key);
  if (typeof r.text !== 'string' || r.text.trim() === '') bad('its text is empty');
  if (!r.summary || !Array.isArray(r.summary.claims)) bad('it has no summary');
  if (typeof r.user !== 'string' || r.user === '') bad('it names no user');
  if (!(r.postedAt instanceof Date) || Number.isNaN(r.postedAt.getTime())) bad('its posting time is not a valid date');
}

/** Throws a TypeError for a channel key with a missing or over-long part. */
export function checkKey(key: ChannelKey): void {
  for (const part of ['platform', 'workspace', 'channel'] as const) {
    const v = key?.[part];
    if (typeof v !== 'string' || v === '' || v.length > MAX_KEY_PART) {
      throw new TypeError(`Channel key needs a ${part} (1 to ${MAX_KEY_PART} characters).`);
    }
  }
}

export function claimRows(summary: Summary): ClaimRow[] {
  return summary.claims.map((c) => {
    const places = c.entities.filter((e) => e.type === 'place').map((e) => e.text);
    const sourceWords = c.source ? [c.source.name, c.source.mention, c.source.affiliation ?? ''] : [];
    const bodyWords = [c.text, ...sourceWords, c.conduit?.name ?? '', ...c.entities.map((e) => e.text)];
    return {
      claimId: c.id,
      text: c.text,
      sourceName: c.source?.name ?? null,
      sourceKey: storedSourceKey(c.source?.name ?? null),
      sourceType: c.source?.type ?? null,
      conduit: c.conduit?.name ?? null,
      cueText: c.cue?.text ?? null,
      cueStance: c.cue?.stance ?? null,
      hedges: c.hedges.map((h) => h.text),
      category: c.category,
      places,
      quote: c.quote,
      body: searchText(bodyWords.join(' ')),
      source: searchText(sourceWords.join(' ')),
      place: searchText(places.join(' ')),
    };
  });
}

/** A report row as both stores select it (column names are the same in both). */
export interface ReportRecord {
  id: string;
  text: string;
  summary: string;
  user_id: string;
  user_name: string | null;
  thread: string | null;
  link: string | null;
  posted_ms: number | string;
}

export function storedReport(key: ChannelKey, r: ReportRecord): StoredReport {
  const out: StoredReport = {
    id: r.id,
    key: { platform: key.platform, workspace: key.workspace, channel: key.channel },
    text: r.text,
    summary: JSON.parse(r.summary) as Summary,
    user: r.user_id,
    postedAt: new Date(Number(r.posted_ms)),
  };
  if (r.user_name != null) out.userName = r.user_name;
  if (r.thread != null) out.thread = r.thread;
  if (r.link != null) out.link = r.link;
  return out;
}

/** A claim row joined with its report, as both stores select it. */
export interface HitRecord {
  report_id: string;
  claim_id: string;
  text: string;
  source_name: string | null;
  source_type: string | null;
  conduit: string | null;
  cue_text: string | null;
  cue_stance: string | null;
  /** JSON text (SQLite) or already parsed (Postgres jsonb). */
  hedges: string | string[];
  category: string;
  places: string | string[];
  quote: number | boolean;
  user_id: string;
  user_name: string | null;
  link: string | null;
  posted_ms: number | string;
}

const list = (v: string | string[]): string[] => (typeof v === 'string' ? (JSON.parse(v) as string[]) : v);

export function claimHit(r: HitRecord, score: number): ClaimHit {
  const hit: ClaimHit = {
    reportId: r.report_id,
    claimId: r.claim_id,
    text: r.text,
    source: r.source_name != null ? { name: r.source_name, type: r.source_type as SourceType } : null,
    conduit: r.conduit,
    cue: r.cue_text != null ? { text: r.cue_text, stance: r.cue_stance as Stance } : null,
    hedges: list(r.hedges),
    category: r.category as Category,
    places: list(r.places),
    quote: Boolean(r.quote),
    user: r.user_id,
    postedAt: new Date(Number(r.posted_ms)),
    score,
  };
  if (r.user_name != null) hit.userName = r.user_name;
  if (r.link != null) hit.link = r.link;
  return hit;
}

/** A claim row with its report's id, as both stores select it for claimsNear. */
export interface NearbyRecord {
  report_id: string;
  claim_id: string;
  text: string;
  source_name: string | null;
  source_type: string | null;
  cue_text: string | null;
  cue_stance: string | null;
  category: string;
  places: string | string[];
  posted_ms: number | string;
}

export function nearbyClaim(r: NearbyRecord): NearbyClaim {
  return {
    reportId: r.report_id,
    claimId: r.claim_id,
    text: r.text,
    source: r.source_name != null ? { name: r.source_name, type: r.source_type as SourceType } : null,
    cue: r.cue_text != null ? { text: r.cue_text, stance: r.cue_stance as Stance } : null,
    category: r.category as Category,
    places: list(r.places),
    postedAt: new Date(Number(r.posted_ms)),
  };
}
