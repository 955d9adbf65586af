import { findLanguage } from '../../text/languages.js';

/**
 * The language a task's parameters ask for, as its ISO 639-1 code where Troupe knows the
 * language ("Spanish", "spa", "es" → "es"), else as written; undefined when none is given.
 */
export function askedLanguage(params: Record<string, unknown>, name = 'language'): string | undefined {
  const value = params[name];
  return typeof value === 'string' && value ? (findLanguage(value)?.code ?? value) : undefined;
}
