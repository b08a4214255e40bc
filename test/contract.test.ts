// The summary contract (../shared/docs/summary-contract.md) on whole reports: summarize() returns a valid
// Summary, and every span points into the exact input text (UTF-16 offsets, end exclusive) with
// text.slice(start, end) equal to the text the contract names beside it.
// Texts: the project's own fixtures (test/fixtures/*.txt, each also with CRLF line endings) and, when the
// shared examples sit beside the repo, ../shared/eval/reports/*.txt (read here, never copied).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summarize } from '../src/summarize.ts';
import { Summary } from '../src/schema.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(HERE, 'fixtures');
const SHARED_REPORTS = resolve(HERE, '../../shared/eval/reports');

const txtFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();

interface NamedSpan {
  where: string;
  span: unknown;
  /** The text the contract says the span holds, when it names one. */
  named?: string;
}

/** Every span of a summary, labelled by where it sits, with the text it must hold when the contract names it. */
function spansOf(summary: Summary): NamedSpan[] {
  const out: NamedSpan[] = [];
  for (const c of summary.claims) {
    const at = `claim ${c.id}`;
    c.content.forEach((s, i) => out.push({ where: `${at} content[${i}]`, span: s }));
    out.push({ where: `${at} sentence`, span: c.sentence });
    if (c.source?.span) out.push({ where: `${at} source.span`, span: c.source.span, named: c.source.mention });
    if (c.conduit?.span) out.push({ where: `${at} conduit.span`, span: c.conduit.span });
    if (c.cue?.span) out.push({ where: `${at} cue.span`, span: c.cue.span, named: c.cue.text });
    c.hedges.forEach((h, i) => out.push({ where: `${at} hedges[${i}].span`, span: h.span, named: h.text }));
    c.entities.forEach((e, i) => out.push({ where: `${at} entities[${i}].span`, span: e.span, named: e.text }));
  }
  return out;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Problems with the summary of `text`, as readable lines (empty when it keeps the contract). */
function contractProblems(text: string, summary: unknown): string[] {
  const problems: string[] = [];
  const parsed = Summary.safeParse(summary);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 10)) {
      problems.push(`schema: ${issue.path.join('.')}: ${issue.message}`);
    }
    return problems;
  }
  for (const { where, span, named } of spansOf(parsed.data)) {
    const s = span as { start: number; end: number };
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) {
      problems.push(`${where}: non-integer offsets ${JSON.stringify(s)}`);
      continue;
    }
    if (s.start < 0 || s.end > text.length) {
      problems.push(`${where}: ${s.start}-${s.end} outside the text (length ${text.length})`);
      continue;
    }
    if (s.end < s.start) {
      problems.push(`${where}: end ${s.end} before start ${s.start}`);
      continue;
    }
    // UTF-16 offsets must not cut an emoji (a surrogate pair) in half
    if (s.start > 0 && s.start < text.length && isLow(text.charCodeAt(s.start)) && isHigh(text.charCodeAt(s.start - 1))) {
      problems.push(`${where}: starts inside a surrogate pair at ${s.start}`);
    }
    if (s.end > 0 && s.end < text.length && isLow(text.charCodeAt(s.end)) && isHigh(text.charCodeAt(s.end - 1))) {
      problems.push(`${where}: ends inside a surrogate pair at ${s.end}`);
    }
    if (named !== undefined && text.slice(s.start, s.end) !== named) {
      problems.push(`${where}: text.slice(${s.start}, ${s.end}) = ${JSON.stringify(text.slice(s.start, s.end))}, named ${JSON.stringify(named)}`);
    }
  }
  return problems;
}

function checkText(text: string): Summary {
  const summary = summarize(text);
  expect(contractProblems(text, summary)).toEqual([]);
  return summary;
}

describe('summary contract on the project fixtures (test/fixtures)', () => {
  const files = txtFiles(FIXTURES);

  it('has fixtures to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)('%s: valid Summary, every span inside the text and equal to its named text', (file) => {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    const summary = checkText(text);
    expect(summary.stats.chars).toBe(text.length);
  });

  it.each(files)('%s with CRLF line endings: same checks', (file) => {
    const text = readFileSync(join(FIXTURES, file), 'utf8').replace(/\r?\n/g, '\r\n');
    checkText(text);
  });

  it('finds attributed claims in the plain news fixtures (the spans above are not vacuous)', () => {
    // Not a recall figure: only that the span checks had claims to look at.
    const news = files.filter((f) => /^(war|politics)-/.test(f));
    const claims = news.reduce((n, f) => n + summarize(readFileSync(join(FIXTURES, f), 'utf8')).claims.length, 0);
    expect(claims).toBeGreaterThan(0);
  });
});

const sharedThere = existsSync(SHARED_REPORTS);
if (!sharedThere) {
  console.log(`contract.test: ${SHARED_REPORTS} is absent beside the repo; the shared example reports are not checked.`);
}

describe('summary contract on the shared example reports (../shared/eval/reports)', () => {
  if (!sharedThere) {
    it.skip('../shared/eval/reports is absent beside the repo: not checked', () => {});
    return;
  }
  it.each(txtFiles(SHARED_REPORTS))('%s: valid Summary, every span inside the text and equal to its named text', (file) => {
    checkText(readFileSync(join(SHARED_REPORTS, file), 'utf8'));
  });
});
