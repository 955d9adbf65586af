import { existsSync } from 'node:fs';
import type { Catalog } from '../catalog/catalog.js';
import { loadConfig } from '../config/config.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import { buildCatalog } from './build-catalog.js';

/** The config file's sources and allowed hosts, then the catalog they and the store make for this request. */
export async function catalogFor(opts: { db?: string; config?: string }, request?: string): Promise<Catalog> {
  if (opts.db && !existsSync(opts.db)) throw new TroupeError(ErrorCode.InputNotFound, `catalog database not found: ${opts.db}`, { hint: 'create it with `troupe catalog import ... --db FILE`, or leave out --db' });
  const config = await loadConfig(opts.config);
  return buildCatalog({ ...(opts.db ? { db: opts.db } : {}), config, ...(request ? { request } : {}) });
}
