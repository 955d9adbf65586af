/**
 * The labels a clause offers to choose from: "is this review about food or service?",
 * "sports, politics or technology", "spam or not spam". The list ends at "or" and its last
 * item; it begins after the word that introduces it (about, as, between, into, among, either,
 * a colon) or, failing one, takes the one item before "or". Quoted words are the material.
 */
const INTRO = /\b(?:about|as|between|into|among|either|whether\s+it\s+is|is\s+it)\s+|:\s*/gi;

export function choicesIn(text: string): string[] | undefined {
  return offeredChoices(text)?.labels;
}

/**
 * Labels offered after a word that introduces them ("is it hate speech or not", "as urgent or
 * not urgent"), which are surely labels, not things to find: "any dates or places in it?"
 * names what to look for.
 */
export function introducedChoices(text: string): string[] | undefined {
  const offered = offeredChoices(text);
  return offered?.introduced ? offered.labels : undefined;
}

/**
 * A list of short items after "one of", "from", "among" or "between" and a colon, that ends
 * its sentence, with or without a last "and" or "or" ("into one of: sports, politics,
 * business", "pick from these labels: …"): labels to choose among. Not a list after any colon
 * ("steps: blur, rotate, grayscale" names operations), nor one that points at the material.
 */
const ITEM = String.raw`(?!(?:and|or)\b)[\p{L}'-]+(?:\s+(?!(?:and|or)\b)[\p{L}'-]+)?`;
export const COLON_LIST = new RegExp(String.raw`\b(?:one\s+of|from|among|between)(?:\s+[\p{L}'-]+){0,3}\s*:\s*(${ITEM}(?:(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)${ITEM})+)(?=\s*(?:[?.!]|$))`, 'iu');

export function colonListed(text: string): string[] | undefined {
  const list = COLON_LIST.exec(text)?.[1];
  if (!list || /\b(?:it|them|this|that|these|those|then)\b/i.test(list)) return undefined;
  return list.split(/\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+/).map((l) => l.trim());
}

function offeredChoices(text: string): { labels: string[]; introduced: boolean } | undefined {
  const said = text.replace(/(["'‘“])(?:(?!\1).){2,}?\1/g, ' ');
  const listed = colonListed(said);
  if (listed) return { labels: [...new Set(listed)], introduced: true };
  const or = said.toLowerCase().lastIndexOf(' or ');
  if (or < 0) return undefined;
  const last = /^\s*((?:[\w'-]+\s*){1,3}?)(?=[?.!,;]|\s*$)/.exec(said.slice(or + 4))?.[1]?.trim();
  if (!last) return undefined;
  const before = said.slice(0, or);
  const intro = [...before.matchAll(INTRO)].at(-1);
  const items = intro ? before.slice(intro.index! + intro[0].length).split(/\s*,\s*/) : [before.trim().split(/\s+/).at(-1) ?? ''];
  const labels = [...items, last].map((l) => l.trim().replace(/^(?:the|a|an)\s+/i, '')).filter((l) => l && l.split(/\s+/).length <= 3);
  // "spam or not": the second label is the first one denied.
  if (labels.length === 2 && /^not$/i.test(labels[1]!)) labels[1] = `not ${labels[0]}`;
  return labels.length >= 2 ? { labels: [...new Set(labels)], introduced: intro !== undefined } : undefined;
}
