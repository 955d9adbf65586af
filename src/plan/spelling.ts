import type { Catalog } from '../catalog/catalog.js';
import { wordNet } from '../retrieval/wordnet.js';
import { LANGUAGES } from '../text/languages.js';
import { isIrregularForm, isStopword } from '../text/tokenize.js';

/**
 * Misspelt words read as the word of the catalog's documentation they were meant to be
 * ("transcibe" → transcribe, "sumarize" → summarize), so that a typo in the one word that
 * names the task does not leave the request unplanned. The vocabulary is the documentation
 * itself (names, descriptions, examples, inputs and outputs of every task type), so imported
 * tools bring their own words and nothing is listed by hand, and the names of the languages
 * Troupe knows ("portugese" → portuguese).
 *
 * A word is left alone when it is an English word (WordNet knows it or its base form, and it is
 * not a rare one a single edit from a common documented word), a
 * function word, short (under 4 letters: "pls", "ppl" are not typos), capitalised inside the
 * request (a name, unless it is nearest to a language's name: "Portugese"), has digits, or sits
 * inside quotes (the user's own text). It is corrected only when exactly one documented word
 * is nearest, within one edit (two from 8 letters), a swap of neighbours counting as one.
 */
export interface Correction {
  text: string;
  /** "read 'transcibe' as 'transcribe'", one per word changed. */
  notes: string[];
}

const vocabularies = new WeakMap<Catalog, Map<number, string[]>>();

/** The documentation's words, by length, so that a lookup compares only words of near length. */
function vocabularyOf(catalog: Catalog): Map<number, string[]> {
  let byLength = vocabularies.get(catalog);
  if (byLength) return byLength;
  const seen = new Set<string>();
  for (const t of catalog.taskTypes.values()) {
    const text = [t.id.replace(/-/g, ' '), t.name, t.description, ...t.examples, ...t.inputs.map((i) => i.description), t.output.description].join(' ');
    for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) if (w.length >= 4 && !isStopword(w)) seen.add(w);
  }
  for (const l of LANGUAGES) if (/^[a-z]+$/i.test(l.name)) seen.add(l.name.toLowerCase());
  byLength = new Map();
  for (const w of seen) {
    const list = byLength.get(w.length) ?? [];
    list.push(w);
    byLength.set(w.length, list);
  }
  vocabularies.set(catalog, byLength);
  return byLength;
}

/** Optimal string alignment distance, giving up past `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

function nearest(word: string, byLength: Map<number, string[]>): string | undefined {
  const limit = word.length >= 8 ? 2 : 1;
  let best = limit + 1;
  let found: string[] = [];
  for (let len = word.length - limit; len <= word.length + limit; len++) {
    for (const candidate of byLength.get(len) ?? []) {
      const d = distance(word, candidate, limit);
      if (d < best) [best, found] = [d, [candidate]];
      else if (d === best) found.push(candidate);
    }
  }
  if (best > limit) return undefined;
  if (found.length === 1) return found[0];
  // Of several as near, the one that only doubles or undoubles a letter, the commonest slip
  // ("writen": written, not write or writer).
  const doubled = found.filter((c) => c.replace(/(.)\1/g, '$1') === word.replace(/(.)\1/g, '$1'));
  return doubled.length === 1 ? doubled[0] : undefined;
}

const LANGUAGE_NAMES = new Set(LANGUAGES.map((l) => l.name.toLowerCase()));

function languageNear(lower: string, byLength: Map<number, string[]>): string | undefined {
  if (LANGUAGE_NAMES.has(lower)) return undefined;
  const meant = nearest(lower, byLength);
  if (!meant || !LANGUAGE_NAMES.has(meant)) return undefined;
  return meant[0]!.toUpperCase() + meant.slice(1);
}

/** Spans of the request inside quotes: the user's own text, never corrected. */
function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(/"[^"]*"|“[^”]*”|(?<![A-Za-z])'[^']*'(?![A-Za-z])/g)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

// Not "dont" (French) nor "cant" (a word): only forms no other word has.
const CONTRACTIONS = new Map([
  ['whats', "what's"], ['thats', "that's"], ['wheres', "where's"], ['whos', "who's"], ['hows', "how's"],
  ['doesnt', "doesn't"], ['isnt', "isn't"], ['arent', "aren't"], ['didnt', "didn't"], ['wasnt', "wasn't"],
]);

/** "-ise", "-ised", "-ising", "-isation" as "-ize" …, the spelling the documentation uses. */
function americanSpelling(word: string): string {
  return word.replace(/(?<=[a-z]{3})is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1');
}

export function correctSpelling(request: string, catalog: Catalog): Correction {
  const byLength = vocabularyOf(catalog);
  const quoted = quotedSpans(request);
  const notes: string[] = [];
  const text = request.replace(/[A-Za-z]+/g, (word, at: number) => {
    // A contraction typed without its apostrophe ("whats in the image").
    const contracted = quoted.some(([s, e]) => at >= s && at < e) ? undefined : CONTRACTIONS.get(word.toLowerCase());
    if (contracted) return contracted;
    if (word.length < 4 || quoted.some(([s, e]) => at >= s && at < e)) return word;
    const lower = word.toLowerCase();
    // A name, or a word the user capitalised on purpose; but a language's name is a name too.
    if (at > 0 && /^[A-Z]/.test(word)) {
      const language = languageNear(lower, byLength);
      if (!language || wordNet().knows(lower)) return word;
      notes.push(`read "${word}" as "${language}"`);
      return language;
    }
    if (isStopword(lower) || isIrregularForm(lower) || byLength.get(lower.length)?.includes(lower)) return word;
    // A file name's parts ("sign.png", "my_photo") are not words.
    if (/[./_\\-]$/.test(request.slice(Math.max(0, at - 1), at)) || /^[./_\\-][A-Za-z0-9]/.test(request.slice(at + word.length, at + word.length + 2))) return word;
    // British "-ise" is the documentation's "-ize" ("summerise" is as near summarize as "summerize").
    const spelt = americanSpelling(lower);
    const meant = nearest(spelt, byLength);
    // WordNet (half a second to load) is asked only about a word that could be a typo. A rare
    // word one edit from a common documented one is taken for a typo of it ("summerize",
    // "summery" for summarize, summary).
    if (!meant || meant === spelt || (wordNet().knows(lower) && !(wordNet().isRare(lower) && !wordNet().isRare(meant) && distance(spelt, meant, 1) <= 1))) return word;
    notes.push(`read "${word}" as "${meant}"`);
    return meant;
  });
  return { text, notes };
}
