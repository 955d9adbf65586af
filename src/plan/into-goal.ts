import type { Catalog } from '../catalog/catalog.js';
import { languageMentions } from '../text/languages.js';
import { actionTerms as terms, isStopword } from '../text/tokenize.js';
import { formatKind } from './format-goal.js';
import { isKindWord } from './type-index.js';
import { wordNet } from '../retrieval/wordnet.js';

/**
 * What a thing is to become, when the verb only says that it changes: "turn this photo into a
 * cartoon", "make it into a negative", "convert the recording into an mp3". The verb names no
 * operation; what follows "into" is the goal, and a step must reach it. A kind ("into text"),
 * a language ("into French") or a file format ("into an mp3") is a goal the planner reaches by
 * other means (the kind wanted, translation, a format converter); any other words are the
 * goal's own, and a type whose documentation never says them does not reach it ("a cartoon":
 * nothing here draws one, so the request is refused, not planned as the nearest picture tool).
 */
const CHANGE_INTO = /\b(?:turn|turns|turned|turning|make|makes|made|making|convert|converts|converted|converting|change|changes|changed|changing|transform|transforms|transformed|transforming)\b[^,;.!?]*?\binto\s+((?:(?:a|an|the|some)\s+)?([\p{L}'-]+(?:\s+[\p{L}'-]+){0,2}?))\s*(?=$|[,;.!?:]|\s+(?:and|then|so|that|which|to|with|for|in|on|at|by|because|please|pls|using|from)\b)/iu;

export interface IntoGoal {
  /** As the request says it: "a cartoon". */
  said: string;
  /** Its own terms, as matched against documentation. */
  terms: string[];
}

/** The goal after "into" that has terms of its own (see above), if any. */
export function intoGoal(text: string, catalog: Catalog): IntoGoal | undefined {
  const m = CHANGE_INTO.exec(text);
  if (!m || languageMentions(m[2]!).length) return undefined;
  const words = m[2]!.toLowerCase().split(/\s+/).filter((w) => w && !isStopword(w));
  // A word WordNet does not know ("audiobook", "podcast") may well be a kind: no verdict. Nor
  // is there a goal of its own when what it is to become is said as a kind ("an interesting
  // video", "an audio format", "a simple video explanation").
  if (!words.length || words.some((w) => formatKind(w, catalog) !== undefined || !wordNet().knows(w) || terms(w).some(isKindWord))) return undefined;
  return { said: m[1]!, terms: terms(words.join(' ')) };
}

/** The goal's own terms, or none. */
export function intoGoalTerms(text: string, catalog: Catalog): string[] {
  return intoGoal(text, catalog)?.terms ?? [];
}
