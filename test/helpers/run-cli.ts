// Runs the real command (`node bin/claimdesk.js ARGS`) as a user would, and collects what it printed.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/claimdesk.js', import.meta.url));

/**
 * This process's environment without any platform or store settings (SLACK_*, DISCORD_*, CLAIMDESK_*), plus
 * `extra`: a child process sees only the settings its test gives it, whatever the shell running the tests has.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLACK_|DISCORD_|CLAIMDESK_)/.test(k)));
  return { ...clean, ...extra };
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  stdin?: string;
  cwd?: string;
  /** The whole environment of the child (default: this process's, with LOG_LEVEL=warn). */
  env?: NodeJS.ProcessEnv;
}

export function runCli(args: string[], opts: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      ...(opts.cwd ? { cwd: opts.cwd } : {}),
      env: opts.env ?? { ...process.env, LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.stdin ?? '');
  });
}
