// Discord messages and interactions as the core's BotEvents (src/bot.ts). The channel log key is
// (discord, guild id, channel id): a public thread belongs to the channel it was started in, so a report
// answered in its thread and a /claims typed there read the same log; a private thread keeps its own.
// Channel admin (isAdmin: /forget of someone else's report, /retention, /paste) means the Manage Messages
// permission in that channel.
import {
  ChannelType,
  PermissionFlagsBits,
  type Channel,
  type ChatInputCommandInteraction,
  type Message,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { BotEvent } from '../../src/bot.ts';
import { CONTEXT_MENU_COMMAND, optionValues } from './commands.ts';

export const PLATFORM = 'discord';

/** The log a channel writes to: its own, or its parent's for a public thread. */
export function logChannel(channelId: string, channel: Channel | null): { channel: string; thread?: string } {
  if (channel && (channel.type === ChannelType.PublicThread || channel.type === ChannelType.AnnouncementThread) && channel.parentId) {
    return { channel: channel.parentId, thread: channel.id };
  }
  return { channel: channelId };
}

/** `<@id>` and `<@!id>` of the bot, anywhere in a message. */
const mentionOf = (botId: string) => new RegExp(`<@!?${botId}>`, 'g');

function mayManageMessages(message: Message<true>): boolean {
  try {
    return message.member ? message.channel.permissionsFor(message.member).has(PermissionFlagsBits.ManageMessages) : false;
  } catch {
    // Roles not cached: not an admin, which only ever means asking for less.
    return false;
  }
}

/**
 * A plain message in a server channel: kind 'mention' (the mention itself taken out) when it mentions the bot,
 * else 'message'; the core's paste rule decides what to do with it. Null for what the bot never answers: its
 * own messages, other bots', webhooks, system messages, direct messages.
 */
export function messageEvent(message: Message, botId: string): BotEvent | null {
  if (message.author.id === botId || message.author.bot || message.webhookId || message.system) return null;
  if (!message.inGuild()) return null;
  // Written in the text: a reply to one of the bot's messages is not by itself addressed to the bot.
  const mentioned = mentionOf(botId).test(message.content);
  const text = mentioned ? message.content.replace(mentionOf(botId), ' ').trim() : message.content;
  return {
    platform: PLATFORM,
    workspace: message.guildId,
    ...logChannel(message.channelId, message.channel),
    user: message.author.id,
    userName: message.member?.displayName ?? message.author.displayName ?? message.author.username,
    isAdmin: mayManageMessages(message),
    text,
    kind: mentioned ? 'mention' : 'message',
    // A MESSAGE_CREATE replayed after a reconnect carries the same id: the bot answers it once.
    id: message.id,
    link: message.url,
  };
}

type GuildCommand = ChatInputCommandInteraction<'cached' | 'raw'> | MessageContextMenuCommandInteraction<'cached' | 'raw'>;

function asker(interaction: GuildCommand) {
  const member = interaction.member;
  const displayName =
    member && 'displayName' in member ? member.displayName : (member?.nick ?? interaction.user.displayName ?? interaction.user.username);
  return {
    platform: PLATFORM,
    workspace: interaction.guildId,
    ...logChannel(interaction.channelId, interaction.channel),
    user: interaction.user.id,
    userName: displayName,
    isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? false,
    id: interaction.id,
  };
}

/** A slash command: its options, as Discord sends them, are the command's arguments. */
export function slashEvent(interaction: ChatInputCommandInteraction<'cached' | 'raw'>): BotEvent {
  const args = optionValues(interaction.options.data);
  return { ...asker(interaction), kind: 'command', command: interaction.commandName, args, text: Object.values(args).join(' ') };
}

/** "Summarize claims" on a message: as if that message had been pasted, stored with its link. */
export function contextMenuEvent(interaction: MessageContextMenuCommandInteraction<'cached' | 'raw'>): BotEvent {
  const target = interaction.targetMessage;
  return {
    ...asker(interaction),
    kind: 'command',
    command: CONTEXT_MENU_COMMAND,
    args: { text: target.content },
    text: target.content,
    link: target.url,
  };
}
