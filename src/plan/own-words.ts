import { languageMentions } from '../text/languages.js';
import { wordNet } from '../retrieval/wordnet.js';
import { withoutJudging } from './asked-properties.js';
import { plainKinds } from './kind-words.js';
import { plainVerbs } from './phrasal-verbs.js';
import { clauseWords, type Clause } from './request-analysis.js';
import { FRAMING } from './speech-act.js';
import { withoutReporting } from './reported-speech.js';
import { oppositeOfTooMuch } from './too-much.js';
import { languageGoals } from './language-goals.js';

/**
 * "Summarize what is said in this recording": what was said is the thing a step works on,
 * not a request to transcribe it, when another word asks first ("tell me what is said" still
 * asks for the words). TaskBench HF dev and the held-out hand sets plan as before; the CLI's
 * own catalog had planned speech recognition alone.
 */
const SAID_AS_OBJECT = /(\b[a-z]\w*\b.*?)\s+what\s+(?:(?:is|was|are|were|'s|has\s+been|had\s+been)\s+(?:being\s+)?(?:said|spoken|discussed|talked\s+about)|(?:the\s+|this\s+|that\s+|he\s+|she\s+|they\s+|we\s+|you\s+|people\s+|someone\s+)(?:\w+\s+)?(?:says|said|is\s+saying|are\s+saying|talks\s+about|talked\s+about|speaks\s+about|mentions|mentioned))\b/i;
/** Verbs that ask for what is said itself: "I want to know what this says", "I'd like to hear what she said". */
const KNOWING = /\b(?:know|knowing|understand|hear|learn|see|find\s+out|wonder|wondering)\s*$/i;

/**
 * "What's the main point of the talk": a thing asked of a message named with a determiner (a
 * noun WordNet files under communication: talk, speech, article, review); the message is what
 * the step works on (the file given), not what to do, which the property names. Before, "talk"
 * and "speech" chose speech recognition alone. "The mood of the people" keeps its people,
 * whose faces say it.
 */
const ASKED_OF = /\b((?:(?:what|which)(?:'s|\s+is|\s+was|\s+are|\s+were)|(?:tell|give|show)\s+(?:me|us))\s+(?:the|its|their)\s+(?:[a-z]+\s+){0,2}?[a-z]+\s+of)\s+(?:the|this|that|these|those|my|his|her|their|our|your)\s+((?:(?!(?:and|then|in|into|to|as|for|with|from|on)\b)[\w'-]+\s*){1,3})/gi;
/** Verbs that carry no operation of their own, and "more" (see ownWords). */
const LIGHT_VERB = /\bmore\b|\b(?:tell|tells|telling|told|make|makes|making|made|give|gives|giving|gave|get|gets|getting|got|do|does|doing|did|have|has|having|had|take|takes|taking|took|look|looks|looking|looked)\b/gi;

/**
 * The words of a clause that can name what to do: language names and numbers are parameters,
 * not evidence of which task is meant (numbers, not names that hold a digit: "mp3" and "mp4"
 * say which format is wanted); the framing ("could you"), light verbs and "more" ask for nothing
 * themselves: "make a summary" is summarizing, "make the photo look sharper" sharpening, and
 * "make" or "look" matched whichever type's examples used them.
 */
export function ownWords(clause: Clause): string {
  return writtenIn(clause.text, withoutJudging(plainVerbs(oppositeOfTooMuch(stripLanguageNames(plainKinds(withoutReporting(clauseWords(clause).replace(WHO_DID, '$1'))))).replace(/(?<![\p{L}\d])\d\S*/gu, ' ').replace(FRAMING, ' ').replace(SAID_AS_OBJECT, (all, before: string) => (KNOWING.test(before) ? all : before)).replace(ASKED_OF, (all, asked: string, of: string) => (of.split(/\s+/).some((w) => w && wordNet().isKindOf(w, 'communication')) ? `${asked} ` : all))).replace(LIGHT_VERB, ' ')));
}

/**
 * "Who wrote it", "who translated this book", "who signed the letter": a question for the one
 * who did something asks about the deed, not for it to be done again (before: refused as text
 * generation for "wrote"; a translation with no language). "Who is speaking" keeps its verb.
 */
const WHO_DID = /^(\s*who\s+)(?!(?:is|are|was|were|am|be|do|does|did|can|could|will|would|shall|should|may|might|must|has|have|had)\b)[a-z]+\b/i;

/**
 * Writing something in a language names no writing: "write this in spanish for me: '…'" asks
 * for the words in Spanish, which a translation gives (before: refused as text generation). A
 * thing to write ("write a poem in Spanish") keeps its noun, and so its type.
 */
const WRITE = /\b(?:write|writes|writing|wrote|written|type|typed)\b/gi;
function writtenIn(text: string, words: string): string {
  return languageGoals(text).target ? words.replace(WRITE, ' ') : words;
}

// "my Spanish speaking friend" says who the result is for, not to speak it.
const SPEAKING = /\b([A-Za-z]+)[- ]speaking\b/gi;
function stripLanguageNames(text: string): string {
  let out = text.replace(SPEAKING, (all, word: string) => (languageMentions(word).length ? word : all));
  // "In Spanish language" names the language, not a question about one.
  for (const m of languageMentions(out)) out = out.replace(new RegExp(`\\b${m.language.name}\\s+language\\b`, 'i'), m.language.name).replace(m.language.name, ' ').replace(m.language.name.toLowerCase(), ' ');
  return out;
}
