import type { Availability, Expert, ExpertEntry } from '../core/expert.js';
import type { CatalogStore } from './catalog-store.js';
import type { TaskType } from '../core/task-type.js';

export interface CatalogOptions {
  /** Imported documentation (thousands of entries); consulted for candidates when present. */
  store?: CatalogStore;
  /** What happened while building it (a configured server that could not be reached, …), for the run record. */
  notes?: readonly string[];
  /** For task types retrieved from a large store: how well the request retrieved them (0–1, the best 1). */
  retrieval?: ReadonlyMap<string, number>;
  /**
   * Turns a documented entry into an expert that can be run, where a runner for its kind is
   * wired (Hugging Face models through inference). Given by the app, so that the catalog
   * knows no expert implementation.
   */
  runnerFor?: (entry: ExpertEntry) => Expert | undefined;
}

/** Task types and the experts that serve them; availability is checked once per process. */
export class Catalog {
  readonly taskTypes: ReadonlyMap<string, TaskType>;
  readonly experts: readonly Expert[];
  readonly store: CatalogStore | undefined;
  readonly notes: readonly string[];
  readonly retrieval: ReadonlyMap<string, number>;
  private readonly runnerFor: CatalogOptions['runnerFor'];
  private readonly availability = new Map<string, Promise<Availability>>();

  constructor(taskTypes: readonly TaskType[], experts: readonly Expert[], options: CatalogOptions = {}) {
    this.taskTypes = new Map(taskTypes.map((t) => [t.id, t]));
    this.experts = experts;
    this.store = options.store;
    this.notes = options.notes ?? [];
    this.retrieval = options.retrieval ?? new Map();
    this.runnerFor = options.runnerFor;
  }

  /**
   * Imported entries of a task type that the request's words retrieve, best first (none
   * without a store), each with an expert where a runner for its kind is wired.
   */
  documented(task: string, words: string, limit = 5): Array<{ entry: ExpertEntry; expert?: Expert }> {
    if (!this.store) return [];
    const hits = this.store.search(words, { task, limit });
    return (hits.length ? hits.map((h) => h.entry) : this.store.byTask(task, limit))
      .filter((e) => !this.experts.some((x) => x.entry.id === e.id))
      .map((entry) => {
        const expert = this.runnerFor?.(entry);
        return expert ? { entry, expert } : { entry };
      });
  }

  /** The same catalog with more task types documented (for planning; they bring no experts). */
  withTaskTypes(extra: readonly TaskType[]): Catalog {
    return new Catalog([...this.taskTypes.values(), ...extra.filter((t) => !this.taskTypes.has(t.id))], this.experts, {
      ...(this.store ? { store: this.store } : {}),
      notes: this.notes,
      retrieval: this.retrieval,
      ...(this.runnerFor ? { runnerFor: this.runnerFor } : {}),
    });
  }

  taskType(id: string): TaskType | undefined {
    return this.taskTypes.get(id);
  }

  /** The expert an id names: a loaded one, or a documented entry this catalog can run (a queue's worker gets ids). */
  expertById(id: string): Expert | undefined {
    const loaded = this.experts.find((e) => e.entry.id === id);
    if (loaded) return loaded;
    const entry = this.store?.get(id);
    return entry ? this.runnerFor?.(entry) : undefined;
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
