// Posting a daily digest into a Slack channel outside any event (the scheduler in src/digest/ calls it): the
// summary as a top-level message, then each part of the details in that message's thread, in the channel's line
// of the post queue (so the usual pace and 429 handling apply). The token is the workspace's: SLACK_BOT_TOKEN's
// own workspace in single-workspace mode, else the installation Bolt's OAuth stored for that team. Slack's answers
// that trying again cannot fix (PERMANENT) are thrown as PermanentPostError, so the scheduler gives that day up.
import { webApi, type App } from '@slack/bolt';
import type { ChannelKey } from '../../src/channel-log/types.ts';
import { PermanentPostError, type DigestPoster } from '../../src/digest/schedule.ts';
import type { DigestReplies } from '../../src/digest/reply.ts';
import type { Reply } from '../../src/reply.ts';
import { toSlackMessage } from './blocks.ts';
import type { PostQueue } from './post-queue.ts';
import { PLATFORM } from './app.ts';
import { NotInstalledError } from './installations.ts';

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

/** Slack errors (`error` of an ok: false answer) that stay until someone acts, with what they mean. */
const PERMANENT: Record<string, string> = {
  account_inactive: 'the workspace uninstalled the app or its token was deactivated',
  token_revoked: "the app's token for the workspace was revoked",
  invalid_auth: "the app's token for the workspace is not valid",
  missing_scope: 'the app lacks a permission it needs there (reinstall it)',
  not_in_channel: 'the bot is not in the channel (invite it, or turn the digest off)',
  channel_not_found: 'the channel is gone or the bot cannot see it',
  is_archived: 'the channel is archived',
  restricted_action: "the workspace's settings do not let the bot post there",
};

/** `err` as the scheduler should see it: a PermanentPostError for Slack's lasting refusals, else as it is. */
function classify(err: unknown): unknown {
  if (err instanceof NotInstalledError) return new PermanentPostError(err.message, { cause: err });
  const e = err as { code?: string; data?: { error?: unknown } } | null;
  const code = e?.code === webApi.ErrorCode.PlatformError ? e.data?.error : undefined;
  if (typeof code === 'string' && PERMANENT[code]) return new PermanentPostError(`Slack answered ${code}: ${PERMANENT[code]}`, { cause: err });
  return err;
}

const rateLimited = (err: unknown) => (err as { code?: string })?.code === webApi.ErrorCode.RateLimitedError;

export function slackDigestPoster(opts: SlackDigestOptions): DigestPoster {
  return {
    serves: (key: ChannelKey) => key.platform === PLATFORM && (opts.single ? key.workspace === opts.single.team : opts.tokenFor !== undefined),
    async post(key, { summary, details }: DigestReplies) {
      const token = opts.single ? opts.single.token : await opts.tokenFor!(key.workspace).catch((err: unknown) => Promise.reject(classify(err)));
      const client = opts.app.client;
      let ts: string | undefined;
      let failure: unknown = null;
      const top = async () => {
        try {
          const r = await client.chat.postMessage({ token, channel: key.channel, ...message(summary), unfurl_links: false, unfurl_media: false });
          ts = r.ts;
        } catch (err) {
          failure = err;
          // The queue waits out a 429 and tries again; anything else is the scheduler's to log (once) and judge.
          if (rateLimited(err)) throw err;
        }
      };
      const inThread = details.map((d) => async () => {
        if (!ts) return;
        await client.chat.postMessage({ token, channel: key.channel, thread_ts: ts, ...message(d), unfurl_links: false, unfurl_media: false });
      });
      await opts.queue.add(`${key.workspace}/${key.channel}`, Promise.resolve([top, ...inThread]));
      // The queue goes on after a failed post; the scheduler must know the digest is not out.
      if (!ts) throw failure instanceof Error ? classify(failure) : new Error('Slack did not post the digest');
    },
  };
}
