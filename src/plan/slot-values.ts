import { TITLES } from '../text/abbreviations.js';
import { languageMentions } from '../text/languages.js';

/**
 * Values a request states for free-text parameters: dates, times, e-mail addresses, phone
 * numbers, URLs, quoted text, and proper names with the preposition before them ("from
 * New York", "to London", "in Paris"). Recognised by their form, so any tool list's
 * parameters can take them; which parameter takes which is decided by its name.
 */
export interface SlotValues {
  dates: string[];
  times: string[];
  emails: string[];
  phones: string[];
  urls: string[];
  quotes: string[];
  /** Proper names in order, with the word before them (lower-cased), e.g. {name: "New York", after: "from"}. */
  names: Array<{ name: string; after: string }>;
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const DATE = new RegExp(`\\b(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}|(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})(?:,?\\s+\\d{4})?|today|tomorrow|tonight|next\\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year))\\b`, 'gi');
const TIME = /\b(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*[ap]\.?m\.?)?|\b(?:1[0-2]|0?[1-9])\s*[ap]\.?m\.?(?=\W|$)/gi;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
const PHONE = /(?<![\w-])\+?\d[\d\s().-]{6,}\d(?![\w-])/g;
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w-]+\.(?:com|org|net|io|co|edu|gov)\b/gi;
// Capitalised words in a row (with "of"/"de" inside, after a title such as "Dr."), not at the start of a sentence.
const NAME = new RegExp(String.raw`(?<![.!?]\s)(?<!^)\b((?:(?:${TITLES})\.\s+)?[A-Z][\w'-]*(?:\s+(?:of|de|la|del|the)\s+[A-Z][\w'-]*|\s+[A-Z][\w'-]*)*)`, 'g');
const NOT_NAMES = new Set(['I', "I'm", "I've", "I'd", "I'll", 'Can', 'Could', 'Would', 'Please', 'Also', 'Then', 'And', 'The', 'Finally', 'Lastly', 'After', 'Next', 'First', 'AI']);

export function slotValues(text: string, quotes: readonly string[] = []): SlotValues {
  const dates = [...text.matchAll(DATE)].map((m) => m[0]);
  let rest = text;
  for (const d of dates) rest = rest.replace(d, ' ');
  const emails = [...rest.matchAll(EMAIL)].map((m) => m[0]);
  for (const e of emails) rest = rest.replace(e, ' ');
  const urls = [...rest.matchAll(URL)].map((m) => m[0].replace(/[.,;:!?)]+$/, ''));
  for (const u of urls) rest = rest.replace(u, ' ');
  const times = [...rest.matchAll(TIME)].map((m) => m[0].trim());
  for (const t of times) rest = rest.replace(t, ' ');
  const phones = [...rest.matchAll(PHONE)].map((m) => m[0].trim()).filter((p) => p.replace(/\D/g, '').length >= 7);
  const languages = new Set(languageMentions(text).map((m) => m.language.name));
  const names = [...rest.matchAll(NAME)]
    .map((m) => ({ name: m[1]!, after: (rest.slice(0, m.index).trim().split(/\s+/).pop() ?? '').toLowerCase() }))
    .filter((n) => !NOT_NAMES.has(n.name) && !languages.has(n.name) && !quotes.some((q) => q.includes(n.name)));
  return { dates, times, emails, phones, urls, quotes: [...quotes], names };
}

/** Which kind of value a parameter takes, from its name and description. */
export function slotKind(name: string, description = ''): keyof SlotValues | 'origin' | 'destination' | 'place' | undefined {
  const n = name.toLowerCase().replace(/[_-]+/g, ' ');
  const d = description.toLowerCase();
  if (/\bdate\b|\bday\b|\bdeadline\b/.test(n)) return 'dates';
  if (/\btime\b|\bhour\b/.test(n)) return 'times';
  if (/e ?mail/.test(n)) return 'emails';
  // By the name, or a description that speaks of the number (a bill's "eg. gas, phone" does not).
  if ((/phone|mobile|telephone/.test(n) || /\b(?:phone|mobile|telephone) number\b|\bnumber\b.*\b(?:call|sms)\b/.test(d)) && !/\bid\b/.test(n)) return 'phones';
  if (/\burl\b|\blink\b|website|\bsite\b|\bdomain\b/.test(n)) return 'urls';
  if (/^(from|origin|source|departure)\b/.test(n)) return 'origin';
  if (/^(to|destination|arrival)\b/.test(n)) return 'destination';
  if (/location|city|place|address|country|where/.test(n)) return 'place';
  if (/content|text|message|query|title|topic|name|product|item|instruction|note|document|book|course|job|issue|food|package|song|movie|keyword|subject|body/.test(n)) return 'quotes';
  // Named things: a search engine, a social network, a bank, a platform — a proper name.
  if (/engine|network|platform|bank|company|store|shop|library|university|school|doctor|lawyer|hotel|restaurant|airline|software|service|provider|app\b|brand|stock/.test(n)) return 'names';
  return undefined;
}

/** The value of that kind the clause states, if exactly one reading is likely. */
export function pickSlot(values: SlotValues, kind: ReturnType<typeof slotKind>, taken: ReadonlySet<string>): string | undefined {
  const free = (xs: readonly string[]) => xs.find((x) => !taken.has(x));
  switch (kind) {
    case undefined:
      return undefined;
    case 'origin':
      return free(values.names.filter((n) => n.after === 'from').map((n) => n.name));
    case 'destination':
      return free(values.names.filter((n) => ['to', 'for', 'towards'].includes(n.after)).map((n) => n.name));
    case 'place':
      return free(values.names.filter((n) => ['in', 'at', 'to', 'for', 'near', 'of'].includes(n.after)).map((n) => n.name)) ?? free(values.names.map((n) => n.name));
    case 'names':
      return free(values.names.map((n) => n.name));
    default:
      return free(values[kind] as string[]);
  }
}
