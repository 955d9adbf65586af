import { stemmer } from 'stemmer';

// Function words carry no evidence about which task a clause asks for; nor do hedges ("could
// possibly belong to" is no image manipulation because that "is possible": TaskBench HF dev
// 67.15 / 31.32 → 67.48 / 31.42).
const STOPWORDS = new Set(
  `a an the this that these those it its it's them they their there here of in on at to into for from by with
   and or but then also as is are was were be been being do does did can could would should will shall may might
   me my i you your we our us he she his her please just some any all each every which what who whom whose
   so if than too very via about over under up down out off again once only own same such no nor not
   based using given have has had having possible possibly perhaps maybe probably actually really certainly`.split(/\s+/),
);

export function words(text: string): string[] {
  // A one-letter prefix is part of its word: "e-mail" is "email", as most documentation spells it.
  // The "'s" of a possessive or of "what's" is no word.
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/\b([a-z])-(?=[a-z]{2})/g, '$1').replace(/(?<=[a-z])['’]s\b/g, '').match(/[a-z0-9]+/g) ?? [];
}

// Words Porter's stemmer conflates with another word: "news" is not the plural of "new", nor
// is an "animal" an "animation".
const STEM_OVERRIDES = new Map([['news', 'news'], ['animal', 'animal'], ['animals', 'animal']]);

// Irregular forms Porter's stemmer cannot take back to their verb: "spoken words" are what
// "speak" documents. TaskBench HF dev 63.77 / 29.09 → 64.54 / 29.24.
const IRREGULAR = new Map(
  Object.entries({
    speak: 'spoke spoken', write: 'wrote written', draw: 'drew drawn', take: 'took taken', find: 'found', tell: 'told',
    say: 'said', see: 'saw seen', show: 'shown', give: 'gave given', choose: 'chose chosen', sing: 'sang sung', hear: 'heard',
    break: 'broke broken', hide: 'hid hidden', know: 'knew known', bring: 'brought', buy: 'bought', think: 'thought',
    teach: 'taught', catch: 'caught', send: 'sent', build: 'built', keep: 'kept', understand: 'understood', mean: 'meant',
    feel: 'felt', hold: 'held', make: 'made', get: 'got gotten', go: 'went gone', shoot: 'shot',
  }).flatMap(([base, forms]) => forms.split(' ').map((f) => [f, base] as [string, string])),
);

/** An irregular form of a verb ("wrote", "spoken"): an English word WordNet's index does not list. */
export function isIrregularForm(word: string): boolean {
  return IRREGULAR.has(word);
}

// British spellings stem apart from American ones ("summarise" → summaris, "summarize" →
// summar), and tool lists are mostly written in American: "colourise" must find a Colorizer.
// TaskBench HF dev unchanged (its few "analyse" and "summarised" already matched otherwise).
const BRITISH_IZE = /^(summar|categor|recogn|visual|organ|optim|emphas|character|prior|real|util|special|standard|normal|custom|minim|maxim|personal|modern|symbol|author|general|stabil|color|synthes|memor|apolog)is(e|es|ed|ing|ation|ations|er|ers)$/;
const BRITISH = new Map([['analyse', 'analyze'], ['analysed', 'analyzed'], ['analyses', 'analyzes'], ['analysing', 'analyzing'], ['centre', 'center'], ['grey', 'gray']]);

function american(word: string): string {
  // Most words have neither spelling: skip the patterns (terms() is on every search's path).
  if (!word.includes('our') && !word.includes('is')) return BRITISH.get(word) ?? word;
  const w = word.replace(/^(col|fav|behavi|neighb|hum|flav|harb)our/, '$1or');
  return BRITISH.get(w) ?? w.replace(BRITISH_IZE, '$1iz$2');
}

// Nouns Porter's stemmer leaves apart from their verb: "transcription" is transcript, "transcribe"
// transcrib; "classification" classif, "classify" classifi. Documentation names the task with
// one, requests ask with the other ("I'd like the transcription of it" must find the tool that
// is "transcribing a given audio"). TaskBench HF dev 64.92 / 29.70 → 65.58 / 30.08; the
// hand-written daily-life and multimedia requests plan as before.
const NOMINAL = /(?:ification|ription|riptive|ognition|uction|ysis|ynthesis|arison|anation|onversion|eation)s?$/;
const VERB_ENDING: Record<string, string> = { ification: 'ify', ription: 'ribe', riptive: 'ribe', ognition: 'ognize', uction: 'uce', ysis: 'yze', ynthesis: 'ynthesize', arison: 'are', anation: 'ain', onversion: 'onvert', eation: 'eate' };
function verbOf(word: string): string {
  const m = NOMINAL.exec(word);
  return m ? word.slice(0, m.index) + (VERB_ENDING[m[0]] ?? VERB_ENDING[m[0].slice(0, -1)]!) : word;
}

/** A word's stem for matching (Porter, after the irregular forms and with the overrides above). */
export function stem(word: string): string {
  return STEM_OVERRIDES.get(word) ?? stemmer(IRREGULAR.get(word) ?? american(word));
}

// Users' short words for the kinds of things documentation names in full ("this pic", "the ppl in it").
const INFORMAL = new Map([
  ['pic', 'picture'], ['pics', 'pictures'], ['pix', 'pictures'], ['img', 'image'], ['imgs', 'images'], ['photograph', 'photo'],
  ['photographs', 'photos'], ['snapshot', 'photo'], ['vid', 'video'], ['vids', 'videos'], ['footage', 'video'],
  ['ppl', 'people'], ['msg', 'message'], ['msgs', 'messages'],
]);

/**
 * A word's stem with nouns of action read as their verb ("transcription" as transcribe): how
 * the built-in planner matches requests to task documentation. Not for API retrieval, whose
 * selector was tuned on training questions with plain stems (with these, TorchHub 88.71 % →
 * 87.10 %).
 */
export function actionStem(word: string): string {
  return stem(verbOf(INFORMAL.get(word) ?? word));
}

/** Content words, stemmed: the unit of lexical matching. */
export function terms(text: string, stemOf: (word: string) => string = stem): string[] {
  return words(text).filter((w) => !STOPWORDS.has(w)).map(stemOf);
}

/**
 * Content words, stemmed as the planner matches them (see actionStem). "More" only says more
 * of what follows ("make it more small" is smaller): a function word to the planner, not to
 * API retrieval, whose figures were measured with it.
 */
export function actionTerms(text: string): string[] {
  return terms(text, actionStem).filter((t) => t !== 'more');
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase());
}
