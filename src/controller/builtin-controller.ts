import { draftPlan } from '../plan/draft-plan.js';
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
  ) {}

  async plan({ request, catalog, files }: PlanInput): Promise<PlanOutcome> {
    if (this.memory) {
      const remembered = planFromMemory(request, files, catalog, this.memory, TEMPLATE_MIN_SIMILARITY);
      if (remembered) return { plan: remembered.plan, clauses: {}, notes: [remembered.note], repairs: remembered.repairs, planner: 'builtin' };
    }
    const notes: string[] = [];
    const meaning = await meaningRanks(request, catalog, this.encoder).catch((error: Error) => {
      notes.push(`planned by words alone: ${error.message}`);
      return undefined;
    });
    // Telling the given texts' languages costs the detector's start-up: only when a language is wanted.
    const languageOf = languageGoals(request).target ? await givenLanguages(request, files, servedLanguagesOf(catalog)) : undefined;
    const drafted = draftPlan(request, catalog, files, { ...(meaning ? { meaning } : {}), ...(languageOf ? { languageOf } : {}) });
    const { plan, repairs } = validatePlan(drafted.plan, catalog, files);
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
