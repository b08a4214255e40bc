// Posting a daily digest into a Discord channel outside any event (the scheduler in src/digest/ calls it): the
// summary and then the details as embed messages in the channel, with mentions off (send.ts). A process (or a
// shard) posts only in the servers it is connected to. Discord's answers that trying again cannot fix (PERMANENT)
// are thrown as PermanentPostError, so the scheduler gives that day up. A digest whose posting failed part way is
// taken up where it stopped when the scheduler tries again: the messages already in the channel are not sent twice.
import { createHash } from 'node:crypto';
import type { Client } from 'discord.js';
import type { ChannelKey } from '../../src/channel-log/types.ts';
import { PermanentPostError, type DigestPoster } from '../../src/digest/schedule.ts';
import { renderDiscord } from './embeds.ts';
import { PLATFORM } from './events.ts';
import { sendOptions } from './send.ts';

/** Discord JSON error codes that stay until someone acts, with what they mean. */
const PERMANENT: Record<number, string> = {
  10003: 'the channel is gone',
  10004: 'the server is gone, or the bot was removed from it',
  50001: 'the bot cannot see the channel',
  50013: 'the bot may not post in the channel',
};

/** `err` as the scheduler should see it: a PermanentPostError for Discord's lasting refusals, else as it is. */
function classify(err: unknown): unknown {
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'number' && PERMANENT[code]) return new PermanentPostError(`Discord answered ${(err as Error).message} (${code}): ${PERMANENT[code]}`, { cause: err });
  return err;
}

/** How long this process remembers how far a failed digest got (the scheduler gives up on a date after 6 hours). */
const RESUME_MS = 12 * 3_600_000;

export function discordDigestPoster(client: Client): DigestPoster {
  /** Messages already sent of a digest whose posting failed, by channel and content. */
  const sentOf = new Map<string, { sent: number; at: number }>();
  return {
    serves: (key: ChannelKey) => key.platform === PLATFORM && client.isReady() && client.guilds.cache.has(key.workspace),
    async post(key, { summary, details }) {
      const messages = [summary, ...details].flatMap((reply) => renderDiscord(reply));
      const id = `${key.channel}/${createHash('sha256').update(JSON.stringify(messages)).digest('hex')}`;
      const now = Date.now();
      for (const [k, v] of sentOf) if (now - v.at > RESUME_MS) sentOf.delete(k);
      let sent = sentOf.get(id)?.sent ?? 0;
      try {
        const channel = await client.channels.fetch(key.channel);
        if (!channel || !channel.isSendable()) throw new PermanentPostError(`channel ${key.channel} is not one the bot can post in`);
        for (; sent < messages.length; sent++) await channel.send(sendOptions(messages[sent]));
        sentOf.delete(id);
      } catch (err) {
        if (sent > 0) sentOf.set(id, { sent, at: now });
        throw classify(err);
      }
    },
  };
}
