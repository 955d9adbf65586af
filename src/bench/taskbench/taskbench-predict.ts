import type { Catalog } from '../../catalog/catalog.js';
export { toolCatalog } from '../../catalog/importers/taskbench-task-types.js';
export { requestFiles } from '../../plan/request-files.js';
import { requestFiles } from '../../plan/request-files.js';
import { TroupeError } from '../../core/errors.js';
import { draftPlan } from '../../plan/draft-plan.js';
import { correctSpelling } from '../../plan/spelling.js';
import type { MeaningRanks } from '../../plan/clause-meaning.js';
import { isFile, isRef, type Plan } from '../../core/plan.js';
import { validatePlan } from '../../plan/validate-plan.js';
import type { Gold } from './taskbench-data.js';
import type { PlanMemory, RememberedPlan } from '../../memory/plan-memory.js';
import { planFromMemory } from '../../memory/plan-from-memory.js';
import { TEMPLATE_MIN_SIMILARITY } from '../../controller/builtin-controller.js';

export interface TaskBenchPrediction {
  id: string;
  task_steps: string[];
  task_nodes: Array<{ task: string; arguments: unknown[] }>;
  task_links: Array<{ source: string; target: string }>;
}

/** What the built-in planner may use beyond the catalog: confirmed plans, and the clauses' meaning ranks (clause-meaning.ts). */
export interface PlanningAids {
  memory?: PlanMemory;
  minSimilarity?: number;
  meaning?: MeaningRanks;
}

/**
 * The built-in planner's best plan for a request (empty when nothing fits; unvalidated when
 * validation fails). With a plan memory, the confirmed plan of a close enough request comes
 * first, as in BuiltinController.
 */
export function builtinPlan(request: string, catalog: Catalog, { memory, minSimilarity = TEMPLATE_MIN_SIMILARITY, meaning }: PlanningAids = {}): Plan {
  const files = requestFiles(request);
  if (memory) {
    const remembered = planFromMemory(request, files, catalog, memory, minSimilarity);
    if (remembered) return remembered.plan;
  }
  try {
    const drafted = draftPlan(request, catalog, files, meaning ? { meaning } : {});
    try {
      return validatePlan(drafted.plan, catalog, files).plan;
    } catch {
      return drafted.plan; // best effort: an incomplete plan still scores its nodes
    }
  } catch (error) {
    if (error instanceof TroupeError) return { tasks: [] };
    throw error;
  }
}

/** A plan in TaskBench's prediction format: tool names, `<node-j>` references, links. */
export function toPrediction(id: string, plan: Plan, catalog: Catalog, toolName: Map<string, string>, namedArguments: boolean): TaskBenchPrediction {
  const index = new Map(plan.tasks.map((t, i) => [t.id, i]));
  const name = (task: string) => toolName.get(task) ?? task;
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const show = (v: unknown) => (isRef(v) ? `<node-${index.get(v.ref)}>` : isFile(v) ? v.file : v);
  return {
    id,
    task_steps: plan.tasks.map((t, i) => `Step ${i + 1}: ${name(t.task)}`),
    task_nodes: plan.tasks.map((t) => {
      const inputs = new Set(catalog.taskType(t.task)?.inputs.map((i) => i.name) ?? []);
      const entries = Object.entries(t.args);
      return {
        task: name(t.task),
        arguments: namedArguments
          ? entries.filter(([k]) => !inputs.has(k)).map(([k, v]) => ({ name: k, value: show(v) }))
          : entries.filter(([k]) => inputs.has(k)).map(([, v]) => show(v)),
      };
    }),
    task_links: plan.tasks.flatMap((t, i) => {
      const deps = t.deps.filter((d) => byId.has(d));
      // Daily-life links are temporal ("do this, then that"), and a request lists its calls in
      // the order it wants them done: a call that depends on nothing stated follows the one before.
      if (namedArguments && deps.length === 0 && i > 0) deps.push(plan.tasks[i - 1]!.id);
      return deps.map((d) => ({ source: name(byId.get(d)!.task), target: name(t.task) }));
    }),
  };
}

/** One prediction in TaskBench's format from the built-in planner (no LLM). */
export function predictOne(record: Pick<Gold, 'id' | 'instruction' | 'user_request'>, catalog: Catalog, toolName: Map<string, string>, namedArguments: boolean, aids: PlanningAids = {}): TaskBenchPrediction {
  return toPrediction(record.id, builtinPlan(plannedRequest(record, catalog), catalog, aids), catalog, toolName, namedArguments);
}

/** The request as the built-in controller reads it: typos in documented words corrected (plan/spelling.ts). */
export function plannedRequest(record: Pick<Gold, 'instruction' | 'user_request'>, catalog: Catalog): string {
  return correctSpelling(requestOf(record), catalog).text;
}

export function requestOf(record: Pick<Gold, 'instruction' | 'user_request'>): string {
  return record.instruction ?? record.user_request ?? '';
}

/**
 * A gold record as the plan a user confirmed: nodes whose tool the list has, arguments to
 * the tool's inputs in order (`<node-j>` a reference, a file the request names a file,
 * anything else text), named arguments as parameters.
 */
export function goldAsRemembered(gold: Gold, catalog: Catalog, toolName: Map<string, string>): Omit<RememberedPlan, 'at'> | undefined {
  const request = gold.instruction ?? gold.user_request ?? '';
  const files = requestFiles(request);
  const idOf = new Map([...toolName].map(([id, name]) => [name, id]));
  const kept = gold.task_nodes.map((n, i) => ({ n, i, type: catalog.taskType(idOf.get(n.task) ?? '') })).filter((x) => x.type);
  const taskId = new Map(kept.map((x, k) => [x.i, `t${k + 1}`]));
  const tasks = kept.map(({ n, i, type }) => {
    const args: Record<string, unknown> = {};
    n.arguments.forEach((a, k) => {
      if (a && typeof a === 'object' && 'name' in a) {
        args[String((a as { name: unknown }).name)] = (a as { value?: unknown }).value;
        return;
      }
      const slot = type!.inputs[k];
      if (!slot) return;
      const text = String(a);
      const ref = /^<node-(\d+)>$/.exec(text);
      if (ref) {
        const target = taskId.get(Number(ref[1]));
        if (target && target !== taskId.get(i)) args[slot.name] = { ref: target };
      } else args[slot.name] = files.has(text) ? { file: text } : text;
    });
    const deps = Object.values(args).flatMap((v) => (isRef(v) ? [v.ref] : []));
    return { id: taskId.get(i)!, task: type!.id, args, deps };
  });
  if (tasks.length === 0) return undefined;
  return { runId: `taskbench-${gold.id}`, request, plan: { tasks }, inputs: [...files].map(([path, f]) => ({ path, modality: f.modality })), verdict: 'good' };
}
