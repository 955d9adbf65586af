/**
 * What a sentence or clause of a request does: ask for something, or set the scene ("I have a
 * photo of my dog"), and which of its words only frame the asking ("could you assist me in").
 * The built-in planner plans steps for the asking clauses only and matches none of the framing.
 */

// What marks a sentence as asking for something: a question to the assistant, a wish, a
// plea, or a bare imperative (a sentence that does not open with a subject).
const REQUEST_MARKER = /\b(?:could|can|would|will|might|may)\s+(?:you|u|i|we)\b|\bplease\b|\bhelp\b|\bassist|\b(?:i|we)(?:'d|\s+would)\s+(?:(?:\w+ly|also|really|just|still|then|now)\s+)?(?:like|love|want|appreciate)\b|\bwould\s+(?:\w+ly\s+)?(?:like|love)\s+to\b|\b(?:if|whether)\s+(?:you|u|i|we)\s+(?:could|can|would|might)\b|\b(?:i|we)\s+(?:(?:only|just|also|really|still|then|now|do|\w+ly)\s+)?(?:want|need|wish|hope|wonder)|\b(?:i'm|i\s+am|we're|we\s+are)\s+(?:(?:\w+ly|also|really|just|still|quite|very)\s+)?(?:wondering|hoping|looking|curious|interested|eager|keen)\b|\blet'?s\b|\bkindly\b|\bis\s+(?:(?:it|there)\s+)?(?:possible|a\s+way)\b|\bhow\s+(?:do|can|would)\b|^(?:what|which|who|where|when|why|how|is|are|does|do)\b|\?\s*$/i;
const STATEMENT_OPENING = /^(?:i|i'm|i've|i'd|i'll|im|ive|my|we|we're|we've|our|this|that|these|those|the|it|it's|its|there|here|a|an|he|she|they|his|her|their|you|your|recently|yesterday|today|last|lately)\b/i;

// Words that open a sentence without changing what it is: "Unfortunately, it has a lot of noise" is a statement.
const DISCOURSE_OPENING = /^(?:unfortunately|however|but|so|also|actually|honestly|basically|now|well|sadly|luckily|besides|additionally|moreover|furthermore|meanwhile|initially|recently|lately)\b,?\s*/i;
// A clause that tells what the user has or is doing ("I have an image", "I've been working on a
// project", "Imagine I have a picture") sets the scene even inside a sentence that asks.
// TaskBench dev: node F1 58.03 → 58.46, edge 21.97 → 22.40, precision 0.61 → 0.63; with
// "assuming", "taken" and "using": 71.30 / 33.55 → 71.37 / 33.61.
const SCENE_OPENING = /^(?:(?:imagine|suppose|assume|assuming)\b|(?:i|we)(?:'ve|'m|\s+have|\s+am|\s+had|\s+was|\s+were)?\s+(?:(?:just|recently|also|already|been|got|have|currently|really)\s+)*(?:have|has|got|had|found|took|snapped|recorded|wrote|written|came|come|stumbled|received|retrieved|captured|created|made|taken|using|working|preparing|trying|reading|read|studying|browsing|diving|going|doing|planning|analy[sz]ing|meddling)\b)/i;

// A clause that describes a thing rather than asks ("it has a lot of background noise", "the
// corresponding image is example.png", "looks like it contains several objects").
const DESCRIPTION = /^(?:(?:it\s+)?looks\s+like\s+|(?:it\s+)?seems\s+(?:like\s+)?)?(?:it|it's|its|this|that|these|those|there|which|who|they|(?:the|this|that|these|those|my|our)\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:is|are|was|were|has|have|had|contains?|seems?|appears?|looks?|features?|includes?|shows?|depicts?|reads?|says?|covers?|sent|gave|recorded|wrote|took|shared|forwarded|left)\b/i;

// What presents the file ("Attached is a picture of a street sign", "Here is an article I found"),
// or says what the user cannot do ("I don't have time to read it", "I can't read the sign"),
// or which language they read ("I only speak English"), or what they can barely do ("I can
// barely hear anything"): the reason for asking, not what is asked.
const PRESENTING = /^(?:attached|enclosed|below|above|here)(?:\s+(?:is|are|you\s+(?:will\s+)?find)|'s)\b|^(?:i|we)\s+(?:don't|dont|do\s+not|can't|cant|cannot|couldn't|didn't|won't)\s+(?:have|know|understand|speak|read|see|hear|get)\b|^(?:i|we)\s+(?:(?:only|just|mostly|can\s+only)\s+)?(?:speak|understand|read)\s+(?:only\s+)?[a-z]+(?:\s+and\s+[a-z]+)?\s*[.!]?$|^(?:i|we)\s+(?:can|could)\s+(?:barely|hardly|scarcely)\s+(?:hear|see|read|understand|make\s+out)\b/i;

export function setsScene(clause: string): boolean {
  const s = clause.trim().replace(DISCOURSE_OPENING, '');
  return (SCENE_OPENING.test(s) || DESCRIPTION.test(s) || PRESENTING.test(s)) && !REQUEST_MARKER.test(s);
}

/**
 * The words that frame a request rather than say what to do: "could you assist me in",
 * "please", "I'd like you to". They are not evidence of any task ("assist" is in a chatbot's
 * description: voice assistants) and only dilute a clause's match. TaskBench dev: node F1
 * 55.46 → 55.12, edge 18.82 → 19.29 (fewer chatbots, more clauses over the bar). "Tell me",
 * "show me", "give me" and "let me know" frame too: 64.81 / 29.42 → 64.92 / 29.70. So does
 * "assistant", the one the user talks to ("Could you, assistant, enhance …"): 73.79 / 37.76 →
 * 73.91 / 37.88.
 */
export const FRAMING = /\b(?:could|can|would|will)\s+(?:you|u)\b|\b(?:please|kindly)\b|\b(?:help|assist)(?:\s+me)?\b|\b(?:i|we)(?:'d|\s+would)\s+(?:(?:\w+ly|also|really|just|still|then|now)\s+)?(?:like|love|want|appreciate)(?:\s+it)?\b|\b(?:if|whether)\s+(?:you|u)\s+(?:could|can|would|might)\b|\b(?:i|we)\s+(?:(?:only|just|also|really|still|then|now|do|\w+ly)\s+)?(?:want|need|wish|hope)\b|\bis\s+(?:(?:it|there)\s+)?(?:possible|a\s+way)\b|\b(?:would|will|might)\s+it\s+be\s+possible\b|\b(?:be|are|is)\s+able\s+to\b|\bfor\s+(?:you|u)\s+to\b|\b(?:tell|show|give)\s+(?:me|us)\b|\blet\s+(?:me|us)\s+know\b|\b(?:my\s+)?assistant\b/gi;

// A sentence that opens by supposing ("Imagine you find a photo, named 'example.jpg', teeming
// with objects") is no bare imperative: it asks only if it says so in other words. "Say," with
// its comma supposes; "Say it aloud" asks. "Let's consider that I have …" supposes too.
// TaskBench dev: value F1 40.82 → 40.85 (the scene no longer plans a chatbot).
const SUPPOSING = /^(?:(?:imagine|suppose|assume|assuming|let's\s+(?:say|consider|imagine|suppose|assume|pretend))\b|say\s*,)/i;

export function asksSomething(sentence: string): boolean {
  const s = sentence.trim().replace(DISCOURSE_OPENING, '');
  if (SUPPOSING.test(s)) return REQUEST_MARKER.test(s.replace(SUPPOSING, ''));
  return REQUEST_MARKER.test(s) || !STATEMENT_OPENING.test(s) || questionAfterColon(s);
}

/** "The poster: who is performing and when": what a colon introduces is asked. */
function questionAfterColon(text: string): boolean {
  const colon = text.lastIndexOf(':');
  return colon >= 0 && QUESTION.test(text.slice(colon + 1).replace(FRAMING, ' ').replace(/^[\s,]+/, ''));
}

/**
 * Words that ask, once the framing of a request is set aside ("could you condense it?" asks
 * for a summary, not a question answered): an opening question word or auxiliary, or a
 * question asked indirectly ("tell me who the mayor is", "I want to know when it opens").
 * "How about 'Hello'?" offers, and asks nothing.
 */
const QUESTION = /^\s*(?:who|whom|whose|what|which|when|where|why|how(?!\s+about\b)|is|are|was|were|does|do(?!\s+(?:a|an)\b)|did|can|could|will|would|has|have|had)\b|\b(?:tell|show|ask|know|find\s+out|explain)\s+(?:me\s+|us\s+)?(?:who|whom|whose|what|which|when|where|why|how)\b/i;

/** Whether these words ask a question. */
export function asksQuestion(text: string): boolean {
  return QUESTION.test(text.replace(FRAMING, ' ').replace(/^[\s,]+/, '')) || questionAfterColon(text);
}

/**
 * A request put politely as a question ("can you make it brighter?", "could you condense
 * it?"): it asks for an action, not whether or which; "could you tell me if she sounds happy?"
 * still asks whether.
 */
export function politeRequest(sentence: string): boolean {
  return /^\s*(?:can|could|would|will)\s+(?:you|u)\b/i.test(sentence) && !asksQuestion(sentence) && !/\b(?:if|whether)\b/i.test(sentence);
}

// A question opening with a wh-word or an auxiliary of being or doing (not of ability: "can
// we try transforming it?" asks for the transforming), or asked indirectly ("tell what they say
// and if they are happy", "tell me the colours in it").
const WHAT_IS = /^(?:(?:tell|show|ask|know|find\s+out|explain|see|check|detect|determine|decide|judge|figure\s+out)\s+(?:me\s+|us\s+)?(?:if|whether|who|what|which|when|where|why|how)|tell\s+(?:me|us)\s+(?:the|its|their|all\s+the)\b|who|whom|whose|what|which|when|where|why|how|is|are|was|were|does|do|did|has|have|had)\b/i;
// Words that make it an action asked for: a modal, "how do I", "how to", "how about", "what about".
const ACTION_ASKED = /\b(?:would|could|should|might|can|will)\b|\bhow\s+(?:do|can)\s+(?:i|we)\b|\b(?:how|what)\s+(?:to|about)\b/i;

/**
 * A question about what is ("what color is the cup?", "where are the silent parts?", "are
 * there parts without speech?"), answered by finding something out; not an action asked in
 * question form, hypothetical or how-to ("what would it look like in black and white?", "how
 * do I make it brighter?"), which an edit answers.
 */
export function asksWhatIs(text: string): boolean {
  // "Answer this about the photo: what color is the cup?": the question follows the colon.
  const colon = text.lastIndexOf(':');
  if (colon >= 0 && asksWhatIs(text.slice(colon + 1))) return true;
  const s = text.replace(FRAMING, ' ').replace(/^[\s,]+/, '');
  // "Could you tell me if …" asks whether, once its politeness is set aside; "if" alone opens a condition.
  const asked = text.replace(FRAMING, (m) => (/^(?:tell|show|give|let)\b/i.test(m) ? m : ' ')).replace(/^[\s,]+/, '');
  return (WHAT_IS.test(s) || WHAT_IS.test(asked)) && !ACTION_ASKED.test(s);
}
