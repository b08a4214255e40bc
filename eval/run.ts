// npm run eval [-- --split train|dev|test] [--limit N] [--only gold|polnear|matching]
// Runs the shared scorers (../shared/eval/score.mjs) against the real CLI, from the repo root:
//   0. claim matching across reports on the repo's own labelled pairs (eval/matching.ts; needs nothing else);
//   1. the gold seeds: the example war-news reports with their expected claims (when ../shared/eval exists);
//   2. PolNeAR, dev split by default (git dir from POLNEAR_GIT_DIR, else ../.mirror/networkdynamics+PolNeAR/repo).
// The test split is scored only when `--split test` is passed: it is kept for the final score.
// Exits non-zero only when a scorer crashed (or could not run the CLI), never for low figures.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? args[i + 1] : undefined;
  return v !== undefined && !v.startsWith('--') ? v : undefined;
};
const usage = 'usage: npm run eval -- [--split train|dev|test] [--limit N] [--only gold|polnear|matching]';

const split = opt('split') ?? 'dev';
if (!['train', 'dev', 'test'].includes(split)) {
  console.error(`unknown split "${split}"\n${usage}`);
  process.exit(2);
}
const limit = opt('limit');
if (limit !== undefined && !/^\d+$/.test(limit)) {
  console.error(`--limit wants a number\n${usage}`);
  process.exit(2);
}
const only = opt('only');
if (only !== undefined && only !== 'gold' && only !== 'polnear' && only !== 'matching') {
  console.error(`--only wants gold, polnear or matching\n${usage}`);
  process.exit(2);
}

const shared = resolve(ROOT, '../shared/eval');
const scorer = join(shared, 'score.mjs');
const crashed: string[] = [];

function runScorer(label: string, scorerArgs: string[]): void {
  console.log(`$ node ${[scorer, ...scorerArgs].map((a) => a.replace(`${resolve(ROOT, '..')}/`, '../')).join(' ')}`);
  const t0 = performance.now();
  // inherit stdio: the scorer's own lines are the report
  const r = spawnSync(process.execPath, [scorer, ...scorerArgs], { cwd: ROOT, stdio: 'inherit' });
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  if (r.error || r.status !== 0) {
    // without --min-* thresholds score.mjs exits non-zero only when it could not score
    crashed.push(label);
    console.log(`${label}: scorer failed (${r.error ? r.error.message : `exit ${r.status ?? r.signal}`}) after ${s} s`);
  } else {
    console.log(`${label}: done in ${s} s`);
  }
}

// 0. claim matching --------------------------------------------------------------------------------------
if (only === undefined || only === 'matching') {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/run.js'), join(ROOT, 'eval/matching.ts')], { cwd: ROOT, stdio: 'inherit' });
  if (r.error || r.status !== 0) crashed.push('matching');
  console.log();
}

// 1. gold seeds -------------------------------------------------------------------------------------------
if (only === undefined || only === 'gold') {
  console.log('== Gold seeds (../shared/eval: example reports + expected claims) ==');
  const gold = join(shared, 'gold/seeds.json');
  const reports = join(shared, 'reports');
  if (!existsSync(shared)) {
    console.log('../shared/eval is absent beside the repo: the gold seeds cannot be scored here; skipped.');
  } else if (!existsSync(scorer) || !existsSync(gold) || !existsSync(reports)) {
    console.log(`../shared/eval is there but incomplete (need score.mjs, gold/seeds.json, reports/): skipped.`);
  } else {
    runScorer('gold', ['gold', '--gold', gold, '--reports', reports]);
  }
  console.log();
}

// 2. PolNeAR ----------------------------------------------------------------------------------------------
if (only === undefined || only === 'polnear') {
  console.log(`== PolNeAR ${split} split ==`);
  if (split === 'test') console.log('NOTE: scoring the held-out test split, as asked with --split test. Do not tune on it.');
  const gitDir = resolve(ROOT, process.env.POLNEAR_GIT_DIR ?? '../.mirror/networkdynamics+PolNeAR/repo');
  if (!existsSync(join(gitDir, 'HEAD'))) {
    console.log(`PolNeAR is absent: no git dir at ${gitDir}.`);
    console.log('Fetch the public repository networkdynamics/PolNeAR (the search tool\'s fetch puts it at');
    console.log('../.mirror/networkdynamics+PolNeAR/repo), or `git clone --bare https://github.com/networkdynamics/PolNeAR DIR`');
    console.log('and set POLNEAR_GIT_DIR=DIR. It has no licence: keep it outside the repo. Skipped.');
  } else if (!existsSync(scorer)) {
    console.log('../shared/eval/score.mjs is absent beside the repo: PolNeAR cannot be scored through the CLI; skipped.');
    console.log('(The in-process scorer needs only a checkout: node bin/run.js eval/polnear-dev.ts)');
  } else {
    runScorer(`polnear ${split}`, ['polnear', '--repo', gitDir, '--split', split, ...(limit ? ['--limit', limit] : [])]);
  }
}

if (crashed.length) {
  console.log(`\nscorer failures: ${crashed.join(', ')}`);
  process.exitCode = 1;
}
