import type { Catalog } from '../catalog/catalog.js';
import type { Modality } from '../core/modality.js';
import { refsOf, type Plan, type PlanTask } from '../core/plan.js';
import { nextTaskId } from './renumber.js';
import { paramSpecs, type ParamSpec, type TaskType } from '../core/task-type.js';
import type { GivenFiles } from './reach-asked.js';

/**
 * The file format a request wants its result in ("extract the sound as an mp3", "save it as
 * a jpg", "in webp format"): a property of the result, like its language, not a word to match
 * against descriptions. Formats are the values of the types' documented `format` parameters
 * (and the words documenting each value: "jpeg, jpg"), so an imported type that documents
 * one brings its own; the kind of thing a format is, is the output of the type that writes it.
 */
export interface FormatGoal {
  /** The format as the request names it ("jpg"). */
  word: string;
  modality: Modality;
  /** The request says nothing else ("png", "mp3 pls"): the conversion is all it asks. */
  alone?: boolean;
}

/** "as an mp3", "to jpg", "into a .webp", "in flac format". */
const FORMAT_WANTED = /\b(?:as|to|into|in)\s+(?:an?\s+|the\s+)?\.?([a-z0-9]+)\b|\b\.?([a-z0-9]+)\s+(?:format|file)\b/gi;

export function formatGoal(request: string, catalog: Catalog): FormatGoal | undefined {
  const formats = documentedFormats(catalog);
  // Quoted words are the material, and a file name is what is given ('song.mp3').
  const said = request.replace(/(["'‘“])(?:(?!\1).){2,}?\1/g, ' ').replace(/[\w-]+\.[a-z0-9]{2,4}\b/gi, ' ');
  let goal: FormatGoal | undefined;
  for (const m of said.matchAll(FORMAT_WANTED)) goal = formats.get((m[1] ?? m[2])!.toLowerCase()) ?? goal;
  // A format said alone, courtesy aside ("png", "mp3 pls"), is the one wanted too.
  const alone = said.replace(/\b(?:pls|plz|please|thanks|now)\b/gi, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const only = /^[a-z0-9]+$/i.test(alone) ? formats.get(alone.toLowerCase()) : undefined;
  return goal ?? (only && { ...only, alone: true });
}

/** The value of a type's format parameter that a word names: the value itself, or a word documenting it ("jpg" → "jpeg"). */
function valueFor(type: TaskType, word: string): string | undefined {
  const spec = formatParam(type);
  const value = spec?.enum?.find((v) => formatWords(spec, v).includes(word));
  return value === undefined ? undefined : String(value);
}

function formatWords(spec: ParamSpec, value: unknown): string[] {
  return [String(value).toLowerCase(), ...(spec.enumDescriptions?.[String(value)] ?? '').toLowerCase().split(/[^a-z0-9]+/)].filter((w) => w.length >= 2);
}

/** The format parameter of a type, if it documents one with its values. */
function formatParam(type: TaskType): ParamSpec | undefined {
  return paramSpecs(type).find((p) => p.name === 'format' && p.enum?.length);
}

const documented = new WeakMap<Catalog, Map<string, FormatGoal>>();

/** The kind of thing a word names as a file format the catalog documents ("mp3": audio), if any. */
export function formatKind(word: string, catalog: Catalog): Modality | undefined {
  return documentedFormats(catalog).get(word.toLowerCase())?.modality;
}

function documentedFormats(catalog: Catalog): Map<string, FormatGoal> {
  let formats = documented.get(catalog);
  if (formats) return formats;
  formats = new Map();
  for (const type of catalog.taskTypes.values()) {
    const spec = formatParam(type);
    for (const value of spec?.enum ?? []) {
      for (const word of formatWords(spec!, value)) if (!formats.has(word)) formats.set(word, { word, modality: type.output.modality });
    }
  }
  documented.set(catalog, formats);
  return formats;
}

/**
 * Makes the plan's result of the goal's kind come in the goal's format: its step writes that
 * format when its type documents it; otherwise a step of a type that converts that kind of
 * thing into the format follows it ("extract the sound track as an mp3": the extraction
 * writes WAV, a conversion then gives the MP3). The result is the last step of that kind that
 * no other step reads.
 */
export function reachFormatGoal(plan: Plan, catalog: Catalog, goal: FormatGoal | undefined, files: GivenFiles = []): { plan: Plan; notes: string[] } {
  if (!goal) return { plan, notes: [] };
  // A format said alone asks for the given file in it, whatever a step its letters matched.
  if (goal.alone) {
    const file = files.find((f) => f.modality === goal.modality);
    const converter = file && converterTo(catalog, goal);
    if (file && converter) {
      const tasks: PlanTask[] = [{ id: 't1', task: converter.type.id, args: { [converter.type.inputs[0]!.name]: { file: file.path }, ...converter.args }, deps: [] }];
      return { plan: { tasks }, notes: [`planned ${converter.type.id}: the request names only the format ${goal.word.toUpperCase()}`] };
    }
  }
  if (plan.tasks.length === 0) return { plan, notes: [] };
  const read = new Set(plan.tasks.flatMap((t) => [...t.deps, ...refsOf(t)]));
  const result = plan.tasks.findLast((t) => catalog.taskType(t.task)?.output.modality === goal.modality && !read.has(t.id));
  const type = result && catalog.taskType(result.task);
  if (!result || !type) return { plan, notes: [] };
  const own = valueFor(type, goal.word);
  const name = goal.word.toUpperCase();
  if (own !== undefined) {
    if (result.args.format === own) return { plan, notes: [] };
    const tasks = plan.tasks.map((t) => (t === result ? { ...t, args: { ...t.args, format: own } } : t));
    return { plan: { tasks }, notes: [`${result.id} writes ${name}, the format the request asks for`] };
  }
  const converter = converterTo(catalog, goal);
  // A step whose output is documented in the format ("the sound track, a WAV recording") already gives it.
  if (converter && writesAlready(type, converter.type, goal.word)) return { plan, notes: [`${result.id} writes ${name}, the format the request asks for`] };
  if (!converter) return { plan, notes: [`nothing here writes ${name}: the ${goal.modality} stays as ${type.name} gives it`] };
  const id = nextTaskId(plan.tasks);
  const added: PlanTask = { id, task: converter.type.id, args: { [converter.type.inputs[0]!.name]: { ref: result.id }, ...converter.args }, deps: [result.id] };
  return { plan: { tasks: [...plan.tasks, added] }, notes: [`added ${converter.type.id} to give the ${name} the request asks for`] };
}

/** Whether a type's output is documented in the format a word names, as the converter's values tell formats apart ("jpg" is "jpeg"). */
function writesAlready(type: TaskType, converter: TaskType, word: string): boolean {
  const wanted = valueFor(converter, word);
  return type.output.description.toLowerCase().split(/[^a-z0-9]+/).some((w) => w.length >= 2 && valueFor(converter, w) === wanted);
}

/**
 * A served type that takes one thing of the goal's kind and gives the same kind in the goal's
 * format, with its other required parameters chosen: the operation documented as a format
 * change ("convert to another format").
 */
function converterTo(catalog: Catalog, goal: FormatGoal): { type: TaskType; args: Record<string, unknown> } | undefined {
  for (const type of catalog.taskTypes.values()) {
    if (type.inputs.length !== 1 || type.inputs[0]!.modality !== goal.modality || type.output.modality !== goal.modality) continue;
    const value = valueFor(type, goal.word);
    if (value === undefined || catalog.expertsFor(type.id).length === 0) continue;
    const args: Record<string, unknown> = { format: value };
    const rest = paramSpecs(type).filter((p) => p.required && p.default === undefined && p.name !== 'format');
    for (const spec of rest) {
      const value = spec.enum?.find((v) => /\bformat\b/i.test(spec.enumDescriptions?.[String(v)] ?? ''));
      if (value !== undefined) args[spec.name] = value;
    }
    if (rest.every((p) => p.name in args)) return { type, args };
  }
  return undefined;
}
