import type { Catalog } from '../catalog/catalog.js';
import type { TaskType } from '../core/task-type.js';
import { cosine } from '../retrieval/cosine.js';
import { loadDocumentVectors, saveDocumentVectors } from '../retrieval/document-vectors.js';
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

/**
 * What a type is documented to do: a sentence of its name and description, and each of its
 * examples, which say it in the words people use. A clause is as near the type as it is to
 * the nearest of these: on the everyday requests of the dev splits, the nearest type is one
 * the plan needs for 85 of 157 by the description alone and 114 with the examples.
 */
function documentation(type: TaskType): string[] {
  return [`${type.name}. ${type.description}`, ...(type.examples ?? [])];
}

/**
 * The meaning ranks of every clause of a request, read as the built-in planner reads them.
 * `aside`: types added only so that a request for them is recognised and refused (nothing here
 * serves them); each is placed among the others, but they do not push the others down, so
 * a served type is as near or far as it is in the served catalog ("give me the gist of this
 * recording" kept summarization near enough once audio classification was known).
 */
export async function meaningRanks(request: string, catalog: Catalog, encoder: SentenceEncoder, aside: ReadonlySet<string> = new Set()): Promise<MeaningRanks> {
  const documented = byEncoder.get(encoder) ?? loadDocumentVectors(encoder.model);
  byEncoder.set(encoder, documented);
  const types = [...catalog.taskTypes.values()];
  const clauses = [...new Set(analyzeRequest(request).clauses.map((c) => c.text))];
  const missing = [...new Set(types.flatMap(documentation))].filter((d) => !documented.has(d));
  const vectors = await encoder.embed([...clauses, ...missing]);
  if (documented.size + missing.length > MAX_CACHED) documented.clear();
  missing.forEach((d, i) => documented.set(d, vectors[clauses.length + i]!));
  if (missing.length) saveDocumentVectors(encoder.model, documented);
  const byClause = new Map(
    clauses.map((text, i) => {
      const near = types
        .map((t) => ({ id: t.id, similarity: Math.max(...documentation(t).map((d) => cosine(vectors[i]!, documented.get(d)!))) }))
        .sort((a, b) => b.similarity - a.similarity);
      const counted = near.filter((n) => !aside.has(n.id)).length || near.length;
      let above = 0;
      const places = near.map((n) => {
        const place: [string, number] = [n.id, above / counted];
        if (!aside.has(n.id)) above++;
        return place;
      });
      return [text, new Map(places)] as const;
    }),
  );
  return (clause) => byClause.get(clause.text);
}
