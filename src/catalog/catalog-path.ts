import { homedir } from 'node:os';
import { join } from 'node:path';

/** The catalog database: --db, else TROUPE_CATALOG, else $XDG_DATA_HOME/troupe/catalog.db (~/.local/share). */
export function defaultCatalogPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TROUPE_CATALOG) return env.TROUPE_CATALOG;
  const data = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(data, 'troupe', 'catalog.db');
}
