// A cheap guess at the language of a report: is it English (what ClaimDesk reads), and if not, what.

// Frequent English words that are rare as words in other Latin-script languages (no "in", "a", "was", "die").
export const ENGLISH = new Set(
  'the of and to is are that for with from by said says has have had were this it its not be been will would their they which who'.split(
    ' ',
  ),
);

export interface LanguageGuess {
  /** 'en', 'ru', 'uk' or 'und'. */
  language: string;
  /** English name of the guess, when there is one ("Russian"). */
  name?: string;
}

/** Looks at up to the first 20,000 characters. */
export function guessLanguage(text: string): LanguageGuess {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const count = (re: RegExp) => sample.match(re)?.length ?? 0;
  const letters = count(/\p{L}/gu);
  const latin = count(/\p{Script=Latin}/gu);
  const cyrillic = count(/\p{Script=Cyrillic}/gu);
  if (letters === 0) return { language: 'und' };

  if (latin / letters >= 0.6) {
    const words = sample.toLowerCase().match(/[a-z]+(?:['’][a-z]+)*/g) ?? [];
    const hits = words.filter((w) => ENGLISH.has(w)).length;
    // A headline of a few words may have no function word at all: give short Latin text the benefit of the doubt.
    if (words.length < 8 || hits / words.length >= 0.06) return { language: 'en' };
    return { language: 'und' };
  }
  if (cyrillic / letters >= 0.6) {
    if (/[іїєґ]/iu.test(sample)) return { language: 'uk', name: 'Ukrainian' };
    return { language: 'ru', name: 'Russian' };
  }
  return { language: 'und' };
}
