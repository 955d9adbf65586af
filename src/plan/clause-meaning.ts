import type { Catalog } from '../catalog/catalog.js';
import type { TaskType } from '../core/task-type.js';
import { cosine } from '../retrieval/cosine.js';
import type { SentenceEncoder } from '../retrieval/sentence-encoder.js';
import { analyzeRequest, type Clause } from './request-analysis.js';

/**
 * How near in meaning each task type's documentation is to a clause: the type's place among
 * the catalog's types by a sentence encoder's similarity, as a share of their number (0 for
 * the nearest). A share rather than a cosine, because cosines of one encoder differ in scale
 * from clause to clause and from catalog to catalog, and a place does not.
 */
export type MeaningRanks = (clause: Clause) => ReadonlyMap<string, number> | undefined;

/**
 * Documentation vectors by encoder, then by text: a process plans over several catalogs
 * (TaskBench's, the local one), each text embedded once by each encoder. Keyed by the
 * encoder, so that one model's vectors never stand in for another's.
 */
const byEncoder = new WeakMap<SentenceEncoder, Map<string, Float32Array>>();
const MAX_CACHED = 20_000;

/** What a type is documented to do, in a sentence. */
function documentation(type: TaskType): string {
  return `${type.name}. ${type.description}`;
}

/** The meaning ranks of every clause of a request, read as the built-in planner reads them. */
export async function meaningRanks(request: string, catalog: Catalog, encoder: SentenceEncoder): Promise<MeaningRanks> {
  const documented = byEncoder.get(encoder) ?? new Map<string, Float32Array>();
  byEncoder.set(encoder, documented);
  const types = [...catalog.taskTypes.values()];
  const clauses = [...new Set(analyzeRequest(request).clauses.map((c) => c.text))];
  const missing = [...new Set(types.map(documentation))].filter((d) => !documented.has(d));
  const vectors = await encoder.embed([...clauses, ...missing]);
  if (documented.size + missing.length > MAX_CACHED) documented.clear();
  missing.forEach((d, i) => documented.set(d, vectors[clauses.length + i]!));
  const byClause = new Map(
    clauses.map((text, i) => {
      const near = types
        .map((t) => ({ id: t.id, similarity: cosine(vectors[i]!, documented.get(documentation(t))!) }))
        .sort((a, b) => b.similarity - a.similarity);
      return [text, new Map(near.map((n, place) => [n.id, place / near.length]))] as const;
    }),
  );
  return (clause) => byClause.get(clause.text);
}
