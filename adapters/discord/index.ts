// The Discord surface: a discord.js client on the gateway (intents Guilds, GuildMessages and the privileged
// MessageContent, to read pasted reports), turning messages and interactions into core events (events.ts) and
// the core's replies into embeds (embeds.ts, send.ts). `claimdesk start` runs it when DISCORD_TOKEN is set;
// a shard process of `npm run discord:shards` (shards.ts) runs the same start().
import { Client, Events, GatewayIntentBits, MessageFlags, Partials, type Interaction, type Message } from 'discord.js';
import type { RunningSurface, SurfaceDeps } from '../surfaces.ts';
import type { Bot } from '../../src/bot.ts';
import { SOMETHING_WRONG } from '../../src/bot.ts';
import type { Logger } from '../../src/log.ts';
import { SUMMARIZE_CLAIMS } from './commands.ts';
import { loadDiscordConfig, type DiscordConfig } from './config.ts';
import { discordDigestPoster } from './digest.ts';
import { contextMenuEvent, messageEvent, slashEvent } from './events.ts';
import { withAttachedText, type AttachedTextOptions } from './files.ts';
import { NO_PINGS, answerInteraction, answerMessage } from './send.ts';

export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent];

export function createClient(config: DiscordConfig): Client {
  return new Client({
    intents: INTENTS,
    // An interaction names its channel in full (type, parent); with this the client keeps it even when it had not
    // seen it (a thread archived before the bot started), so a command in a thread reads its channel's log.
    partials: [Partials.Channel],
    // The default for every send; send.ts passes it on each call as well.
    allowedMentions: NO_PINGS,
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  });
}

async function onMessage(message: Message, client: Client<true>, bot: Bot, log: Logger, files: AttachedTextOptions): Promise<void> {
  const typed = messageEvent(message, client.user.id);
  if (!typed) {
    log.debug(`discord: message ${message.id} ignored (the bot's own, another bot's, or not in a server)`);
    return;
  }
  // A long paste comes as a message.txt attachment: its text is read into the event.
  const event = await withAttachedText(typed, message.attachments, `discord: message ${message.id}`, files);
  const replies = await bot.handle(event);
  const sent = replies.length > 0 && message.inGuild() ? await answerMessage(message, replies, log) : 0;
  log.debug(`discord: message ${message.id} answered with ${sent} messages`);
}

async function onInteraction(interaction: Interaction, bot: Bot, log: Logger, files: AttachedTextOptions): Promise<void> {
  if (!interaction.isChatInputCommand() && !interaction.isMessageContextMenuCommand()) return;
  if (!interaction.inGuild()) {
    await interaction.reply({ content: 'ClaimDesk works in server channels.', flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    return;
  }
  await interaction.deferReply();
  try {
    const event = interaction.isChatInputCommand()
      ? slashEvent(interaction)
      : interaction.commandName === SUMMARIZE_CLAIMS
        ? await withAttachedText(
            contextMenuEvent(interaction),
            interaction.targetMessage.attachments,
            `discord: interaction ${interaction.id}`,
            files,
          )
        : null;
    const replies = event ? await bot.handle(event) : [];
    const sent = await answerInteraction(interaction, replies);
    log.debug(`discord: interaction ${interaction.id} (${interaction.commandName}) answered with ${sent} messages`);
  } catch (err) {
    log.error(`discord: interaction ${interaction.id} (${interaction.commandName}): ${(err as Error).stack ?? err}`);
    await interaction
      .followUp({ content: SOMETHING_WRONG, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS })
      .catch(() => {});
  }
}

export async function start({ env, config: core, log, bot }: SurfaceDeps): Promise<RunningSurface> {
  const config = loadDiscordConfig(env);
  const client = createClient(config);
  const files: AttachedTextOptions = { maxBytes: core.maxInputBytes, log, ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}) };
  // A failure in one event is logged; the client goes on serving the next.
  const guard = (what: string, work: Promise<void>) =>
    work.catch((err: Error) => log.error(`discord: ${what}: ${err.stack ?? err.message}`));
  client.on(Events.MessageCreate, (m) => void guard(`message ${m.id}`, onMessage(m, client as Client<true>, bot, log, files)));
  client.on(Events.InteractionCreate, (i) => void guard(`interaction ${i.id}`, onInteraction(i, bot, log, files)));
  client.on(Events.Error, (err) => log.error(`discord: ${err.message}`));
  client.on(Events.Warn, (msg) => log.warn(`discord: ${msg}`));
  client.on(Events.Debug, (msg) => log.debug(`discord-debug: ${msg}`));
  client.on(Events.ShardDisconnect, (_e, shard) => log.warn(`discord: shard ${shard} disconnected`));
  client.on(Events.ShardResume, (shard) => log.info(`discord: shard ${shard} resumed`));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(config.token);
    const c = await ready;
    if (c.application.id !== config.applicationId) {
      log.warn(`discord: the token belongs to application ${c.application.id}, not DISCORD_APPLICATION_ID ${config.applicationId}`);
    }
    log.info(`discord: logged in as ${c.user.tag} in ${c.guilds.cache.size} servers`);
  } catch (err) {
    await client.destroy();
    throw err;
  }
  return {
    async stop() {
      await client.destroy();
    },
    digest: discordDigestPoster(client),
  };
}
