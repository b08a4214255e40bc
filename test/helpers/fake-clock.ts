// A clock for the digest scheduler that a test moves by hand: now() and timers that fire only when the test
// advances past them (in order, each at its own time).
import type { DigestClock } from '../../src/digest/schedule.ts';

export class FakeClock implements DigestClock {
  #timers: { id: number; at: number; fn: () => void }[] = [];
  #next = 1;
  constructor(public ms: number) {}

  now(): Date {
    return new Date(this.ms);
  }

  setTimeout(fn: () => void, delay: number): unknown {
    const id = this.#next++;
    this.#timers.push({ id, at: this.ms + Math.max(0, delay), fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers = this.#timers.filter((t) => t.id !== handle);
  }

  /** Timers waiting. */
  get pending(): number {
    return this.#timers.length;
  }

  /**
   * Moves to `until`, firing each timer due on the way at its own time; `settle` runs after each (e.g. waits
   * for the tick the timer started).
   */
  async advanceTo(until: Date | number, settle: () => Promise<void>): Promise<void> {
    const end = typeof until === 'number' ? until : until.getTime();
    for (;;) {
      this.#timers.sort((a, b) => a.at - b.at);
      const t = this.#timers[0];
      if (!t || t.at > end) break;
      this.#timers.shift();
      this.ms = Math.max(this.ms, t.at);
      t.fn();
      await settle();
    }
    this.ms = Math.max(this.ms, end);
  }
}
