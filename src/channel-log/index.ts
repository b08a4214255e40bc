// Opens the channel log a connection string names:
//   sqlite:./data/claimdesk.db   the embedded default: one file, created on first run
//   sqlite::memory:              a log that lives as long as the process (tests)
//   postgres://user@host:5432/db several bot processes sharing one log
// Options ride in the query string: ?rank_window=N (both), ?max_mb=N (SQLite: refuse writes past this size),
// ?schema=NAME (Postgres, default claimdesk).
import type { ChannelLog } from './types.ts';

export const DEFAULT_STORE = 'sqlite:./data/claimdesk.db';

/** A channel log with the optional batch write both stores have. */
export type OpenedChannelLog = ChannelLog & Required<Pick<ChannelLog, 'addMany'>>;

function numberParam(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new TypeError(`Store option ${name}=${raw} must be a positive number.`);
  return n;
}

export async function openChannelLog(url: string = DEFAULT_STORE): Promise<OpenedChannelLog> {
  if (url.startsWith('sqlite:')) {
    const [rest, query = ''] = url.slice('sqlite:'.length).split('?', 2);
    const params = new URLSearchParams(query);
    const { openSqliteLog } = await import('./sqlite.ts');
    return openSqliteLog({
      path: rest.startsWith('//') ? rest.slice(2) : rest,
      maxMegabytes: numberParam(params, 'max_mb'),
      rankWindow: numberParam(params, 'rank_window'),
      busyTimeoutMs: numberParam(params, 'busy_timeout_ms'),
    });
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const u = new URL(url);
    const schema = u.searchParams.get('schema') ?? undefined;
    const rankWindow = numberParam(u.searchParams, 'rank_window');
    u.searchParams.delete('schema');
    u.searchParams.delete('rank_window');
    const { openPostgresLog } = await import('./postgres.ts');
    return openPostgresLog({ connectionString: u.toString(), schema, rankWindow });
  }
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? url.slice(0, 20);
  throw new TypeError(`Unknown channel log store "${scheme}…": use sqlite:PATH, sqlite::memory: or postgres://USER@HOST:PORT/DB.`);
}
