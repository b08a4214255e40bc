// What the adapter asks Slack about, kept for a while so a busy channel costs few API calls:
//   person(…)   users.info → display name, and whether the user is a workspace admin or owner (ClaimDesk's
//               "channel admin" on Slack: they may /forget others' reports, set /retention and /paste)
//   teamUrl(…)  auth.test → the workspace's address, from which a message's link is built
//               (https://team.slack.com/archives/C123/p1700000000123456), so no chat.getPermalink per message
// A lookup that fails is logged and answered with what is safe (no name, not an admin, no link); it is not kept.
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/log.ts';

export interface Person {
  name?: string;
  admin: boolean;
}

export const LOOKUP_TTL_MS = 10 * 60_000;

type Client = Pick<webApi.WebClient, 'users' | 'auth'>;

export class Lookups {
  readonly #cache = new Map<string, { value: Promise<unknown>; expires: number }>();
  readonly #ttl: number;
  readonly #logger: Logger | undefined;

  constructor(opts: { ttlMs?: number; logger?: Logger } = {}) {
    this.#ttl = opts.ttlMs ?? LOOKUP_TTL_MS;
    this.#logger = opts.logger;
  }

  #kept<T>(key: string, fetch: () => Promise<T>, fallback: T): Promise<T> {
    const hit = this.#cache.get(key);
    if (hit && hit.expires > Date.now()) return hit.value as Promise<T>;
    const value = fetch().catch((err: Error) => {
      this.#logger?.warn(`slack: ${key.split(':')[0]} lookup failed: ${err.message}`);
      this.#cache.delete(key);
      return fallback;
    });
    this.#cache.set(key, { value, expires: Date.now() + this.#ttl });
    return value;
  }

  person(client: Client, team: string, user: string): Promise<Person> {
    return this.#kept(
      `person:${team}:${user}`,
      async () => {
        const { user: u } = await client.users.info({ user });
        const name = u?.profile?.display_name || u?.real_name || u?.name || undefined;
        return { ...(name ? { name } : {}), admin: u?.is_admin === true || u?.is_owner === true };
      },
      { admin: false },
    );
  }

  teamUrl(client: Client, team: string): Promise<string | null> {
    return this.#kept(`team:${team}`, async () => (await client.auth.test()).url ?? null, null);
  }
}

/** A message's link from its workspace's address; a reply in a thread links with its thread. */
export function messageLink(teamUrl: string | null, channel: string, ts: string, threadTs?: string): string | undefined {
  if (!teamUrl || !/^https?:\/\//.test(teamUrl)) return undefined;
  const base = `${teamUrl.replace(/\/?$/, '/')}archives/${channel}/p${ts.replace('.', '')}`;
  return threadTs && threadTs !== ts ? `${base}?thread_ts=${threadTs}&cid=${channel}` : base;
}
