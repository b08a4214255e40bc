// Warnings for a desk editor about how a report is sourced. Each flag names the claims it is about.
import type { Claim, Flag } from './schema.ts';
import { disagree, parseFigure, type Figure } from './figures.ts';

const UNVERIFIED = /independently verif|unconfirmed|could not be (independently )?(verified|confirmed)/i;

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;
const quoted = (xs: string[]) => [...new Set(xs)].slice(0, 3).map((x) => `“${x}”`).join(', ');
const ids = (claims: Claim[]) => claims.map((c) => c.id);

/** Flags in a fixed order; `text` is the text the claims' spans point into. */
export function findFlags(claims: Claim[], text: string): Flag[] {
  const flags: Flag[] = [];
  const attributed = claims.filter((c) => c.source !== null);

  const names = new Set(attributed.map((c) => c.source!.name));
  if (names.size === 1 && attributed.length >= 1 && claims.length >= 2) {
    const [name] = names;
    flags.push({
      code: 'single-party-sourcing',
      message:
        attributed.length === 1
          ? `The only attributed claim comes from ${name}; no other source is quoted.`
          : `All ${attributed.length} attributed claims come from ${name}; no other source is quoted.`,
      claims: ids(attributed),
    });
  }

  const anonymous = attributed.filter((c) => c.source!.type === 'anonymous');
  if (anonymous.length > 0) {
    flags.push({
      code: 'anonymous-sources',
      message:
        `${plural(anonymous.length, 'claim rests', 'claims rest')} on anonymous sources ` +
        `(${quoted(anonymous.map((c) => c.source!.mention || c.source!.name))}): ask who they are and how they know.`,
      claims: ids(anonymous),
    });
  }

  const hedged = claims.filter((c) => c.source === null && c.hedges.length > 0);
  if (hedged.length > 0) {
    flags.push({
      code: 'unattributed-hedged',
      message:
        `${plural(hedged.length, 'claim is', 'claims are')} hedged (${quoted(hedged.flatMap((c) => c.hedges.map((h) => h.text)))}) ` +
        (hedged.length === 1
          ? 'but names no source: find out who says so before repeating it.'
          : 'but name no source: find out who says so before repeating them.'),
      claims: ids(hedged),
    });
  }

  const conflict = conflictingFigures(claims, text);
  if (conflict) flags.push(conflict);

  const unverified = claims.filter((c) => c.hedges.some((h) => UNVERIFIED.test(h.text)));
  if (unverified.length > 0) {
    const said = unverified.flatMap((c) => c.hedges.filter((h) => UNVERIFIED.test(h.text)).map((h) => h.text));
    flags.push({
      code: 'unverified',
      message: `${plural(unverified.length, 'claim is', 'claims are')} marked as not verified (${quoted(said)}): treat as unconfirmed.`,
      claims: ids(unverified),
    });
  }

  const unresolved = attributed.filter((c) => c.source!.unresolved === true);
  if (unresolved.length > 0) {
    flags.push({
      code: 'unresolved-source',
      message:
        `${plural(unresolved.length, 'claim has a source', 'claims have sources')} ClaimDesk could not tie to a name ` +
        `(${quoted(unresolved.map((c) => c.source!.mention || c.source!.name))}): check who is speaking.`,
      claims: ids(unresolved),
    });
  }
  return flags;
}

interface Sourced {
  claim: Claim;
  who: string;
  figure: Figure;
}

/** Figures of the same kind, from different sources, that cannot both be right. */
function conflictingFigures(claims: Claim[], text: string): Flag | null {
  const figures: Sourced[] = [];
  for (const claim of claims) {
    const who = claim.source?.name ?? 'an unattributed report';
    for (const e of claim.entities) {
      if (e.type !== 'quantity') continue;
      const figure = parseFigure(e.text, text.slice(e.span.end, e.span.end + 60));
      if (figure) figures.push({ claim, who, figure });
    }
  }
  const involved = new Set<Claim>();
  const pairs: string[] = [];
  const described = new Set<string>();
  for (let i = 0; i < figures.length; i++) {
    for (let j = i + 1; j < figures.length; j++) {
      const a = figures[i];
      const b = figures[j];
      if (a.who === b.who || !disagree(a.figure, b.figure)) continue;
      involved.add(a.claim).add(b.claim);
      const key = `${a.claim.id}/${b.claim.id}`;
      if (described.has(key)) continue;
      described.add(key);
      pairs.push(`${a.figure.label} (${a.claim.id}, ${a.who}) against ${b.figure.label} (${b.claim.id}, ${b.who})`);
    }
  }
  if (pairs.length === 0) return null;
  const shown = pairs.slice(0, 3).join('; ');
  const more = pairs.length > 3 ? `; and ${plural(pairs.length - 3, 'more conflict')}` : '';
  return {
    code: 'conflicting-figures',
    message: `Sources disagree on the figures: ${shown}${more}.`,
    claims: claims.filter((c) => involved.has(c)).map((c) => c.id),
  };
}
