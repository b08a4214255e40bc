// Preloaded into the CLI child by bench/run.ts (node --import): reports the child's own peak RSS on exit,
// on standard error, so the benchmark gets an exact figure instead of polling /proc.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  try {
    writeSync(2, `\nCLAIMDESK_BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
  } catch {
    // stderr closed: the benchmark falls back to its /proc reading
  }
});
