import type { Catalog } from '../catalog/catalog.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import type { SniffedFile } from '../core/modality.js';
import { planWithoutLlm, type BuiltinPlan } from './builtin-planner.js';
import type { MeaningRanks } from './clause-meaning.js';
import { languageGoals } from './language-goals.js';
import { reachAsked } from './reach-asked.js';
import { reachLanguageGoal, type LanguageOf } from './reach-language-goal.js';

/** What the built-in planner may use beyond the catalog, each computed before planning. */
export interface DraftAids {
  /** The clauses' meaning ranks (clause-meaning.ts). */
  meaning?: MeaningRanks;
  /** The languages of the given texts (given-languages.ts). */
  languageOf?: LanguageOf;
}

/**
 * The built-in planner's draft: the steps the request's words ask for, then made to reach
 * the goals the request sets: every question answered by a step, and the result in the
 * language it wants. The
 * controller and the TaskBench predictor both plan through here, so the benchmark
 * measures what the CLI runs.
 */
export function draftPlan(request: string, catalog: Catalog, files: ReadonlyMap<string, SniffedFile>, aids: DraftAids = {}): BuiltinPlan {
  const given = [...files].map(([path, f]) => ({ path, modality: f.modality }));
  let drafted: BuiltinPlan;
  try {
    drafted = planWithoutLlm(request, catalog, files, aids.meaning);
  } catch (error) {
    // No step by the words, but a question whose answer a type gives, about a file given:
    // "is the person in this recording upset?" is reached from the recording.
    const asked = error instanceof TroupeError && error.code === ErrorCode.NoPlan ? reachAsked({ tasks: [] }, catalog, request, given) : undefined;
    if (!asked?.plan.tasks.length) throw error;
    drafted = { plan: { tasks: [] }, tasks: [], notes: [] };
  }
  let asked = reachAsked(drafted.plan, catalog, request, given);
  // A question the draft's steps cannot lead to, when those steps rest on nothing but the
  // kind of thing named ("is the person in this recording upset?" matched audio conversion by
  // "recording"): the question's goal, reached from the file, is the plan.
  if (asked.plan.tasks.length === drafted.plan.tasks.length && drafted.tasks.length > 0 && drafted.tasks.every((t) => t.kindOnly)) {
    const instead = reachAsked({ tasks: [] }, catalog, request, given);
    if (instead.plan.tasks.length) {
      asked = { plan: instead.plan, notes: [`left out ${drafted.tasks.map((t) => t.task.task).join(', ')}: the request named only the kind of file, and asks a question they do not answer`, ...instead.notes] };
      drafted = { ...drafted, tasks: [] };
    }
  }
  const reached = reachLanguageGoal(asked.plan, catalog, languageGoals(request), aids.languageOf);
  return { ...drafted, plan: reached.plan, notes: [...drafted.notes, ...asked.notes, ...reached.notes] };
}
