import { z } from 'zod';
import { isFile, isRef, type Plan } from '../../core/plan.js';

/**
 * HuggingGPT's plan format: [{task, id, dep, args}], where "<GENERATED>-k" in an argument
 * is the output of task k and dep [-1] means none. The typo "<GENERATED-k>" (present in
 * HuggingGPT's own demos) is accepted on import.
 */
export const HuggingGptTaskSchema = z.object({
  task: z.string(),
  id: z.union([z.number(), z.string()]),
  dep: z.array(z.union([z.number(), z.string()])).default([]),
  args: z.record(z.string(), z.unknown()).default({}),
});
export const HuggingGptPlanSchema = z.array(HuggingGptTaskSchema);
export type HuggingGptTask = z.infer<typeof HuggingGptTaskSchema>;

const GENERATED = /^<GENERATED>-(\d+)$|^<GENERATED-(\d+)>$/;

/** `files` are the user's input paths; a string argument naming one (or its basename) becomes a file argument. */
export function fromHuggingGpt(tasks: HuggingGptTask[], files: readonly string[] = []): Plan {
  const idFor = new Map(tasks.map((t, i) => [String(t.id), `t${i + 1}`]));
  const fileFor = (value: string) => files.find((f) => f === value || f.split('/').pop() === value);
  return {
    tasks: tasks.map((t) => {
      const args: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(t.args)) {
        const generated = typeof value === 'string' ? GENERATED.exec(value.trim()) : null;
        const file = typeof value === 'string' ? fileFor(value.trim()) : undefined;
        if (generated) args[name] = { ref: idFor.get(generated[1] ?? generated[2]!) ?? `missing-${generated[1] ?? generated[2]}` };
        else if (file) args[name] = { file };
        else args[name] = value;
      }
      const deps = t.dep.map(String).filter((d) => d !== '-1').map((d) => idFor.get(d) ?? `missing-${d}`);
      return { id: idFor.get(String(t.id))!, task: t.task, args, deps };
    }),
  };
}

export function toHuggingGpt(plan: Plan): HuggingGptTask[] {
  const index = new Map(plan.tasks.map((t, i) => [t.id, i]));
  return plan.tasks.map((t, i) => ({
    task: t.task,
    id: i,
    dep: t.deps.length ? t.deps.map((d) => index.get(d) ?? -1) : [-1],
    args: Object.fromEntries(
      Object.entries(t.args).map(([k, v]) => [k, isRef(v) ? `<GENERATED>-${index.get(v.ref)}` : isFile(v) ? v.file : v]),
    ),
  }));
}
