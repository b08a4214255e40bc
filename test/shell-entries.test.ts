// How console input becomes entries: a pasted report is one entry, blank lines included; commands run alone.
import { describe, expect, test } from 'vitest';
import { EntryAssembler, type Entry } from '../adapters/shell/entries.ts';

const WINDOW = 30;
const settle = () => new Promise((r) => setTimeout(r, WINDOW * 4));

function make(pending = () => '') {
  const entries: Entry[] = [];
  let more = 0;
  const a = new EntryAssembler({ windowMs: WINDOW, onEntry: (e) => entries.push(e), onMoreLines: () => more++, pendingLine: pending });
  return { a, entries, more: () => more };
}

const PARAS = ['The port authority said two cranes were damaged.', '', 'Officials told Radio North that repairs would take a month.', '', 'More to follow'];

describe('console entries', () => {
  test('lines arriving together are one report, blank lines kept, trailing blanks dropped', async () => {
    const { a, entries } = make();
    for (const l of [...PARAS, '', '']) a.line(l);
    await settle();
    expect(entries).toEqual([{ kind: 'report', text: PARAS.join('\n') }]);
  });

  test('a command on its own line runs at once; commands arriving together each run', () => {
    const { a, entries } = make();
    a.line('/claims cranes');
    a.line('  /help claims ');
    expect(entries).toEqual([
      { kind: 'command', text: '/claims cranes' },
      { kind: 'command', text: '/help claims' },
    ]);
  });

  test('a lone "." ends a report, so piped text can hold a report and then commands', () => {
    const { a, entries } = make();
    for (const l of [...PARAS, '.', '/claims cranes']) a.line(l);
    expect(entries).toEqual([
      { kind: 'report', text: PARAS.join('\n') },
      { kind: 'command', text: '/claims cranes' },
    ]);
  });

  test('a single typed sentence is a report; an unfinished line waits for more lines until "."', async () => {
    const { a, entries, more } = make();
    a.line('The mayor said the bridge is closed.');
    await settle();
    expect(entries).toEqual([{ kind: 'report', text: 'The mayor said the bridge is closed.' }]);

    a.line('Bridge closed after strike');
    await settle();
    expect(more()).toBe(1);
    a.line('');
    a.line('The mayor said the bridge is closed.');
    await settle();
    expect(entries).toHaveLength(1);
    a.line('.');
    expect(entries[1]).toEqual({ kind: 'report', text: 'Bridge closed after strike\n\nThe mayor said the bridge is closed.' });
  });

  test('end of input (Ctrl-D) ends a report being typed', async () => {
    const { a, entries } = make();
    a.line('Bridge closed after strike');
    await settle();
    a.line('The mayor said so');
    a.end();
    expect(entries).toEqual([{ kind: 'report', text: 'Bridge closed after strike\nThe mayor said so' }]);
  });

  test('a bracketed paste is one entry up to the Enter that ends its last line, whatever the timing', async () => {
    let pending = '';
    const { a, entries } = make(() => pending);
    a.pasteStart();
    a.line(PARAS[0]);
    await settle();
    a.line('');
    a.line(PARAS[2]);
    pending = 'Last line without';
    a.pasteEnd();
    await settle();
    expect(entries).toEqual([]);
    pending = '';
    a.line('Last line without a newline.');
    expect(entries).toEqual([{ kind: 'report', text: `${PARAS[0]}\n\n${PARAS[2]}\nLast line without a newline.` }]);
  });

  test('a paste without brackets that stops mid-line waits for Enter', async () => {
    let pending = '';
    const { a, entries } = make(() => pending);
    a.line(PARAS[0]);
    a.line('');
    pending = 'and the rest';
    await settle();
    expect(entries).toEqual([]);
    pending = '';
    a.line('and the rest.');
    expect(entries).toEqual([{ kind: 'report', text: `${PARAS[0]}\n\nand the rest.` }]);
  });

  test('a paste over the size limit is measured, not kept, and reported as too large', async () => {
    const entries: Entry[] = [];
    const a = new EntryAssembler({ windowMs: WINDOW, maxBytes: 1000, onEntry: (e) => entries.push(e) });
    for (let i = 0; i < 100; i++) a.line('The ministry said the bridge had fallen overnight.');
    a.line('.');
    a.line('/claims bridge');
    expect(entries[0]).toEqual({ kind: 'too-large', bytes: 100 * 51 });
    expect(entries[1]).toEqual({ kind: 'command', text: '/claims bridge' });
  });

  test('Ctrl-C drops what was collected', async () => {
    const { a, entries } = make();
    a.line('Half a report');
    await settle();
    expect(a.discard()).toBe(true);
    a.end();
    expect(entries).toEqual([]);
    expect(a.discard()).toBe(false);
  });
});
