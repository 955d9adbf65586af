import { languageMentions } from '../text/languages.js';
import { FRAMING } from './speech-act.js';

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
/** What follows a language that is the result's ("a Spanish audio version", not "a Spanish restaurant"). */
const RESULT_NOUN = /^\s+(?:[\w-]+\s+)?(?:version|translation|copy|text|audio|voice|speech|recording|subtitles?|captions?|summary|transcript|narration|voiceover)\b/i;
/** What says a thing is in a language, before "in": "it's", "this is", "is written". */
const IS_IN = /\b(?:is|are|was|were|'s)\s+(?:(?:written|spoken|said|typed|printed)\s+)?$/i;
/** What follows a language that only a result can be: "the Spanish version" (not "the Spanish text", which may be given). */
const VERSION_NOUN = /^\s+(?:version|translation|edition)\b/i;
/** A mention's own words: the preposition, if any, and the language's name. */
const MENTION = /^(?:(?:into|to|in|from)\s+)?[A-Za-z][A-Za-z-]*/i;

/** Whether the sentence holding a mention asks whether something is (yes or no): "is it in French?". */
function offeredAsAnswer(text: string, at: number): boolean {
  const start = Math.max(text.lastIndexOf('.', at), text.lastIndexOf('?', at), text.lastIndexOf('!', at), text.lastIndexOf(',', at)) + 1;
  const sentence = text.slice(start).replace(FRAMING, ' ').replace(/^[\s,]+/, '');
  return /^(?:is|are|was|were|does|do(?!\s+(?:a|an)\b)|did)\b/i.test(sentence) && !/\b(?:can|could|would|will|possible|way)\b/i.test(sentence.slice(0, at - start));
}

export function languageGoals(request: string): LanguageGoals {
  // Quoted words are the material, not the request: "say 'in English please'" names no goal.
  const said = request.replace(/(["'‘“])(?:(?!\1).){2,}?\1/g, (q) => ' '.repeat(q.length));
  // "Is it in French?" offers a language as the answer to a question about what is: neither
  // one to have the result in nor one said of the text (asked-properties.ts reads it as asking
  // for the language).
  const mentions = languageMentions(said).filter((m) => !ABOUT_PEOPLE.test(said.slice(m.index).replace(MENTION, '')) && !(m.preposition !== 'into' && m.preposition !== 'from' && offeredAsAnswer(said, m.index)));
  // "A Spanish audio version", "an English copy": a language that an indefinite article puts
  // before the thing asked for is the language it should be in ("this Spanish text" is given);
  // so is one before a noun only a result can be ("the Spanish version").
  // A language said alone, courtesy aside ("spanish pls"), is the one wanted too.
  const alone = mentions.length === 1 && said.replace(FRAMING, ' ').replace(/\b(?:pls|plz|thanks|thx|now)\b/gi, ' ').replace(/[^\p{L}]+/gu, ' ').trim().split(/\s+/).length === 1;
  // With no "into", a language before a result noun with no article asks for it too: "english subtitles for this spanish speech".
  const bare = !mentions.some((m) => m.preposition === 'into');
  const asked = (m: (typeof mentions)[number]) => {
    if (m.preposition !== undefined) return false;
    if (alone) return true;
    const before = said.slice(0, m.index);
    const after = said.slice(m.index).replace(MENTION, '');
    const article = /\b(?:an?|some)\s+$/i.test(before) || (bare && !/\b(?:the|this|that|these|those|my|your|his|her|its|our|their)\s+$/i.test(before));
    // "What's the French for 'good night'", "the Spanish word for cheese": the words wanted in it.
    return (article && RESULT_NOUN.test(after)) || (/\bthe\s+$/i.test(before) && (VERSION_NOUN.test(after) || /^\s+(?:(?:word|term|phrase)\s+)?for\b/i.test(after)));
  };
  // "This is in Spanish", "the text is written in German": what is given is said to be in it.
  const saidOf = (m: (typeof mentions)[number]) => m.preposition === 'in' && IS_IN.test(said.slice(0, m.index));
  const into = mentions.filter((m) => m.preposition === 'into' || asked(m));
  const inside = mentions.filter((m) => m.preposition === 'in' && !saidOf(m));
  const target = into.at(-1) ?? inside.at(-1);
  const source =
    mentions.find((m) => m.preposition === 'from') ??
    mentions.find(saidOf) ??
    mentions.find((m) => m.preposition === undefined && m !== target && !asked(m)) ??
    // Of two languages said with "in", the last is wanted and the other is the source's: "this voice
    // message in Spanish, what does she say in English?".
    inside.find((m) => m !== target && m.language.code !== target?.language.code);
  // "I don't speak Chinese", "i not understand german": what is given is in that language, and
  // the user wants it in the one they are writing in (the built-in planner reads English).
  // So is a text said to be in another language, with none named to have it in, when the user
  // asks what it says or means ("what does this sign say? I think it's in French"); not when it
  // is to be read aloud or summed up, which keep its language.
  // "I only speak English", "I read Spanish": the one the user reads is the one to have it in.
  const known = target ? undefined : mentions.find((m) => m.preposition === undefined && UNDERSTOOD.test(said.slice(0, m.index)));
  const wanted = known?.language.code ?? REQUEST_LANGUAGE;
  const unknown = target ? undefined : mentions.find((m) => m !== known && ((m.preposition === undefined && NOT_UNDERSTOOD.test(said.slice(0, m.index))) || (saidOf(m) && m.language.code !== wanted && ASKS_MEANING.test(said))));
  if (unknown) return { target: wanted, ...(unknown.language.code !== wanted ? { source: unknown.language.code } : {}) };
  if (known) return { target: known.language.code, ...(source && source !== known ? { source: source.language.code } : {}) };
  return { ...(target ? { target: target.language.code } : {}), ...(source && source !== target ? { source: source.language.code } : {}) };
}

const NOT_UNDERSTOOD = /\b(?:i|we)\s+(?:(?:don'?t|dont|do\s+not|can'?t|cant|cannot|can\s+not|not|no|never)\s+)(?:really\s+)?(?:speak|understand|read|know)\s+(?:any\s+|much\s+)?$/i;
const UNDERSTOOD = /\b(?:i|we)\s+(?:(?:only|just|mostly|can\s+only)\s+)?(?:speak|understand|read)\s+(?:only\s+)?$/i;
/** The language requests to the built-in planner are written in, whose documentation it matches. */
export const REQUEST_LANGUAGE = 'en';
/**
 * Whether words ask what a thing says or means ("what does it mean") in a request that names a
 * language to have it in: then its meaning is its words in that language, no question to answer
 * from them nor a type near in meaning.
 */
export function asksMeaningInALanguage(text: string, request: string): boolean {
  return ASKS_MEANING.test(text) && languageGoals(request).target !== undefined;
}
const ASKS_MEANING = /\b(?:understand|what\s+(?:does|do|did)\s+(?:\S+\s+){0,2}?(?:say|mean)|what\s+(?:\S+\s+){0,2}?(?:says|means|said|meant)|what'?s\s+(?:written|(?:it|this|that)\s+say))\b/i;
