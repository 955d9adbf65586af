import type { Artifact } from '../../core/artifact.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { detectLanguage } from '../../text/detect-language.js';
import { languageName } from '../../text/languages.js';

/**
 * Refuses a text in another language, for an expert whose lexicon or model knows only
 * English: its answer on Spanish would look like one ("neutral", no names found) and be
 * wrong. The language is the one the text was given with (a translation's target), else
 * the detector's, when it can tell; a text it cannot tell is taken as English.
 */
export async function requireEnglish(input: Artifact | undefined, text: string, expert: string, what: string): Promise<void> {
  const language = input?.language ?? (await detectLanguage(text))?.code;
  if (language && language !== 'en') {
    throw new TroupeError(ErrorCode.UnsupportedLanguage, `${expert}: ${what} reads only English, and the text is ${languageName(language)}`, {
      hint: 'ask for it of the text before it is translated, or translate the text into English first',
    });
  }
}
