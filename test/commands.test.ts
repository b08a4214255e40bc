// The /summarize command: the reply the chat adapters will render.
import { describe, expect, it } from 'vitest';
import { handle } from '../commands/summarize.ts';

describe('/summarize', () => {
  it('answers a pasted report with its sources and claims', () => {
    const reply = handle({ text: 'The port authority said that two cranes were damaged in the night. Officials told AFP that repairs would take a month.' });
    const sources = reply.blocks.filter((b) => b.kind === 'source').map((b) => (b.kind === 'source' ? b.name : ''));
    expect(sources.join(' ')).toMatch(/port authority/);
    const claims = reply.blocks.filter((b) => b.kind === 'claim');
    expect(claims.length).toBeGreaterThanOrEqual(2);
    expect(claims.some((b) => b.kind === 'claim' && b.conduit === 'AFP')).toBe(true);
  });

  it('turns empty input into a clear message rather than an error', () => {
    const reply = handle({ text: '   \n ' });
    expect(reply.blocks).toHaveLength(1);
    expect(reply.fallback).toMatch(/empty/i);
  });
});
