import type { CatalogStore } from '../../catalog/catalog-store.js';

/** The catalog store a `troupe catalog` command works on (the default path unless --db names one). */
export async function openStore(db?: string): Promise<CatalogStore> {
  const [{ CatalogStore }, { defaultCatalogPath }] = await Promise.all([import('../../catalog/catalog-store.js'), import('../../catalog/catalog-path.js')]);
  return new CatalogStore(db ?? defaultCatalogPath());
}
