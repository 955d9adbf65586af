import { Catalog } from '../catalog/catalog.js';
import type { TaskType } from '../catalog/task-type.js';
import { analyzeRequest, clauseWords } from '../plan/request-analysis.js';
import { FRAMING } from '../plan/speech-act.js';
import { documentationIndex } from '../plan/builtin-planner.js';
import type { RememberedPlan } from './plan-memory.js';

/**
 * What confirmed plans teach the built-in planner: which words people use for each task
 * type. Each clause of a confirmed request goes to the plan's task type its words match
 * best (by the documentation alone; by position when nothing matches), and becomes a
 * learned example of that type. Types that no confirmed plan used learn nothing.
 */
export function learnedExamples(confirmed: readonly RememberedPlan[], types: readonly TaskType[]): Map<string, string[]> {
  // Read the clauses as the planner will: the same index, so "classify this image" goes to
  // Image Classification by its signature, not to whichever tool repeats "image".
  const index = documentationIndex(types);
  const learned = new Map<string, string[]>();
  for (const remembered of confirmed) {
    const used = [...new Set(remembered.plan.tasks.map((t) => t.task))].filter((t) => types.some((x) => x.id === t));
    if (used.length === 0) continue;
    // The clauses that ask for something ("I have a photo" teaches nothing), without their framing.
    const clauses = analyzeRequest(remembered.request)
      .clauses.filter((c) => c.asks !== false)
      .map((c) => clauseWords(c).replace(FRAMING, ' '))
      .filter((c) => c.trim());
    clauses.forEach((clause, i) => {
      const scores = new Map(index.search(clause).map((s) => [s.id, s.score]));
      const ranked = used.map((t, k) => ({ t, score: scores.get(t) ?? 0, k })).sort((a, b) => b.score - a.score);
      const best = ranked[0]!.score > 0 ? ranked[0]!.t : used[Math.min(used.length - 1, Math.floor((i * used.length) / clauses.length))]!;
      learned.set(best, [...(learned.get(best) ?? []), clause]);
    });
  }
  return learned;
}

/** The catalog with each type's learned examples from the confirmed plans. */
export function withLearnedExamples(catalog: Catalog, confirmed: readonly RememberedPlan[]): Catalog {
  if (confirmed.length === 0) return catalog;
  const types = [...catalog.taskTypes.values()];
  const learned = learnedExamples(confirmed, types);
  return new Catalog(
    types.map((t) => ({ ...t, learned: [...t.learned, ...(learned.get(t.id) ?? [])] })),
    catalog.experts,
    catalog.store,
    catalog.notes,
    catalog.retrieval,
  );
}
