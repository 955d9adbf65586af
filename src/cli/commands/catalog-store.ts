import { existsSync } from 'node:fs';
import type { CatalogStore } from '../../catalog/catalog-store.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';

/** The path a `troupe catalog` command works on: --db, else the default. */
export async function storePath(db?: string): Promise<string> {
  const { defaultCatalogPath } = await import('../../catalog/catalog-path.js');
  return db ?? defaultCatalogPath();
}

/**
 * The catalog store a `troupe catalog` command works on. A command that only reads passes
 * `mustExist`, so that asking about a catalog that is not there does not create an empty one.
 */
export async function openStore(db?: string, options: { mustExist?: boolean } = {}): Promise<CatalogStore> {
  const path = await storePath(db);
  if (options.mustExist && path !== ':memory:' && !existsSync(path)) {
    throw new TroupeError(ErrorCode.InputNotFound, `there is no catalog database at ${path}`, { hint: 'import one first (troupe catalog import hf-models|openapi|mcp …), or name another with --db; the built-in local experts need no database' });
  }
  const { CatalogStore } = await import('../../catalog/catalog-store.js');
  return new CatalogStore(path);
}
