// The core bot: a platform-neutral event in, replies out. Adapters (console, Slack, Discord) turn platform
// events into BotEvents and draw the replies; everything else happens here and in commands/.
//
//   kind 'command'  /claims …, sent as a platform slash command: runs it (commands/index.ts).
//   kind 'message'  a plain message in the channel. A message starting with /name runs that command (the
//                   console types commands this way); otherwise the paste rule (src/paste-rule.ts) decides
//                   whether it is a report to summarise and store, or none of the bot's business.
//   kind 'mention'  a message that mentions the bot (adapters strip the mention itself): a short one naming
//                   a command runs it ("@ClaimDesk claims Kherson", see mentionCommand); otherwise it is a
//                   report, unless too short. The console sends everything that is not a /command this way.
// A report is stored in the channel's log before the bot answers (commands/summarize.ts). The bot never
// throws: a store that is down or a bug becomes a clear message, and the next event is served as usual.
import type { ChannelKey, ChannelLog } from './channel-log/types.ts';
import { StoreUnavailableError } from './channel-log/types.ts';
import { COMMANDS, STORE_DOWN, findCommand, runCommand } from '../commands/index.ts';
import type { CommandContext, SettingsStore } from '../commands/command.ts';
import { storeReport } from '../commands/summarize.ts';
import type { Logger } from './log.ts';
import { MENTION_MIN_WORDS, describePasteMode, pasteDecision, unreadFileDecision, type PasteMode } from './paste-rule.ts';
import { errorReply, messageReply, type Reply } from './reply.ts';
import { DEFAULT_MAX_BYTES } from './summarize.ts';

export interface BotEvent {
  platform: string;
  /** Slack team, Discord guild, 'local' for the console. */
  workspace: string;
  channel: string;
  thread?: string;
  user: string;
  userName?: string;
  /** The platform says the user administers this channel. */
  isAdmin?: boolean;
  text: string;
  kind: 'message' | 'mention' | 'command';
  /** For kind 'command': its name, without the slash. */
  command?: string;
  /** For kind 'command': the text after the name, or a platform's structured options. Default: `text`. */
  args?: string | Record<string, unknown>;
  /** The message on the platform, kept with a stored report. */
  link?: string;
  /** The platform's id for this delivery; a repeat of an id already answered is ignored. */
  id?: string;
  /**
   * A long paste sent as a text file that the adapter could not read (over the size limit, a failed download):
   * what to tell the person. Given when the message would count as a report (the paste rule, as for a long
   * paste) and for a command; `text` then holds only what was typed, and nothing is summarised.
   */
  unread?: string;
}

/** Remembers event ids for a while, so a platform's retry is answered once. */
export interface SeenEvents {
  /** True the first time an id is seen (within its time to live), false after. */
  firstTime(id: string): Promise<boolean>;
}

export interface BotOptions {
  log: ChannelLog;
  settings: SettingsStore;
  now?: () => Date;
  maxBytes?: number;
  logger?: Logger;
  seen?: SeenEvents;
}

export interface Bot {
  handle(event: BotEvent): Promise<Reply[]>;
}

/** Longest mention read as a command without its slash. */
export const MENTION_COMMAND_MAX_CHARS = 200;

/** What a report gets in a channel whose paste rule is off. */
const PASTE_OFF = `${describePasteMode('off')} (An admin can change this with /paste.)`;

export const SOMETHING_WRONG = 'Something went wrong inside ClaimDesk and it is logged. Try again, or /help.';

/** "/claims Kherson since:7d" → ['claims', 'Kherson since:7d']; null when the text is not a command line. */
export function splitCommand(text: string): [string, string] | null {
  const m = /^\s*\/([A-Za-z][A-Za-z-]*)(?:\s+([\s\S]*))?$/.exec(text);
  return m ? [m[1].toLowerCase(), (m[2] ?? '').trim()] : null;
}

/**
 * "@ClaimDesk claims Kherson since:7d" → ['claims', 'Kherson since:7d']: a mention that is one short line
 * starting with a command's name in lower case, and not a sentence ("claims of shelling were denied." is a
 * report).
 */
export function mentionCommand(text: string): [string, string] | null {
  const t = text.trim();
  if (t.length > MENTION_COMMAND_MAX_CHARS || /\n/.test(t) || /[.!?]$/.test(t)) return null;
  const [first, ...rest] = t.split(/\s+/);
  return first && findCommand(first) && first === first.toLowerCase() ? [first, rest.join(' ')] : null;
}

export function createBot(opts: BotOptions): Bot {
  const now = opts.now ?? (() => new Date());

  const context = (e: BotEvent): Omit<CommandContext, 'commands'> => ({
    log: opts.log,
    settings: opts.settings,
    key: { platform: e.platform, workspace: e.workspace, channel: e.channel },
    user: e.user,
    ...(e.userName ? { userName: e.userName } : {}),
    isAdmin: e.isAdmin === true,
    now,
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    ...(e.thread ? { thread: e.thread } : {}),
    ...(e.link ? { link: e.link } : {}),
    ...(opts.logger ? { logger: opts.logger } : {}),
  });

  async function pasteMode(key: ChannelKey): Promise<PasteMode> {
    try {
      return (await opts.settings.get(key)).paste ?? 'auto';
    } catch (err) {
      opts.logger?.warn(`channel settings unavailable, using the default paste rule: ${(err as Error).message}`);
      return 'auto';
    }
  }

  /** A state store that is down must not stop the bot: the event is served (a retry may then be answered twice). */
  async function firstTime(id: string): Promise<boolean> {
    if (!opts.seen) return true;
    try {
      return await opts.seen.firstTime(id);
    } catch (err) {
      opts.logger?.warn(`event ids unavailable: ${(err as Error).message}`);
      return true;
    }
  }

  async function route(e: BotEvent): Promise<Reply[]> {
    const ctx = context(e);
    if (e.unread !== undefined) {
      if (e.kind === 'command') return [errorReply(e.unread)];
      switch (unreadFileDecision(e.kind, await pasteMode(ctx.key))) {
        case 'report':
          return [errorReply(e.unread)];
        case 'off':
          return [messageReply(PASTE_OFF)];
        default:
          return [];
      }
    }
    if (e.kind === 'command') {
      return [await runCommand(e.command ?? '', e.args ?? e.text, ctx)];
    }
    const typed = splitCommand(e.text);
    if (typed) return [await runCommand(typed[0], typed[1], ctx)];
    const spoken = e.kind === 'mention' ? mentionCommand(e.text) : null;
    if (spoken) return [await runCommand(spoken[0], spoken[1], ctx)];
    const mode = await pasteMode(ctx.key);
    switch (pasteDecision(e.kind, e.text, mode)) {
      case 'report':
        return [await storeReport(e.text, { ...ctx, commands: COMMANDS })];
      case 'ignore':
        return [];
      case 'too-short':
        return [
          messageReply(
            e.text.trim() === ''
              ? 'Paste a report with your message and I will summarise it and save it here. /help lists the commands.'
              : `That is too short for a report (under ${MENTION_MIN_WORDS} words). Paste the whole report, or try /help.`,
          ),
        ];
      case 'off':
        return [messageReply(PASTE_OFF)];
    }
  }

  return {
    async handle(e) {
      try {
        if (e.id !== undefined && !(await firstTime(`${e.platform}:${e.workspace}:${e.id}`))) return [];
        return await route(e);
      } catch (err) {
        if (err instanceof StoreUnavailableError) {
          opts.logger?.warn(`store unavailable: ${err.message}`);
          return [errorReply(STORE_DOWN)];
        }
        opts.logger?.error(`event in ${e.platform}/${e.channel}: ${(err as Error).stack ?? err}`);
        return [errorReply(SOMETHING_WRONG)];
      }
    },
  };
}
