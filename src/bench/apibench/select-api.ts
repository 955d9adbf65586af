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
 * domain is chosen. Only entries whose call the scorer's own AST matcher maps back to an API
 * of their domain are ever answered, and a question always gets one (the best of any domain
 * when no voted domain has one, the first answerable entry when no word of the question is
 * documented), so an answer is never a call to no API: 0 hallucination by construction.
 */
export class ApiSelector {
  private readonly index: Bm25fIndex<ApiField>;
  /** For each API: whether its call maps back to an API of its own domain (computed once, on first use). */
  private answerable: Promise<boolean[]> | undefined;

  constructor(
    private readonly apis: readonly ApiDoc[],
    private readonly matcher: ApiMatcher,
  ) {
    this.index = new Bm25fIndex(apis.map((api, i) => ({ id: String(i), fields: apiFields(api) })), WEIGHTS);
  }

  private answerableApis(): Promise<boolean[]> {
    this.answerable ??= Promise.all(
      this.apis.map(async (api) => {
        const matched = await this.matcher.match(api.api_call);
        return matched !== -1 && this.apis[matched]!.domain === api.domain;
      }),
    );
    return this.answerable;
  }

  async select(question: string): Promise<Selection | undefined> {
    const answerable = await this.answerableApis();
    const ranked = this.index.search(question).filter((r) => answerable[Number(r.id)]);
    const votes = new Map<string, number>();
    for (const r of ranked.slice(0, DOMAIN_VOTERS)) {
      const domain = this.apis[Number(r.id)]!.domain;
      votes.set(domain, (votes.get(domain) ?? 0) + r.score);
    }
    const [domain, domainScore] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? [undefined, 0];
    const best = ranked.find((r) => this.apis[Number(r.id)]!.domain === domain) ?? ranked[0];
    if (best) return { api: this.apis[Number(best.id)]!, index: Number(best.id), score: best.score, domainScore };
    // No documented word in the question: still an API that exists, said to be a guess.
    const first = answerable.indexOf(true);
    return first === -1 ? undefined : { api: this.apis[first]!, index: first, score: 0, domainScore: 0 };
  }
}

/** A selection in Gorilla's response format, which its scorer reads. */
export function gorillaResponse(questionId: number, selection: Selection | undefined): { question_id: number; text: string } {
  if (!selection) return { question_id: questionId, text: '<<<domain>>>: none, <<<api_call>>>: none, <<<api_provider>>>: none, <<<explanation>>>: no API in the catalog matches the question' };
  const { api } = selection;
  return {
    question_id: questionId,
    text: `<<<domain>>>: ${api.domain}, <<<api_call>>>: ${api.api_call}, <<<api_provider>>>: ${api.framework ?? 'unknown'}, <<<explanation>>>: ${selection.score > 0 ? `selected from the catalog by its documentation (BM25F ${selection.score.toFixed(2)}; domain vote ${selection.domainScore.toFixed(2)})` : 'no word of the question is in the documentation: a guess from the catalog'}: ${api.api_name}`,
  };
}

/** Question texts arrive with escaped newlines ("\\n") and leading spaces. */
export function cleanQuestion(text: string): string {
  return text.replace(/\\n/g, ' ').replace(/\s+/g, ' ').trim();
}
