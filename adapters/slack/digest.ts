// Posting a daily digest into a Slack channel outside any event (the scheduler in src/digest/ calls it): the
// summary as a top-level message, then each part of the details in that message's thread, in the channel's line
// of the post queue (so the usual pace and 429 handling apply). The token is the workspace's: SLACK_BOT_TOKEN's
// own workspace in single-workspace mode, else the installation Bolt's OAuth stored for that team.
import type { App } from '@slack/bolt';
import type { ChannelKey } from '../../src/channel-log/types.ts';
import type { DigestPoster } from '../../src/digest/schedule.ts';
import type { DigestReplies } from '../../src/digest/reply.ts';
import type { Reply } from '../../src/reply.ts';
import { toSlackMessage } from './blocks.ts';
import type { PostQueue } from './post-queue.ts';
import { PLATFORM } from './app.ts';

export interface SlackDigestOptions {
  app: App;
  queue: PostQueue;
  /** Single-workspace mode: the bot token and its team (from auth.test). */
  single?: { token: string; team: string };
  /** OAuth mode: the bot token of an installed team. */
  tokenFor?: (team: string) => Promise<string>;
}

/** Files are not part of a digest; a reply's other blocks as a Slack message. */
const message = (r: Reply) => toSlackMessage(r);

export function slackDigestPoster(opts: SlackDigestOptions): DigestPoster {
  return {
    serves: (key: ChannelKey) => key.platform === PLATFORM && (opts.single ? key.workspace === opts.single.team : opts.tokenFor !== undefined),
    async post(key, { summary, details }: DigestReplies) {
      const token = opts.single ? opts.single.token : await opts.tokenFor!(key.workspace);
      const client = opts.app.client;
      let ts: string | undefined;
      let failure: unknown = null;
      const top = async () => {
        try {
          const r = await client.chat.postMessage({ token, channel: key.channel, ...message(summary), unfurl_links: false, unfurl_media: false });
          ts = r.ts;
        } catch (err) {
          failure = err;
          throw err;
        }
      };
      const inThread = details.map((d) => async () => {
        if (!ts) return;
        await client.chat.postMessage({ token, channel: key.channel, thread_ts: ts, ...message(d), unfurl_links: false, unfurl_media: false });
      });
      await opts.queue.add(`${key.workspace}/${key.channel}`, Promise.resolve([top, ...inThread]));
      // The queue logs a failed post and goes on; the scheduler must know the digest is not out.
      if (!ts) throw failure instanceof Error ? failure : new Error('Slack did not post the digest');
    },
  };
}
