import type { CatalogStore, SearchHit } from '../catalog/catalog-store.js';
import type { EmbeddingsConfig } from '../config/config.js';
import { describeError } from '../core/errors.js';

/**
 * Searches the catalog store: lexical search finds the candidates and, when the config names
 * an embedding endpoint, it re-ranks them. An endpoint that fails costs the re-ranking, not
 * the search: the lexical ranking stands.
 */
export async function searchStore(
  store: CatalogStore,
  query: string,
  options: {
    task?: string;
    origins?: readonly string[];
    limit: number;
    embeddings?: EmbeddingsConfig;
    /** Private hosts the config file allows (the embedding endpoint may be one). */
    allowHosts?: readonly string[];
    /** How many lexical candidates the embedding endpoint re-ranks (default: max(50, 5 × limit)). */
    pool?: number;
    /** Why the endpoint could not re-rank (the lexical ranking then stands). */
    onRerankFailed?: (reason: string) => void;
  },
): Promise<{ hits: SearchHit[]; semantic: boolean }> {
  const { limit, embeddings } = options;
  const filters = { ...(options.task ? { task: options.task } : {}), ...(options.origins ? { origins: options.origins } : {}) };
  const hits = store.search(query, { ...filters, limit: embeddings ? (options.pool ?? Math.max(50, limit * 5)) : limit });
  if (!embeddings) return { hits, semantic: false };
  const { EmbeddingReranker } = await import('../retrieval/embedding-reranker.js');
  try {
    return { hits: (await new EmbeddingReranker(embeddings, store, { allowHosts: options.allowHosts ?? [] }).rerank(query, hits)).slice(0, limit), semantic: true };
  } catch (error) {
    options.onRerankFailed?.(describeError(error));
    return { hits: hits.slice(0, limit), semantic: false };
  }
}
