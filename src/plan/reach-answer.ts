import type { Catalog } from '../catalog/catalog.js';
import { accepts } from '../core/modality.js';
import type { Plan } from '../core/plan.js';
import { paramSpecs, type TaskType } from '../core/task-type.js';
import type { GivenFiles } from './reach-asked.js';
import { asksQuestion } from './speech-act.js';

/** The parameter a type fills with the user's own words (the question it answers), if any. */
export function answeredParam(type: TaskType): string | undefined {
  return paramSpecs(type).find((spec) => spec.format === 'request')?.name;
}

/**
 * A question about the given material that no step of the words answers ("what did the council
 * agree?" of an article): the type that answers the user's own question (a parameter of format
 * "request"), fed with the given file it takes as it is. Only as it is: a question about a photo
 * is not one about the text read off it, nor one about a recording about its transcript,
 * unless the request says so in words that plan those steps.
 * The last resort of the built-in planner: tried only when the words planned nothing.
 */
export function reachAnswer(request: string, catalog: Catalog, files: GivenFiles): { plan: Plan; notes: string[] } | undefined {
  const question = request
    .split(/(?<=[.?!])\s+/)
    .map((s) => s.trim())
    .find((s) => asksQuestion(s));
  if (!question || files.length === 0) return undefined;
  for (const type of catalog.taskTypes.values()) {
    const param = answeredParam(type);
    const slot = type.inputs.length === 1 ? type.inputs[0]! : undefined;
    const file = slot && files.find((f) => accepts(slot.modality, f.modality));
    if (!param || !slot || !file || catalog.expertsFor(type.id).length === 0) continue;
    return {
      plan: { tasks: [{ id: 't1', task: type.id, args: { [slot.name]: { file: file.path }, [param]: question }, deps: [] }] },
      notes: [`planned ${type.id}: no step's words matched, and the request asks a question about ${file.path}`],
    };
  }
  return undefined;
}

