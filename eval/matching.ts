// node bin/run.js eval/matching.ts [--dump]   (also run by npm run eval)
// Precision and recall per label of the claim matcher on the labelled report pairs (eval/matching-score.ts), on
// the tune split (looked at while tuning) and the check split (only measured). Needs nothing outside the repo.
import { LABELS, loadPairs, runPairs, score } from './matching-score.ts';

const dump = process.argv.includes('--dump');
const pct = (x: number) => (Number.isNaN(x) ? '   -  ' : `${(100 * x).toFixed(1).padStart(5)}%`);
const results = runPairs(loadPairs());
console.log('== Claim matching: labelled report pairs (test/fixtures/claim-pairs/pairs.json) ==');
for (const split of ['tune', 'check'] as const) {
  const rs = results.filter((r) => r.pair.split === split);
  const s = score(rs);
  console.log(`${split}: ${s.n} pairs, accuracy ${pct(s.accuracy)}`);
  for (const l of LABELS) {
    const x = s.perLabel[l];
    console.log(`  ${l.padEnd(10)} precision ${pct(x.precision)}  recall ${pct(x.recall)}  (gold ${x.gold}, predicted ${x.predicted})`);
  }
  for (const r of rs) {
    if (r.predicted !== r.pair.label && dump) {
      console.log(`    miss ${r.pair.id} (${r.pair.kind}): gold ${r.pair.label}, got ${r.predicted}${r.why ? ` (${r.why})` : ''}`);
    }
  }
}
