import { BUILTIN_TASK_TYPES } from '../catalog/builtin-task-types.js';
import { Catalog } from '../catalog/catalog.js';
import { LOCAL_EXPERTS } from '../experts/local/index.js';

/** Troupe's own task types and local experts: what a fresh machine with no store or config plans and runs with. */
export function defaultCatalog(): Catalog {
  return new Catalog(BUILTIN_TASK_TYPES, LOCAL_EXPERTS);
}
