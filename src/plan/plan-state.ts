import type { Catalog } from '../catalog/catalog.js';
import type { SniffedFile } from '../core/modality.js';
import type { Plan, PlanTask } from '../core/plan.js';
import type { TaskType } from '../core/task-type.js';
import { actionTerms as terms } from '../text/tokenize.js';
import type { MeaningRanks } from './clause-meaning.js';
import { analyzeRequest, clauseWords, type Clause, type RequestAnalysis } from './request-analysis.js';
import { typesAsked } from './reach-asked.js';
import { typeIndex, type TypeIndex } from './type-index.js';
import type { Available } from './wire-inputs.js';

export interface PlannedTask {
  task: PlanTask;
  /** The words of the request this task answers, for selection and the run record. */
  clause: string;
  /**
   * The words did not clearly ask for this step: its clause named only the kind of thing it
   * works on ("… in this recording"), or no clause matched and the whole request was its best
   * guess. The weakest evidence a step can have, which a question's goal outweighs (draft-plan.ts).
   */
  unsure?: boolean;
}

export interface BuiltinPlan {
  plan: Plan;
  tasks: PlannedTask[];
  notes: string[];
}

/** A task type for a clause: relative BM25F score (`raw`), times feasibility and leanings (`score`). */
export type Ranked = { type: TaskType; feasibility: number; score: number; raw: number; matched: string[] };

/**
 * What the built-in planner knows while it reads one request: the catalog's types and their
 * index, the request's clauses, what is at hand (files, quotes, earlier results) and the
 * steps planned so far. The planner's parts (ranking, choosing a step, adding it, what to do
 * when nothing was planned) are functions of this one state, each in its own file.
 */
export interface PlanState {
  readonly request: string;
  readonly catalog: Catalog;
  readonly meaning: MeaningRanks | undefined;
  readonly types: TypeIndex['types'];
  readonly index: TypeIndex['index'];
  readonly analysis: RequestAnalysis;
  /** Clauses that ask for something; the scene-setting ones are read only if nothing was asked. */
  readonly asking: Clause[];
  readonly available: Available;
  readonly planned: PlannedTask[];
  readonly notes: string[];
  /** Types a clause asked for that nothing given or planned could feed. */
  readonly unfed: Array<{ type: TaskType; clause: string; slots: TaskType['inputs'] }>;
  /** Questions no type took when they were read, for want of a text to answer from. */
  readonly unanswered: Clause[];
  /** The latest step: its type, the terms of the clause that asked for it, and of its type's name. */
  lastStep: { type: TaskType; terms: ReadonlySet<string>; nameTerms: ReadonlySet<string> } | undefined;
  /** The whole request's match of each type, read once and only if a converting step is chosen. */
  requestRelevance: Map<string, number> | undefined;
  readonly requestWords: string;
  /** A tool's name is said by the whole request, not one clause: "classify it" of a photo says "Image Classification". */
  readonly requestTerms: string[];
  /** Served: an expert here, or one the catalog's store documents (asked once per type). */
  readonly served: (type: TaskType) => boolean;
  /** Some type is served (an imported tool list serves none). */
  readonly anyServed: boolean;
  /** The types that give what a clause asks to know (reach-asked.ts), read once per clause. */
  readonly typesAsked: (clause: Clause) => ReadonlySet<string>;
}

export function newPlanState(request: string, catalog: Catalog, files: ReadonlyMap<string, SniffedFile>, meaning?: MeaningRanks): PlanState {
  const { types, index } = typeIndex(catalog);
  const analysis = analyzeRequest(request);
  const servedTypes = new Map<string, boolean>();
  const served = (type: TaskType) => {
    let known = servedTypes.get(type.id);
    if (known === undefined) servedTypes.set(type.id, (known = catalog.expertsFor(type.id).length > 0 || (catalog.store?.byTask(type.id, 1).length ?? 0) > 0));
    return known;
  };
  const requestWords = analysis.clauses.map((c) => clauseWords(c)).join(' ');
  const asked = new Map<string, ReadonlySet<string>>();
  return {
    request,
    catalog,
    meaning,
    types,
    index,
    analysis,
    asking: analysis.clauses.filter((c) => c.asks !== false),
    available: {
      files: [...files].map(([path, f]) => ({ path, modality: f.modality })),
      outputs: [],
      quotes: analysis.quotes,
      usedQuotes: new Set(),
    },
    planned: [],
    notes: [],
    unfed: [],
    unanswered: [],
    lastStep: undefined,
    requestRelevance: undefined,
    requestWords,
    requestTerms: terms(requestWords),
    served,
    anyServed: types.some(served),
    typesAsked: (clause) => {
      const text = clause.raw ?? clause.text;
      let known = asked.get(text);
      if (!known) asked.set(text, (known = typesAsked(text, catalog)));
      return known;
    },
  };
}

/** "an image", "a text". */
export function aKind(modality: string): string {
  return `${/^[aeiou]/.test(modality) ? 'an' : 'a'} ${modality}`;
}
