// Sends the core's replies on Discord. Every send carries allowedMentions { parse: [] } (and the client has it
// as its default), so nothing pasted can ping anyone; the text is neutralised as well (embeds.ts).
//
// A pasted message: the summary goes into a thread started on that message, or into the thread the message is
// already in. A short plain answer (a hint, "already in the log", a mistake: reply.error cannot be private on
// a message) is a reply to the message, without a thread.
//
// A slash or context-menu command: deferred at once (public "thinking…", within Discord's 3 seconds), then the
// first message edits the deferred one and the rest are follow-ups. Whether the answer is a mistake, a refusal
// or a store that is down is only known after the core has run, so for those (reply.error) the deferred
// message is deleted and the answer is an ephemeral follow-up that only the asker sees.
import {
  MessageFlags,
  type ChatInputCommandInteraction,
  type Message,
  type MessageContextMenuCommandInteraction,
  type MessageCreateOptions,
} from 'discord.js';
import type { Logger } from '../../src/log.ts';
import { neutraliseMentions } from '../../src/render/mentions.ts';
import type { Reply } from '../../src/reply.ts';
import { renderDiscord, type DiscordMessage } from './embeds.ts';

export const NO_PINGS = { parse: [] as [], repliedUser: false };
/** Discord: a thread name is at most 100 characters. */
const THREAD_NAME_MAX = 100;

/** A rendered message as discord.js send options: files as attachments, mentions off. */
export function sendOptions(m: DiscordMessage) {
  return {
    ...(m.content !== undefined ? { content: m.content } : {}),
    embeds: m.embeds,
    files: m.files.map((f) => ({ attachment: f.data, name: f.name, description: f.description })),
    allowedMentions: NO_PINGS,
  };
}

/** "Claims: water authority says …" from the reply's headline; plain text, no pings. */
export function threadName(reply: Reply): string {
  const heading = reply.blocks.find((b) => b.kind === 'heading');
  const text = heading && heading.kind === 'heading' ? heading.text : (reply.title ?? 'ClaimDesk');
  const name = neutraliseMentions(`Claims: ${text}`.replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ').replace(/\s+/g, ' ').trim());
  return name.length <= THREAD_NAME_MAX ? name : name.slice(0, THREAD_NAME_MAX - 1) + '…';
}

type Send = (options: MessageCreateOptions) => Promise<unknown>;

/**
 * Where the answer to a message goes: the thread it is in; else a thread started on it for a summary or a
 * list; a short plain answer (a hint, a confirmation, a mistake) as a reply to it.
 */
async function destination(message: Message<true>, reply: Reply, plain: boolean, log: Logger): Promise<Send> {
  const channel = message.channel;
  if (channel.isThread()) return (o) => channel.send(o);
  const inReply: Send = (o) => message.reply({ ...o, allowedMentions: NO_PINGS });
  if (reply.error || plain) return inReply;
  try {
    const thread = message.thread ?? (await message.startThread({ name: threadName(reply) }));
    return (o) => thread.send(o);
  } catch (err) {
    // No thread here (no permission, a channel type without threads): answer in place.
    log.warn(`discord: no thread on message ${message.id} (${(err as Error).message}); replying in the channel`);
    return inReply;
  }
}

/** Answers a pasted message with the core's replies. */
export async function answerMessage(message: Message<true>, replies: Reply[], log: Logger): Promise<number> {
  let sent = 0;
  for (const reply of replies) {
    const messages = renderDiscord(reply);
    const plain = messages.length === 1 && messages[0].embeds.length === 0 && messages[0].files.length === 0;
    const send = await destination(message, reply, plain, log);
    for (const m of messages) {
      await send(sendOptions(m));
      sent++;
    }
  }
  return sent;
}

type CommandInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

/** Answers a deferred interaction with the core's replies (see the top of this file). */
export async function answerInteraction(interaction: CommandInteraction, replies: Reply[]): Promise<number> {
  let deferredUsed = false;
  let sent = 0;
  const uploadLimit = interaction.attachmentSizeLimit;
  for (const reply of replies) {
    for (const m of renderDiscord(reply, uploadLimit ? { uploadLimit } : {})) {
      if (reply.error) {
        if (!deferredUsed) {
          await interaction.deleteReply();
          deferredUsed = true;
        }
        await interaction.followUp({ ...sendOptions(m), flags: MessageFlags.Ephemeral });
      } else if (!deferredUsed) {
        await interaction.editReply(sendOptions(m));
        deferredUsed = true;
      } else {
        await interaction.followUp(sendOptions(m));
      }
      sent++;
    }
  }
  if (!deferredUsed) await interaction.deleteReply();
  return sent;
}
