import type { Catalog } from '../catalog/catalog.js';
import type { TaskType } from '../catalog/task-type.js';
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

/** Documentation vectors by text: catalogs are rebuilt per request (learned examples), their types' texts are not. */
const documented = new Map<string, Float32Array>();
const MAX_CACHED = 20_000;

/** Confirmed clauses a type is known by, at most this many, the latest: each is embedded once per process. */
const MAX_LEARNED = 20;

/**
 * What a type is known to do, in sentences: its documentation, and the clauses that confirmed
 * plans used it for (plan memory's learned examples, in the users' own words). A type is as
 * near as the nearest of them. TaskBench dev, one half confirmed and the other planned
 * (templates and learned words), node / edge F1 against no memory: documentation only
 * A→B −1.0 / −0.4, B→A +2.5 / −0.7; with all confirmed clauses +0.7 / +2.7, +1.1 / −1.4;
 * with the latest 20 a type has +0.2 / +2.5, +2.0 / −0.6.
 */
function texts(type: TaskType): string[] {
  return [`${type.name}. ${type.description}`, ...type.learned.slice(-MAX_LEARNED)];
}

/** The meaning ranks of every clause of a request, read as the built-in planner reads them. */
export async function meaningRanks(request: string, catalog: Catalog, encoder: SentenceEncoder): Promise<MeaningRanks> {
  const types = [...catalog.taskTypes.values()];
  const clauses = [...new Set(analyzeRequest(request).clauses.map((c) => c.text))];
  const missing = [...new Set(types.flatMap(texts))].filter((d) => !documented.has(d));
  const vectors = await encoder.embed([...clauses, ...missing]);
  if (documented.size + missing.length > MAX_CACHED) documented.clear();
  missing.forEach((d, i) => documented.set(d, vectors[clauses.length + i]!));
  const byClause = new Map(
    clauses.map((text, i) => {
      // A type is as near as the nearest thing it is known to do.
      const near = types
        .map((t) => ({ id: t.id, similarity: Math.max(...texts(t).map((d) => cosine(vectors[i]!, documented.get(d)!))) }))
        .sort((a, b) => b.similarity - a.similarity);
      return [text, new Map(near.map((n, place) => [n.id, place / near.length]))] as const;
    }),
  );
  return (clause) => byClause.get(clause.text);
}
