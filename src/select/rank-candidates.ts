import type { Catalog } from '../catalog/catalog.js';
import type { Availability, Expert } from '../core/expert.js';
import { Bm25fIndex } from '../retrieval/bm25f.js';

export interface CandidateSet {
  /** Runnable experts, best first. */
  ranked: Expert[];
  unavailable: Array<{ expert: Expert; availability: Availability }>;
  /** Catalog entries of the task's type that have no runner here yet (remote experts). */
  documented: Array<{ id: string; provider: string }>;
}

/**
 * Candidates for one task: the experts of its type, filtered by what can run here, ranked
 * stand-ins last, then local first, then by popularity (local) or by relevance of their documentation to the
 * task's clause (remote).
 */
export async function rankCandidates(taskType: string, clause: string, catalog: Catalog): Promise<CandidateSet> {
  // Documented entries with a runner (Hugging Face models, with HF_TOKEN) become remote candidates.
  const documentedEntries = catalog.documented(taskType, clause);
  const remote = documentedEntries.flatMap((d) => (d.expert ? [d.expert] : []));
  const experts = [...catalog.expertsFor(taskType), ...remote];
  const checked = await Promise.all(experts.map(async (expert) => ({ expert, availability: await catalog.check(expert) })));
  const runnable = checked.filter((c) => c.availability.runnable).map((c) => c.expert);
  const index = new Bm25fIndex(
    runnable.map((e) => ({ id: e.entry.id, fields: { name: e.entry.name, description: e.entry.description } })),
    { name: 1, description: 1 },
  );
  const relevance = new Map(index.search(clause).map((s) => [s.id, s.score]));
  // Local experts first; among them popularity decides (so a fallback stays a fallback), while
  // remote entries of a large catalog are ordered by how well their documentation fits.
  const local = (e: Expert) => e.entry.provider.kind === 'local';
  const ranked = [...runnable].sort(
    (a, b) =>
      Number(a.entry.standIn ?? false) - Number(b.entry.standIn ?? false) ||
      Number(local(b)) - Number(local(a)) ||
      (local(a) && local(b) ? b.entry.popularity - a.entry.popularity : 0) ||
      (relevance.get(b.entry.id) ?? 0) - (relevance.get(a.entry.id) ?? 0) ||
      b.entry.popularity - a.entry.popularity,
  );
  const documented = documentedEntries.filter((d) => !d.expert).map(({ entry }) => ({ id: entry.id, provider: entry.provider.kind }));
  return { ranked, unavailable: checked.filter((c) => !c.availability.runnable), documented };
}
