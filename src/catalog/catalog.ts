import type { Availability, Expert } from './expert.js';
import type { TaskType } from './task-type.js';
import { BUILTIN_TASK_TYPES } from './builtin-task-types.js';
import { LOCAL_EXPERTS } from '../experts/local/index.js';

/** Task types and the experts that serve them; availability is checked once per process. */
export class Catalog {
  readonly taskTypes: ReadonlyMap<string, TaskType>;
  readonly experts: readonly Expert[];
  private readonly availability = new Map<string, Promise<Availability>>();

  constructor(taskTypes: readonly TaskType[], experts: readonly Expert[]) {
    this.taskTypes = new Map(taskTypes.map((t) => [t.id, t]));
    this.experts = experts;
  }

  taskType(id: string): TaskType | undefined {
    return this.taskTypes.get(id);
  }

  expertsFor(task: string): Expert[] {
    return this.experts.filter((e) => e.entry.task === task);
  }

  check(expert: Expert): Promise<Availability> {
    let result = this.availability.get(expert.entry.id);
    if (!result) {
      result = expert.check().catch((error: Error) => ({ runnable: false, reason: `check failed: ${error.message}` }));
      this.availability.set(expert.entry.id, result);
    }
    return result;
  }
}

export function defaultCatalog(): Catalog {
  return new Catalog(BUILTIN_TASK_TYPES, LOCAL_EXPERTS);
}
