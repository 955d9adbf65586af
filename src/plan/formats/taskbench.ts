import { z } from 'zod';
import type { Catalog } from '../../catalog/catalog.js';
import type { Modality } from '../../core/modality.js';
import { isFile, isRef, type Plan } from '../../core/plan.js';

/**
 * TaskBench's format: task_nodes [{task, arguments}] where "<node-j>" is the output of
 * node j, plus task_links [{source, target}] by task name. Arguments are a list of values
 * (huggingface, multimedia domains) or [{name, value}] (daily-life APIs).
 */
const NamedArgument = z.object({ name: z.string(), value: z.unknown() });
export const TaskBenchPlanSchema = z.object({
  task_steps: z.array(z.string()).optional(),
  task_nodes: z.array(z.object({ task: z.string(), arguments: z.array(z.union([NamedArgument, z.unknown()])).default([]) })),
  task_links: z.array(z.object({ source: z.string(), target: z.string() })).default([]),
});
export type TaskBenchPlan = z.infer<typeof TaskBenchPlanSchema>;

const NODE = /^<node-(\d+)>$/;

/**
 * Positional arguments are placed in the task type's inputs by modality, in order; values
 * that fit no input become `arg<i>` and are reported by validation.
 */
export function fromTaskBench(input: TaskBenchPlan, catalog: Catalog, files: ReadonlyMap<string, Modality> = new Map()): Plan {
  const id = (j: number) => `t${j + 1}`;
  const modalityOfNode = (j: number) => catalog.taskType(input.task_nodes[j]?.task ?? '')?.output.modality;
  return {
    tasks: input.task_nodes.map((node, j) => {
      const type = catalog.taskType(node.task);
      const free = [...(type?.inputs ?? [])];
      const args: Record<string, unknown> = {};
      node.arguments.forEach((raw, i) => {
        const named = NamedArgument.safeParse(raw);
        if (named.success) return void (args[named.data.name] = convert(named.data.value));
        const value = convert(raw);
        const m: Modality | undefined = isRef(value) ? modalityOfNode(Number(value.ref.slice(1)) - 1) : isFile(value) ? files.get(value.file) : 'text';
        const slot = free.findIndex((s) => s.modality === m);
        if (slot >= 0) args[free.splice(slot, 1)[0]!.name] = value;
        else args[`arg${i}`] = value;
      });
      return { id: id(j), task: node.task, args, deps: [] };
    }),
  };

  function convert(value: unknown): unknown {
    if (typeof value !== 'string') return value;
    const node = NODE.exec(value.trim());
    if (node) return { ref: id(Number(node[1])) };
    const file = [...files.keys()].find((f) => f === value || f.split('/').pop() === value);
    return file ? { file } : value;
  }
}

export function toTaskBench(plan: Plan, options: { namedArguments?: boolean } = {}): Required<TaskBenchPlan> {
  const index = new Map(plan.tasks.map((t, i) => [t.id, i]));
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const show = (v: unknown) => (isRef(v) ? `<node-${index.get(v.ref)}>` : isFile(v) ? v.file : v);
  return {
    task_steps: plan.tasks.map((t, i) => `Step ${i + 1}: ${t.task}`),
    task_nodes: plan.tasks.map((t) => ({
      task: t.task,
      arguments: options.namedArguments
        ? Object.entries(t.args).map(([name, v]) => ({ name, value: show(v) }))
        : Object.values(t.args).map(show),
    })),
    task_links: plan.tasks.flatMap((t) => t.deps.map((d) => ({ source: byId.get(d)!.task, target: t.task }))),
  };
}
