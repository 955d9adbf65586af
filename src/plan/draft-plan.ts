import type { Catalog } from '../catalog/catalog.js';
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
  const drafted = planWithoutLlm(request, catalog, files, aids.meaning);
  const asked = reachAsked(drafted.plan, catalog, request);
  const reached = reachLanguageGoal(asked.plan, catalog, languageGoals(request), aids.languageOf);
  return { ...drafted, plan: reached.plan, notes: [...drafted.notes, ...asked.notes, ...reached.notes] };
}
