// Flags for the repo's own scripts (eval, bench): `--name value` options and `--name` switches.
export interface ScriptArgs {
  has(name: string): boolean;
  opt(name: string): string | undefined;
}

export function scriptArgs(args: string[] = process.argv.slice(2)): ScriptArgs {
  return {
    has: (name) => args.includes(`--${name}`),
    opt: (name) => {
      const i = args.indexOf(`--${name}`);
      const v = i >= 0 ? args[i + 1] : undefined;
      return v !== undefined && !v.startsWith('--') ? v : undefined;
    },
  };
}
