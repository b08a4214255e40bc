// Posting in order, about one message per second per channel (Slack's chat.postMessage limit). Each event
// takes its place in its channel's line when it arrives, while its answer is still being worked out, so a burst
// of pasted reports is answered in the order they came, none dropped. A 429 from Slack (the Web client is set
// to reject rate-limited calls at once) waits the retry-after Slack asked for and tries the same post again.
import { webApi } from '@slack/bolt';
import type { Logger } from '../../src/log.ts';

/** One message to send: a Web API call (or a few, for a file upload). */
export type Post = () => Promise<unknown>;

export interface PostQueueOptions {
  /** Least time between two posts in one channel; default 1,100 ms. */
  intervalMs?: number;
  /** How many times a post Slack rate-limits is tried again; default 5. */
  maxRetries?: number;
  logger?: Logger;
}

export const DEFAULT_INTERVAL_MS = 1_100;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function rateLimited(err: unknown): err is webApi.WebAPIRateLimitedError {
  return (err as { code?: string })?.code === webApi.ErrorCode.RateLimitedError;
}

export class PostQueue {
  readonly #interval: number;
  readonly #retries: number;
  readonly #logger: Logger | undefined;
  readonly #tails = new Map<string, Promise<void>>();
  readonly #last = new Map<string, number>();

  constructor(opts: PostQueueOptions = {}) {
    this.#interval = opts.intervalMs ?? DEFAULT_INTERVAL_MS;
    this.#retries = opts.maxRetries ?? 5;
    this.#logger = opts.logger;
  }

  /**
   * Takes a place in `channel`'s line now; once the posts before it are sent, sends what `posts` resolves to,
   * one by one, spaced. A post that fails is logged and the line goes on. Resolves when these are sent.
   */
  add(channel: string, posts: Promise<Post[]>): Promise<void> {
    const before = this.#tails.get(channel) ?? Promise.resolve();
    const mine = before.then(async () => {
      let list: Post[];
      try {
        list = await posts;
      } catch (err) {
        this.#logger?.error(`slack: could not prepare a reply in ${channel}: ${(err as Error).stack ?? err}`);
        return;
      }
      for (const post of list) await this.#send(channel, post);
    });
    this.#tails.set(channel, mine);
    void mine.then(() => {
      if (this.#tails.get(channel) === mine) this.#tails.delete(channel);
    });
    return mine;
  }

  async #send(channel: string, post: Post): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const wait = (this.#last.get(channel) ?? -Infinity) + this.#interval - Date.now();
      if (wait > 0) await sleep(wait);
      this.#last.set(channel, Date.now());
      try {
        await post();
        return;
      } catch (err) {
        if (rateLimited(err) && attempt < this.#retries) {
          this.#logger?.warn(`slack: rate limited in ${channel}; trying again in ${err.retryAfter} s`);
          await sleep(err.retryAfter * 1000);
          continue;
        }
        this.#logger?.error(`slack: a reply in ${channel} could not be posted: ${(err as Error).message}`);
        return;
      }
    }
  }

  /** Resolves when every line is empty (what was added before is sent). */
  async idle(): Promise<void> {
    while (this.#tails.size > 0) await Promise.all([...this.#tails.values()]);
  }
}
