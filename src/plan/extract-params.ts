import type { ParamSpec, TaskType } from '../core/task-type.js';
import { languageMentions } from '../text/languages.js';
import { actionTerms as terms } from '../text/tokenize.js';
import { clauseWords, type Clause } from './request-analysis.js';
import { pickSlot, slotKind, slotValues, type SlotValues } from './slot-values.js';
import { cuedValues, paramCues } from './param-cues.js';
import { choicesIn } from './choices.js';
import { plainVerbs } from './phrasal-verbs.js';
import { oppositeOfTooMuch } from './too-much.js';
import { languageEffects } from '../catalog/effects.js';
import { askedProperties } from './asked-properties.js';

/**
 * A task's parameters read off its clause: languages, labels to choose from, the user's own
 * question, enumerations, numbers, and free values (places, dates, addresses) for imported APIs.
 */

/**
 * Parameters the clause states. Languages: "from X" is a source, "into/to X" a target,
 * any other mention the language of the task. Enumerations: the value whose name or
 * description shares most words with the clause. Numbers: "800x600" for width and height,
 * "50%" for a percentage, otherwise the number goes to the parameter whose name and
 * description share most words with the two words either side of it ("90 degrees").
 */
export function extractParams(specs: ParamSpec[], clause: Clause, type?: TaskType): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const text = clauseWords(clause);
  const clauseTerms = new Set(terms(plainVerbs(oppositeOfTooMuch(text))));
  const mentions = languageMentions(text);
  // The words after "into", "to" or "as": what the thing should become.
  // So are the words after the thing a verb of making names ("turn the photo negative", "make it grey").
  const result = /\b(?:into|to|as)\b(.*)$/i.exec(text)?.[1] ?? /\b(?:turn|make|get|render)(?:s|ed|ing)?\s+(?:it|this|that|them|(?:the|this|that|my|your)\s+\w+)\s+(.+)$/i.exec(text)?.[1];
  const resultTerms = new Set(result ? terms(result) : []);
  for (const spec of specs) {
    if (spec.format === 'request') {
      // The user's own words for this step: the question a question-answering task answers —
      // the whole sentence if it is a question, else its own clause ("read the sign and tell me
      // when it opens": not the reading).
      const question = clause.sentence && /\?\s*$/.test(clause.sentence) ? clause.sentence : undefined;
      const words = (question ?? (clause.raw ?? clause.text).replace(/⟦\d+⟧/g, ' ')).replace(/\s+/g, ' ').trim();
      if (words) out[spec.name] = words;
    } else if (spec.format === 'choices') {
      // The labels offered to choose from: "about food or service".
      // A yes/no question offers its predicate and its denial: "is this spam?" chooses between
      // spam and not spam (before: no labels, an invalid plan).
      const labels = choicesIn(clause.sentence ?? clause.text) ?? offeredByYesNo(clause.raw ?? clause.text);
      if (labels) out[spec.name] = labels;
    } else if (spec.format === 'language') {
      const isSource = /source|from/.test(spec.name);
      const isTarget = /target|into|dest/.test(spec.name);
      // The language of the picture or speech a step reads is never the one the result goes
      // "into": "sign text -> french" reads an English sign and wants French.
      const reads = type !== undefined && languageEffects(type).reads?.param === spec.name;
      // Nor is a language offered as an answer, "is the text in French or English?", the one it reads.
      const offered = (m: (typeof mentions)[number]) => mentions.some((o) => o !== m && /^\S+\s+or\s+(?:in\s+)?$/i.test(text.slice(Math.min(m.index, o.index), Math.max(m.index, o.index)).replace(/^(?:into|to|in|from)\s+/i, '')));
      // Nor one asked about, "is the speech english?": the language is the question, not a fact.
      const asked = reads && askedProperties(clause.sentence ?? clause.raw ?? clause.text).some((p) => p.words.includes('language'));
      const pick = asked ? undefined : mentions.find((m) => (isSource ? m.preposition === 'from' : isTarget ? m.preposition !== 'from' : reads ? m.preposition !== 'into' && !offered(m) : true));
      if (pick) out[spec.name] = pick.language.code;
    } else if (spec.enum) {
      let best: { value: unknown; score: number } | undefined;
      for (const value of spec.enum) {
        const doc = `${String(value).replace(/[-_]/g, ' ')} ${spec.enumDescriptions?.[String(value)] ?? ''}`;
        const own = terms(String(value)).some((t) => clauseTerms.has(t)) ? 1 : 0;
        const shared = terms(doc).filter((t, i, all) => all.indexOf(t) === i && clauseTerms.has(t));
        // The result a clause names outweighs its verb: "turn it into a negative" inverts.
        const score = own + shared.length + shared.filter((t) => resultTerms.has(t)).length;
        if (score > 0 && (!best || score > best.score)) best = { value, score };
      }
      if (best) out[spec.name] = best.value;
    }
  }
  Object.assign(out, extractNumbers(specs.filter((s) => s.type === 'number' || s.type === 'integer'), text));
  // Free-text parameters (an API's location, date, e-mail address, message): values the
  // clause states in a recognisable form, matched to parameters by their names.
  const free = specs.filter((s) => (s.type === undefined || s.type === 'string') && !s.enum && !(s.name in out) && (s.format === undefined || s.format === 'date' || s.format === 'date-time'));
  if (free.length && clause.raw) {
    const values = clauseSlots(clause, clause.raw);
    const taken = new Set<string>();
    // Values of a recognisable form first (dates, addresses, numbers), then what each
    // parameter's documentation cues, then any quote or proper name its kind takes.
    const kinds = new Map(free.map((spec) => [spec, spec.format?.startsWith('date') ? 'dates' : slotKind(spec.name, spec.description)] as const));
    const byForm = (kind: ReturnType<typeof slotKind> | 'dates') => kind !== undefined && kind !== 'quotes' && kind !== 'names' && kind !== 'place' && kind !== 'origin' && kind !== 'destination';
    const take = (spec: ParamSpec, value: string | undefined) => {
      if (value !== undefined && !(spec.name in out)) (out[spec.name] = value), taken.add(value);
    };
    for (const spec of free) if (byForm(kinds.get(spec))) take(spec, pickSlot(values, kinds.get(spec), taken));
    const cued = cuedValues(paramCues(free.filter((spec) => !(spec.name in out)), type), clause.raw, taken);
    for (const spec of free) take(spec, cued.get(spec.name));
    for (const spec of free) if (!byForm(kinds.get(spec))) take(spec, pickSlot(values, kinds.get(spec), taken));
  }
  // In the documentation's order, whichever pass found them.
  return Object.fromEntries(specs.filter((s) => s.name in out).map((s) => [s.name, out[s.name]]));
}

// Ranking reads every candidate type's parameters off the same clause: its values once.
const slotCache = new WeakMap<Clause, SlotValues>();
function clauseSlots(clause: Clause, raw: string): SlotValues {
  let values = slotCache.get(clause);
  if (!values) slotCache.set(clause, (values = slotValues(raw, clause.quoted ?? [])));
  return values;
}

/** Numbers people write as words, up to twenty and the tens: "the first three seconds". */
const NUMBER_WORDS: Record<string, number> = Object.fromEntries(
  ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty']
    .map((w, i) => [w, i] as [string, number])
    .concat([['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['ninety', 90], ['hundred', 100], ['twice', 2]]),
);

function extractNumbers(specs: ParamSpec[], text: string): Record<string, number> {
  const out: Record<string, number> = {};
  const byName = (n: string) => specs.find((s) => s.name === n);
  // "three seconds": the words read as the numbers they are, where a number is wanted ("one" is
  // as often a pronoun, "the one on the left": a number only before a word a numeric
  // parameter documents, "in one sentence").
  const units = new Set(specs.flatMap((s) => terms(`${s.name.replace(/_/g, ' ')} ${s.description ?? ''}`)));
  let rest = text.replace(/\b([a-z]+)\b(?=(\s+[a-z]+)?)/gi, (w, _word: string, next: string | undefined) => {
    const n = NUMBER_WORDS[w.toLowerCase()];
    if (n === undefined) return w;
    return w.toLowerCase() !== 'one' || (next !== undefined && terms(next).some((t) => units.has(t))) ? String(n) : w;
  });
  // A time written as a clock ("00:07", "1:30") or with its unit run on ("4.5s", "10sec") is so
  // many seconds, for parameters counted in seconds (an alarm's "7:30" is no 450 seconds).
  if (units.has('second')) {
    rest = rest
      .replace(/\b(\d{1,2}):([0-5]\d)\b/g, (_, m: string, sec: string) => `${Number(m) * 60 + Number(sec)} seconds`)
      .replace(/\b(\d+(?:\.\d+)?)(?:s|secs?|seconds?)\b/gi, '$1 seconds')
      // Minutes and hours are so many seconds too: "the first minute", "1.5 minutes", "half a minute".
      .replace(/\bhalf\s+(?:a|an)\s+minute\b/gi, '30 seconds')
      .replace(/\b(\d+(?:\.\d+)?)\s*(?:minutes?|mins?)\b/gi, (_, n: string) => `${Number(n) * 60} seconds`)
      .replace(/\b(\d+(?:\.\d+)?)\s*(?:hours?|hrs?)\b/gi, (_, n: string) => `${Number(n) * 3600} seconds`)
      .replace(/\b(?:a|an|one)\s+(minute|hour)\b/gi, (_, unit: string) => `${/^m/i.test(unit) ? 60 : 3600} seconds`)
      .replace(/\b(first|last)\s+(minute|hour)\b/gi, (_, which: string, unit: string) => `${which} ${/^m/i.test(unit) ? 60 : 3600} seconds`);
  }
  // "100px" is so many pixels.
  rest = rest.replace(/\b(\d+)px\b/gi, '$1 pixels');
  const dims = /(\d+)\s*[x×]\s*(\d+)/.exec(rest);
  if (dims && byName('width') && byName('height')) {
    out.width = Number(dims[1]);
    out.height = Number(dims[2]);
    rest = rest.replace(dims[0], ' ');
  }
  // "2x speed", "1.5× faster": so many times.
  rest = rest.replace(/\b(\d+(?:\.\d+)?)\s*[x×](?![\w\d])/gi, '$1 times');
  // The first seconds taken away are where to start: "remove the first 5 seconds", "cut the
  // first 3 seconds (off)" (before: the first seconds kept, the opposite); "cut it to the
  // first 3 seconds" keeps them.
  // "Trim the first 5 seconds off" takes them away too.
  const dropped =
    /\b(?:remove|delete|drop|skip|lose|cut(?:\s+out|\s+away)?|trim\s+off|get\s+rid\s+of)\s+(?:the\s+)?first\s+(\d+(?:\.\d+)?)\s*(?:s|secs?|seconds?)\b/i.exec(rest) ??
    /\b(?:trim|cut|chop|take)\s+(?:the\s+)?first\s+(\d+(?:\.\d+)?)\s*(?:s|secs?|seconds?)\s+off\b/i.exec(rest);
  if (dropped && byName('start')) {
    out.start = Number(dropped[1]);
    rest = rest.replace(dropped[0], ' ');
  }
  // A span of time, "from 2 to 5 seconds", "between 0:10 and 0:20": where to start and how long to keep.
  const span = /\b(?:from|between)\s+(\d+(?:\.\d+)?)\s*(?:s|secs?|seconds?)?\s+(?:to|and|until|till)\s+(\d+(?:\.\d+)?)/i.exec(rest);
  if (span && byName('start') && byName('duration') && Number(span[2]) > Number(span[1])) {
    out.start = Number(span[1]);
    out.duration = Number(span[2]) - Number(span[1]);
    rest = rest.replace(span[0], ' ');
  }
  const percent = /(\d+(?:\.\d+)?)\s*(?:%|percent\b)/.exec(rest);
  const percentSpec = specs.find((s) => /percent/.test(s.description ?? ''));
  if (percent && percentSpec) {
    out[percentSpec.name] = Number(percent[1]);
    rest = rest.replace(percent[0], ' ');
  }
  const tokens = rest.split(/\s+/).filter(Boolean);
  tokens.forEach((token, i) => {
    if (!/^-?\d+(?:\.\d+)?$/.test(token)) return;
    const near = new Set(terms(tokens.slice(Math.max(0, i - 2), i + 3).join(' ')));
    let best: { spec: ParamSpec; score: number } | undefined;
    for (const spec of specs) {
      if (spec.name in out) continue;
      const score = new Set(terms(`${spec.name.replace(/_/g, ' ')} ${spec.description ?? ''}`).filter((t) => near.has(t))).size;
      if (score > 0 && (!best || score > best.score)) best = { spec, score };
    }
    if (best) out[best.spec.name] = Number(token);
  });
  return out;
}

/** "Is this spam", "is the email a scam?": the thing it is asked to be, one or two words, and its denial. */
function offeredByYesNo(text: string): string[] | undefined {
  const m = /^\s*(?:is|are|was|were)\s+(?:it|this|that|these|those|(?:the|this|that|these|those|my)\s+[a-z]+)\s+(?:an?\s+)?([a-z]+(?:\s+[a-z]+)?)\s*\??\s*$/i.exec(text);
  return m ? [m[1]!, `not ${m[1]!}`] : undefined;
}
