// Synthetic news-style reports for the benchmark: attributions ("X said that Y", "According to X, Y",
// quotes, "told Reuters"), hedges, places, numbers and dates, random but seeded so every run sees the
// same texts. Nothing here comes from a real report; the names are generic or invented.

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOURCES = [
  'the Defence Ministry',
  'the Ministry of Defense',
  'the regional governor',
  'a military spokesman',
  'a senior official',
  'an official who spoke on condition of anonymity',
  'two people familiar with the matter',
  'the army general staff',
  'the mayor of the city',
  'the foreign minister',
  'Senator Maria Delgado',
  'Colonel Ivan Petrenko',
  'campaign manager Tom Hale',
  'the White House press secretary',
  'a United Nations spokeswoman',
  'the Red Cross',
  'local residents',
  'analysts at the Institute for Conflict Studies',
  'the state news agency',
  'police',
];
const PRONOUN_SOURCES = ['he', 'she', 'they', 'the ministry', 'the official'];
const CONDUITS = ['Reuters', 'the Associated Press', 'state television', 'its Telegram channel', 'TASS', 'a local newspaper'];
const CUES_AFTER = ['said', 'told reporters', 'stated', 'claimed', 'added', 'warned', 'confirmed', 'denied', 'insisted', 'acknowledged', 'noted', 'wrote'];
const CUES_BEFORE = ['said that', 'told Reuters that', 'claimed that', 'announced that', 'reported that', 'insisted that', 'believes that', 'denied that', 'warned that', 'confirmed that'];
const PLACES = [
  'Krasnovka', 'Dolinsk', 'the port city of Severomarsk', 'the northern district', 'the Zarechny region', 'Ohio',
  'Pennsylvania', 'the capital', 'the border crossing at Milov', 'the river valley', 'the industrial zone', 'Springfield',
];
const SUBJECTS = [
  'forces', 'troops', 'the opposition', 'the government', 'the campaign', 'rebel units', 'the coalition', 'voters',
  'the administration', 'emergency crews', 'artillery units', 'lawmakers',
];
const ACTIONS = [
  'had taken control of {place}', 'withdrew from positions near {place}', 'shelled residential areas in {place}',
  'shot down {n} drones over {place}', 'lost {n} armoured vehicles in fighting around {place}',
  'evacuated {n} civilians from {place}', 'will vote on the measure by {date}', 'raised {money} in the last quarter',
  'leads the race in {place} by {pct} points', 'repelled {n} attacks near {place}', 'delivered {n} tonnes of aid to {place}',
  'opened an investigation into the incident in {place}', 'cut funding for the program by {pct} percent',
  'has no plans to negotiate before {date}', 'destroyed an ammunition depot outside {place}',
];
const HEDGES = ['reportedly', 'allegedly', 'apparently', 'possibly', 'it is believed', 'may have', 'unconfirmed reports suggest'];
const BACKGROUND = [
  'The fighting has intensified over the past {n} weeks, with both sides bringing up reinforcements.',
  'The region has been contested since {date}, when the front line last moved significantly.',
  'Turnout in {place} was {pct} percent in the previous election, well below the national average.',
  'Power was restored to parts of {place} on {date} after repairs to the main substation.',
  'The measure would cost an estimated {money} over ten years, according to budget projections.',
  'Roads into {place} remain closed to civilian traffic, and aid convoys move only at night.',
  'The town had a population of about {n},000 before the war.',
  'Prices for fuel and bread have risen by {pct} percent since the start of the year.',
  'Both candidates are expected to campaign in {place} before {date}.',
  'Independent verification of battlefield claims has been difficult because journalists have limited access.',
];
const QUOTES = [
  'We will not give up a single metre of our land',
  'The situation is difficult but under control',
  'This is a clear violation of the ceasefire',
  'Nobody in this town has slept for three nights',
  'Our numbers are growing every single day',
  'We have seen no evidence to support these claims',
  'The people of {place} deserve better than this',
  'Every hour of delay costs lives',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Generates `count` reports of roughly `words` words each (never fewer), from `seed`. */
export function generateReports(count: number, words = 1000, seed = 20240601): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const fill = (s: string): string =>
    s
      .replace(/\{place\}/g, () => pick(PLACES))
      .replace(/\{n\}/g, () => String(2 + Math.floor(r() * 48)))
      .replace(/\{pct\}/g, () => String(1 + Math.floor(r() * 60)))
      .replace(/\{money\}/g, () => `$${(1 + r() * 90).toFixed(1)} million`)
      .replace(/\{date\}/g, () => `${pick(MONTHS)} ${1 + Math.floor(r() * 28)}`);
  const clause = () => `${pick(SUBJECTS)} ${fill(pick(ACTIONS))}`;

  const sentence = (): string => {
    const k = r();
    if (k < 0.16) return `${capital(pick(SOURCES))} ${pick(CUES_BEFORE)} ${clause()}.`;
    if (k < 0.3) return `${capital(clause())}, ${pick(SOURCES)} ${pick(CUES_AFTER)}.`;
    if (k < 0.4) return `According to ${pick(SOURCES)}, ${clause()}.`;
    if (k < 0.47) return `${capital(pick(SOURCES))} told ${pick(CONDUITS)} that ${clause()}.`;
    if (k < 0.55) return `“${fill(pick(QUOTES))},” ${pick(SOURCES)} ${pick(['said', 'told reporters', 'wrote on social media'])}.`;
    if (k < 0.6) return `“${fill(pick(QUOTES))},” ${pick(PRONOUN_SOURCES)} said. “${fill(pick(QUOTES))}.”`;
    if (k < 0.68) {
      const h = pick(HEDGES);
      if (h === 'it is believed' || h === 'unconfirmed reports suggest') return `${capital(h)} that ${clause()}.`;
      if (h === 'may have') return `${capital(pick(SUBJECTS))} may have ${fill(pick(ACTIONS)).replace(/^(had |has |will )/, '')}.`;
      return `${capital(pick(SUBJECTS))} ${h} ${fill(pick(ACTIONS))}.`;
    }
    if (k < 0.73) return `${capital(clause())}, ${pick(SOURCES)} said in a statement carried by ${pick(CONDUITS)}.`;
    if (k < 0.78) return `${capital(pick(PRONOUN_SOURCES))} added that ${clause()}.`;
    return fill(pick(BACKGROUND));
  };

  const reports: string[] = [];
  for (let i = 0; i < count; i++) {
    const headline = `${capital(pick(SUBJECTS))} ${fill(pick(ACTIONS))}, ${pick(SOURCES)} says`;
    const paras: string[] = [headline];
    let n = headline.split(/\s+/).length;
    while (n < words) {
      const para: string[] = [];
      const len = 1 + Math.floor(r() * 3);
      for (let k = 0; k < len && n < words; k++) {
        const s = sentence();
        para.push(s);
        n += s.split(/\s+/).length;
      }
      paras.push(para.join(' '));
    }
    reports.push(paras.join('\n\n') + '\n');
  }
  return reports;
}

/** Whitespace-delimited word count: the one definition used by every figure in the benchmark. */
export function countWords(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/)) if (w) n++;
  return n;
}
