import { draftPlan } from '../plan/draft-plan.js';
import { correctSpelling } from '../plan/spelling.js';
import { OPENAI_TASK_TYPES as MODEL_TASK_TYPES, UNSERVED_TASK_TYPES } from '../catalog/model-task-types.js';
import type { TaskType } from '../core/task-type.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import { meaningRanks } from '../plan/clause-meaning.js';
import { localSentenceEncoder, type SentenceEncoder } from '../retrieval/sentence-encoder.js';
import { validatePlan } from '../plan/validate-plan.js';
import { givenLanguages } from '../plan/given-languages.js';
import { languageGoals } from '../plan/language-goals.js';
import { composeAnswer } from '../respond/compose-answer.js';
import type { Controller, PlanInput, PlanOutcome } from './controller.js';
import { planFromMemory } from '../memory/plan-from-memory.js';
import type { PlanMemory } from '../memory/plan-memory.js';

/** Every language the catalog's experts name: the candidates when telling a given text's language. */
function servedLanguagesOf(catalog: PlanInput['catalog']): string[] {
  return [...new Set(catalog.experts.flatMap((e) => e.entry.languages))];
}

/**
 * A plan whose step for a clause is a task type nothing here serves is refused, naming it and
 * the words that asked for it. An unserved type that only converts an input for a served
 * step of the same clause (a caption where OCR would read "the writing in this photo" for a
 * translation) is no reason to refuse: the plan is then made on what is served (false).
 */
function refuseUnserved(drafted: ReturnType<typeof draftPlan>, unserved: readonly TaskType[], request: string): boolean {
  for (const { task, clause } of drafted.tasks) {
    const type = unserved.find((t) => t.id === task.task);
    if (!type) continue;
    const servedStepOfClause = drafted.tasks.some((other) => other.clause === clause && !unserved.some((u) => u.id === other.task.task));
    if (servedStepOfClause) return false;
    throw cannotDo(clause, type);
  }
  // A step added to reach what the request asks (reach-asked.ts) belongs to no clause: the
  // request asked for it as a whole (before, such a step went on to validation and failed
  // there as an invalid plan, exit 2).
  const added = drafted.plan.tasks.map((t) => unserved.find((u) => u.id === t.task)).find((t) => t !== undefined);
  if (added) throw cannotDo(request, added);
  return true;
}

function cannotDo(words: string, type: TaskType): TroupeError {
  return new TroupeError(ErrorCode.NoPlan, `nothing here can do that: "${words}" asks for ${type.name.toLowerCase()} (${type.description.split(':')[0]!.toLowerCase()}), and no installed expert does it`, {
    hint: 'troupe doctor lists what can run here; an OpenAI-compatible model server in the config adds image captioning and visual question answering',
  });
}

/** Below this similarity a confirmed plan is not re-used as a template (see plan-from-memory.ts). */
export const TEMPLATE_MIN_SIMILARITY = 0.5;

/**
 * The controller with no LLM: plans from the catalog's documentation (or, with a plan
 * memory, adapts the confirmed plan of a close enough request), takes the top candidate,
 * answers from the results.
 */
export class BuiltinController implements Controller {
  readonly name = 'builtin';

  constructor(
    private readonly memory?: PlanMemory,
    /** Checks each step the words suggest against its meaning (clause-meaning.ts); planning goes on without it if it fails. */
    private readonly encoder: SentenceEncoder = localSentenceEncoder(),
  ) {
    // Planning will need the encoder: its half second of loading overlaps what comes first.
    encoder.warm?.();
  }

  async plan({ request: asked, catalog: served, files }: PlanInput): Promise<PlanOutcome> {
    // Typos in the words that name the task are read as the documented word before anything else.
    const { text: request, notes: readAs } = correctSpelling(asked, served);
    if (this.memory) {
      const remembered = planFromMemory(request, files, served, this.memory, TEMPLATE_MIN_SIMILARITY);
      if (remembered) return { plan: remembered.plan, clauses: {}, notes: [remembered.note], repairs: remembered.repairs, planner: 'builtin' };
    }
    // Planned over what people ask for that nothing here serves as well, so that such a request
    // is recognised and refused plainly instead of planned on the nearest expert.
    // Only those that could take what was given: with a recording given, a request is not for
    // a picture; with nothing given, only a type that needs nothing but words.
    const given = new Set([...files.values()].map((f) => f.modality));
    const couldTake = (t: TaskType) => (given.size ? t.inputs.some((i) => given.has(i.modality)) : t.inputs.every((i) => !i.required || i.modality === 'text'));
    // Question answering over a text or a picture is left out: served types answer many such
    // questions in part (how many cups: object detection; who is named: entities).
    const unserved = [...MODEL_TASK_TYPES.filter((t) => t.id === 'image-captioning'), ...UNSERVED_TASK_TYPES].filter((t) => !served.taskType(t.id) && couldTake(t));
    const catalog = served.withTaskTypes(unserved);
    const notes: string[] = [...readAs];
    const meaning = await meaningRanks(request, catalog, this.encoder, new Set(unserved.map((t) => t.id))).catch((error: Error) => {
      notes.push(`planned by words alone: ${error.message}`);
      return undefined;
    });
    // Telling the given texts' languages costs the detector's start-up: only when a language is wanted.
    // Or when a translation names none: one already in the request's language is not translated into it.
    const languageOf = languageGoals(request).target || /\btranslat/i.test(request) ? await givenLanguages(request, files, servedLanguagesOf(catalog)) : undefined;
    const aids = { ...(meaning ? { meaning } : {}), ...(languageOf ? { languageOf } : {}) };
    let drafted = draftPlan(request, catalog, files, aids);
    if (!refuseUnserved(drafted, unserved, request)) drafted = draftPlan(request, served, files, aids);
    const { plan, repairs } = validatePlan(drafted.plan, served, files);
    return {
      plan,
      clauses: Object.fromEntries(drafted.tasks.map((t) => [t.task.id, t.clause])),
      notes: [...drafted.notes, ...notes],
      repairs,
      planner: 'builtin',
    };
  }

  async choose() {
    return { index: 0, reason: 'highest-ranked runnable candidate' };
  }

  async respond(record: Parameters<Controller['respond']>[0]) {
    return composeAnswer(record);
  }
}
