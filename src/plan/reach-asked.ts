import type { Catalog } from '../catalog/catalog.js';
import { accepts, type Modality } from '../core/modality.js';
import { refsOf, type Plan } from '../core/plan.js';
import type { TaskType } from '../core/task-type.js';
import { terms } from '../text/tokenize.js';
import { askedProperties, type AskedProperty } from './asked-properties.js';
import { kindless } from './kind-words.js';
import { languageEffects } from '../catalog/effects.js';
import { readingSteps } from './reading-steps.js';

/** The user's files the plan may start from. */
export type GivenFiles = ReadonlyArray<{ path: string; modality: Modality }>;

/**
 * Every question of the request is answered by a step. When a question asks for a property
 * that task types give, by their name or their output's description ("which language is the
 * text on this sign in" → Language identification; "is the speaker upset?" → a sentiment or
 * an emotion), and the plan has no such step, the step is added: fed by the latest result it
 * can take, or else by the user's file, through one converting step if it must be (a
 * recording's words through speech recognition). Of several types that give it, the one
 * reached in fewest steps: a feeling asked of a photo is its faces' emotion, of a recording
 * its words' sentiment. The plan's other steps then serve as the way to the thing asked
 * about, which is what the question is about, not what it asks.
 */
export function reachAsked(plan: Plan, catalog: Catalog, request: string, files: GivenFiles = [], quoted: readonly string[] = []): { plan: Plan; notes: string[] } {
  const notes: string[] = [];
  const tasks = [...plan.tasks];
  const types = [...catalog.taskTypes.values()];
  // A quoted text is something the question can be about too, when no file is: "is 'bonjour' French?".
  const quotes = files.length ? [] : quoted;
  for (const asked of askedProperties(request)) {
    const named = typesGiving(asked, types);
    if (named.length === 0 || tasks.some((t) => named.some((n) => n.id === t.task))) continue;
    const routes = named.flatMap((type) => {
      const route = routeTo(type, tasks, files, types, catalog, quotes, setsAsked(asked));
      return route ? [{ type, route }] : [];
    });
    // A feeling of someone who talks, or that sounds, is in what is heard: of a video, the
    // speech's sentiment, not a frame's faces ("is the person talking in the video positive").
    const throughSpeech = (r: (typeof routes)[number]) => (HEARD.test(request) && r.route.steps.some((step) => step.type.inputs.some((i) => i.modality === 'audio')) ? 0 : 1);
    const best = routes.sort((a, b) => throughSpeech(a) - throughSpeech(b) || a.route.steps.length - b.route.steps.length)[0];
    // Only a plan that has steps, or a given file, shows what the question is about.
    if (!best || (tasks.length === 0 && files.length === 0 && quotes.length === 0)) continue;
    if (routes.filter((r) => r.route.steps.length === best.route.steps.length && throughSpeech(r) === throughSpeech(best)).length > 1 && tasks.length === 0) continue; // no way to tell which
    let feed = best.route.from;
    for (const step of best.route.steps) {
      const id = `t${tasks.length + 1}`;
      tasks.push({ id, task: step.type.id, args: { [step.slot]: feed }, deps: typeof feed === 'object' && 'ref' in feed ? [feed.ref] : [] });
      feed = { ref: id };
    }
    notes.push(`added ${best.route.steps.map((s) => s.type.id).join(' → ')}: the request asks for the ${asked.words[0]} ("${asked.cue}")`);
  }
  return { plan: { tasks }, notes };
}

const HEARD = /\b(?:talk(?:s|ed|ing)?|speak(?:s|ing|ers?)?|spoke|sounds?|sounding|voice|says?|saying|said)\b/i;

type Source = { ref: string } | { file: string } | string;
/** Where a route starts, and its steps in order, each fed by the one before; the last is the type asked for. */
interface Route {
  from: Source;
  steps: Array<{ type: TaskType; slot: string }>;
}

/**
 * How to reach `type` from what is at hand: the latest task whose output it takes, else a
 * given file it takes, else a given file through one single-input converter, else what the
 * file says, read in two steps (reading-steps.ts: a video's sound, then its words).
 */
function routeTo(type: TaskType, tasks: Plan['tasks'], files: GivenFiles, types: readonly TaskType[], catalog: Catalog, quotes: readonly string[] = [], setsIt: (type: TaskType) => boolean = () => false): Route | undefined {
  if (type.inputs.length !== 1) return undefined;
  const slot = type.inputs[0]!;
  const last = { type, slot: slot.name };
  // Of the same kind only: a property is asked of a thing (a text, a picture), not of a structured result.
  // Nor of a result whose property the plan itself sets: the language asked of a sign is the
  // language of its text, not of the translation that follows (before: identified as English).
  for (const t of [...tasks].reverse()) {
    const made = catalog.taskType(t.task);
    if (made?.output.modality === slot.modality && !setsIt(made)) return { from: { ref: t.id }, steps: [last] };
  }
  // Or what the latest result says, read ("find the speaker's emotions in the video": the
  // sound track taken, then its words; before, the sound track alone).
  const latest = tasks.at(-1);
  const latestKind = latest && catalog.taskType(latest.task)?.output.modality;
  const reading = latestKind && latestKind !== 'text' && latestKind !== 'json' ? readingSteps(latestKind, slot.modality, catalog) : undefined;
  if (latest && reading) return { from: { ref: latest.id }, steps: [...reading.map((r) => ({ type: r, slot: r.inputs[0]!.name })), last] };
  if (tasks.length) return undefined; // a plan's steps are the way to what is asked about
  const file = files.find((f) => accepts(slot.modality, f.modality));
  if (file) return { from: { file: file.path }, steps: [last] };
  // Not a thing made up from the words: a picture or a sound generated from a text given is
  // no way to what the text is asked ("which people come up in this article" had been drawn,
  // to find the poses of the people in the drawing).
  for (const f of files) {
    const converter = types.find((c) => c.inputs.length === 1 && accepts(c.inputs[0]!.modality, f.modality) && c.output.modality === slot.modality && !(f.modality === 'text' && c.output.modality !== 'text'));
    if (converter) return { from: { file: f.path }, steps: [{ type: converter, slot: converter.inputs[0]!.name }, last] };
  }
  // No one step: what the file says, read in two ("what is the video about": its sound, then its words).
  for (const f of files) {
    const reading = readingSteps(f.modality, slot.modality, catalog);
    if (reading) return { from: { file: f.path }, steps: [...reading.map((r) => ({ type: r, slot: r.inputs[0]!.name })), last] };
  }
  if (slot.modality === 'text' && quotes[0] !== undefined) return { from: quotes[0], steps: [last] };
  return undefined;
}

/** Which types set the property asked, by their documented effects: a translation sets the language. */
function setsAsked(asked: AskedProperty): (type: TaskType) => boolean {
  const aboutLanguage = asked.words.some((w) => terms(w).includes('languag'));
  return (type) => aboutLanguage && languageEffects(type).sets !== undefined;
}

/** The types that give a property asked for, by their name or their output's description. */
function typesGiving(asked: AskedProperty, types: readonly TaskType[]): TaskType[] {
  const stems = asked.words.map((w) => terms(w)).filter((s) => s.length > 0);
  return types.filter((t) => stems.some((s) => s.every((w) => gives(t).has(w))));
}

/** Whether a plan has, for each property the request asks, a step whose type gives it. */
export function givesAsked(plan: Plan, catalog: Catalog, request: string): boolean {
  const types = [...catalog.taskTypes.values()];
  const planned = new Set(plan.tasks.map((t) => t.task));
  return askedProperties(request).every((asked) => typesGiving(asked, types).some((t) => planned.has(t.id)));
}

/**
 * The steps a plan needs to answer what the request asks: those whose types give an asked
 * property, and the steps they take from. Undefined when nothing is asked, nothing gives it,
 * or every step is needed.
 */
export function answerPath(plan: Plan, catalog: Catalog, request: string): Plan | undefined {
  const types = [...catalog.taskTypes.values()];
  const asked = askedProperties(request);
  if (asked.length === 0) return undefined;
  const giving = new Set(asked.flatMap((a) => typesGiving(a, types).map((t) => t.id)));
  const keep = new Set(plan.tasks.filter((t) => giving.has(t.task)).map((t) => t.id));
  if (keep.size === 0) return undefined;
  for (const t of [...plan.tasks].reverse()) {
    if (!keep.has(t.id)) continue;
    for (const from of [...t.deps, ...refsOf(t)]) keep.add(from);
  }
  return keep.size < plan.tasks.length ? { tasks: plan.tasks.filter((t) => keep.has(t.id)) } : undefined;
}

/** The types that give a property the words ask for ("detect what language is in this audio": language identification). */
export function typesAsked(text: string, catalog: Catalog): Set<string> {
  const types = [...catalog.taskTypes.values()];
  return new Set(askedProperties(text).flatMap((asked) => typesGiving(asked, types).map((t) => t.id)));
}

/** Whether the words ask for a property some type of the catalog gives ("which language", "is it upset"). */
export function asksGivenProperty(text: string, catalog: Catalog): boolean {
  return typesAsked(text, catalog).size > 0;
}

/**
 * The words for what a type gives: its name and its output's description, less the words
 * for what it takes ("Text-to-speech" gives speech, not text).
 */
function gives(type: TaskType): Set<string> {
  const takes = new Set(type.inputs.flatMap((i) => terms(`${i.name} ${i.modality}`)));
  return new Set(terms(kindless(`${type.name} ${type.output.description}`)).filter((w) => !takes.has(w)));
}
