import type { Catalog } from '../catalog/catalog.js';

/** One expert as `troupe doctor` (and the page's settings) report it: can it run here, and if not, why and the fix. */
export interface DoctorRow {
  id: string;
  task: string;
  runnable: boolean;
  reason?: string;
  fix?: string;
}

/** Every expert of the catalog, checked where it would run. */
export async function diagnose(catalog: Catalog): Promise<DoctorRow[]> {
  return Promise.all(
    catalog.experts.map(async (e) => {
      const a = await catalog.check(e);
      return { id: e.entry.id, task: e.entry.task, runnable: a.runnable, ...(a.reason ? { reason: a.reason } : {}), ...(a.fix ? { fix: a.fix } : {}) };
    }),
  );
}

