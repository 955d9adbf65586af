import type { EmbeddingsConfig } from '../config/config.js';
import { cosine } from './cosine.js';
import { defaultPolicy, policyFetch, type NetAccess } from '../net/http-policy.js';
import { requireCredential } from '../config/credential.js';

/** Reciprocal rank fusion's constant (Cormack et al.): ranks past the first few count little. */
const RRF_K = 60;

/** A lexical hit to re-rank: a documented entry and its score. */
export interface RankedEntry {
  entry: { id: string; name: string; description: string };
  score: number;
}

/** Cached vectors of catalog entries, by entry id and model (the store keeps them). */
export interface VectorCache {
  getVectors(ids: readonly string[], model: string): Map<string, Float32Array>;
  putVectors(vectors: ReadonlyMap<string, Float32Array>, model: string): void;
}

/**
 * The semantic signal from an embedding endpoint (any OpenAI-compatible /embeddings, via
 * the AI SDK): lexical search finds the candidates, their vectors and the query's re-rank
 * them, and the two rankings are fused by reciprocal rank. Entry vectors are cached, so a
 * catalog is embedded once per model, a few entries at a time, as searches reach them.
 */
export class EmbeddingReranker {
  constructor(
    private readonly config: EmbeddingsConfig,
    private readonly cache?: VectorCache,
    private readonly access: NetAccess = {},
  ) {}

  async rerank<H extends RankedEntry>(query: string, hits: readonly H[], signal?: AbortSignal): Promise<H[]> {
    if (hits.length < 2) return [...hits];
    const cached = this.cache?.getVectors(hits.map((h) => h.entry.id), this.config.model) ?? new Map<string, Float32Array>();
    const missing = hits.filter((h) => !cached.has(h.entry.id));
    const vectors = await this.embed([query, ...missing.map((h) => `${h.entry.name}. ${h.entry.description}`.slice(0, 2000))], signal);
    const fresh = new Map(missing.map((h, i) => [h.entry.id, vectors[i + 1]!]));
    if (fresh.size) this.cache?.putVectors(fresh, this.config.model);
    const q = vectors[0]!;
    const similarity = new Map(hits.map((h) => [h.entry.id, cosine(q, cached.get(h.entry.id) ?? fresh.get(h.entry.id)!)]));
    const semanticRank = new Map([...hits].sort((a, b) => similarity.get(b.entry.id)! - similarity.get(a.entry.id)!).map((h, i) => [h.entry.id, i]));
    return hits
      .map((h, lexicalRank) => ({ ...h, score: 1 / (RRF_K + lexicalRank + 1) + 1 / (RRF_K + semanticRank.get(h.entry.id)! + 1) }))
      .sort((a, b) => b.score - a.score);
  }

  private async embed(values: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    const [{ embedMany }, { createOpenAICompatible }] = await Promise.all([import('ai'), import('@ai-sdk/openai-compatible')]);
    const apiKey = this.config.apiKeyEnv ? requireCredential(this.config.apiKeyEnv, 'the embedding endpoint') : undefined;
    const name = `the embedding endpoint ${this.config.baseURL}`;
    const policy = { ...defaultPolicy(this.access), ...(signal ? { signal } : {}) };
    const provider = createOpenAICompatible({
      name: 'embeddings',
      baseURL: this.config.baseURL,
      ...(apiKey ? { apiKey } : {}),
      fetch: policyFetch(name, policy),
    });
    const { embeddings } = await embedMany({ model: provider.embeddingModel(this.config.model), values, maxRetries: 0, ...(signal ? { abortSignal: signal } : {}) });
    return embeddings.map((e) => Float32Array.from(e));
  }
}
