// The source key both stores keep with each claim, so `source:NAME` also finds a source however reports wrote
// its name: the key the digest and /sources group by (sourceKeyOf), worked out once at write time, never per row
// at query time. A key depends on the naming rules (src/lexicon/source-names.json); each store keeps the rules'
// fingerprint beside its keys and makes the keys again when it opens a log whose keys were made under other rules.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sourceKeyOf } from '../matching/source-names.ts';
import { searchWords } from './text.ts';

/** The version of the key-making code (src/matching/source-names.ts sourceKey): raise it when a change there changes keys. */
const SOURCE_KEY_CODE = 1;

/** Fingerprint of the naming rules the keys are made under: the code's version and the rules file. */
export const SOURCE_KEY_RULES = createHash('sha256')
  .update(`code ${SOURCE_KEY_CODE}\n`)
  .update(readFileSync(new URL('../lexicon/source-names.json', import.meta.url)))
  .digest('hex')
  .slice(0, 16);

/** The stored key of a claim's source (null for an unattributed claim). */
export const storedSourceKey = (name: string | null): string | null => (name == null ? null : sourceKeyOf(name));

/** The keys of the names typed after source: (a value with no letters or digits asks for nothing). */
export const querySourceKeys = (values: readonly string[] | undefined): string[] => [
  ...new Set((values ?? []).filter((v) => searchWords(v).length > 0).map(sourceKeyOf)),
];
