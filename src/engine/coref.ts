// Resolves source mentions to canonical names: aliases ("the Defense Ministry" -> "Russian Defense Ministry"),
// pronouns ("she", "it", "who") and descriptions ("the ministry", "the report"). An unresolved pronoun says so.
import type { Doc } from '../nlp.ts';
import type { Source, SourceType } from '../schema.ts';
import { nounCues, pronouns } from './lexicon.ts';
import { headOf, npLeft, npRight, type Range } from './phrases.ts';

/** Source types that are bodies, not people: what a bare "it" may speak for. */
export const BODY_TYPES = new Set<SourceType>(['organization', 'government', 'military', 'media', 'state-media', 'company']);
import { contentWords, describe, looksLikePerson, type Named } from './sources.ts';

interface Seen extends Named {
  sent: number;
}

const LOOKBACK_SENTENCES = 3;
const SPEAKERS = new Set(['i', 'we', 'you', 'me', 'us']);
const OWNING_TYPES = new Set<SourceType>(['government', 'military', 'official', 'organization', 'state-media', 'company', 'expert']);

export class Coref {
  private seen: Seen[] = [];
  private personList: { named: Named; tok: number; sent: number }[] | null = null;

  constructor(private doc: Doc) {}

  /** Person names in the text, found on first need (only pronouns need them). */
  private get persons() {
    this.personList ??= personRuns(this.doc);
    return this.personList;
  }

  /** A Source for the phrase `r` (with `owner` for "X's report" style sources), noting it for later mentions. */
  resolve(r: Range, owner: Range | null, sent: number): Source {
    const { doc } = this;
    const { tokens } = doc;
    const mention = doc.text.slice(tokens[r.first].start, tokens[r.last].end);
    const span = { start: tokens[r.first].start, end: tokens[r.last].end };
    const single = r.first === r.last ? tokens[r.first].lower : '';
    const pro = single ? pronouns.get(single) : undefined;

    if (pro) return this.pronoun(single, pro, r, mention, span, sent);

    if (owner) {
      const o = describe(doc, owner);
      const hit = this.alias(o);
      const named = hit ?? o;
      this.note(named, sent);
      return { name: named.name, mention, span, type: named.type, resolved: hit ? 'alias' : 'explicit' };
    }

    const head = headOf(doc, r);
    const definite = tokens[r.first].lower === 'the' && r.last - r.first <= 3 && head.pos === 'NOUN';
    if (definite) {
      const words = contentWords(mention);
      const byWord = this.recent(sent, (s) => words.every((w) => s.words.includes(w)) && s.words.length > words.length);
      if (byWord) return { name: byWord.name, mention, span, type: byWord.type, resolved: 'coreference' };
      if (nounCues.has(head.lower)) {
        const ownerSeen = this.recent(sent, (s) => OWNING_TYPES.has(s.type));
        if (ownerSeen) return { name: ownerSeen.name, mention, span, type: ownerSeen.type, resolved: 'coreference' };
      }
    }

    const named = describe(doc, r);
    const hit = this.alias(named);
    if (hit) {
      this.note(hit, sent);
      return { name: hit.name, mention, span, type: hit.type, resolved: 'alias' };
    }
    this.note(named, sent);
    return { name: named.name, mention, span, type: named.type, resolved: 'explicit' };
  }

  private pronoun(word: string, pro: { gender: string; number: string; kind: string }, r: Range, mention: string, span: { start: number; end: number }, sent: number): Source {
    const { doc } = this;
    const { tokens } = doc;
    const unresolved = (): Source => ({ name: mention, mention, span, type: pro.kind === 'person' ? 'person' : 'unknown', resolved: 'explicit', unresolved: true });
    if (pro.kind === 'relative') {
      // "officials, who said" / "the agency which reported": the phrase just left of the relative word.
      let k = r.first - 1;
      if (tokens[k]?.value === ',') k--;
      const ante = k >= 0 ? npLeft(doc, k, doc.sentences[tokens[r.first].sent].first) : null;
      if (!ante) return unresolved();
      const named = describe(doc, ante);
      const hit = this.alias(named) ?? named;
      this.note(hit, sent);
      return { name: hit.name, mention, span, type: hit.type, resolved: 'coreference' };
    }
    if (SPEAKERS.has(word)) return unresolved();
    const tok = r.first;
    if (pro.kind === 'person') {
      const want = pro.gender;
      const fromSources = this.recent(sent, (s) => s.human && (s.gender === 'any' || s.gender === want));
      const fromText = this.persons.filter((p) => p.tok < tok && sent - p.sent <= LOOKBACK_SENTENCES && (p.named.gender === 'any' || p.named.gender === want)).at(-1);
      // Prefer whichever was mentioned last.
      let pick: Named | undefined = fromSources;
      if (fromText && (!fromSources || fromText.sent > (fromSources as Seen).sent)) {
        pick = this.alias(fromText.named) ?? fromText.named;
      }
      if (!pick) return unresolved();
      this.note(pick, sent);
      return { name: pick.name, mention, span, type: pick.type, resolved: 'coreference' };
    }
    if (pro.number === 'pl') {
      const pick = this.recent(sent, (s) => s.plural || (s.type !== 'person' && s.type !== 'unknown'));
      if (!pick) return unresolved();
      return { name: pick.name, mention, span, type: pick.type, resolved: 'coreference' };
    }
    const pick = this.recent(sent, (s) => s.type !== 'person' && s.type !== 'unknown' && !s.plural) ?? this.subjectBefore(sent);
    if (!pick) return unresolved();
    return { name: pick.name, mention, span, type: pick.type, resolved: 'coreference' };
  }

  /**
   * "Ukraine's foreign ministry summoned the envoy. It added that …": with no earlier source to take, "it" is the
   * subject of the sentence before when that names a body (an organisation, government, military or outlet).
   */
  private subjectBefore(sent: number): Named | undefined {
    const { doc } = this;
    const before = doc.sentences[sent - 1];
    if (!before) return undefined;
    const np = npRight(doc, before.first, before.last, false);
    // (the doer: an active verb after it; "Odesa was hit" is no body that could go on speaking)
    if (!np || doc.tokens[np.last + 1]?.pos !== 'VERB') return undefined;
    const named = describe(doc, np);
    if (named.plural || !BODY_TYPES.has(named.type)) return undefined;
    return this.alias(named) ?? named;
  }

  /** An earlier source whose name contains every content word of this one ("Defense Ministry" in "Russian Defense Ministry"). */
  private alias(n: Named): Seen | undefined {
    if (!n.words.length) return undefined;
    let best: Seen | undefined;
    for (const s of this.seen) {
      if (s.name === n.name) return s;
      if (s.words.length <= n.words.length) continue;
      const sub = n.words.every((w) => s.words.includes(w));
      const surname = n.type === 'person' && n.words.length === 1 && s.type === 'person' && s.words.at(-1) === n.words[0];
      if ((sub && (n.words.length >= 2 || n.type === 'person' || s.type !== 'person')) || surname) {
        if (!best || s.words.length > best.words.length) best = s;
      }
    }
    return best;
  }

  private recent(sent: number, ok: (s: Seen) => boolean): Seen | undefined {
    for (let k = this.seen.length - 1; k >= 0; k--) {
      const s = this.seen[k];
      if (sent - s.sent > LOOKBACK_SENTENCES) break;
      if (ok(s)) return s;
    }
    return undefined;
  }

  private note(n: Named, sent: number): void {
    this.seen = this.seen.filter((s) => s.name !== n.name);
    this.seen.push({ ...n, sent });
  }
}

/** Capitalised name runs that look like people, for pronouns whose antecedent never spoke before. */
function personRuns(doc: Doc): { named: Named; tok: number; sent: number }[] {
  const out: { named: Named; tok: number; sent: number }[] = [];
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].pos !== 'PROPN') continue;
    let j = i;
    while (j + 1 < tokens.length && (tokens[j + 1].pos === 'PROPN' || tokens[j + 1].value === '.') && tokens[j + 1].sent === tokens[i].sent) j++;
    const r = { first: i, last: j };
    if (looksLikePerson(doc, r)) {
      const named = describe(doc, r);
      if (named.human) out.push({ named, tok: i, sent: tokens[i].sent });
    }
    i = j;
  }
  return out;
}
