// /export [format:jsonl|csv|md] [since:…] [until:…]: this channel's log as a file. JSON lines carry each
// report whole (text and summary); CSV has one row per claim (for a spreadsheet); Markdown reads as a
// dossier. `claimdesk log export` streams the same lines.
import { z } from 'zod';
import type { ChannelKey, ChannelLog, StoredReport } from '../src/channel-log/types.ts';
import { dateRange, parseOptions } from '../src/query.ts';
import { escapeMarkdown, renderMarkdown } from '../src/render/markdown.ts';
import { errorReply, messageReply, summaryReply, type Reply } from '../src/reply.ts';
import type { Command, CommandContext } from './command.ts';
import { provenance } from './report.ts';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** Largest export sent as a file in chat; `claimdesk log export` has no limit. */
export const MAX_EXPORT_BYTES = 20_000_000;

const MEDIA: Record<ExportFormat, string> = { jsonl: 'application/x-ndjson', csv: 'text/csv', md: 'text/markdown' };

export const CSV_COLUMNS = [
  'report_id', 'posted_at', 'user', 'user_name', 'link', 'claim_id', 'source', 'source_type', 'conduit',
  'cue', 'stance', 'hedges', 'category', 'places', 'quote', 'claim',
] as const;

/** A CSV cell: quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
export function csvCell(value: string): string {
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function csvRows(r: StoredReport): string[] {
  const base = [r.id, r.postedAt.toISOString(), r.user, r.userName ?? '', r.link ?? ''];
  if (r.summary.claims.length === 0) return [[...base, ...Array(CSV_COLUMNS.length - base.length).fill('')].map(csvCell).join(',')];
  return r.summary.claims.map((c) =>
    [
      ...base,
      c.id,
      c.source?.name ?? '',
      c.source?.type ?? '',
      c.conduit?.name ?? '',
      c.cue?.text ?? '',
      c.cue?.stance ?? '',
      c.hedges.map((h) => h.text).join('; '),
      c.category,
      c.entities.filter((e) => e.type === 'place').map((e) => e.text).join('; '),
      c.quote ? 'yes' : 'no',
      c.text,
    ]
      .map(csvCell)
      .join(','),
  );
}

function jsonLine(r: StoredReport): string {
  const { key: _key, ...rest } = r;
  return JSON.stringify({ ...rest, postedAt: r.postedAt.toISOString() });
}

function markdownSection(r: StoredReport): string {
  return `# ${escapeMarkdown(provenance(r))}\n\n${renderMarkdown(summaryReply(r.summary))}`;
}

/** The export as chunks of text (each ends with a newline), oldest report first. */
export async function* exportChunks(
  log: ChannelLog,
  key: ChannelKey,
  format: ExportFormat,
  range: { since?: Date; until?: Date } = {},
): AsyncGenerator<string> {
  if (format === 'csv') yield CSV_COLUMNS.join(',') + '\n';
  let first = true;
  for await (const r of log.export(key, range)) {
    if (format === 'jsonl') yield jsonLine(r) + '\n';
    else if (format === 'csv') yield csvRows(r).join('\n') + '\n';
    else yield (first ? '' : '\n---\n\n') + markdownSection(r);
    first = false;
  }
}

export const args = z.object({
  format: z
    .string()
    .toLowerCase()
    .pipe(z.enum(EXPORT_FORMATS, { error: `format: is one of ${EXPORT_FORMATS.join(', ')}.` }))
    .default('jsonl')
    .describe('jsonl (the default: reports whole), csv (a row per claim) or md (Markdown)'),
  since: z.string().optional().describe('From: 24h, 7d, 2w, today, yesterday or a UTC date such as 2026-11-01'),
  until: z.string().optional().describe('Up to: 24h, 7d, 2w, today, yesterday or a UTC date such as 2026-11-01'),
});
export type ExportArgs = z.infer<typeof args>;

export function exportFilename(key: ChannelKey, format: ExportFormat, now: Date): string {
  const channel = key.channel.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40) || 'channel';
  return `claimdesk-${channel}-${now.toISOString().slice(0, 10)}.${format}`;
}

async function handle(input: ExportArgs, ctx: CommandContext): Promise<Reply> {
  const range = dateRange(input, ctx.now());
  const parts: string[] = [];
  let bytes = 0;
  let reports = 0;
  for await (const chunk of exportChunks(ctx.log, ctx.key, input.format, range)) {
    bytes += Buffer.byteLength(chunk);
    if (bytes > MAX_EXPORT_BYTES) {
      return errorReply('That export is too big to send here. Narrow it with since: and until:, or ask for `claimdesk log export`.');
    }
    parts.push(chunk);
    reports++;
  }
  if (input.format === 'csv') reports--;
  if (reports === 0) return messageReply(`Nothing to export: no reports in this channel's log${input.since ? ' since ' + input.since : ''}.`);
  const description = `${reports} report${reports === 1 ? '' : 's'} from this channel's log as ${input.format.toUpperCase()}`;
  return {
    title: 'Export',
    fallback: description,
    blocks: [
      { kind: 'file', filename: exportFilename(ctx.key, input.format, ctx.now()), mediaType: MEDIA[input.format], content: parts.join(''), description },
    ],
  };
}

export const command: Command<ExportArgs> = {
  name: 'export',
  summary: "Download this channel's log: JSON lines (default), CSV (one row per claim) or Markdown.",
  usage: `/export [format:${EXPORT_FORMATS.join('|')}] [since:WHEN] [until:WHEN]`,
  examples: ['/export', '/export format:csv since:30d', '/export format:md since:2026-11-01'],
  args,
  fromText: (text) => parseOptions(text, ['format', 'since', 'until'], 'export'),
  handle,
};
