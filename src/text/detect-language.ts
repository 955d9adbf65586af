import { francAll } from 'franc';
import { findLanguage } from './languages.js';

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
export function detectLanguages(text: string, options: { only?: string[]; limit?: number } = {}): DetectedLanguage[] {
  const only = options.only?.map((c) => findLanguage(c)?.iso3).filter((c): c is string => Boolean(c));
  const ranked = francAll(text, { minLength: 3, ...(only && only.length ? { only } : {}) });
  if (ranked.length === 0 || ranked[0]![0] === 'und') return [];
  return ranked.slice(0, options.limit ?? 5).map(([iso3, score]) => {
    const lang = findLanguage(iso3);
    return { code: lang?.code ?? iso3, iso3, name: lang?.name ?? iso3, confidence: Math.round(score * 1000) / 1000 };
  });
}

export function detectLanguage(text: string, only?: string[]): DetectedLanguage | undefined {
  return detectLanguages(text, { ...(only ? { only } : {}), limit: 1 })[0];
}
