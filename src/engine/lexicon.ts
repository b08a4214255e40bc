// Loads the engine's word lists (src/lexicon/*.json) once and builds the lookup tables the engine uses.
import { readFileSync } from 'node:fs';
import type { SourceType, Stance } from '../schema.ts';

function load<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../lexicon/${name}.json`, import.meta.url), 'utf8')) as T;
}

export interface VerbCue {
  lemma: string;
  stance: Stance;
  strength: 'strong' | 'weak';
  recipient?: boolean;
  object?: boolean;
  particle?: string;
  /** The content must hold this word: 'frames X as Y'. */
  needs?: string;
  /** The content may be a to-infinitive. */
  to?: boolean;
}

interface CueFile {
  verbs: Record<string, Omit<VerbCue, 'lemma'>>;
  forms: Record<string, string[]>;
  phrasal: Record<string, { stance: Stance; kind: string } | string>;
  passive: { participles: string[] };
  headline: string[];
  notCue: { before: string[]; after: string[]; determinerBefore: string[]; nounForms?: string[] };
  pluralSubjects?: { words: string[]; compoundHeads?: string[] };
  naming: { participles: string[] };
  ingLeads: { words: string[] };
  passiveLinks: { words: string[] };
  notAttitude: { lemmas: string[] };
  stanceLinks: { words: string[] };
  possessiveLinks: { words: string[] };
  cueAdverbs: { words: string[] };
  subjectVerbGap: { words: string[] };
  adjunctWords: { words: string[] };
  months: { words: string[] };
  timeNouns: { words: string[] };
  subordinators: { words: string[] };
  mentionAsides: { asideLeads: string[]; placeLeads: string[] };

  sourceHeadBlock: { nouns: string[] };
  nounCues: { nouns: string[] };
  verbNoun: Record<string, string[] | string>;
  evidence: { published: string[]; showing: string[] };
  attitude?: { lemmas: string[] };
  impression?: { lemmas: string[] };
  stanceAdjectives?: { words: string[] };
  catenative?: { lemmas: string[] };
  colonLabels?: { nouns: string[] };
  anonymityAsides?: { phrases: string[] };
  citing?: { participles: string[] };
  carrierParticiples?: { participles: string[] };
  statementSettings?: { nouns: string[] };
  occasions: { nouns: string[]; people: string[] };
  authoring?: { lemmas: string[]; works: string[] };
  conduitPhrases?: { phrases: string[]; recipients: string[] };
  inSource?: { nouns: string[] };
  possessiveNouns?: { nouns: string[] };
  evidenceSources?: { lemmas: string[]; heads: string[] };
  pronounSpeech?: { lemmas: string[] };
}

interface SourceFile {
  order: SourceType[];
  types: Record<string, { phrases: string[]; heads: string[]; asides?: boolean }>;
  outlets: string[];
  channels: string[];
  outletDescriptions?: { phrases: string[] };
  pronouns: Record<string, { gender: string; number: string; kind: string }>;
  titles: string[];
  descriptionTypes?: { types: SourceType[]; officeTitles: string[] };
  female: string[];
  male: string[];
  femaleNames: string[];
  maleNames: string[];
  agents: { nouns: string[] };
}

interface HedgeFile {
  phrases: string[];
  weak: string[];
  verificationNotes: { subjects: string[]; objects: string[] };
}

const cues = load<CueFile>('cues');
const sources = load<SourceFile>('sources');
const hedges = load<HedgeFile>('hedges');

/** Regular inflections of a verb lemma: says/said/saying style forms. */
function inflect(lemma: string): string[] {
  const out = [lemma];
  const cons = /[^aeiou]y$/.test(lemma);
  out.push(cons ? lemma.slice(0, -1) + 'ies' : /(s|sh|ch|x|z)$/.test(lemma) ? lemma + 'es' : lemma + 's');
  if (lemma.endsWith('e')) {
    out.push(lemma + 'd', lemma.slice(0, -1) + 'ing');
  } else if (cons) {
    out.push(lemma.slice(0, -1) + 'ied', lemma + 'ing');
  } else if (/(^|[^aeiou])[aeiou][^aeiouwxy]$/.test(lemma)) {
    // a single vowel before a final consonant may double it: "plan" -> "planned", "refer" -> "referring",
    // "admit" -> "admitted"; both spellings are kept ("visited", "offered")
    const d = lemma + lemma.at(-1);
    out.push(d + 'ed', d + 'ing', lemma + 'ed', lemma + 'ing');
  } else {
    out.push(lemma + 'ed', lemma + 'ing');
  }
  return out;
}

/** Surface form (lower case) -> verb cue. */
export const verbForms = new Map<string, VerbCue>();
/** Verbs of stance or intent that attribute a view when an agent is their subject ("supported", "sees"). */
export const attitudeVerbs = new Set<string>(cues.attitude?.lemmas ?? []);
/** Verbs of seeming ('seemed to', 'appears confident'): with a subject that holds no view, a source-less cue. */
export const impressionVerbs = new Set<string>(cues.impression?.lemmas ?? []);
/** Words heading a label before a colon ('The Latest:', 'Editor's Note:'), never a speaker. */
export const colonLabels = new Set<string>(cues.colonLabels?.nouns ?? []);
/**
 * Phrases saying why a source is not named ("spoke on condition of anonymity"): each a list of word slots, a slot
 * holding its alternatives and whether it may be absent.
 */
export const anonymityAsides = (cues.anonymityAsides?.phrases ?? []).map((p) =>
  p.split(' ').map((w) => ({ words: new Set(w.replace(/\?$/, '').split('|')), optional: w.endsWith('?') })));
/** Participles by which an outlet names the speaker behind its report ("…, citing the ministry"). */
export const citingParticiples = new Set<string>(cues.citing?.participles ?? []);
/** Participles that with "by" and an outlet name a statement's conduit ("carried by TASS"), never a cue. */
export const carrierParticiples = new Set<string>(cues.carrierParticiples?.participles ?? []);
/** Verbs of writing and the works they make ('wrote a book'): with only the work after it the verb is no cue. */
export const authoringLemmas = new Set<string>(cues.authoring?.lemmas ?? []);
export const authoredWorks = new Set<string>(cues.authoring?.works ?? []);
/** Occasions and media of a statement ('in a statement', 'at a rally'): a phrase closing the content that says where. */
export const statementSettings = new Set<string>(cues.statementSettings?.nouns ?? []);
/** Occasions ('at a rally') and times ('on Thursday', 'in June') that are no part of a person named as the object. */
export const occasionNouns = new Set<string>(cues.occasions.nouns);

export const occasionPeople = new Set<string>(cues.occasions.people);
/** Words before an outlet's name that make it a conduit ("according to TASS"), and those naming whom a speaker
 * spoke to ("told Reuters"). */
export const conduitPhrases = cues.conduitPhrases?.phrases ?? [];
export const recipientPhrases = cues.conduitPhrases?.recipients ?? [];
/** Verbs that lead into a cue with 'to' and belong to its span ('continued to deny', 'went on to say'). */
export const catenativeVerbs = new Set<string>(cues.catenative?.lemmas ?? []);
/** Adjectives stating a view after a copula ('is confident that', 'was critical of'). */
export const stanceAdjectives = new Set<string>(cues.stanceAdjectives?.words ?? []);
/** Word sets the cue finders share (see each entry's "about" in cues.json). */
export const ingLeads = new Set<string>(cues.ingLeads.words);
export const namingParticiples = new Set<string>(cues.naming.participles);
export const passiveLinks = new Set<string>(cues.passiveLinks.words);
export const notAttitudeLemmas = new Set<string>(cues.notAttitude.lemmas);
export const stanceLinks = new Set<string>(cues.stanceLinks.words);
export const possessiveLinks = new Set<string>(cues.possessiveLinks.words);
export const cueAdverbs = new Set<string>(cues.cueAdverbs.words);
export const subjectVerbGap = new Set<string>(cues.subjectVerbGap.words);
export const adjunctWords = new Set<string>(cues.adjunctWords.words);
export const months = new Set<string>(cues.months.words);
export const timeNouns = new Set<string>(cues.timeNouns.words);
/** Times that, after "on"/"in", date a statement (cues.json occasions): months and the time nouns. */
export const occasionTimes = new Set<string>([...months, ...timeNouns]);
export const subordinators = new Set<string>(cues.subordinators.words);
export const asideLeads = new Set<string>(cues.mentionAsides.asideLeads);
export const placeLeads = new Set<string>(cues.mentionAsides.placeLeads);
/** Words that stand for a plural subject before a verb: "many fear", "64 percent call him". */
export const pluralQuantities = new Set<string>(cues.pluralSubjects?.words ?? []);
/** Cue verbs whose base form after a plural noun is mostly a noun heading a compound ("the jobs report"). */
export const compoundHeads = new Set<string>(cues.pluralSubjects?.compoundHeads ?? []);
/** Plural nouns spelled like cue verbs ("states") that never count as cues when tagged as nouns. */
export const nounForms = new Set<string>(cues.notCue.nounForms ?? []);
/** Nouns naming a view ("his support for", "Clinton's claim that") whose possessor is the source. */
export const possessiveNouns = new Set<string>(cues.possessiveNouns?.nouns ?? []);
/** Documents and polls that can open "In a CBS News poll, …" as its source. */
export const inSourceNouns = new Set<string>(cues.inSource?.nouns ?? []);
/** Verbs that documents and polls can govern ("records show"), and the heads of such sources. */
export const evidenceLemmas = new Set<string>(cues.evidenceSources?.lemmas ?? []);
export const evidenceHeads = new Set<string>(cues.evidenceSources?.heads ?? []);
/** Weak cue verbs through which a bare "it" may speak for a body named before ("It added that …"). */
export const pronounSpeech = new Set<string>(cues.pronounSpeech?.lemmas ?? []);
for (const [lemma, v] of Object.entries(cues.verbs)) {
  const entry: VerbCue = { lemma, ...v };
  for (const f of [lemma, ...(cues.forms[lemma] ?? inflect(lemma))]) if (!verbForms.has(f)) verbForms.set(f, entry);
}

/** First word -> multi-word cues starting with it ("according" -> "according to"). */
export const phrasalCues = new Map<string, { words: string[]; stance: Stance; kind: string }[]>();
for (const [phrase, v] of Object.entries(cues.phrasal)) {
  if (typeof v === 'string') continue;
  const words = phrase.split(' ');
  const list = phrasalCues.get(words[0]) ?? [];
  list.push({ words, ...v });
  phrasalCues.set(words[0], list);
}

export const passiveParticiples = new Set(cues.passive.participles);
export const headlineCues = new Set(cues.headline);
export const notCueBefore = new Set(cues.notCue.before);
export const notCueAfter = cues.notCue.after.map((p) => p.split(' '));
/** Determiners after which a cue word is a noun ("the report", "a claim"). */
export const notCueDeterminers = new Set(cues.notCue.determinerBefore);
export const abstractHeads = new Set(cues.sourceHeadBlock.nouns);
export const nounCues = new Set(cues.nounCues.nouns);
/** Verb lemma -> the nouns that make it a cue, as word arrays ("raised questions about"). */
export const verbNounCues = new Map<string, string[][]>();
for (const [lemma, nouns] of Object.entries(cues.verbNoun)) {
  if (Array.isArray(nouns)) verbNounCues.set(lemma, nouns.map((n) => n.split(' ')));
}
export const publishedParticiples = new Set(cues.evidence.published);
export const showingForms = new Set(cues.evidence.showing);

export const sourceOrder = sources.order;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Per source type: its phrases, its head words, and whether a phrase holding an anonymity aside is of the type. */
export const sourceTypes = new Map<SourceType, { phrases: RegExp | null; heads: Set<string>; asides: boolean }>();
for (const t of sources.order) {
  const def = sources.types[t];
  const phrases = def.phrases.length ? new RegExp(`(?:^| )(?:${def.phrases.map(escapeRe).join('|')})(?= |$)`) : null;
  sourceTypes.set(t, { phrases, heads: new Set(def.heads), asides: def.asides === true });
}
export const outlets = new Set(sources.outlets);
/** Types a description after a person's name may give ("X, a spokesman for …"), and office titles that make an official. */
export const descriptionTypes: SourceType[] = sources.descriptionTypes?.types ?? [];
export const officeTitles = new Set<string>(sources.descriptionTypes?.officeTitles ?? []);
/** Head words that can be the subject of a weak cue: every source head word plus people and bodies. */
export const agentHeads = new Set<string>([...sources.agents.nouns, ...cues.nounCues.nouns, ...sources.outlets]);
for (const t of sources.order) for (const h of sources.types[t].heads) agentHeads.add(h);
export const channels = new Set(sources.channels);
/** Outlets named by description, lower case ("state television", "local media"). */
export const outletDescriptions = sources.outletDescriptions?.phrases ?? [];
/** Countries and cities of the entity gazetteer, lower case: "Moscow says" speaks for a government. */
export const placeNames = new Set(load<{ places: { gazetteer: string[] } }>('entities').places.gazetteer.map((p) => p.toLowerCase()));
export const pronouns = new Map(Object.entries(sources.pronouns));
export const titles = new Set(sources.titles);
export const femaleMarkers = new Set([...sources.female, ...sources.femaleNames]);
export const maleMarkers = new Set([...sources.male, ...sources.maleNames]);

/** Hedge phrases as word arrays, longest first. */
export const hedgePhrases = hedges.phrases
  .map((p) => ({ text: p, words: p.split(' '), weak: hedges.weak.includes(p) }))
  .sort((a, b) => b.words.length - a.words.length);
export const hedgeFirstWords = new Set(hedgePhrases.map((h) => h.words[0]));
/** Words a sentence that only says the report before it could not be verified is made of, around its hedge. */
export const verificationNote = { subjects: new Set(hedges.verificationNotes.subjects), objects: new Set(hedges.verificationNotes.objects) };
