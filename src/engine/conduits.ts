// The outlet or channel that carried a claim: "as reported by TASS", "told Reuters", "on its Telegram channel",
// "in a statement carried by Interfax". Patterns are matched in the cue's sentence.
import type { Conduit } from '../schema.ts';
import { carrierParticiples, channels, citingParticiples, conduitPhrases, outletDescriptions, outlets, recipientPhrases } from './lexicon.ts';

const NAME = String.raw`((?:the\s+)?[A-Z][\w.&’'-]*(?:\s+(?:[A-Z][\w.&’'-]*|news\s+agency|agency|newspaper|of|de|la))*)`;
const escapeRe = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, String.raw`\s+`);
const alternatives = (phrases: Iterable<string>) => [...phrases].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
/** The lexicon's words before an outlet that carries a claim: "posted by", "citing", "according to", "told". */
const CARRIERS = `(?:${alternatives([...[...carrierParticiples].map((p) => `${p} by`), ...citingParticiples, ...conduitPhrases, ...recipientPhrases])})`;
const CARRIER = new RegExp(String.raw`\b${CARRIERS}\s+` + NAME, 'g');
/** "told state television", "according to local media": an outlet named by description (the lexicon's list). */
const DESCRIBED = outletDescriptions.length
  ? new RegExp(String.raw`\b${CARRIERS}\s+(?:the\s+)?(${alternatives(outletDescriptions)})\b`, 'gi')
  : null;
const CHANNEL = new RegExp(String.raw`\b(?:on|in|via|through)\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+|an?\s+)?((?:official\s+)?(?:${[...channels].join('|')})(?:\s+(?:channel|account|page|feed|post|video))?)(?:\s+of\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*))?`, 'gi');
const RECIPIENT = new RegExp(String.raw`^(?:${alternatives(recipientPhrases)})\s`);
const OUTLET_SUFFIX = /\b(news agency|agency|newspaper|tv|television|radio|news|times|post|journal)$/i;

export interface ConduitMatch {
  conduit: Conduit;
  /** Where a phrase naming a recipient ("told Reuters", "in an interview with CNN") starts: it carries only the
   * claim whose cue it follows. Null for phrases that carry any claim of the sentence ("as reported by TASS"). */
  recipientAt: number | null;
  /** Offsets of an owner named with the channel ("the Telegram channel of the Defense Ministry"). */
  owner: { start: number; end: number; name: string } | null;
}

const isOutlet = (name: string) => {
  const n = name.toLowerCase().replace(/^the\s+/, '').replace(/[’]/g, "'");
  return outlets.has(n) || outlets.has('the ' + n) || OUTLET_SUFFIX.test(n) || outletDescriptions.includes(n);
};

/** Conduits found in text[start, end): outlets named by carrier phrases, and social-media channels. */
export function findConduits(text: string, start: number, end: number): ConduitMatch[] {
  const slice = text.slice(start, end);
  const out: ConduitMatch[] = [];
  for (const m of slice.matchAll(CARRIER)) {
    // "told Reuters.": the sentence's full stop is not part of the name
    let name = m[1].replace(/\s+(?:of|de|la)$/, '').replace(/\.$/, '');
    if (!isOutlet(name)) continue;
    name = name.replace(/^the\s+/i, '');
    const at = start + m.index! + m[0].length - m[1].length + m[1].indexOf(name);
    const recipient = RECIPIENT.test(m[0]) ? start + m.index! : null;
    out.push({ conduit: { name, span: { start: at, end: at + name.length } }, owner: null, recipientAt: recipient });
  }
  for (const m of DESCRIBED ? slice.matchAll(DESCRIBED) : []) {
    const name = m[1];
    const at = start + m.index! + m[0].length - name.length;
    const recipient = RECIPIENT.test(m[0].toLowerCase()) ? start + m.index! : null;
    out.push({ conduit: { name, span: { start: at, end: at + name.length } }, owner: null, recipientAt: recipient });
  }
  for (const m of slice.matchAll(CHANNEL)) {
    const name = m[1];
    const at = start + m.index! + m[0].indexOf(name);
    let owner: ConduitMatch['owner'] = null;
    if (m[2]) {
      const o = start + m.index! + m[0].lastIndexOf(m[2]);
      owner = { start: o, end: o + m[2].length, name: m[2] };
    }
    out.push({ conduit: { name, span: { start: at, end: at + name.length } }, owner, recipientAt: null });
  }
  return out;
}

export { isOutlet };
