// Fast in-process PolNeAR scorer for iterating on the engine: no CLI, no child process.
//   node bin/run.js eval/polnear-dev.ts [--split dev|train] [--limit N] [--only SUBSTRING]
//        [--dump [FILE]] [--cues [N]] [--engine]
// Reads a PolNeAR checkout (env POLNEAR_DIR, default ../polnear/data beside the repo: {split}/text/*.txt and
// {split}/attributions/*.ann), runs summarize() per article (the CLI's own call; --engine: analyze() +
// extractClaims() on the raw text) and prints the figures `score.mjs polnear` prints, computed the same way
// (see polnear-metrics.ts).
// --dump writes gold attributions and predicted claims side by side per article (default under /tmp; never
// inside the repo: PolNeAR has no licence). --cues lists the most missed gold cues and the most frequent
// false-positive predicted cues. The test split is refused: it is kept for the final score.
import { scriptArgs } from '../src/script-args.ts';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyze, warmUp } from '../src/nlp.ts';
import { extractClaims } from '../src/engine/index.ts';
import type { Claim } from '../src/schema.ts';
import {
  ROLES,
  type GoldRelation,
  type Range,
  type Role,
  type Totals,
  charSet,
  claimRoleRanges,
  cpToUtf16,
  dedupSets,
  exactKey,
  firstAnnotatorFiles,
  matchRole,
  parseAnn,
  pct,
  prf,
} from './polnear-metrics.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const { has, opt } = scriptArgs(args);

const split = opt('split') ?? 'dev';
if (split === 'test') {
  console.error('polnear-dev: the test split is kept for the final score; tune on dev or train.');
  process.exit(2);
}
if (split !== 'dev' && split !== 'train') {
  console.error(`polnear-dev: unknown split ${split} (dev or train)`);
  process.exit(2);
}
const limit = Number(opt('limit') ?? 0);
const only = opt('only');
const base = resolve(ROOT, process.env.POLNEAR_DIR ?? '../polnear/data');
const textDir = join(base, split, 'text');
const annDir = join(base, split, 'attributions');
if (!existsSync(textDir) || !existsSync(annDir)) {
  console.log(`PolNeAR ${split} checkout not found at ${base}/${split}/{text,attributions}.`);
  console.log('Set POLNEAR_DIR to a directory holding {train,dev}/{text,attributions}, e.g. a checkout made with');
  console.log('  git --git-dir ../.mirror/networkdynamics+PolNeAR/repo archive HEAD data/dev | tar -x -C ../polnear');
  process.exit(2);
}

let dumpFile: string | undefined;
if (has('dump')) {
  dumpFile = resolve(opt('dump') ?? `/tmp/claimdesk-polnear-${split}.txt`);
  const rel = relative(ROOT, dumpFile);
  if (!rel.startsWith('..') && !isAbsolute(rel)) {
    console.error(`polnear-dev: refusing to write ${dumpFile} inside the repo (PolNeAR text must not be committed).`);
    process.exit(2);
  }
}
const cueTop = has('cues') ? Number(opt('cues') ?? 25) : 0;

// --- engine -------------------------------------------------------------------------------------------
// By default the claims come from summarize(), the very call behind `claimdesk summarize --jsonl`: it masks
// markup (HTML tags, control characters: a few PolNeAR articles have them) before analysis, so only that path
// gives score.mjs's numbers. --engine scores analyze() + extractClaims() on the raw text instead (no
// masking, no summary composition); it is also the fallback while summarize() is missing.
type Extract = (text: string) => Claim[];
let extract: Extract = (text) => extractClaims(analyze(text));
let via = 'analyze + extractClaims';
const summarizeFile = join(ROOT, 'src/summarize.ts');
if (!has('engine') && (has('summarize') || existsSync(summarizeFile))) {
  const mod = (await import(pathToFileURL(summarizeFile).href)) as { summarize?: (text: string) => { claims: Claim[] } };
  if (typeof mod.summarize === 'function') {
    const summarize = mod.summarize;
    extract = (text) => summarize(text).claims;
    via = 'summarize, as the CLI';
  } else if (has('summarize')) {
    throw new Error('src/summarize.ts does not export summarize()');
  } else {
    via += ' (summarize() not exported yet)';
  }
} else if (!has('engine')) {
  via += ' (src/summarize.ts not there yet)';
}

// --- data ---------------------------------------------------------------------------------------------
const firstAnn = firstAnnotatorFiles(readdirSync(annDir).filter((f) => f.endsWith('.ann')));
let articles = [...firstAnn.keys()].sort();
if (only) articles = articles.filter((a) => a.includes(only));
if (limit) articles = articles.slice(0, limit);

interface Article {
  name: string;
  text: string;
  rels: GoldRelation[];
}
const data: Article[] = [];
for (const name of articles) {
  const tf = join(textDir, `${name}.txt`);
  if (!existsSync(tf)) continue; // score.mjs skips articles without text too
  const text = readFileSync(tf, 'utf8');
  data.push({ name, text, rels: parseAnn(readFileSync(join(annDir, firstAnn.get(name)!), 'utf8'), cpToUtf16(text)) });
}

// --- run and score ------------------------------------------------------------------------------------
warmUp();
const tot: Record<Role, Totals> = {
  source: { loose: 0, exact: 0, gold: 0, pred: 0 },
  cue: { loose: 0, exact: 0, gold: 0, pred: 0 },
  content: { loose: 0, exact: 0, gold: 0, pred: 0 },
};
const missedCues = new Map<string, number>();
const falseCues = new Map<string, number>();
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const dump: string[] = [];
let words = 0;
let engineMs = 0;
let errors = 0;
let predictedClaims = 0;

const snippet = (text: string, ranges: Range[], max = 140): string => {
  if (!ranges.length) return '—';
  const s = ranges
    .map((r) => text.slice(r.start, r.end))
    .join(' … ')
    .replace(/\s+/g, ' ');
  return s.length > max ? `${s.slice(0, max / 2 - 2)} … ${s.slice(-(max / 2 - 2))}` : s;
};
const mark = (ok: boolean | null) => (ok === null ? '·' : ok ? '✓' : '✗');
const firstStart = (rs: Range[]) => (rs.length ? Math.min(...rs.map((r) => r.start)) : Infinity);

for (const a of data) {
  words += a.text.split(/\s+/).filter(Boolean).length;
  let claims: Claim[] = [];
  const t0 = performance.now();
  try {
    claims = extract(a.text);
  } catch (e) {
    errors++;
    console.error(`${a.name}: engine error: ${(e as Error).message}`);
  }
  engineMs += performance.now() - t0;
  predictedClaims += claims.length;

  // per role: matched flags for each gold relation and each claim (null = role absent)
  const goldOk: Record<Role, (boolean | null)[]> = { source: [], cue: [], content: [] };
  const predOk: Record<Role, (boolean | null)[]> = { source: [], cue: [], content: [] };
  for (const role of ROLES) {
    const g = dedupSets(a.rels.map((r) => charSet(r[role])));
    const p = dedupSets(claims.map((c) => charSet(claimRoleRanges(c, role))));
    const m = matchRole(a.text, g.sets, p.sets);
    const t = tot[role];
    t.loose += m.loose;
    t.exact += m.exact;
    t.gold += m.gold;
    t.pred += m.pred;
    goldOk[role] = g.index.map((i) => (i < 0 ? null : m.goldToPred[i] >= 0));
    predOk[role] = p.index.map((i) => (i < 0 ? null : m.predToGold[i] >= 0));
    if (role === 'cue' && cueTop) {
      // punctuation-only cues (":", quotes, dashes) have an empty exact key: show them as written
      const cueWord = (s: Set<number>) => exactKey(a.text, s) || `"${[...s].map((i) => a.text[i]).join('').trim()}"`;
      g.sets.forEach((s, i) => m.goldToPred[i] < 0 && bump(missedCues, cueWord(s)));
      p.sets.forEach((s, i) => m.predToGold[i] < 0 && bump(falseCues, cueWord(s)));
    }
  }

  if (dumpFile) {
    const lines: string[] = [];
    lines.push('='.repeat(100), `${a.name}   gold ${a.rels.length}  predicted ${claims.length}`, '');
    lines.push('GOLD (source / cue / content matched: ✓ yes, ✗ no, · role absent)');
    const at = (r: GoldRelation) => firstStart(r.content.length ? r.content : r.cue);
    const gOrder = a.rels.map((_, i) => i).sort((x, y) => at(a.rels[x]) - at(a.rels[y]));
    for (const i of gOrder) {
      const r = a.rels[i];
      lines.push(
        `  ${r.id.padEnd(4)} ${mark(goldOk.source[i])}${mark(goldOk.cue[i])}${mark(goldOk.content[i])}  ` +
          `[${snippet(a.text, r.source, 50)}] —${snippet(a.text, r.cue, 40)}→ «${snippet(a.text, r.content)}»`,
      );
    }
    lines.push('PREDICTED');
    claims.forEach((c, i) => {
      const src = c.source ? `${snippet(a.text, claimRoleRanges({ source: c.source }, 'source'), 50)}${c.source.span ? '' : ` (${c.source.name}, implicit)`}` : '—';
      const conduit = c.conduit ? ` via ${c.conduit.name}` : '';
      const cueRanges = claimRoleRanges(c, 'cue');
      const cue = !c.cue ? '—' : cueRanges.length ? snippet(a.text, cueRanges, 40) : `(${c.cue.text})`;
      const hedges = c.hedges.length ? ` hedges: ${c.hedges.map((h) => h.text).join(', ')}` : '';
      lines.push(
        `  ${String(c.id).padEnd(4)} ${mark(predOk.source[i])}${mark(predOk.cue[i])}${mark(predOk.content[i])}  ` +
          `[${src}${conduit}] —${cue}→ «${snippet(a.text, claimRoleRanges(c, 'content'))}»${hedges}`,
      );
    });
    lines.push('');
    dump.push(lines.join('\n'));
  }
}

// --- report -------------------------------------------------------------------------------------------
console.log(`PolNeAR ${split}, in-process (${via}), first annotator per article, from ${base}`);
console.log('role     |  overlap P      R     F1 |  exact P      R     F1 |  gold  pred');
const overlapF1: Record<Role, number> = { source: 0, cue: 0, content: 0 };
for (const role of ROLES) {
  const t = tot[role];
  const s = prf(t);
  overlapF1[role] = s.lf;
  const f = (x: number) => pct(x).padStart(6);
  console.log(
    `${role.padEnd(8)} | ${f(s.lp)} ${f(s.lr)} ${f(s.lf)} | ${f(s.ep)} ${f(s.er)} ${f(s.ef)} | ${String(t.gold).padStart(5)} ${String(t.pred).padStart(5)}`,
  );
}
for (const role of ROLES) {
  const t = tot[role];
  const s = prf(t);
  // the same line format as score.mjs, for a direct diff
  console.log(
    `${role.padEnd(8)} overlap P ${pct(s.lp)} R ${pct(s.lr)} F1 ${pct(s.lf)} | exact F1 ${pct(s.ef)} | gold ${t.gold} pred ${t.pred}`,
  );
}
console.log(
  `${data.length} articles, ${words} words, ${predictedClaims} claims, engine ${engineMs.toFixed(0)} ms ` +
    `(${Math.round(words / (engineMs / 1000 || 1e-9))} words/s)${errors ? `, ${errors} engine errors` : ''}`,
);
console.log(
  `PolNeAR ${split} overlap F1: source ${pct(overlapF1.source)} cue ${pct(overlapF1.cue)} content ${pct(overlapF1.content)}`,
);

if (cueTop) {
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .slice(0, cueTop)
      .map(([k, n]) => `${String(n).padStart(5)}  ${k}`);
  const sum = (m: Map<string, number>) => [...m.values()].reduce((x, y) => x + y, 0);
  console.log(`\nmissed gold cues (${sum(missedCues)} in all, ${missedCues.size} distinct), top ${cueTop}:`);
  for (const l of top(missedCues)) console.log(l);
  console.log(`\nfalse-positive predicted cues (${sum(falseCues)} in all, ${falseCues.size} distinct), top ${cueTop}:`);
  for (const l of top(falseCues)) console.log(l);
}

if (dumpFile) {
  writeFileSync(dumpFile, dump.join('\n'));
  console.log(`\ndump: ${dumpFile} (outside the repo; do not commit it)`);
}
process.exitCode = errors ? 1 : 0;
