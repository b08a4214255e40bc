// ClaimDesk on Slack: `claimdesk start` calls start() when SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and
// SLACK_CLIENT_SECRET (several, through OAuth) are set. Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on
// PORT at /slack/events (requests verified with SLACK_SIGNING_SECRET). README.md (## Slack) has the set-up.
import type { AddressInfo } from 'node:net';
import type { RunningSurface, SurfaceDeps } from '../surfaces.ts';
import { createSlackApp, type SlackAppOptions } from './app.ts';
import { loadSlackConfig } from './config.ts';
import { slackDigestPoster } from './digest.ts';
import { INSTALLATIONS, keyvInstallationStore, NotInstalledError } from './installations.ts';

export type SlackStartOptions = Pick<SlackAppOptions, 'postIntervalMs' | 'clientOptions'>;

export interface RunningSlack extends RunningSurface {
  /** HTTP mode: the port it listens on (useful with PORT=0). */
  port?: number;
}

export async function start(deps: SurfaceDeps, opts: SlackStartOptions = {}): Promise<RunningSlack> {
  const config = loadSlackConfig(deps.env);
  const { app, queue } = createSlackApp({ config, bot: deps.bot, desk: deps.desk, log: deps.log, maxInputBytes: deps.config.maxInputBytes, ...opts });
  await app.init();
  // Daily digests: the bot token's own workspace (asked before the app starts listening), or each installed
  // workspace's token (OAuth).
  const single = config.botToken ? { token: config.botToken, team: String((await app.client.auth.test({ token: config.botToken })).team_id ?? '') } : undefined;
  const started = (await app.start(config.port)) as unknown;
  const address = !config.appToken && started && typeof started === 'object' && 'address' in started
    ? ((started as { address(): AddressInfo | string | null }).address() as AddressInfo | null)
    : null;
  const mode = config.appToken ? 'Socket Mode' : `HTTP on port ${address?.port ?? config.port} (/slack/events)`;
  deps.log.info(`slack: ${mode}${config.oauth ? ', installs through OAuth at /slack/install' : ''}`);
  const installations = config.oauth ? keyvInstallationStore(() => deps.desk.kv<string>(INSTALLATIONS), config.oauth.secretKey) : null;
  const digest = slackDigestPoster({
    app,
    queue,
    ...(single ? { single } : {}),
    ...(installations
      ? {
          tokenFor: async (team: string) => {
            const token = (await installations.fetchInstallation({ teamId: team, isEnterpriseInstall: false, enterpriseId: undefined })).bot?.token;
            // Nothing to post with until the app is installed again: the scheduler gives that day up.
            if (!token) throw new NotInstalledError(`the Slack installation for team ${team} has no bot token`);
            return token;
          },
        }
      : {}),
  });
  let stopping: Promise<void> | null = null;
  return {
    ...(address ? { port: address.port } : {}),
    digest,
    stop() {
      stopping ??= (async () => {
        await app.stop();
        // Replies already under way are still sent; the desk is closed after this.
        await queue.idle();
      })();
      return stopping;
    },
  };
}
