import type { Catalog } from '../catalog/catalog.js';
import { languageEffects } from '../catalog/effects.js';
import { accepts, type Modality } from '../core/modality.js';
import { paramSpecs, type TaskType } from '../core/task-type.js';
import type { PlanTask } from '../core/plan.js';
import { answeredParam } from './fact-questions.js';

/**
 * The served one-input steps that read what a file says, into the kind wanted (text): a
 * recording's words, a video's sound then its words, a picture's writing; at most two, fewest
 * first, never through a picture made on the way. The last is a reading, by its effects (it
 * reads words in a language: speech recognition, OCR; not a list of scenes); a step that
 * answers a question of its own or needs a parameter it has no default for is none.
 */
export function readingSteps(from: Modality, to: Modality, catalog: Catalog): TaskType[] | undefined {
  const steps = [...catalog.taskTypes.values()].filter(
    (t) => t.inputs.length === 1 && t.output.modality !== 'image' && !answeredParam(t) && catalog.expertsFor(t.id).length > 0 && paramSpecs(t).every((p) => !p.required || p.default !== undefined),
  );
  let frontier: Array<{ at: Modality; path: TaskType[] }> = [{ at: from, path: [] }];
  for (let depth = 0; depth < 2; depth++) {
    const next: typeof frontier = [];
    for (const { at, path } of frontier) {
      for (const step of steps.filter((s) => accepts(s.inputs[0]!.modality, at) && s.output.modality !== at)) {
        if (accepts(to, step.output.modality)) {
          if (languageEffects(step).reads) return [...path, step];
          continue;
        }
        next.push({ at: step.output.modality, path: [...path, step] });
      }
    }
    frontier = next;
  }
  return undefined;
}

/**
 * Steps run one after another from a given file, each on its first input, the one before's
 * output feeding the next (t1, t2, …); `more` gives a step's other arguments.
 */
export function chainFrom(file: string, steps: readonly TaskType[], more: (step: TaskType) => Record<string, unknown> = () => ({})): PlanTask[] {
  const tasks: PlanTask[] = [];
  let from: unknown = { file };
  for (const step of steps) {
    const id = `t${tasks.length + 1}`;
    tasks.push({ id, task: step.id, args: { [step.inputs[0]!.name]: from, ...more(step) }, deps: tasks.length ? [tasks.at(-1)!.id] : [] });
    from = { ref: id };
  }
  return tasks;
}
