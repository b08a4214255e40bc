// A bot on the real stores (SQLite in memory for the log), with a clock the test moves, and helpers to talk
// to it as people in channels would.
import { createBot, type Bot, type BotEvent } from '../../src/bot.ts';
import type { ChannelKey, ChannelLog, StoredReport } from '../../src/channel-log/types.ts';
import { openDesk, type Desk } from '../../src/open-bot.ts';
import { renderMarkdown } from '../../src/render/markdown.ts';
import { renderText } from '../../src/render/text.ts';
import type { Reply } from '../../src/reply.ts';

export const START = new Date('2026-11-10T09:00:00Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface TestDesk {
  desk: Desk;
  bot: Bot;
  clock: { now: Date };
  /** Sends an event (a /command, or a paste as a mention by default) and returns the replies as text. */
  say(text: string, event?: Partial<BotEvent>): Promise<string>;
  replies(text: string, event?: Partial<BotEvent>): Promise<Reply[]>;
  close(): Promise<void>;
}

export const CHANNEL = { platform: 'console', workspace: 'local', channel: 'desk' } as const;
export const ALICE = { user: 'U_ALICE', userName: 'alice' } as const;

export async function openTestDesk(opts: { storeUrl?: string } = {}): Promise<TestDesk> {
  const desk = await openDesk({ storeUrl: opts.storeUrl ?? 'sqlite::memory:', stateUrl: 'sqlite::memory:' });
  const clock = { now: START };
  const bot = createBot({ log: desk.log, settings: desk.settings, now: () => clock.now, ...(desk.seen ? { seen: desk.seen } : {}) });
  const replies = (text: string, event: Partial<BotEvent> = {}) =>
    bot.handle({ ...CHANNEL, ...ALICE, isAdmin: false, kind: text.startsWith('/') ? 'message' : 'mention', text, ...event });
  return {
    desk,
    bot,
    clock,
    replies,
    say: async (text, event) => (await replies(text, event)).map(renderText).join('\n'),
    close: () => desk.close(),
  };
}

/** Every way a reply is drawn (and any file it carries), for checks that must hold in all of them. */
export function allRenderings(replies: Reply[]): string[] {
  return replies.flatMap((r) => [
    renderText(r),
    renderMarkdown(r),
    r.fallback,
    ...r.blocks.flatMap((b) => (b.kind === 'file' ? [b.content] : [])),
  ]);
}

/** The report id a paste was saved under ("Saved as report ID."). */
export function savedId(text: string): string {
  const m = /Saved as report (\S+?)\./.exec(text);
  if (!m) throw new Error(`no report id in:\n${text}`);
  return m[1];
}

/** A channel's stored reports, oldest first, as `export` streams them. */
export async function storedReports(log: ChannelLog, key: ChannelKey): Promise<StoredReport[]> {
  const out: StoredReport[] = [];
  for await (const r of log.export(key)) out.push(r);
  return out;
}
