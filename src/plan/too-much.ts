import { wordNet } from '../retrieval/wordnet.js';

/**
 * "The video is too slow", "photo too dark, fix": a complaint asks for the opposite of what
 * it names. "Too" and an adjective are read as the adjective's opposites, from WordNet's
 * antonyms ("slow" → fast, "dark" → light, "big" → little, small), so that the words match the
 * operation that removes the complaint rather than the one that makes it worse ("too slow" had
 * slowed the video further). An adjective WordNet gives no opposite is left as it is.
 */
const TOO = /\btoo\s+([a-z]+)\b/gi;

export function oppositeOfTooMuch(text: string): string {
  return text.replace(TOO, (all, adjective: string) => {
    const opposites = wordNet().antonyms(adjective);
    return opposites.length ? opposites.join(' ') : all;
  });
}
