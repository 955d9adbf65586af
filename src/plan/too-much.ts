import { wordNet } from '../retrieval/wordnet.js';

/**
 * "The video is too slow", "photo too dark, fix": a complaint asks for the opposite of what
 * it names. "Too" and an adjective are read as the adjective's opposites, from WordNet's
 * antonyms ("slow" → fast, "dark" → light, "big" → little, small), so that the words match the
 * operation that removes the complaint rather than the one that makes it worse ("too slow" had
 * slowed the video further). English makes "make it ADJ" of many adjectives with "-en"
 * (brighten, darken, shorten); that verb's opposite, and the adjective it makes, are what the
 * complaint asks too ("too bright" → darken, dark; before, only "dull", which no
 * documentation says; "too quiet" → louden, loud). An adjective WordNet
 * gives no opposite is left as it is.
 */
const TOO = /\btoo\s+([a-z]+)\b/gi;

export function oppositeOfTooMuch(text: string): string {
  return text.replace(TOO, (all, adjective: string) => {
    const verbs = madeSo(adjective).flatMap((verb) => wordNet().verbAntonyms(verb));
    const opposites = [...new Set([...wordNet().antonyms(adjective), ...verbs, ...verbs.flatMap(soMade)])];
    return opposites.length ? opposites.join(' ') : all;
  });
}

/** The adjective a verb in "-en" makes a thing: "louden" → loud, "widen" → wide, "flatten" → flat. */
function soMade(verb: string): string[] {
  const stem = /^(.+)en$/.exec(verb)?.[1];
  if (!stem) return [];
  const forms = [stem, `${stem}e`, ...(stem.at(-1) === stem.at(-2) ? [stem.slice(0, -1)] : [])];
  return forms.filter((a) => wordNet().partsOfSpeech(a).has('adj')).slice(0, 1);
}

/** The verbs WordNet knows for making a thing so: "bright" → brighten, "wide" → widen, "flat" → flatten. */
function madeSo(adjective: string): string[] {
  const a = adjective.toLowerCase();
  const forms = [`${a}en`, a.endsWith('e') ? `${a.slice(0, -1)}en` : `${a}${a.at(-1)}en`];
  return forms.filter((verb) => wordNet().partsOfSpeech(verb).has('verb'));
}
