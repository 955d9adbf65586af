import { planWithoutLlm } from '../plan/builtin-planner.js';
import { validatePlan } from '../plan/validate-plan.js';
import { composeAnswer } from '../respond/compose-answer.js';
import type { Controller, PlanInput, PlanOutcome } from './controller.js';

/** The controller with no LLM: plans from the catalog's documentation, takes the top candidate, answers from the results. */
export class BuiltinController implements Controller {
  readonly name = 'builtin';

  async plan({ request, catalog, files }: PlanInput): Promise<PlanOutcome> {
    const drafted = planWithoutLlm(request, catalog, files);
    const { plan, repairs } = validatePlan(drafted.plan, catalog, files);
    return {
      plan,
      clauses: Object.fromEntries(drafted.tasks.map((t) => [t.task.id, t.clause])),
      notes: drafted.notes,
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
