#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx's loader, so `npx claimdesk` works right after `npm install`
// with no build step to remember.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
