// Posting a daily digest into a Discord channel outside any event (the scheduler in src/digest/ calls it): the
// summary and then the details as embed messages in the channel, with mentions off (send.ts). A process (or a
// shard) posts only in the servers it is connected to.
import type { Client } from 'discord.js';
import type { ChannelKey } from '../../src/channel-log/types.ts';
import type { DigestPoster } from '../../src/digest/schedule.ts';
import { renderDiscord } from './embeds.ts';
import { PLATFORM } from './events.ts';
import { sendOptions } from './send.ts';

export function discordDigestPoster(client: Client): DigestPoster {
  return {
    serves: (key: ChannelKey) => key.platform === PLATFORM && client.isReady() && client.guilds.cache.has(key.workspace),
    async post(key, { summary, details }) {
      const channel = await client.channels.fetch(key.channel);
      if (!channel || !channel.isSendable()) throw new Error(`channel ${key.channel} is not one the bot can post in`);
      for (const reply of [summary, ...details]) {
        for (const m of renderDiscord(reply)) await channel.send(sendOptions(m));
      }
    },
  };
}
