// Runs the real command (`node bin/claimdesk.js`) as a user would.
import { readdirSync, readFileSync } from 'node:fs';
import { runCli, type CliRun } from './helpers/run-cli.ts';
import { describe, expect, test } from 'vitest';
import { Summary } from '../src/schema.ts';

function run(args: string[], stdin = '', env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(args, { stdin, env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
}

const REPORT =
  'The Coastal Guard said on Monday that two patrol boats had been damaged near the harbour. ' +
  'Local officials reportedly evacuated 40 families.';

// Each run starts Node, tsx and the language model: allow for a busy machine.
describe.concurrent('claimdesk', { timeout: 30_000 }, () => {
  test('summarize --format json prints a Summary that passes the schema', async () => {
    const r = await run(['summarize', '-', '--format', 'json'], REPORT);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const parsed = Summary.safeParse(JSON.parse(r.stdout));
    expect(parsed.error).toBeUndefined();
    expect(parsed.data?.stats.chars).toBe(REPORT.length);
    expect(parsed.data?.language).toBe('en');
  });

  test('summarize --jsonl answers every line in order, errors for bad lines', async () => {
    const lines = [
      JSON.stringify({ id: 'a1', text: REPORT }),
      '{"id": "a2", "text": ',
      JSON.stringify({ id: 'a3', text: '   ' }),
      JSON.stringify({ id: 'a4', text: 'The harbour master said the port had reopened.' }),
    ];
    const r = await run(['summarize', '--jsonl'], lines.join('\n') + '\n');
    expect(r.code).toBe(0);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(4);
    expect(out.map((o) => o.id)).toEqual(['a1', null, 'a3', 'a4']);
    expect(Summary.safeParse(out[0].summary).success).toBe(true);
    expect(out[0].error).toBeUndefined();
    expect(out[1].error).toMatch(/line 2: not valid JSON/);
    expect(out[2].error).toMatch(/empty/);
    expect(out[2].summary).toBeUndefined();
    expect(Summary.safeParse(out[3].summary).success).toBe(true);
  });

  test('summarize --jsonl gives the same summaries with its analysis worker as on one thread', async () => {
    // the worker also finds each report's entities (src/batch.ts): they must be the ones the main thread would find
    const dir = new URL('./fixtures/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    const lines = files.map((f) => JSON.stringify({ id: f, text: readFileSync(new URL(f, dir), 'utf8') }));
    lines.push(JSON.stringify({ id: 'short', text: 'Ministry spokeswoman Olena Brandt said 120 soldiers left Marhanets on 3 March.' }));
    const input = lines.join('\n') + '\n';
    // CLAIMDESK_JSONL_THREADS=2 takes the worker even on a one-core machine, where it would not be used by default
    const [two, one] = await Promise.all([
      run(['summarize', '--jsonl'], input, { CLAIMDESK_JSONL_THREADS: '2', LOG_LEVEL: 'debug' }),
      run(['summarize', '--jsonl'], input, { CLAIMDESK_JSONL_THREADS: '1', LOG_LEVEL: 'debug' }),
    ]);
    expect(two.code).toBe(0);
    expect(one.code).toBe(0);
    expect(two.stderr).toContain('--jsonl batch: wink-nlp on a worker thread');
    expect(two.stderr).not.toContain('analysis worker stopped');
    expect(one.stderr).toContain('--jsonl batch: all on the main thread');
    expect(two.stdout).toBe(one.stdout);
    const out = two.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(lines.length);
    const entities = out.flatMap((o) => o.summary.claims.flatMap((c: { entities: unknown[] }) => c.entities));
    expect(entities).toContainEqual(expect.objectContaining({ type: 'quantity', text: '120 soldiers' }));
  });

  test('summarize refuses input over the size limit with a clear message', async () => {
    const r = await run(['summarize'], 'x'.repeat(2000), { CLAIMDESK_MAX_INPUT_BYTES: '1000' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/too long: 2 KB \(2000 bytes\).*at most 1 KB \(1000 bytes\)/);
  });

  test('schema prints JSON Schema with properties', async () => {
    const r = await run(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['schema', 'headline', 'claims', 'sources', 'flags']),
    );
  });

  test('an unknown command exits 2 and lists the valid ones', async () => {
    const r = await run(['summarise']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unknown command 'summarise'");
    expect(r.stderr).toContain('summarize, schema, start, help');
  });

  test('help prints usage', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('claimdesk summarize [FILE|-]');
  });
});
