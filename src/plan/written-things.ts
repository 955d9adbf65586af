import { wordNet } from '../retrieval/wordnet.js';

/**
 * Whether a request points at a thing that carries writing: "this poster", "on the menu",
 * "this card", "the flyer". A question about such a thing in a picture is a question about
 * the text on it ("the poster: who is performing and when"), not about what the picture
 * shows. What carries writing is what WordNet files under communication (a poster is a sign,
 * a menu a list, a flyer an ad, a letter a document), so no list of nouns is kept here; a
 * photo, a cup or a street is none. Only a noun the request points at ("this card", "the
 * flyer"), not what it asks for: "what's the story", "tell me the news" ask, they point at nothing.
 */
const POINTED = /(?:\b(?:this|that|these|those|my|our|your)\s+|(?<!\b(?:what's|whats|what\s+is|what\s+are|what\s+was|me|us)\s+)\bthe\s+)([a-z]+)\b/gi;

export function pointsAtWriting(request: string): boolean {
  // Not the user's own speech acts: "answer this question about the photo" points at no writing.
  return [...request.matchAll(POINTED)].some((m) => wordNet().isKindOf(m[1]!, 'communication') && !wordNet().isKindOf(m[1]!, 'speech_act'));
}
