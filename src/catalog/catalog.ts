import type { Availability, Expert, ExpertEntry } from './expert.js';
import type { CatalogStore } from './catalog-store.js';
import type { TaskType } from './task-type.js';
import { BUILTIN_TASK_TYPES } from './builtin-task-types.js';
import { LOCAL_EXPERTS } from '../experts/local/index.js';

/** Task types and the experts that serve them; availability is checked once per process. */
export class Catalog {
  readonly taskTypes: ReadonlyMap<string, TaskType>;
  readonly experts: readonly Expert[];
  private readonly availability = new Map<string, Promise<Availability>>();

  constructor(
    taskTypes: readonly TaskType[],
    experts: readonly Expert[],
    /** Imported documentation (thousands of entries); consulted for candidates when present. */
    readonly store?: CatalogStore,
    /** What happened while building it (a configured server that could not be reached, …), for the run record. */
    readonly notes: readonly string[] = [],
    /** For task types retrieved from a large store: how well the request retrieved them (0–1, the best 1). */
    readonly retrieval: ReadonlyMap<string, number> = new Map(),
  ) {
    this.taskTypes = new Map(taskTypes.map((t) => [t.id, t]));
    this.experts = experts;
  }

  /** Imported entries of a task type that the request's words retrieve, best first; none without a store. */
  documented(task: string, words: string, limit = 5): ExpertEntry[] {
    if (!this.store) return [];
    const hits = this.store.search(words, { task, limit });
    return (hits.length ? hits.map((h) => h.entry) : this.store.byTask(task, limit)).filter((e) => !this.experts.some((x) => x.entry.id === e.id));
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
