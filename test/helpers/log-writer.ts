// A separate process writing one channel log, for the concurrency and crash tests:
//   node --import tsx test/helpers/log-writer.ts --store URL --channel C --texts FILE [--take 16-31,0-15] [--start MS] [--crash]
// Summarises the texts numbered in --take (ranges, inclusive, in that order; default all) from the JSON array in
// FILE, waits until --start (epoch ms) so several writers begin
// together, adds them one by one, and prints one JSON line per add: {"i": n, "id": "...", "duplicate": bool}.
// With --crash it kills itself (SIGKILL, no clean-up) right after the last add resolved.
import { readFileSync } from 'node:fs';
import { openChannelLog } from '../../src/channel-log/index.ts';
import { scriptArgs } from '../../src/script-args.ts';
import { summarize } from '../../src/summarize.ts';

const { has, opt } = scriptArgs();
const texts = JSON.parse(readFileSync(opt('texts')!, 'utf8')) as string[];
const take = (opt('take') ?? `0-${texts.length - 1}`).split(',').flatMap((range) => {
  const [a, b] = range.split('-').map(Number);
  return Array.from({ length: b - a + 1 }, (_, n) => a + n);
});
const key = { platform: 'cli', workspace: 'local', channel: opt('channel')! };
const log = await openChannelLog(opt('store')!);
const work = take.map((i) => ({ i, text: texts[i], summary: summarize(texts[i]) }));
const start = Number(opt('start') ?? 0);
if (Date.now() < start) await new Promise((r) => setTimeout(r, start - Date.now()));
for (const w of work) {
  const res = await log.add({ key, text: w.text, summary: w.summary, user: `writer-${process.pid}`, postedAt: new Date() });
  process.stdout.write(JSON.stringify({ i: w.i, id: res.report.id, duplicate: res.duplicate }) + '\n');
}
if (has('crash')) process.kill(process.pid, 'SIGKILL');
await log.close();
