import { valence } from '../text/affect.js';
import { languageMentions } from '../text/languages.js';
import { isStopword } from '../text/tokenize.js';
import { wordNet } from '../retrieval/wordnet.js';
import { FRAMING, asksQuestion, asksWhatIs, politeRequest } from './speech-act.js';

/**
 * What a request asks to know of a thing, as the words of the property a task type gives
 * ("language", "sentiment"), recognised by what the question is about rather than by its verb:
 * - the thing a question names: "which language …", "what sentiment …", "tell me the language of …",
 *   "… and tell me the mood";
 * - a language offered as an answer: "is it English?", "English or something else?";
 * - how long something lasts: its duration;
 * - a feeling offered as an answer, any word people rate as carrying one (VADER's lexicon):
 *   "is the person upset?", "does it sound friendly", "happy or sad" — and the nouns for
 *   feeling itself ("the mood of this text").
 * Quoted words are material, not the question.
 */
export interface AskedProperty {
  /** Words of the property: a type gives it when its name or output says one of them. */
  words: string[];
  /** The request's words that ask it, for the plan's notes. */
  cue: string;
  /** A measure of the thing itself, asked with "how" and an adjective ("how tall": its height), not a feeling. */
  measure?: boolean;
}

const QUOTED = /(["'‘“])(?:(?!\1).){2,}?\1/g;
const NAMED = /\b(?:which|what)\s+(?!(?:is|was|are|were)\b)([a-z]+)\b|\b(?:(?:tell|show|give|find|identify|detect|determine|name|say)\s+(?:me\s+|us\s+)?|(?:what|which)(?:'s|\s+is|\s+was|\s+are)\s+)the\s+([a-z]+)\s+of\b|\b(?:tell|show|give|say)\s+(?:me\s+|us\s+)(?:the|a|an)\s+([a-z]+)\s*(?=$|[,.?!;]|\s+(?:and|then|too|please|pls)\b)|\b(?:tell|show|give|find|identify|detect|determine|name|say)\s+(?:me\s+|us\s+)?(?:the\s+|this\s+|that\s+)?[a-z]+'s\s+([a-z]+)\b/gi;
/** A sentence that asks whether or which: a question mark, an opening auxiliary or "whether" (a clause split off "tell me … and whether …"), "tell me if …". */
const ASKS = /\?\s*$|^\s*(?:is|are|was|were|does|do(?!\s+(?:a|an)\b)|did|can|could|will|would|has|have|am|whether)\b|\b(?:tell|ask|check|see|know|find\s+out|let\s+me\s+know|say|guess|detect|determine|decide|judge|figure\s+out)\s+(?:me\s+|us\s+)?(?:if|whether)\b|\bhow\s+(?:does|do|did|is|are)\b/i;
/** What links a thing to a feeling said of it: "is … upset", "sounds friendly", "they happy", "happy or sad". */
const LINKS = /^(?:is|are|was|were|be|been|being|am|sound|sounds|sounded|seem|seems|seemed|look|looks|looked|feel|feels|felt|appear|appears|appeared|get|gets|got|become|becomes|or|they|he|she|it|someone|speaker|person|writer|author|people|ppl)$/i;
/** What a thing is about: "what is this recording about", "whats this clip about?", "what does the speaker talk about", "what are they talking about in this recording, roughly?". */
const ABOUT = /^\s*what(?:(?:'s|s|\s+is|\s+are|\s+was|\s+were)\s+(?:it|this|that|these|those|(?:the|this|that|these|those|my|your)\s+[a-z]+)|\s+(?:does|do|did)\s+(?:he|she|they|it|(?:the|this|that)\s+[a-z]+)\s+(?:talk|speak|write|say|go\s+on)|(?:'s|s|\s+is|\s+are|\s+was|\s+were)\s+(?:he|she|they|it|(?:the|this|that)\s+[a-z]+)\s+(?:talking|speaking|writing|going\s+on))\s+(?:all\s+|really\s+|mostly\s+|\w+ly\s+)?about(?:\s+(?:in|on)\s+(?:the|this|that|my|your)\s+[a-z]+)?(?:\s*,?\s*(?:roughly|briefly|basically|in\s+short|more\s+or\s+less|please|pls))?\s*[?.!]?\s*$/i;
/** A question of how long. */
const HOW_LONG = /\bhow\s+(?:long|many\s+(?:seconds|minutes|hours)|much\s+time)\b/i;
// Not "how many", "how much": a count or an amount (asksFact).
const HOW_ADJECTIVE = /\bhow\s+(?!(?:many|much)\b)([a-z]+)\b/gi;
/** Nouns for a part of a thing, not a property of it: "find the parts of this recording that contain speech". */
const PORTION = /^(?:parts?|sections?|bits?|pieces?|portions?|segments?|rest|start|end|beginning|middle)$/i;
/** How someone feels: "how does she feel", "how is he feeling", "what do the people feel". */
const HOW_FEEL = /\bhow\s+(?:does|do|did|is|are|was|were)\s+(?:\w+\s+){1,6}?(?:feel|feeling)\b|\bwhat\s+(?:(?:does|do|did|is|are|was|were)\s+)?(?:\w+\s+){1,3}?(?:feel|feels|feeling)\b/i;
/** Nouns for feeling itself. */
const FEELING = /\b(?:mood|tone|feelings?|emotions?|emotional|sentiments?|attitude|vibe)\b/i;
/** Words that carry a feeling but only frame a request ("please", "I'd love to know"). */
const COURTESY = new Set(['please', 'thanks', 'thank', 'kindly', 'love', 'like', 'help', 'want', 'wish', 'hope', 'sure', 'ok', 'okay', 'yes', 'no', 'appreciate', 'appreciated']);

const FEELING_WORDS = ['sentiment', 'emotion'];

export function askedProperties(request: string): AskedProperty[] {
  const said = request.replace(QUOTED, (q) => ' '.repeat(q.length));
  const out: AskedProperty[] = [];
  for (const m of said.matchAll(NAMED)) {
    const thing = (m[1] ?? m[2] ?? m[3] ?? m[4])!.toLowerCase();
    // A noun for feeling names the property sentiment gives: "tell me the mood of this sentence".
    if (FEELING.test(thing)) out.push({ words: FEELING_WORDS, cue: m[0] });
    else if (!isStopword(thing) && !PORTION.test(thing) && !/^(?:one|ones)$/.test(thing)) out.push({ words: [thing], cue: m[0] });
  }
  // What a thing is about is its gist, which a summary gives: "what is the video about?".
  const about = ABOUT.exec(said);
  if (about) out.push({ words: ['summary'], cue: about[0].trim() });
  // How someone feels, asked how or what ("what do the people feel"), is their feeling.
  const howFeel = HOW_FEEL.exec(said);
  if (howFeel) out.push({ words: FEELING_WORDS, cue: howFeel[0] });
  // How long something lasts is its duration: "how many seconds of speech are there".
  const long = HOW_LONG.exec(said);
  if (long) out.push({ words: ['duration'], cue: long[0] });
  // "How" before an adjective asks for what the adjective measures: "how old" the age, "how far" the distance.
  // One that carries a feeling asks the feeling: "how happy is the speaker", "how positive is it".
  for (const m of said.matchAll(HOW_ADJECTIVE)) {
    const feeling = Math.abs(valence(m[1]!)) >= 1 && !COURTESY.has(m[1]!.toLowerCase());
    const measured = long?.index === m.index ? [] : feeling ? FEELING_WORDS : wordNet().attributes(m[1]!);
    if (measured.length && !out.some((a) => a.words === measured)) out.push({ words: measured, cue: m[0], ...(feeling ? {} : { measure: true }) });
  }
  // A second question joined by "and" is a sentence of its own: "what language is spoken and is the speaker happy".
  for (const sentence of said.split(/(?<=[.?!;])\s+|\s+[—–-]\s+|,?\s+and\s+(?=(?:is|are|was|were|does|do|did)\s)/i)) {
    // An action asked in question form asks for no property: "can you make it brighter?",
    // "how do I make it brighter?" (before: a sentiment, for "brighter").
    if (!ASKS.test(sentence) || politeRequest(sentence) || (asksQuestion(sentence) && !asksWhatIs(sentence))) continue;
    const mentions = languageMentions(sentence);
    const offered = mentions.find((m) => m.preposition === undefined || m.preposition === 'in');
    // A question for something else — what, how, who, where, when, why — names a language to
    // have the answer in, not one offered as the answer: "how do you say 'good night' in
    // Catalan" wants Catalan words, "what is said in this video, in Spanish?" the words in Spanish.
    // The question may follow a comma: "my grandmother sent this in Spanish, what does she say in English?".
    const asksOther = sentence.split(',').some((part) => /^\s*(?:what|how|who|where|when|why)\b/i.test(part.replace(FRAMING, ' ').replace(/^[\s,]+/, '')));
    if (offered && !asksOther && !mentions.some((m) => m.preposition === 'into')) out.push({ words: ['language'], cue: sentence.trim() });
    // A question for a thing ("what was agreed?", "who was upset by it?") offers no feeling as
    // its answer; one for whether or how does ("is the caller angry?", "how does she sound?").
    const forAThing = /^\s*(?:what|which|who|whom|whose|where|when|why)\b/i.test(sentence.replace(FRAMING, ' '));
    // (How someone feels was read off the whole request above.)
    const feeling = FEELING.exec(sentence)?.[0] ?? (forAThing ? undefined : feltWord(sentence));
    if (feeling && !out.some((a) => a.words === FEELING_WORDS)) out.push({ words: FEELING_WORDS, cue: feeling });
  }
  return out;
}

/**
 * A word that carries a feeling, said of something: linked to it within a few words, or offered
 * against another. A feeling said of a thing is an adjective ("is the caller angry?", "upset");
 * a noun rated as carrying one names a kind of thing to tell apart ("is this email spam or
 * not", "a scam"), which is a classification, not a sentiment.
 */
function feltWord(sentence: string): string | undefined {
  const words = sentence.toLowerCase().match(/[a-z']+/g) ?? [];
  return words.find((w, i) => {
    if (COURTESY.has(w) || Math.abs(valence(w)) < 1 || !wordNet().partsOfSpeech(w).has('adj')) return false;
    // A yes-or-no question that ends on the feeling offers it, however long what it is said of
    // ("is the message on the sign friendly?").
    // So does one followed by what it is felt about ("is the person talking positive about it?").
    const endsYesNo = (i === words.length - 1 || words[i + 1] === 'about') && /^(?:is|are|was|were|does|do|did)$/.test(words[0] ?? '');
    return endsYesNo || words.slice(Math.max(0, i - 4), i).some((l) => LINKS.test(l.replace(/'(?:s|re|m)$/, ''))) || (words[i + 1] === 'or' && Math.abs(valence(words[i + 2] ?? '')) >= 1);
  });
}

const JUDGING = /\b(?<!\b(?:the|a|an|its|his|her|their|our|my|your)\s+)(sounds?|sounded|seems?|seemed|looks?|looked|feels?|felt|appears?|appeared)\s+((?:(?:\w+ly|more|less|much|too|so|a\s+bit|a\s+little)\s+)*([a-z]+))/gi;

/**
 * A clause's words without the verbs that judge rather than act: "it sounds friendly", "does
 * she look upset" say nothing about sound or looking, only how something comes across, when
 * what follows is a word for a feeling. "Make it look sharper" keeps its verb. "Sound" before
 * any adjective links it to what it qualifies ("make this sound more formal" asks for other
 * wording, not speech; "make it sound louder" for a louder recording, which "louder" says);
 * not the noun after a determiner ("improve the sound quality").
 */
export function withoutJudging(text: string): string {
  return text.replace(JUDGING, (all, verb: string, rest: string, word: string) => {
    const feeling = Math.abs(valence(word)) >= 1 && !COURTESY.has(word.toLowerCase());
    const linking = /^sound/i.test(verb) && !isStopword(word) && wordNet().partsOfSpeech(word).has('adj');
    return feeling || linking ? rest : all;
  });
}
