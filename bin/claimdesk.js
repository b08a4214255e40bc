#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx's loader, so `npx claimdesk` works right after `npm install`
// with no build step to remember.
import { register } from 'tsx/esm/api';

register();
const args = process.argv.slice(2);
if (args[0] === 'summarize' && args.includes('--jsonl')) {
  // A --jsonl batch analyses on a worker thread (src/batch.ts): start it now, before the CLI loads.
  const { startAnalysisWorker } = await import('../src/batch.ts');
  startAnalysisWorker();
}
const { main } = await import('../src/cli.ts');
process.exitCode = await main(args);
