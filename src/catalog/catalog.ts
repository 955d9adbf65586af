import { existsSync } from 'node:fs';
import type { Availability, Expert, ExpertEntry } from './expert.js';
import type { CatalogStore } from './catalog-store.js';
import { defaultCatalogPath } from './catalog-path.js';
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

/**
 * The default catalog plus the imported store, when one exists at `path` (never created
 * here: a run does not leave a database behind).
 */
export async function catalogWithStore(path = defaultCatalogPath()): Promise<Catalog> {
  if (!existsSync(path)) return defaultCatalog();
  const [{ CatalogStore }, { mcpToolExpert }, { openApiExpert }, { remoteTaskType }] = await Promise.all([
    import('./catalog-store.js'),
    import('../experts/remote/mcp-tool-expert.js'),
    import('../experts/remote/openapi-expert.js'),
    import('../experts/remote/remote-task-type.js'),
  ]);
  const store = new CatalogStore(path);
  // Imported MCP tools and OpenAPI operations run here: each brings its own task type and expert.
  const remote = [...store.byOrigin('mcp').map((e) => [e, mcpToolExpert(e)] as const), ...store.byOrigin('openapi').map((e) => [e, openApiExpert(e)] as const)];
  return new Catalog([...BUILTIN_TASK_TYPES, ...remote.map(([e]) => remoteTaskType(e))], [...LOCAL_EXPERTS, ...remote.map(([, x]) => x)], store);
}
