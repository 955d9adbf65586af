import { accepts, type Modality } from '../core/modality.js';
import type { TaskType } from '../core/task-type.js';
import type { Clause } from './request-analysis.js';
import { FRAMING } from './speech-act.js';

/**
 * Where a task's inputs come from: quoted text, the user's files, earlier results, or a
 * converting step (one or two) that turns what is at hand into the kind needed.
 */

export interface Available {
  files: Array<{ path: string; modality: Modality }>;
  outputs: Array<{ id: string; modality: Modality }>;
  quotes: string[];
  usedQuotes: Set<number>;
}

/**
 * A text input beside another input (the question about a photo, the edit to make to it, the
 * question to answer from a text) is the user's own words when nothing else supplies it.
 * Before, such a type looked infeasible without a quote. TaskBench dev: node F1 54.17 → 54.82,
 * edge 15.46 → 16.85.
 */
export function userWordsFit(type: TaskType, slot: TaskType['inputs'][number]): boolean {
  return slot.modality === 'text' && type.inputs.length > 1;
}

export function userWords(clause: Clause): string | undefined {
  // A question split at its comma is asked whole; an instruction is its own clause's words.
  const question = clause.sentence && /\?\s*$/.test(clause.sentence) ? clause.sentence : undefined;
  const words = (question ?? clause.raw ?? clause.text).replace(/⟦\d+⟧/g, ' ').replace(/\s+/g, ' ').trim();
  return words || undefined;
}

/** The clause as a prompt: its words without the framing of the request ("could you please …"). */
export function promptWords(clause: Clause): string | undefined {
  const words = (clause.raw ?? clause.text).replace(/⟦\d+⟧/g, ' ').replace(FRAMING, ' ').replace(/^[\s,]*(?:me|us|to|in|with|by)\b/i, ' ').replace(/\s+/g, ' ').trim();
  return words || undefined;
}

export function isRefTo(value: unknown, id: string): boolean {
  return typeof value === 'object' && value !== null && (value as { ref?: unknown }).ref === id;
}

export function canFill(modality: Modality, clause: Clause, available: Available): boolean {
  if (modality === 'text' && (clause.quotes.length || available.quotes.some((_, i) => !available.usedQuotes.has(i)))) return true;
  return available.outputs.some((o) => accepts(modality, o.modality)) || available.files.some((f) => f.modality === modality);
}

/**
 * Where a task's input comes from. Text: a quote in the clause, else the latest text
 * output (the chain), else a text file, else a quote not yet used. Images and audio: the
 * user's file, unless the clause points back at an earlier result of that kind.
 */
export function fill(modality: Modality, clause: Clause, available: Available, taken: unknown[] = [], reserved: ReadonlySet<number> = new Set()): unknown {
  const isTaken = (v: unknown) => taken.some((t) => JSON.stringify(t) === JSON.stringify(v));
  // A result of the very kind first: a text step reads the transcript, not the language label
  // identified from it; a structured result stands for text only when there is no text.
  const open = [...available.outputs].reverse().filter((o) => !isTaken({ ref: o.id }));
  const latest = open.find((o) => o.modality === modality) ?? open.find((o) => accepts(modality, o.modality));
  // Of the user's files, the one the clause names ("stitch it with 'new.jpg'"), else the first.
  const files = available.files.filter((f) => f.modality === modality && !isTaken({ file: f.path }));
  const named = files.find((f) => clause.text.includes(f.path));
  const file = named ?? files[0];
  if (modality === 'text') {
    // A quote fills one slot of a step: "how similar this response is to 'X'" compares X
    // with the result before, not X with itself. TaskBench dev edge F1 33.61 → 34.25.
    const q = clause.quotes.find((i) => !available.usedQuotes.has(i)) ?? clause.quotes.find((i) => !isTaken(available.quotes[i]));
    if (q !== undefined) return use(q);
    if (latest) return { ref: latest.id };
    if (file) return { file: file.path };
    const unused = available.quotes.findIndex((_, i) => !available.usedQuotes.has(i) && !reserved.has(i));
    return unused >= 0 ? use(unused) : undefined;
  }
  // A step works on the latest result of the kind it needs ("the image" after an edit is the
  // edited image); only a clause that names the user's file itself ("example.jpg", "the
  // original photo") goes back to it. TaskBench dev edge F1: file unless anaphoric 12.95;
  // file when the clause says "image" or "file" 17.86; this rule 18.78.
  // A clause naming another file ("with 'b.png'") does not name this one.
  const namesFile = !!named || /\boriginal\b/i.test(clause.text);
  if (latest && (clause.anaphoric || !file || !namesFile)) return { ref: latest.id };
  return file ? { file: file.path } : undefined;

  function use(i: number): string {
    available.usedQuotes.add(i);
    return available.quotes[i]!;
  }
}

/** The input a type documents as an address (TaskBench's "url" input type): it fetches. */
export const URL_SLOT = 'url';

export function isAddress(value: unknown): value is { file: string } {
  return !!value && typeof value === 'object' && 'file' in value && /^https?:\/\//i.test(String((value as { file: unknown }).file));
}

/** A type that takes an address alone and gives `modality`: a downloader. */
export function fetcherFor(modality: Modality, types: TaskType[]): TaskType | undefined {
  return types.find((t) => t.inputs.length === 1 && t.inputs[0]!.name === URL_SLOT && t.output.modality === modality);
}

/**
 * The steps that turn something already available into `modality` (e.g. OCR: image → text):
 * one step that gives exactly that modality, else (`twoSteps`, when wiring a chosen step) two
 * that do (a video's sound track, then speech recognition), else one whose output is merely
 * accepted (JSON as text); among equals, the one whose documentation the request's words match
 * best. Two steps do not make a type feasible while ranking: a step that far from what is at
 * hand is not what a clause asks for by itself (TaskBench would plan a picture generated from a
 * transcript to detect objects in). With
 * `withQuotes`, an unused quote is text at hand too; ranking leaves it out (measured: it
 * favoured image tools over the plan's own steps, 71.79 / 34.94 → 71.67 / 34.50).
 */
export function bridgeFor(modality: Modality, available: Available, types: TaskType[], relevance?: (type: TaskType) => number, withQuotes = false, twoSteps = false): TaskType[] {
  const quoteAtHand = withQuotes && available.quotes.some((_, i) => !available.usedQuotes.has(i));
  const have = new Set<Modality>([...available.files.map((f) => f.modality), ...available.outputs.map((o) => o.modality), ...(quoteAtHand ? ['text' as const] : [])]);
  const converters = types.filter((t) => t.inputs.length === 1);
  const best = (pool: TaskType[]) => (pool.length <= 1 || !relevance ? pool[0] : [...pool].sort((x, y) => relevance(y) - relevance(x))[0]);
  // One step that gives exactly the kind needed.
  const exact = converters.filter((t) => t.output.modality === modality && have.has(t.inputs[0]!.modality) && t.inputs[0]!.modality !== modality);
  if (exact.length) return [best(exact)!];
  // Two steps that give it exactly ("transcribe this video": its sound track, then speech
  // recognition), before one whose structured result would stand in for it (a video's scene
  // list is no transcript).
  const seconds = converters.filter((t) => t.output.modality === modality && t.inputs[0]!.modality !== modality && !have.has(t.inputs[0]!.modality));
  const pairs = !twoSteps ? [] : seconds.flatMap((second) => converters.filter((first) => first.output.modality === second.inputs[0]!.modality && have.has(first.inputs[0]!.modality)).map((first) => [first, second] as const));
  if (pairs.length) {
    const second = best([...new Set(pairs.map(([, t]) => t))])!;
    return [best(pairs.filter(([, t]) => t === second).map(([f]) => f))!, second];
  }
  const loose = converters.filter((t) => accepts(modality, t.output.modality) && have.has(t.inputs[0]!.modality) && t.inputs[0]!.modality !== modality);
  return loose.length ? [best(loose)!] : [];
}
