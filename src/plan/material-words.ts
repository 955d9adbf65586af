import type { TaskType } from '../core/task-type.js';
import { languageMentions } from '../text/languages.js';
import { actionStem, isStopword, words as wordsOf } from '../text/tokenize.js';
import type { Clause } from './request-analysis.js';
import { FRAMING } from './speech-act.js';

/**
 * The text a request gives in its own words, unquoted: "say hello world" gives "hello world",
 * "translate good morning to Spanish" gives "good morning", "what language is bonjour mon ami"
 * gives "bonjour mon ami". It is the clause less its framing, less the words at either end
 * that name what to do with it (the type's own documentation), that name a language with its
 * preposition, or that only name a piece of text ("the words", "the sentence").
 */

/** A text input that takes the text itself ("the text to translate"), not a prompt for something to make ("what the picture should show"). */
export function takesMaterial(slot: TaskType['inputs'][number]): boolean {
  return slot.modality === 'text' && /^the text\b/i.test(slot.description ?? '');
}

/** A documented text input that takes a prompt for something to make: the request's own words always fill it. */
export function takesPrompt(slot: TaskType['inputs'][number]): boolean {
  return slot.modality === 'text' && Boolean(slot.description) && !takesMaterial(slot);
}

/** Words that name a piece of text, not its content. */
const TEXT_NOUNS = new Set(['text', 'texts', 'word', 'words', 'phrase', 'sentence', 'message', 'line']);

/** Function words that join what to do to the material: "what language is …", "… out loud", "the words of …". */
const JOINING = new Set(['is', 'are', 'was', 'were', 'the', 'a', 'an', 'of', 'to', 'in', 'into', 'out', 'as', 'for', 'with', 'this', 'that', 'these', 'it', ':', '-']);

const documentation = new WeakMap<TaskType, Set<string>>();

function documentationTerms(type: TaskType): Set<string> {
  let terms = documentation.get(type);
  if (!terms) {
    terms = new Set(wordsOf(`${type.name} ${type.description} ${type.examples.join(' ')}`).map(actionStem));
    documentation.set(type, terms);
  }
  return terms;
}

/** Words that point at a thing the user has ("the sign in this photo"): about a file, not text given. */
const POINTS_AT_A_FILE = /\b(?:this|that|these|those|the|my|our|attached)\s+(?:\w+\s+)?(?:images?|pictures?|photos?|pics?|audio|recordings?|sound|videos?|clips?|files?|signs?|documents?|scans?|screenshots?|articles?)\b/i;

/** Whether a clause points at a thing the user has, which its words describe rather than give. */
export function pointsAtAFile(clause: Clause): boolean {
  return POINTS_AT_A_FILE.test(clause.raw ?? clause.text);
}

export function materialWords(clause: Clause, type: TaskType): string | undefined {
  if (pointsAtAFile(clause)) return undefined;
  let text = (clause.raw ?? clause.text).replace(/⟦\d+⟧/g, ' ').replace(FRAMING, ' ');
  // "Read the following out loud: the train leaves at nine": what follows the colon is the text.
  const colon = text.indexOf(':');
  if (colon >= 0 && text.slice(colon + 1).trim()) return text.slice(colon + 1).trim().replace(/[\s.!?]+$/, '') || undefined;
  let languageCut = false;
  for (const m of languageMentions(text).reverse()) {
    const at = text.toLowerCase().lastIndexOf(m.language.name.toLowerCase());
    if (at < 0) continue;
    languageCut = true;
    const before = text.slice(0, at).replace(/(?:\b(?:into|to|in|from)|->|→|=>)\s*$/i, '');
    text = `${before} ${text.slice(at + m.language.name.length)}`;
  }
  const tokens = text.split(/\s+/).filter(Boolean);
  const known = documentationTerms(type);
  const named = (token: string) => wordsOf(token).some((w) => !isStopword(w) && (TEXT_NOUNS.has(w) || known.has(actionStem(w))));
  const idle = (token: string) => wordsOf(token).every((w) => isStopword(w) || TEXT_NOUNS.has(w) || known.has(actionStem(w)));
  // An end is cut off up to the words that name something ("what language is", "out loud"),
  // with the function words that join them to the material; other function words may be the
  // material's own ("say i love you": "i" and "you" stay).
  let idleStart = 0;
  while (idleStart < tokens.length && idle(tokens[idleStart]!)) idleStart++;
  let start = tokens.slice(0, idleStart).findLastIndex(named) + 1;
  while (start > 0 && start < idleStart && JOINING.has(tokens[start]!.toLowerCase())) start++;
  let idleEnd = tokens.length;
  while (idleEnd > start && idle(tokens[idleEnd - 1]!)) idleEnd--;
  const firstNamed = tokens.slice(idleEnd).findIndex(named);
  let end = firstNamed < 0 ? tokens.length : idleEnd + firstNamed;
  while (end < tokens.length && end > idleEnd && JOINING.has(tokens[end - 1]!.toLowerCase())) end--;
  // With the language wanted cut off, a question's opening words go too: "what's good morning in Spanish".
  if (languageCut && start === 0) while (start < end && wordsOf(tokens[start]!).every((w) => isStopword(w))) start++;
  // Words that name nothing to do at either end are no material given, only a request
  // ("what's the weather like tomorrow").
  if (start === 0 && end === tokens.length && !languageCut) return undefined;
  const material = tokens.slice(start, end).join(' ').replace(/^[\s,:;-]+|[\s,:;.!?-]+$/g, '');
  return material || undefined;
}
