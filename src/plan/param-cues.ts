import type { ParamSpec } from '../core/task-type.js';

/**
 * Where a request states a free-text parameter's value, read off the parameter's own
 * documentation: the preposition that introduces it ("The university to enroll in the course
 * at" → "at Stanford University"), the noun it names ("the Machine Learning course"), and the
 * examples it lists ("eg. Google, Bing, Baidu"). Any API documented this way (TaskBench's
 * daily-life tools, OpenAPI operations, MCP tools) gets its values without an LLM.
 */
export interface ParamCue {
  /** Words that introduce the value in a request ("from", "at", "on"). */
  preps: string[];
  /** Nouns the value names or modifies ("course", "hotel"). */
  nouns: string[];
  /** Example values the documentation lists. */
  examples: string[];
  /** Words of the tool's own name: "apply for a passport" names the tool, not its country. */
  exclude: string[];
}

const PREPOSITIONS = new Set(['for', 'from', 'to', 'at', 'in', 'on', 'by', 'about', 'with', 'into', 'via']);
// How people say what documentation writes with one preposition: "share by a social network"
// is "share it on Twitter"; "search by an engine" is "search on Google" or "using Bing".
const SAID_AS: Record<string, string[]> = {
  by: ['by', 'on', 'via', 'using', 'through', 'with'],
  at: ['at', 'on', 'from', 'via', 'using', 'through'],
  in: ['in', 'at'],
  for: ['for'],
  about: ['about', 'on', 'regarding'],
};
// Subjects are talked about: "news about AI", "a meeting on climate policy".
const ABOUT_NOUNS = /^(?:topic|subject|issue|theme)s?$/;
// Nouns that say nothing of what the value is ("the name of the hotel": the hotel is the cue).
const GENERIC_NOUNS = new Set(['name', 'content', 'value', 'id', 'text', 'data', 'info', 'information', 'specific', 'the', 'a', 'an', 'of', 'to']);
const DETERMINERS = /^(?:the|a|an|my|our|your|his|her|their|its|this|that|these|those|some)\s+/i;
// Where a stated value ends: punctuation, a conjunction or another preposition.
const BOUNDARY = /^(?:and|then|but|so|or|please|which|that|who|because|while|when|if|after|before|once|for|from|to|at|in|on|by|about|with|via|using|through|into|since|until|as|also|too|now|today|tomorrow)$/i;
const MAX_VALUE_WORDS = 6;
const INFINITIVE = /^(?:be|have|get|do|make|go|see|know|take|help|find|give|use|buy|book|send|pay|order|share|play|check|create|print|call|record|keep|ensure|confirm|learn|read|write|watch|listen|start|try|\w+ing)\b/;

type Documented = { name: string; description: string };

// The planner reads every candidate type's parameters for every clause: each cue once per type.
const cueCache = new WeakMap<Documented, Map<string, ParamCue>>();

/** The cue of each parameter, read once per documented type. */
export function paramCues(specs: readonly ParamSpec[], type?: Documented): Array<readonly [string, ParamCue]> {
  let cues = type && cueCache.get(type);
  if (type && !cues) cueCache.set(type, (cues = new Map()));
  return specs.map((spec) => {
    const cue = cues?.get(spec.name) ?? paramCue(spec, type);
    cues?.set(spec.name, cue);
    return [spec.name, cue] as const;
  });
}

export function paramCue(spec: ParamSpec, type: Documented = { name: '', description: '' }): ParamCue {
  const typeDescription = type.description;
  const description = spec.description ?? '';
  const [main = '', listed = ''] = description.split(/\b(?:e\.?g\.?|for example|such as)[,:]?\s*/i);
  const examples = listed
    .replace(/\betc\.?.*$/i, '')
    .split(/,|\bor\b/)
    .map((e) => e.trim().replace(/[.\s]+$/, ''))
    .filter((e) => e.length > 1);
  const nameWords = spec.name.toLowerCase().split(/[_\s-]+/).filter(Boolean);
  const preps = new Set<string>();
  // A parameter named for its preposition (a flight's "from" and "to").
  if (nameWords.length === 1 && PREPOSITIONS.has(nameWords[0]!)) preps.add(nameWords[0]!);
  // "The location to book the flight from": the description ends with the preposition.
  const last = main.trim().replace(/[.,;:\s]+$/, '').split(/\s+/).pop()?.toLowerCase();
  if (last && PREPOSITIONS.has(last)) preps.add(last);
  // The noun the value names: the parameter's own ("credit card"), or the thing a name or
  // title is of ("The name of the hotel to book").
  const nouns = nameWords.every((w) => GENERIC_NOUNS.has(w) || PREPOSITIONS.has(w)) ? [] : [nameWords.join(' ')];
  const ofNoun = /\b(?:name|title)\s+of\s+(?:the|a|an)\s+([a-z]+)/i.exec(main)?.[1]?.toLowerCase();
  if (ofNoun) nouns.push(ofNoun);
  // "Book a car for a specific date, in a specific location": the tool's description says it.
  for (const noun of nouns) {
    // The noun must head its phrase: "from a specific insurance company" cues the company, not the insurance.
    const m = new RegExp(String.raw`\b(${[...PREPOSITIONS].join('|')})\s+(?:a|an|the)\s+(?:specific\s+)?(?:[a-z]+\s+)?${noun}(?=\s*(?:[,.;]|$)|\s+(?:and|or|for|from|to|at|in|on|by|with|about)\b)`, 'i').exec(typeDescription);
    if (m) preps.add(m[1]!.toLowerCase());
  }
  const said = new Set([...preps].flatMap((p) => SAID_AS[p] ?? [p]));
  if (nouns.some((n) => ABOUT_NOUNS.test(n))) for (const p of SAID_AS.about!) said.add(p);
  const exclude = type.name.toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 2 && !PREPOSITIONS.has(w));
  return { preps: [...said], nouns: [...new Set(nouns)], examples, exclude };
}

/**
 * The values the text states for parameters with these cues, each value used once: listed
 * examples first for every parameter (the most certain), then values after a cue's
 * preposition, then names beside a cue's noun.
 */
export function cuedValues(cues: ReadonlyArray<readonly [string, ParamCue]>, text: string, taken: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  const free = (v: string | undefined) => (v && !taken.has(v) ? v : undefined);
  const passes: Array<(cue: ParamCue) => string | undefined> = [
    // A listed example said in the text, longest first ("Uber Eats" before "Uber"), as the text spells it.
    (cue) => {
      for (const example of [...cue.examples].sort((a, b) => b.length - a.length)) {
        const m = new RegExp(String.raw`\b${escape(example)}\b`, 'i').exec(text);
        if (m && free(m[0])) return m[0];
      }
      return undefined;
    },
    (cue) => {
      for (const prep of cue.preps) {
        // A lookahead, so that each occurrence of the preposition is tried, not only the first.
        for (const m of text.matchAll(new RegExp(String.raw`\b${prep}\s+(?=(.+))`, 'gi'))) {
          // "enroll in the Machine Learning course": the value is what names the course.
          const value = free(withoutNoun(phrase(m[1]!), cue.nouns));
          if (value && !cue.exclude.includes(value.toLowerCase())) return value;
        }
      }
      return undefined;
    },
    (cue) => {
      for (const noun of cue.nouns) {
        // "the Machine Learning course", "Stanford's Machine Learning course": the name before the noun.
        // Not the sentence's first word: "Consult lawyer John Doe" opens with the verb.
        const before = new RegExp(String.raw`(?<=\S\s+)((?:[A-Z0-9][\w'&.-]*\s+){1,4})${noun}s?\b`).exec(text);
        const named = before ? free(before[1]!.trim().replace(/'s$/, '')) : undefined;
        if (named && !/^(?:I|A|The|My|Our)$/.test(named)) return named;
        // "the song 'Imagine'", "a course called Data Science".
        const after = new RegExp(String.raw`\b${noun}s?\s+(?:called|named|titled|entitled)?\s*('[^']+'|"[^"]+"|(?:[A-Z0-9][\w'&.-]*)(?:\s+[A-Z0-9][\w'&.-]*)*)`).exec(text);
        const value = after ? free(after[1]!.replace(/^['"]|['"]$/g, '')) : undefined;
        if (value) return value;
      }
      return undefined;
    },
  ];
  for (const pass of passes) {
    for (const [name, cue] of cues) {
      if (out.has(name)) continue;
      const value = pass(cue);
      if (value !== undefined) out.set(name, value), taken.add(value);
    }
  }
  return out;
}

/** "the Machine Learning course" names the course "Machine Learning"; "Stanford University" is a name whole. */
function withoutNoun(value: string | undefined, nouns: readonly string[]): string | undefined {
  if (!value) return value;
  return value.replace(new RegExp(String.raw`\s+(?:${nouns.join('|') || '(?!)'})s?$`), '') || value;
}

/** The value at the start of the text: a quote, or words up to a boundary, without a leading article. */
function phrase(text: string): string | undefined {
  const quoted = /^\s*(?:'([^']+)'|"([^"]+)")/.exec(text);
  if (quoted) return (quoted[1] ?? quoted[2])!.trim();
  // "to be delivered", "for checking": a verb, not a value.
  if (INFINITIVE.test(text)) return undefined;
  const words: string[] = [];
  for (const raw of text.replace(DETERMINERS, '').split(/\s+/)) {
    const word = raw.replace(/^[("']+/, '');
    const end = /[,.;:!?)"]$/.test(word) && !/^(?:[A-Z]\.)+$|^\d+\.\d+$/.test(word);
    const bare = word.replace(/[,.;:!?)"']+$/, '');
    if (!bare || BOUNDARY.test(bare)) break;
    words.push(bare);
    if (end || words.length >= MAX_VALUE_WORDS) break;
  }
  return words.length ? words.join(' ') : undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
