import { findLanguage } from './languages.js';

const SHORT_TEXT = 40;
const AMBIGUOUS_LEAD = 0.25;
const WIDELY_USED = ['en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'ca', 'pl', 'ru', 'tr', 'sv'];

export interface DetectedLanguage {
  /** ISO 639-1 when Troupe knows the language, else franc's ISO 639-3 code. */
  code: string;
  iso3: string;
  name: string;
  confidence: number;
}

/**
 * Language of a text by franc's trigram model. `only` restricts the answer to the given
 * ISO 639-1 codes, which makes short texts far more reliable when the caller knows
 * which languages it can handle. Returns [] when the text is too short to tell.
 */
export async function detectLanguages(text: string, options: { only?: string[]; limit?: number } = {}): Promise<DetectedLanguage[]> {
  const { francAll } = await import('franc'); // loaded on first use: franc's trigram tables cost start-up time
  // Among 187 languages a few words are a coin toss ("go forward ten meters" came out
  // Norwegian); below SHORT_TEXT characters the choice is kept to widely used languages.
  const among = options.only ?? (text.trim().length < SHORT_TEXT ? WIDELY_USED : undefined);
  const only = among?.map((c) => findLanguage(c)?.iso3).filter((c): c is string => Boolean(c));
  const ranked = francAll(text, { minLength: 3, ...(only && only.length ? { only } : {}) });
  if (ranked.length === 0 || ranked[0]![0] === 'und') return [];
  return ranked.slice(0, options.limit ?? 5).map(([iso3, score]) => {
    const lang = findLanguage(iso3);
    return { code: lang?.code ?? iso3, iso3, name: lang?.name ?? iso3, confidence: Math.round(score * 1000) / 1000 };
  });
}

/**
 * The language of a text, or undefined when it cannot be told: a short text whose best
 * candidate leads the runner-up by less than AMBIGUOUS_LEAD is a guess, and callers do
 * better with their own default (or by asking) than with a confident-looking wrong answer.
 */
export async function detectLanguage(text: string, only?: string[]): Promise<DetectedLanguage | undefined> {
  const [best, second] = await detectLanguages(text, { ...(only ? { only } : {}), limit: 2 });
  if (best && second && text.trim().length < SHORT_TEXT && best.confidence - second.confidence < AMBIGUOUS_LEAD) return undefined;
  return best;
}
