// /export in its three formats, with since:, over the real channel log.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CSV_COLUMNS, csvCell } from '../commands/export.ts';
import type { Reply } from '../src/reply.ts';
import { summarize } from '../src/summarize.ts';
import { BRIDGE, FLOOD, HARBOUR } from './fixtures/desk-reports.ts';
import { DAY, openTestDesk, savedId, type TestDesk } from './helpers/desk.ts';

let t: TestDesk;
const ids: string[] = [];
beforeEach(async () => {
  t = await openTestDesk();
  ids.length = 0;
  ids.push(savedId(await t.say(HARBOUR)));
  t.clock.now = new Date(t.clock.now.getTime() + 10 * DAY);
  ids.push(savedId(await t.say(BRIDGE)));
  ids.push(savedId(await t.say(FLOOD)));
});
afterEach(() => t.close());

async function file(query: string): Promise<Extract<Reply['blocks'][number], { kind: 'file' }>> {
  const [reply] = await t.replies(`/export ${query}`);
  const f = reply.blocks.find((b) => b.kind === 'file');
  if (!f || f.kind !== 'file') throw new Error(`no file in reply: ${reply.fallback}`);
  return f;
}

/** A small CSV reader (quoted cells, doubled quotes, newlines inside quotes). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += ch;
  }
  return rows;
}

describe('/export', () => {
  test('JSON lines by default: each report whole, oldest first', async () => {
    const f = await file('');
    expect(f.filename).toMatch(/^claimdesk-desk-2026-11-20\.jsonl$/);
    const lines = f.content.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(ids);
    expect(lines[0].text).toBe(HARBOUR);
    expect(lines[0].summary.claims).toHaveLength(summarize(HARBOUR).claims.length);
    expect(lines[0]).toMatchObject({ user: 'U_ALICE', userName: 'alice', postedAt: '2026-11-10T09:00:00.000Z' });
    expect(f.description).toBe('3 reports from this channel\'s log as JSONL');
  });

  test('CSV: a header and one row per claim, every row as wide as the header', async () => {
    const f = await file('format:csv');
    const rows = readCsv(f.content);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const claims = [HARBOUR, BRIDGE, FLOOD].reduce((n, r) => n + summarize(r).claims.length, 0);
    expect(rows).toHaveLength(1 + claims);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    const cranes = rows.find((r) => r[CSV_COLUMNS.indexOf('claim')].includes('cranes'))!;
    expect(cranes[CSV_COLUMNS.indexOf('report_id')]).toBe(ids[0]);
    expect(cranes[CSV_COLUMNS.indexOf('places')]).toBe('Valdmor');
  });

  test('CSV cells are quoted as needed and never start a formula', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  test('Markdown: one section per report', async () => {
    const f = await file('format:md');
    expect(f.mediaType).toBe('text/markdown');
    for (const id of ids) expect(f.content).toContain(`# Report ${id}, pasted by alice`);
  });

  test('since: limits the export; bad options get a clear message', async () => {
    const f = await file('since:7d format:CSV');
    expect(f.content).not.toContain(ids[0]);
    expect(f.content).toContain(ids[1]);
    expect(await t.say('/export format:xml')).toMatch(/format: is one of jsonl, csv, md/);
    expect(await t.say('/export since:fortnight')).toMatch(/not a date I can read/);
    expect(await t.say('/export until:2026-11-01')).toMatch(/Nothing to export/);
  });
});
