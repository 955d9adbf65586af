import { FRAMING, asksQuestion } from './speech-act.js';

/**
 * A question about what someone or something says ("does she say where she lives", "does it
 * say when the shop opens", "when is the deadline he talks about") asks about what is said in
 * the file, not for it to be transcribed or read out whole: the verb reports, the rest is the
 * question to answer from the words. "What does she say" asks for the words themselves and
 * keeps its verb. "Mention" reports in a yes/no question ("does he mention the deadline");
 * asked who or which, what is mentioned is what a finder of names lists ("who does he mention").
 */
const SUBJECT = String.raw`\b(?:he|she|they|it|someone|somebody|anyone|anybody|(?:the|this|that)\s+[a-z]+)\s+(?:(?:ever|even|also|really|actually)\s+)?`;
// Talking and speaking report only what they are about: "when does he talk" asks when the speech is.
const SAYING = String.raw`(?:(?:say|says|said|write|writes|wrote|state|states|stated)\b|(?:talk|talks|talked|talking|speak|speaks|spoke|speaking)\s+(?:about|of)\b)`;
const MENTIONING = String.raw`(?:mention|mentions|mentioned)\b`;
const YES_NO = /^\s*(?:is|are|was|were|does|do(?!\s+(?:a|an)\b)|did|has|have|had)\b/i;
// "What does she say", "what does the person in the video say", "me want know what he say": the words themselves.
const ASKS_THE_WORDS = new RegExp(String.raw`\bwhat(?:'s|s|\s+(?:does|did|do|is|are|was|were))?\s+(?:he|she|they|it|someone|somebody|anyone|the|this|that)\b[^?.!]*?\b${SAYING}`, 'i');

function reporting(question: string): RegExp | undefined {
  if (!asksQuestion(question) || ASKS_THE_WORDS.test(question)) return undefined;
  const verbs = YES_NO.test(question) ? `(?:${SAYING}|${MENTIONING})` : SAYING;
  return new RegExp(`(${SUBJECT})${verbs}`, 'gi');
}

/** Whether a question asks about something said in the file (see above). */
export function asksWhatIsReported(text: string): boolean {
  const question = text.replace(FRAMING, ' ').replace(/^[\s,]+/, '');
  return reporting(question)?.test(question) ?? false;
}

/** A question's words without its reporting verb, which names no operation. */
export function withoutReporting(text: string): string {
  const verb = reporting(text.replace(FRAMING, ' ').replace(/^[\s,]+/, ''));
  return verb ? text.replace(verb, (_, subject: string) => `${subject} `) : text;
}
