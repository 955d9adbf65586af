import { z } from 'zod';

/**
 * The internal plan. An argument is literal text, one of the user's files, or a reference
 * to an earlier task's output; anything else in `args` is a parameter of the task type.
 *   { "image": { "file": "examples/sign.png" } }
 *   { "text": { "ref": "t1" }, "target_language": "es" }
 */
export const FileArgSchema = z.object({ file: z.string().min(1) }).strict();
export const RefArgSchema = z.object({ ref: z.string().min(1) }).strict();
export type FileArg = z.infer<typeof FileArgSchema>;
export type RefArg = z.infer<typeof RefArgSchema>;

export const PlanTaskSchema = z.object({
  id: z.string().min(1),
  task: z.string().min(1),
  args: z.record(z.string(), z.unknown()).default({}),
  deps: z.array(z.string()).default([]),
});
export const PlanSchema = z.object({ tasks: z.array(PlanTaskSchema) });

export type PlanTask = z.infer<typeof PlanTaskSchema>;
export type Plan = z.infer<typeof PlanSchema>;

export function isRef(value: unknown): value is RefArg {
  return RefArgSchema.safeParse(value).success;
}

export function isFile(value: unknown): value is FileArg {
  return FileArgSchema.safeParse(value).success;
}

export function refsOf(task: PlanTask): string[] {
  return Object.values(task.args).filter(isRef).map((r) => r.ref);
}
