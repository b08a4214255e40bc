// The paste rule: when a plain chat message counts as a pasted report, to be summarised and kept in the
// channel's log. Commands (/summarize and the rest) are never subject to it.
//
// Each channel has a mode (`/paste`, default auto):
//   auto     a message counts when it is long enough to be a report (at least PASTE_MIN_CHARS characters and
//            PASTE_MIN_WORDS words), and any message that mentions the bot counts;
//   mention  only messages that mention the bot count (quiet channels that talk a lot);
//   off      no message counts; only /summarize stores reports.
// A message that mentions the bot but is shorter than MENTION_MIN_WORDS words is not a report ("@ClaimDesk
// hi"): the bot answers with a hint instead. The console is a conversation with the bot, so everything pasted
// there counts as a mention.
export const PASTE_MODES = ['auto', 'mention', 'off'] as const;
export type PasteMode = (typeof PASTE_MODES)[number];
export const DEFAULT_PASTE_MODE: PasteMode = 'auto';

export const PASTE_MIN_CHARS = 300;
export const PASTE_MIN_WORDS = 40;
export const MENTION_MIN_WORDS = 5;

const MODE_TEXT: Record<PasteMode, string> = {
  auto: `A message of ${PASTE_MIN_WORDS}+ words (${PASTE_MIN_CHARS}+ characters), or one that mentions me, is summarised and saved.`,
  mention: 'Only messages that mention me are summarised and saved; /summarize always works.',
  off: 'No message is summarised on its own; use /summarize.',
};

export function describePasteMode(mode: PasteMode): string {
  return MODE_TEXT[mode];
}

/** report: summarise and store; ignore: say nothing; too-short / off: answer with a hint. */
export type PasteDecision = 'report' | 'ignore' | 'too-short' | 'off';

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function pasteDecision(kind: 'message' | 'mention', text: string, mode: PasteMode = DEFAULT_PASTE_MODE): PasteDecision {
  if (kind === 'mention') {
    if (mode === 'off') return 'off';
    return countWords(text) >= MENTION_MIN_WORDS ? 'report' : 'too-short';
  }
  if (mode !== 'auto') return 'ignore';
  return text.trim().length >= PASTE_MIN_CHARS && countWords(text) >= PASTE_MIN_WORDS ? 'report' : 'ignore';
}

/**
 * A message whose long paste came as a text file that could not be read (too large, a failed download): it is
 * decided as such a long paste would be, so the person hears why only where the paste would have been answered.
 */
export function unreadFileDecision(kind: 'message' | 'mention', mode: PasteMode = DEFAULT_PASTE_MODE): PasteDecision {
  if (kind === 'mention') return mode === 'off' ? 'off' : 'report';
  return mode === 'auto' ? 'report' : 'ignore';
}
