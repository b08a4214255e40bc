// What every command file exports, and what a command may use while it runs. Adapters (console, Slack,
// Discord) register the commands from commands/index.ts; no command logic lives in an adapter.
import type { z } from 'zod';
import type { ChannelKey, ChannelLog } from '../src/channel-log/types.ts';
import type { Logger } from '../src/log.ts';
import type { PasteMode } from '../src/paste-rule.ts';
import type { Reply } from '../src/reply.ts';
import type { DigestSchedule } from '../src/digest/types.ts';
import type { DigestMissed, DigestPosted } from '../src/digest/ledger.ts';


export interface ChannelSettings {
  /** Reports older than this many days are removed; absent: kept until forgotten. */
  retentionDays?: number;
  /** Absent: 'auto'. */
  paste?: PasteMode;
  /** The channel's daily digest; absent: none (/digest). */
  digest?: DigestSchedule;
}

/** Per-channel settings, kept in the bot's key-value state. */
export interface SettingsStore {
  get(key: ChannelKey): Promise<ChannelSettings>;
  set(key: ChannelKey, settings: ChannelSettings): Promise<void>;
  /** The channels whose settings hold a digest schedule (an index set() keeps: keyv cannot list keys). */
  digestChannels(): Promise<ChannelKey[]>;
  /** The channel's last scheduled digest posted, if any (/digest status). */
  lastDigest(key: ChannelKey): Promise<DigestPosted | undefined>;
  /** The channel's last scheduled digest that was not posted (skipped after downtime, refused by the platform). */
  missedDigest(key: ChannelKey): Promise<DigestMissed | undefined>;
}

export interface CommandContext {
  log: ChannelLog;
  settings: SettingsStore;
  /** The channel the command runs in: every read and write is scoped to it. */
  key: ChannelKey;
  user: string;
  userName?: string;
  /** The platform says this user administers the channel (the console's user always does). */
  isAdmin: boolean;
  now(): Date;
  /** Largest report accepted, in UTF-8 bytes. */
  maxBytes: number;
  thread?: string;
  /** The message on the platform, for a report pasted there. */
  link?: string;
  logger?: Logger;
  /** Claims per page for /claims (chat default: DEFAULT_PAGE_SIZE in src/query.ts). */
  pageSize?: number;
  /** Every registered command (for /help). */
  commands: readonly Command[];
}

export interface Command<A = any> {
  /** Typed after the slash: /claims. */
  name: string;
  /** One line for /help. */
  summary: string;
  /** "/claims [WORDS] [FILTERS]" */
  usage: string;
  examples: readonly string[];
  /** Only channel admins may run it (or, for some, change something with it); shown in /help. */
  access?: string;
  /** The arguments as a platform with structured options (Discord) sends them. */
  args: z.ZodType<A>;
  /** The text typed after the command's name → the input `args` checks (Slack, console). */
  fromText(text: string): unknown;
  handle(args: A, ctx: CommandContext): Promise<Reply>;
}
