import { isRef, type PlanTask } from '../core/plan.js';

/** The id of a task added after a plan's tasks: one past the highest (t1, t2, … → t3). */
export function nextTaskId(tasks: readonly PlanTask[]): string {
  return `t${Math.max(0, ...tasks.map((t) => Number(t.id.replace(/^\D+/, '')) || 0)) + 1}`;
}

/** Task ids in plan order again (t1, t2, …), references and deps following: after a step is put between others. */
export function renumber(tasks: PlanTask[]): PlanTask[] {
  const ids = new Map(tasks.map((t, i) => [t.id, `t${i + 1}`]));
  const rename = (v: unknown): unknown => (isRef(v) ? { ref: ids.get(v.ref) ?? v.ref } : v);
  return tasks.map((t) => ({
    id: ids.get(t.id)!,
    task: t.task,
    args: Object.fromEntries(Object.entries(t.args).map(([k, v]) => [k, rename(v)])),
    deps: t.deps.map((d) => ids.get(d) ?? d),
  }));
}
