import { languageMentions } from '../text/languages.js';

/**
 * The languages a request names as properties of what it gives and of what it wants,
 * rather than as words to match against descriptions: "in Spanish", "into English",
 * "to Catalan" are the language of the result wanted; "from French", "this Spanish text",
 * and an "in French" beside an "into English" are the language of what is given. A
 * language that qualifies a person ("my Spanish-speaking friend") is neither.
 */
export interface LanguageGoals {
  /** ISO 639-1 code of the language the result should be in. */
  target?: string;
  /** ISO 639-1 code of the language of what is given, when the request says it. */
  source?: string;
}

/** What follows a language that qualifies a person, not a text. */
const ABOUT_PEOPLE = /^\s*(?:speaking|speakers?|natives?|people|friends?|colleagues?|man|woman|person)\b/i;
/** A mention's own words: the preposition, if any, and the language's name. */
const MENTION = /^(?:(?:into|to|in|from)\s+)?[A-Za-z][A-Za-z-]*/i;

export function languageGoals(request: string): LanguageGoals {
  // Quoted words are the material, not the request: "say 'in English please'" names no goal.
  const said = request.replace(/(["'‘“])(?:(?!\1).){2,}?\1/g, (q) => ' '.repeat(q.length));
  const mentions = languageMentions(said).filter((m) => !ABOUT_PEOPLE.test(said.slice(m.index).replace(MENTION, '')));
  const into = mentions.filter((m) => m.preposition === 'into' || m.preposition === 'to');
  const inside = mentions.filter((m) => m.preposition === 'in');
  const target = into.at(-1) ?? inside.at(-1);
  const source =
    mentions.find((m) => m.preposition === 'from') ??
    mentions.find((m) => m.preposition === undefined && m !== target) ??
    (into.length ? inside.find((m) => m !== target) : undefined);
  return { ...(target ? { target: target.language.code } : {}), ...(source && source !== target ? { source: source.language.code } : {}) };
}
