import type { Modality } from '../core/modality.js';
import { asksQuestion, asksSomething, FRAMING, setsScene } from './speech-act.js';
import { ABBREVIATIONS } from '../text/abbreviations.js';
import { wordNet } from '../retrieval/wordnet.js';
import { COLON_LIST, colonListed } from './choices.js';

/**
 * What the built-in planner reads off a request before choosing tasks: the quoted texts
 * (kept verbatim, replaced by placeholders so their words do not look like instructions)
 * and the clauses, in order, split at the words that connect steps.
 */
export interface Clause {
  text: string;
  /** Indexes into `quotes` of the quotes this clause contains. */
  quotes: number[];
  /** Those quotes' texts. */
  quoted?: string[];
  /** The clause points back at an earlier result ("it", "the result", "that"). */
  anaphoric: boolean;
  /** The whole sentence the clause belongs to, quotes restored: a question split at its comma stays whole. */
  sentence?: string;
  /**
   * False for a sentence that only sets the scene ("I've got a photo named 'x.jpg' of my
   * dog."): a first-person or descriptive statement with no request in it. Such clauses
   * say what the files are, not what to do with them.
   */
  asks?: boolean;
  /** The clause's words with its quotes restored, for reading parameter values off it. */
  raw?: string;
  /** Joined to the clause before by "then", "after that", "finally", …: a step in sequence. */
  follows?: boolean;
}

export interface RequestAnalysis {
  request: string;
  quotes: string[];
  clauses: Clause[];
  /** Files and URLs the request names ('example.jpg', https://…/a.png), with their modality. */
  resources: Array<{ name: string; modality: Modality }>;
}

const FILE_TYPES: Array<[Modality, string]> = [
  ['image', 'jpg|jpeg|png|gif|bmp|tiff?|svg|ico|webp'],
  ['audio', 'mp3|wav|wma|ogg|aac|flac|aiff|au|m4a'],
  ['video', 'mp4|avi|mov|flv|wmv|mkv|webm|m4v|mpe?g'],
  ['text', 'txt|md|csv|pdf|docx?'],
];
export const FILE_NAME = new RegExp(`(?:https?://\\S+|[\\w./-]+\\.(?:${FILE_TYPES.map(([, e]) => e).join('|')}))(?![\\w])`, 'gi');

/** The modality a file name's extension implies (a URL without one is text). */
export function modalityOfName(name: string): Modality {
  for (const [modality, exts] of FILE_TYPES) if (new RegExp(`\\.(?:${exts})(?:$|[?#])`, 'i').test(name)) return modality;
  return 'text';
}

// A single-quoted text may contain apostrophes inside words ('What's the best way?').
const QUOTE = /"([^"]+)"|“([^”]+)”|«([^»]+)»|‘([^’]+)’|(?<![\p{L}\p{N}])'((?:[^'\n]|(?<=\p{L})'(?=\p{L}))+)'(?![\p{L}\p{N}])/gu;
const PLACEHOLDER = /⟦(\d+)⟧/g;
// Step connectors; "and" is decided separately (it also joins words: "black and white").
// A full stop after a title or "e.g." does not end a clause ("Dr. Smith").
const ABBREVIATION = String.raw`(?<!\b(?:${ABBREVIATIONS}))`;
const SENTENCE_END = new RegExp(String.raw`(?<=[.!?])(?<!\b(?:${ABBREVIATIONS})\.)\s+`);
const CONNECTOR = new RegExp(String.raw`(${ABBREVIATION}[.;!?]+\s+|\s*,\s*(?:and\s+)?(?:then\s+)?|\s+(?:and\s+)?then\s+|\s+after\s+that,?\s+|\s+and\s+(?:also\s+)?|\s+but\s+also\s+)`, 'i');
// A piece that opens with a file name or a quote is a second object of the step before.
const OBJECT_START = new RegExp(String.raw`^(?:⟦\d+⟧|(?:${FILE_NAME.source}))`, 'i');
// A piece that continues the one before it rather than starting a step: a lone quote, or a phrase opening with a preposition.
// So does an amount alone ("shorten it, maybe 3 sentences", "…, just the first 3 seconds"): a parameter of that step.
const AMOUNT = String.raw`(?:(?:maybe|about|around|roughly|approximately|just|only|like|at\s+most|max)\s+)?(?:(?:the\s+)?(?:first|last)\s+)?(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)\s+[a-z]+(?:\s+[a-z]+)?\s*[.!?]?$`;
const APPOSITION = new RegExp(String.raw`^(?:⟦\d+⟧|(?:into|to|as|with|from|for|in|on|about|of)\b|${AMOUNT})`, 'i');
// A sentence that is only an amount ("What is it about? Three sentences max.") is one too.
const AMOUNT_ALONE = new RegExp(`^${AMOUNT}`, 'i');
// A short wh-question after a yes/no question asks for the detail the first one asked about
// ("is there an address on this poster? which one", "did they mention a date? which date"):
// one question, so one step, not a second question with nothing to ask about.
const YES_NO = /^(?:is|are|was|were|does|do(?!\s+(?:a|an)\b)|did|has|have|had)\b/i;
const FOLLOW_UP = /^(?:which|what|where|when|who|how\s+(?:much|many|long|old|far))\b(?:\s+[\p{L}']+){0,2}\s*[?.!]*$/iu;
/** Whether `question` asks the detail of the yes/no question `before` (see FOLLOW_UP). */
export function followsUp(before: string, question: string): boolean {
  return /\?\s*$/.test(before) && YES_NO.test(before.replace(FRAMING, ' ').trim()) && FOLLOW_UP.test(question.trim());
}

/**
 * A lone word after "and" joins words ("black and white"), unless it can only be a verb: then
 * it is a step of its own ("extract the entities and summarize"; before, the summary was lost).
 * WordNet is read only here, for a one-word piece.
 */
function onlyAVerb(piece: string): boolean {
  const word = piece.replace(/[.!?,;]+$/, '').trim();
  if (!/^[a-z]+$/i.test(word)) return false;
  const pos = wordNet().partsOfSpeech(word);
  return pos.size === 1 && pos.has('verb');
}

/**
 * A piece after "and" that opens with a word that can only be a noun or an adjective joins the
 * one before: "find every person and city in the text" asks for one step (before: "city in the
 * text" was a step of its own, spoken aloud). Not a pronoun, article or question word, which open clauses.
 */
const OPENS_CLAUSE = /^(?:the|a|an|this|that|these|those|it|its|they|them|he|she|his|her|their|i|we|you|my|our|your|what|which|who|whom|whose|when|where|why|how|if|whether|please|also|maybe|so|then|not|no)$/i;
function nounFirst(piece: string): boolean {
  const first = /^[a-z]+/i.exec(piece.trim())?.[0];
  if (!first || OPENS_CLAUSE.test(first)) return false;
  const pos = wordNet().partsOfSpeech(first);
  return pos.size > 0 && !pos.has('verb');
}

/**
 * A clause after the first of its sentence that asks a question or opens with a verb in its
 * plain form asks, even when the sentence opens by telling ("i cant hear anything, make it
 * louder", "i can't read korean, what does this say"). Not a participle ("…, taken last
 * summer"), which describes.
 */
function imperativeAfter(clause: string, sentence: string | undefined): boolean {
  const at = sentence?.indexOf(clause.trim()) ?? -1;
  // After a comma only: "… and found one titled 'x.jpg'" goes on telling.
  if (at <= 0 || !/[,;:]\s*$/.test(sentence!.slice(0, at))) return false;
  if (asksQuestion(clause)) return true;
  const first = /^(?:(?:please|pls|just|also|then|now|so)\s+)*([a-z]+)\b/i.exec(clause.trim())?.[1];
  return first !== undefined && !/(?:ed|ing|en)$/i.test(first) && !OPENS_CLAUSE.test(first) && !AUXILIARY.test(first) && wordNet().partsOfSpeech(first).has('verb');
}
const AUXILIARY = /^(?:be|am|is|are|was|were|been|have|has|had|do|does|did|can|could|will|would|shall|should|may|might|must|got|get|gets)$/i;

/** A piece that is only a verb once its framing is set aside ("Could you help me identify"): it shares the object of the next. */
function bareVerb(piece: string): boolean {
  const left = piece.replace(FRAMING, ' ').replace(/\b(?:me|us|to|in|by|with|the|a|an)\b/gi, ' ').trim().split(/\s+/).filter(Boolean);
  // A noun left alone is a thing asked for, not a verb: "give me the transcript and its sentiment".
  return left.length === 1 && (!/^[a-z]+$/i.test(left[0]!) || wordNet().partsOfSpeech(left[0]!).has('verb') || !wordNet().knows(left[0]!));
}

/**
 * A list of choices ending in "or" at the end of a sentence ("about billing, shipping or
 * returns?", "sports, politics or technology") is one clause: its commas join alternatives,
 * not steps; so is a list of labels after a colon (choices.ts). They are set aside while
 * splitting and restored in the clauses.
 */
const CHOICE_LIST = /[\p{L}'-]+(?:\s*,\s*[\p{L}'-]+(?:\s+[\p{L}'-]+)?)+\s*,?\s+or\s+[\p{L}'-]+(?:\s+[\p{L}'-]+)?(?=\s*(?:[?.!]|$))/gu;
const LIST_COMMA = '\u2E34';

const ANAPHOR = /\b(it|its|that|them|they|this result|the result|the results|the output|the text|the translation|the audio|the image)\b/i;

export function analyzeRequest(request: string): RequestAnalysis {
  const quotes: string[] = [];
  const masked = request
    .replace(QUOTE, (...m: unknown[]) => {
      const body = (m.slice(1, 6).find((g) => typeof g === 'string') as string).trim();
      // A quoted file name is a resource, not text to work on, even with the sentence's comma inside the quotes ('example.jpg,').
      if (new RegExp(`^${FILE_NAME.source}$`, 'i').test(body.replace(/[.,;:!?]+$/, ''))) return body;
      quotes.push(body);
      return `⟦${quotes.length - 1}⟧`;
    })
    // A quote that ends its sentence takes the full stop with it: "It reads: 'Hallo.' Can you…".
    // "cars, trees etc. in this image": "etc." before a word in lower case ends no sentence.
    .replace(/\betc\.(?=\s+[a-z])/g, 'etc')
    .replace(/(⟦\d+⟧)\s+(?=(?:Can|Could|Would|Will|Please|Also|Then|Now|Next|Finally|After|What|How|Is|Are|Do|Does|I|I'd|I'm|Let's)\b)/g, '$1. ');
  const resources = [...new Set((masked.match(FILE_NAME) ?? []).map((n) => n.replace(/[.,;:!?)'"]+$/, '')))].map((name) => ({ name, modality: modalityOfName(name) }));

  const listed = masked.replace(CHOICE_LIST, (list) => list.replaceAll(',', LIST_COMMA)).replace(COLON_LIST, (list) => (colonListed(list) ? list.replaceAll(',', LIST_COMMA) : list));
  const pieces = listed.split(CONNECTOR);
  const merged: string[] = [];
  const after = new Set<number>(); // clauses joined to the one before by "then", "after that", …
  for (let i = 0; i < pieces.length; i += 2) {
    const piece = pieces[i]!.trim();
    const joiner = i > 0 ? pieces[i - 1]! : '';
    const wordCount = piece.split(/\s+/).filter(Boolean).length;
    const prev = merged.at(-1);
    // "and" between single words ("black and white") joins words, not steps.
    // Nor does "and" before a second file or quote ("combine 'a.wav' and 'b.wav' into one").
    // Nor does the "and" of "between 1 and 3 seconds".
    const between = prev !== undefined && /\bbetween\s+\S+$/i.test(prev);
    // Nor does a lone verb before a verb that starts a step of its own ("summarise and translate
    // to spanish": two steps; before, one, the summary lost); one that shares a noun's object
    // joins ("identify and count the people").
    const twoVerbs = prev !== undefined && onlyAVerb(prev.replace(FRAMING, ' ')) && onlyAVerb(piece.split(/\s+/)[0]!);
    if (prev !== undefined && /^\s+and\s+(also\s+)?$/i.test(joiner) && !(wordCount === 1 && onlyAVerb(piece)) && !twoVerbs && (wordCount < 2 || prev.split(/\s+/).length < 2 || bareVerb(prev) || OBJECT_START.test(piece) || between || nounFirst(piece))) {
      merged[merged.length - 1] = `${prev}${joiner}${piece}`;
    } else if (prev !== undefined && ((/^\s*,\s*$/.test(joiner) && APPOSITION.test(piece)) || (/^[.!?]+\s+$/.test(joiner) && AMOUNT_ALONE.test(piece)) || (/^\?+\s+$/.test(joiner) && followsUp(`${prev}?`, piece)))) {
      // A comma around a quote or before "into …" sets off part of one step: "transforming
      // this text, 'Hello', into speech". A quote that ends a piece does not join the next
      // ("list topics on 'solar power', expand the first"): TaskBench dev 63.66 / 28.81 →
      // 63.77 / 29.09.
      merged[merged.length - 1] = `${prev}${joiner}${piece}`;
    } else if (piece) {
      merged.push(piece);
      if (/\bthen\b|\bafter\s+that\b/i.test(joiner) || /^(?:then|next|afterwards?|finally|lastly|after\s+that|once\s+(?:that|it)\b)/i.test(piece)) after.add(merged.length - 1);
    }
  }

  const sentences = masked.split(SENTENCE_END);
  const unmask = (text: string) => text.replace(PLACEHOLDER, (_, i: string) => `"${quotes[Number(i)]}"`);
  const clauses = merged.map((listedText) => listedText.replaceAll(LIST_COMMA, ',')).map((text, k) => {
    const sentence = sentences.find((s) => s.includes(text));
    return {
      text: text.replace(/[.!?]+$/, ''),
      quotes: [...text.matchAll(PLACEHOLDER)].map((m) => Number(m[1])),
      quoted: [...text.matchAll(PLACEHOLDER)].map((m) => quotes[Number(m[1])]!),
      anaphoric: ANAPHOR.test(text.replace(PLACEHOLDER, '')),
      sentence: unmask(sentence ?? text).trim(),
      asks: (asksSomething(sentence ?? text) || imperativeAfter(text, sentence)) && !setsScene(text),
      raw: unmask(text).replace(/[.!?]+$/, ''),
      follows: after.has(k),
    };
  });
  return { request, quotes, clauses, resources };
}

// The words that give a file its name ("an image named 'x.jpg'") are about the file, not the task.
const NAMING = new RegExp(String.raw`(?:named|called|titled|entitled|labell?ed|dubbed|saved\s+as|stored\s+as)\s+(?=${FILE_NAME.source})`, 'gi');

/** A clause's words without its quotes and file names, for matching against documentation. */
export function clauseWords(clause: Clause): string {
  return clause.text.replace(NAMING, ' ').replace(PLACEHOLDER, ' ').replace(FILE_NAME, ' ');
}

