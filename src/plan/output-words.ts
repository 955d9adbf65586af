import type { Modality } from '../core/modality.js';

/**
 * The kind of result a clause asks for, by the words people use for making, converting and
 * keeping things ("an audio version", "turn it into a picture", "save it as a text").
 */

// Past forms describe ("once you've generated the image"), they do not ask.
// A verb that ends in "e" drops it before "-ing": "creating", "making", "changing". Reading
// "creating an image" as making one: TaskBench HF dev 71.74 / 35.10 → 71.89 / 34.56, with
// plan()'s fallback to the request's own quote; it lost a gold Audio-to-Audio ("creating an
// audio reminder with clear speech" is the speech step again) and planned a caption as a new
// picture's prompt. Kept: it is what the words say.
// "Make the photo look sharper" changes the photo it names; "make a photo" makes one.
const CREATE = String.raw`(?:(?:creat|generat|produc|synthesi[sz]|compos|visuali[sz]|illustrat)(?:e|es|ing)|mak(?:e|es|ing)(?!\s+(?:the|this|that|these|those|it|my|your|its|our|his|her)\b)|(?:draw|render|paint|design|craft)\w*)(?<!ed)`;
// "Put it into speech" and "make it into a recording" convert too.
const CONVERT = String.raw`(?:(?:turn|convert|transform)\w*|(?:chang|translat|mak)(?:e|es|ed|ing)|put(?:s|ting)?)`;
const OUTPUT_WORDS: Array<[Modality, string]> = [
  ['image', 'image|picture|illustration|visual|photo|drawing|painting|artwork|poster|thumbnail|graphic'],
  ['audio', 'audio|speech|voice|sound|narration|recording|spoken|auditory|audible|voiceover|podcast'],
  ['video', 'video|clip|animation|movie|film'],
];
/** "Turn it into speech": a converting verb and the kind it turns something into. */
function into(nouns: string): RegExp {
  return new RegExp(String.raw`\b${CONVERT}\b.*?\b(?:into|to|as)\s+(?:an?\s+|the\s+|some\s+)?(?:[\w-]+\s+)?(?:${nouns})s?\b`, 'i');
}

/**
 * "Hear this sentence in speech form", "in an image format": the kind it is wanted in.
 * TaskBench HF dev 71.47 / 34.78 → 71.58 / 35.05 (it had compared the sentence instead).
 */
function inForm(nouns: string): RegExp {
  return new RegExp(String.raw`\b(?:in|as)\s+(?:an?\s+)?(?:${nouns})\s+(?:form|format)\b`, 'i');
}

/** "Create an image", "generate me a short video": a creating verb and the kind it makes. */
function made(nouns: string, verbs = CREATE, modifiers = 'me|us|an?|the|some|new|nice|short|\\w+ly'): RegExp {
  return new RegExp(String.raw`\b${verbs}\b(?:\s+(?:${modifiers}))*\s+(?:[\w-]+\s+)?(?:${nouns})s?\b`, 'i');
}

/** The verbs of making anew in CREATE, in their plain forms, for matching against terms. */
export const CREATING_VERBS = 'create generate produce synthesize synthesise compose visualize visualise illustrate make draw render paint design craft';

// Patterns built once: they are tried for every clause of every request.
// "Tell me the result audibly", "read it out loud", "I'd like to hear it", "say good night in
// French", "could you say it in Catalan" (a request opening with "say", not "how do you say"),
// "how does this sound in French", "I want to listen to the summary" (the user listens):
// heard, so wanted as audio; "represent it visually": seen, so wanted as an image.
const HEARD = /\b(?:audibly|aloud|out\s+loud|verbally)\b|\bhow\s+(?:does|do|would|will)\s+(?:\S+\s+){0,3}?sound\b|\b(?:to|me|i|we)\s+hear\b|\b(?:i|we)(?:'d|\s+would|\s+want|\s+wanna|\s+need|\s+like|\s+prefer|\s+can|\s+could)?(?:\s+(?:like|love|prefer|rather))?\s+(?:to\s+)?listen\b|^\s*(?:(?:please|(?:can|could|would|will)\s+(?:you|u))\s+)*say\b(?!\s*[,⟦]|\s*$|\s+(?:me|us|if|whether|what|which|who|how|when|where|why)\b)/i;
const SEEN = /\b(?:visually|graphically|pictorially)\b/i;
/** "Write a short story", "draft a reply": text made anew. */
const WRITTEN = made('text|story|stories|poem|essay|paragraph|draft|article|script|response|reply|message|letter|piece|writing|words|blog|post', String.raw`(?:${CREATE}|write|writ\w+|draft\w*)`, 'me|us|an?|the|some|new|nice|short|brief|\\w+ly');
/**
 * "Take the audio from this video", "pull a picture out of it", "grab the audio": the kind
 * taken out of something (the thing it comes from may go unsaid).
 */
function takenOut(nouns: string): RegExp {
  return new RegExp(String.raw`\b(?:take|taking|extract\w*|get|getting|pull\w*|grab\w*)\s+(?:out\s+)?(?:the\s+|its\s+|an?\s+)?(?:[\w-]+\s+)?(?:${nouns})s?(?:\s+(?:from|out\s+of|off)|\s*$|\s+(?:and|then)\b)`, 'i');
}
/**
 * "Make the video shorter", "get this photo brighter": the thing named is changed, so the
 * result is of its kind (a summary, which is text, is no shorter video).
 */
function changed(nouns: string): RegExp {
  return new RegExp(String.raw`\b(?:mak|get|keep)(?:e|es|s|ing|ting)?\s+(?:the|this|that|my|your|its|our)\s+(?:${nouns})s?\s+(?!(?:into|to|as|of|from|with|and|or)\b)[a-z]`, 'i');
}
/**
 * "Give me the text of this poster as audio", "send it as a picture": the kind a thing is
 * wanted as, with no converting verb ("as well as", "such as" and "as the audio of …" are no kind wanted).
 */
/** "Give me this in audio", "say me the words in voice": the form wanted, at the end of a clause. */
const IN_VOICE = /\bin\s+(?:an?\s+)?(?:audio|voice|speech|sound)\s*[.!?]*$/i;

function wantedAs(nouns: string): RegExp {
  return new RegExp(String.raw`(?<!\bsuch\s)\bas\s+(?:an?\s+)?(?:${nouns})s?\b(?!\s+(?:of|from|for)\b)`, 'i');
}
const WANTED: Array<[Modality, RegExp[]]> = [
  ...OUTPUT_WORDS.map(([modality, nouns]): [Modality, RegExp[]] => [modality, [into(nouns), made(nouns), inForm(nouns), takenOut(nouns), changed(nouns), wantedAs(nouns), ...(modality === 'audio' ? [HEARD, IN_VOICE] : modality === 'image' ? [SEEN] : [])]]),
  // Text as a result only when converted into ("into written text"), since nearly every tool
  // gives text, or when written: "write a short story", "draft a reply" want text, not a
  // picture of it (TaskBench dev node F1 60.74 → 60.90, edge 25.12 → 25.48).
  [
    'text',
    [
      into('text|words|writing|transcript'),
      WRITTEN,
      // "Pull the speech out as text": the kind it is wanted as.
      wantedAs('text|written\\s+text|writing|transcript'),
    ],
  ],
];
const CREATED: Array<[Modality, RegExp]> = OUTPUT_WORDS.map(([modality, nouns]) => [modality, made(nouns)]);
const CONVERTED: Array<[Modality, RegExp]> = [...OUTPUT_WORDS, ['text', 'text|words|writing|transcript|sentence|phrase|caption|description'] as [Modality, string]].map(([modality, nouns]) => [
  modality,
  new RegExp(String.raw`\b${CONVERT}\s+(?:(?:the|this|that|these|my|your|its|our)\s+)?(?:[\w-]+\s+)?(?:${nouns})s?\b.*?\b(?:into|to|as)\b`, 'i'),
]);

/** The kind of thing a clause asks to be made or written anew ("write a short story", "create an image of …"), if it says. */
const MADE: Array<[Modality, RegExp]> = [...CREATED, ['text', WRITTEN]];
export function madeKind(clause: string): Modality | undefined {
  return MADE.find(([, pattern]) => pattern.test(clause))?.[0];
}

/** The kind of a thing the clause names as changed ("make the video black and white"), if it does: the result must be of that kind. */
const CHANGED: Array<[Modality, RegExp]> = OUTPUT_WORDS.map(([modality, nouns]) => [modality, changed(nouns)]);
export function changedKind(clause: string): Modality | undefined {
  return CHANGED.find(([, pattern]) => pattern.test(clause))?.[0];
}

/** The kind of result a clause asks to be made, if it says: the noun after "into", or the object of "create". */
export function wantedOutput(clause: string): Modality | undefined {
  return WANTED.find(([, patterns]) => patterns.some((p) => p.test(clause)))?.[0] ?? bareConversion(clause)?.to;
}

const KIND_NOUNS: Array<[Modality, RegExp]> = [...OUTPUT_WORDS, ['text', 'text|words|writing|transcript'] as [Modality, string]].map(([modality, nouns]) => [modality, new RegExp(`^(?:${nouns})s?$`, 'i')]);
const kindOfNoun = (noun: string) => KIND_NOUNS.find(([, pattern]) => pattern.test(noun))?.[0];
const BARE = new RegExp(String.raw`^(?:the\s+|this\s+|my\s+)?([a-z]+)\b(?:\s+(?:in|of|from|on)\s+(?:the|this|my|that)\s+[a-z]+)?\s+(?:to|into|->|→)\s+(?:an?\s+|the\s+)?([a-z]+)$`, 'i');

/**
 * "Speech in the video to text", "audio to text": a conversion said with no verb, from the kind
 * named first to the kind named last (before: speech synthesis, for "speech" and "text").
 */
function bareConversion(clause: string): { from: Modality; to: Modality } | undefined {
  const m = BARE.exec(clause.trim());
  const from = m && kindOfNoun(m[1]!);
  const to = m && kindOfNoun(m[2]!);
  return from && to && from !== to ? { from, to } : undefined;
}

/**
 * The kind of thing a clause asks to be made anew ("create an image of…"), if it says: a tool
 * that reworks one it is given (image editing) fits it less, ×0.6. TaskBench dev node F1:
 * 1 (off) 59.11, 0.8 59.27, 0.6 59.32, 0.4 59.11.
 */
export function createdKind(clause: string): Modality | undefined {
  return CREATED.find(([, pattern]) => pattern.test(clause))?.[0];
}

/**
 * The kind of thing a clause asks to convert ("convert the audio into text"), if it says:
 * the tools that take it are favoured as wantedOutput favours those that give the result.
 * With "into text" as a wanted result, TaskBench dev moved by less than 0.2 points either
 * way; kept because "convert this speech into written text" otherwise reads as translation.
 */
export function convertedFrom(clause: string): Modality | undefined {
  return CONVERTED.find(([, pattern]) => pattern.test(clause))?.[0] ?? bareConversion(clause)?.from;
}

/**
 * A clause that only says how to keep a result ("save it as an audio clip", "as a text
 * file"): the kind it names. After a step that gives that kind it is no step of its own (it
 * had planned Audio-to-Audio after Text-to-Speech); before one it may still ask for a conversion.
 * TaskBench HF dev 66.12 / 30.72 → 66.18 / 30.77.
 */
const KEEP_VERBS = String.raw`(?:(?:sav|stor)(?:e|es|ed|ing)|(?:keep|export|output|present|return|send|put|record)\w*)`;
const KEPT: Array<[Modality, RegExp]> = OUTPUT_WORDS.concat([['text', 'text|document|file|transcript|format']]).map(([modality, nouns]) => [
  modality,
  new RegExp(String.raw`^(?:(?:and|then|also|please|finally|lastly)\s+)*(?:${KEEP_VERBS}\s+(?:it|this|that|them|the\s+\w+)\s+|(?:it|this)\s+)?(?:as|in|into)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:${nouns})s?(?:\s+(?:file|format|form|clip))?$`, 'i'),
]);
export function keptAs(clause: string): Modality | undefined {
  return KEPT.find(([, pattern]) => pattern.test(clause.trim()))?.[0];
}
