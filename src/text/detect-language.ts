import { findLanguage } from './languages.js';

export interface DetectedLanguage {
  /** ISO 639-1 code. */
  code: string;
  /** ISO 639-3 code, where Troupe knows the language. */
  iso3: string;
  name: string;
  /** The detector's score for the language, from 0 to 1. */
  confidence: number;
}

/** ELD writes Norwegian as "no"; Troupe's code for written Norwegian is "nb". */
const FROM_ELD: Record<string, string> = { no: 'nb' };
const TO_ELD: Record<string, string> = { nb: 'no' };

type Detector = Awaited<typeof import('eld/extrasmall')>['eld'];
const detectors = new Map<string, Detector>();

/**
 * A detector for a set of candidate languages (all 60 of ELD's when none is given), made
 * once per set. ELD (Nito-ELD, Apache-2.0) replaced franc's trigrams, which over its 187
 * languages read ordinary English sentences as Scots or Hawaiian: on the 212 written
 * sentences of `npm run bench language-id`, franc 81.1 % (English 68.8 %), ELD 100 %.
 * The extra-small database (0.4 s and 90 MB to load, against 1 s and 200 MB for the medium one, with the same 212 of 212) loads on first use.
 */
async function detectorFor(only?: readonly string[]): Promise<Detector> {
  const key = only?.length ? [...new Set(only)].sort().join(',') : '';
  let detector = detectors.get(key);
  if (!detector) {
    const { eld } = await import('eld/extrasmall');
    detector = eld.newInstance();
    if (key) detector.setLanguageSubset(key.split(',').map((c) => TO_ELD[c] ?? c));
    detectors.set(key, detector);
  }
  return detector;
}

function described(code: string, confidence: number): DetectedLanguage {
  const ours = FROM_ELD[code] ?? code;
  const lang = findLanguage(ours);
  return { code: ours, iso3: lang?.iso3 ?? '', name: lang?.name ?? ours, confidence: Math.round(confidence * 1000) / 1000 };
}

/**
 * The languages a text may be in, likeliest first, by ELD's n-gram model. `only` restricts
 * the answer to the given ISO 639-1 codes, when the caller knows which languages it can
 * handle. Returns [] when the text has nothing to tell a language by.
 */
export async function detectLanguages(text: string, options: { only?: string[]; limit?: number } = {}): Promise<DetectedLanguage[]> {
  const result = (await detectorFor(options.only)).detect(text);
  if (!result.language) return [];
  return Object.entries(result.getScores())
    .sort((a, b) => b[1] - a[1])
    .slice(0, options.limit ?? 5)
    .map(([code, score]) => described(code, score));
}

/**
 * The language of a text, or undefined when it cannot be told: ELD says whether its answer
 * is reliable (enough n-grams, a clear lead), and callers do better with their own default
 * (or by asking) than with a confident-looking wrong answer.
 */
export async function detectLanguage(text: string, only?: string[]): Promise<DetectedLanguage | undefined> {
  const result = (await detectorFor(only)).detect(text);
  if (!result.language || !result.isReliable()) return undefined;
  return described(result.language, result.getScores()[result.language] ?? 0);
}
