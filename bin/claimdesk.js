#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx's loader, so `npx claimdesk` works right after `npm install`
// with no build step to remember.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const batch = args[0] === 'summarize' && args.includes('--jsonl');

// A --jsonl batch is short-lived, and most of its CPU time goes to V8 optimising the engine's code on background
// threads while the batch runs (on two cores, that work competes with the batch itself). A smaller inlining budget
// makes each optimisation much cheaper for a few per cent of peak speed: the batch reruns itself with it once.
// V8 flags cannot be changed once Node runs, hence the second process; CLAIMDESK_JIT=default keeps V8's defaults.
// Only on the Node versions this was measured on (an unknown V8 flag would stop Node).
const JIT_FLAGS = ['--max-inlined-bytecode-size-cumulative=200'];
const nodeMajor = Number(process.versions.node.split('.')[0]);
if (batch && process.env.CLAIMDESK_JIT !== 'default' && nodeMajor === 20 && !process.execArgv.includes(JIT_FLAGS[0])) {
  const child = spawn(process.execPath, [...JIT_FLAGS, ...process.execArgv, fileURLToPath(import.meta.url), ...args], {
    stdio: 'inherit',
  });
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('exit', (code, signal) => {
    if (signal) {
      for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(s, forward);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
} else {
  const { register } = await import('tsx/esm/api');
  register();
  if (batch) {
    // A --jsonl batch analyses on a worker thread (src/batch.ts): start it now, before the CLI loads.
    const { startAnalysisWorker } = await import('../src/batch.ts');
    startAnalysisWorker();
  }
  const { main } = await import('../src/cli.ts');
  process.exitCode = await main(args);
}
