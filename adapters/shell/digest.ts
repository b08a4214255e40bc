// The console's daily digest: printed in the terminal, for the console's own channel only (another console
// process may run another channel on the same state).
import type { ChannelKey } from '../../src/channel-log/types.ts';
import type { DigestPoster } from '../../src/digest/schedule.ts';
import { renderText } from '../../src/render/text.ts';

export function consoleDigestPoster(channel: ChannelKey, write: (text: string) => void): DigestPoster {
  return {
    serves: (key) => key.platform === channel.platform && key.workspace === channel.workspace && key.channel === channel.channel,
    async post(_key, { summary, details }) {
      write('\n' + [summary, ...details].map(renderText).join('\n'));
    },
  };
}
