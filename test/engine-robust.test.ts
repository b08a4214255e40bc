// The engine never throws and keeps every span inside the text, whatever part of a report it is given:
// every prefix and suffix of the project's own fixtures, cut at many points (quotes left open, sentences cut).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/nlp.ts';
import { extractClaims } from '../src/engine/index.ts';

const dir = new URL('./fixtures/', import.meta.url);
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.txt'));

describe('engine on cut reports', () => {
  for (const name of fixtures) {
    it(`handles every cut of ${name}`, () => {
      const text = readFileSync(new URL(name, dir), 'utf8');
      const step = Math.max(7, Math.floor(text.length / 60));
      for (let at = 1; at < text.length; at += step) {
        for (const part of [text.slice(0, at), text.slice(at)]) {
          const claims = extractClaims(analyze(part));
          for (const c of claims) {
            for (const s of [...c.content, c.sentence, c.cue?.span, c.source?.span].filter(Boolean)) {
              expect(s!.start).toBeGreaterThanOrEqual(0);
              expect(s!.end).toBeLessThanOrEqual(part.length);
              expect(s!.start).toBeLessThanOrEqual(s!.end);
            }
          }
        }
      }
    });
  }
});
