// Reads a long stored report through /report as a surface draws it: each message's cut line names the claim
// to go on from, and /report ID from:K is asked next, until a message is not cut. Checks every step.
import { expect } from 'vitest';
import type { Reply } from '../../src/reply.ts';
import { seaWallReport } from '../fixtures/sea-wall-report.ts';
import { openTestDesk, savedId } from './desk.ts';

const CUT = /…and (\d+) more claims? — \/report (\S+) from:(\d+)/;

export interface Surface {
  /** Draws a reply and checks it is within the platform's limits; returns the text a reader sees. */
  draw(reply: Reply): string;
  /** The claim ids a drawn message shows, in order. */
  claims(text: string): string[];
  /** Where the flags start in a drawn message. */
  flagsAt(text: string): number;
}

/** Pastes the sea-wall report (60 claims), then reads it message by message; returns how many messages it took. */
export async function readReportToTheEnd(surface: Surface): Promise<number> {
  const t = await openTestDesk();
  try {
    const id = savedId(await t.say(seaWallReport()));
    const [whole] = await t.replies(`/report ${id}`);
    const order = whole.blocks.flatMap((b) => (b.kind === 'claim' ? [b.id] : []));
    expect(order).toHaveLength(60);
    const seen: string[] = [];
    let ask = `/report ${id}`;
    for (let messages = 1; messages <= 10; messages++) {
      const [reply] = await t.replies(ask);
      const text = surface.draw(reply);
      if (seen.length > 0) expect(text).toContain(`From claim ${seen.length + 1} of 60`);
      const shown = surface.claims(text);
      expect(shown.length).toBeGreaterThan(0);
      seen.push(...shown);
      const cut = CUT.exec(text);
      if (!cut) {
        expect(text).not.toContain('…and');
        expect(seen).toEqual(order);
        return messages;
      }
      expect(cut[2]).toBe(id);
      expect(Number(cut[3])).toBe(seen.length + 1);
      expect(Number(cut[1])).toBe(60 - seen.length);
      // The flags are the whole report's: every message keeps them, after the cut line.
      expect(surface.flagsAt(text)).toBeGreaterThan(cut.index);
      ask = `/report ${id} from:${cut[3]}`;
    }
    throw new Error('still cut after 10 messages');
  } finally {
    await t.close();
  }
}
