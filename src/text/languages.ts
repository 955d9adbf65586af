/**
 * Languages Troupe can name: ISO 639-1 (our canonical code), ISO 639-3 (apertium),
 * and the English name users write ("into Spanish").
 */
export interface Language {
  code: string;
  iso3: string;
  name: string;
  aliases?: string[];
}

export const LANGUAGES: readonly Language[] = [
  { code: 'en', iso3: 'eng', name: 'English' },
  { code: 'es', iso3: 'spa', name: 'Spanish', aliases: ['castilian', 'espanol', 'castellano'] },
  { code: 'ca', iso3: 'cat', name: 'Catalan', aliases: ['catala'] },
  { code: 'fr', iso3: 'fra', name: 'French', aliases: ['francais'] },
  { code: 'pt', iso3: 'por', name: 'Portuguese', aliases: ['portugues'] },
  { code: 'it', iso3: 'ita', name: 'Italian', aliases: ['italiano'] },
  { code: 'de', iso3: 'deu', name: 'German', aliases: ['deutsch'] },
  { code: 'nl', iso3: 'nld', name: 'Dutch', aliases: ['nederlands'] },
  { code: 'gl', iso3: 'glg', name: 'Galician' },
  { code: 'eu', iso3: 'eus', name: 'Basque' },
  { code: 'oc', iso3: 'oci', name: 'Occitan' },
  { code: 'an', iso3: 'arg', name: 'Aragonese' },
  { code: 'ro', iso3: 'ron', name: 'Romanian' },
  { code: 'eo', iso3: 'epo', name: 'Esperanto' },
  { code: 'sv', iso3: 'swe', name: 'Swedish' },
  { code: 'da', iso3: 'dan', name: 'Danish' },
  { code: 'nb', iso3: 'nob', name: 'Norwegian', aliases: ['bokmal'] },
  { code: 'is', iso3: 'isl', name: 'Icelandic' },
  { code: 'pl', iso3: 'pol', name: 'Polish' },
  { code: 'cs', iso3: 'ces', name: 'Czech' },
  { code: 'ru', iso3: 'rus', name: 'Russian' },
  { code: 'uk', iso3: 'ukr', name: 'Ukrainian' },
  { code: 'el', iso3: 'ell', name: 'Greek' },
  { code: 'tr', iso3: 'tur', name: 'Turkish' },
  { code: 'ar', iso3: 'arb', name: 'Arabic' },
  { code: 'hi', iso3: 'hin', name: 'Hindi' },
  { code: 'zh', iso3: 'cmn', name: 'Chinese', aliases: ['mandarin'] },
  { code: 'ja', iso3: 'jpn', name: 'Japanese' },
  { code: 'ko', iso3: 'kor', name: 'Korean' },
  { code: 'fi', iso3: 'fin', name: 'Finnish' },
  { code: 'hu', iso3: 'hun', name: 'Hungarian' },
  { code: 'mk', iso3: 'mkd', name: 'Macedonian' },
  { code: 'sh', iso3: 'hbs', name: 'Serbo-Croatian' },
];

const BY_KEY = new Map<string, Language>();
for (const l of LANGUAGES) {
  for (const key of [l.code, l.iso3, l.name.toLowerCase(), ...(l.aliases ?? [])]) BY_KEY.set(key, l);
}

/** A word without its accents, lower case: "Español" and "français" are looked up as espanol, francais. */
function folded(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Accepts "es", "spa", "Spanish", "español" (any case); undefined when unknown. */
export function findLanguage(nameOrCode: string): Language | undefined {
  return BY_KEY.get(folded(nameOrCode.trim()));
}

export function languageName(code: string): string {
  return findLanguage(code)?.name ?? code;
}

/** Language names mentioned in a text with the word before each ("into", "from", "in"...). */
export function languageMentions(text: string): Array<{ language: Language; preposition: string | undefined; index: number }> {
  const out: Array<{ language: Language; preposition: string | undefined; index: number }> = [];
  // An arrow is "into" ("sign text -> french"), and so is "to": both name the language wanted.
  // Letters of any script: "en español" names Spanish in its own words.
  const re = /(?:(?:(?<![\p{L}\d])(into|to|in|from|en)\s+)|(->|→|=>|>)\s*)?(?<![\p{L}\d])(\p{L}[\p{L}-]+)(?![\p{L}\d])/gu;
  for (const m of text.matchAll(re)) {
    const word = folded(m[3]!);
    // Only names (and aliases) count as mentions; bare codes like "is" or "an" are ordinary words.
    const lang = LANGUAGES.find((l) => l.name.toLowerCase() === word || l.aliases?.includes(word));
    // "En" is "in" in French and Spanish ("en español").
    const preposition = m[2] ? 'into' : m[1]?.toLowerCase() === 'to' ? 'into' : m[1]?.toLowerCase() === 'en' ? 'in' : m[1]?.toLowerCase();
    if (lang) out.push({ language: lang, preposition, index: m.index ?? 0 });
  }
  return out;
}
