import { Bm25fIndex } from '../../retrieval/bm25f.js';
import type { ApiDoc } from './apibench-data.js';
import { apiFields, type ApiField } from './api-documents.js';
import type { ApiMatcher } from './score.js';

/**
 * How many of the best-matching entries vote for a domain. Chosen on TorchHub's training
 * pairs (torchhub_train.json: 72.5 % at 1, 86.7 % at 5, 89.0 % at 10, 86.9 % at 20), never on
 * the evaluation questions.
 */
export const DOMAIN_VOTERS = 10;

const WEIGHTS: Record<ApiField, number> = { name: 1, domain: 1, functionality: 1, description: 1, usage: 1 };

export interface Selection {
  api: ApiDoc;
  index: number;
  score: number;
  domainScore: number;
}

/**
 * Zero-shot API selection from documentation alone (no LLM, no training): BM25F over each
 * API's fields; the top entries vote for a domain by score; the best entry of the winning
 * domain is chosen — provided the call it would emit is matched back, by the scorer's own
 * AST matcher, to an API of that domain. A selection is always an entry of the catalog.
 */
export class ApiSelector {
  private readonly index: Bm25fIndex<ApiField>;

  constructor(
    private readonly apis: readonly ApiDoc[],
    private readonly matcher: ApiMatcher,
  ) {
    this.index = new Bm25fIndex(apis.map((api, i) => ({ id: String(i), fields: apiFields(api) })), WEIGHTS);
  }

  async select(question: string): Promise<Selection | undefined> {
    const ranked = this.index.search(question);
    const votes = new Map<string, number>();
    for (const r of ranked.slice(0, DOMAIN_VOTERS)) {
      const domain = this.apis[Number(r.id)]!.domain;
      votes.set(domain, (votes.get(domain) ?? 0) + r.score);
    }
    for (const [domain, domainScore] of [...votes].sort((a, b) => b[1] - a[1])) {
      for (const r of ranked.filter((x) => this.apis[Number(x.id)]!.domain === domain)) {
        const index = Number(r.id);
        const api = this.apis[index]!;
        const matched = await this.matcher.match(api.api_call);
        if (matched !== -1 && this.apis[matched]!.domain === domain) return { api, index, score: r.score, domainScore };
      }
    }
    return undefined;
  }
}

/** A selection in Gorilla's response format, which its scorer reads. */
export function gorillaResponse(questionId: number, selection: Selection | undefined): { question_id: number; text: string } {
  if (!selection) return { question_id: questionId, text: '<<<domain>>>: none, <<<api_call>>>: none, <<<api_provider>>>: none, <<<explanation>>>: no API in the catalog matches the question' };
  const { api } = selection;
  return {
    question_id: questionId,
    text: `<<<domain>>>: ${api.domain}, <<<api_call>>>: ${api.api_call}, <<<api_provider>>>: ${api.framework ?? 'unknown'}, <<<explanation>>>: selected from the catalog by its documentation (BM25F ${selection.score.toFixed(2)}; domain vote ${selection.domainScore.toFixed(2)}): ${api.api_name}`,
  };
}

/** Question texts arrive with escaped newlines ("\\n") and leading spaces. */
export function cleanQuestion(text: string): string {
  return text.replace(/\\n/g, ' ').replace(/\s+/g, ' ').trim();
}
