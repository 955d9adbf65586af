import type { ApiDoc } from './apibench-data.js';
import { extractApiCall } from './extract-api-call.js';
import { matchApi, prepareReference, type Hub, type ReferenceApi } from './gorilla-ast-match.js';
import { pythonParser } from './python-parser.js';

export interface ApiBenchScore {
  n: number;
  accuracy: number;
  hallucination: number;
  /** Neither correct nor hallucinated: an API of another domain, or no api_call to read. */
  error: number;
}

/** The API database parsed once, for the scorer and for the selector's own check. */
export class ApiMatcher {
  private constructor(
    readonly apis: readonly ApiDoc[],
    private readonly reference: readonly ReferenceApi[],
  ) {}

  static async build(apis: readonly ApiDoc[], hub: Hub): Promise<ApiMatcher> {
    const parser = await pythonParser();
    const reference = apis.map((api) => {
      const tree = parser.parse(api.api_call)!;
      try {
        return prepareReference(tree.rootNode, hub);
      } finally {
        tree.delete();
      }
    });
    return new ApiMatcher(apis, reference);
  }

  /** Index of the API a call matches, or -1. */
  async match(call: string): Promise<number> {
    const parser = await pythonParser();
    const tree = parser.parse(call)!;
    try {
      return matchApi(tree.rootNode, this.reference);
    } finally {
      tree.delete();
    }
  }
}

/**
 * Gorilla's metric: a response is correct when its api_call matches an API whose domain is
 * the question's, a hallucination when it matches none. Fractions of all responses.
 */
export async function scoreResponses(
  hub: Hub,
  matcher: ApiMatcher,
  labels: ReadonlyArray<{ api_data: { domain: string } }>,
  responses: ReadonlyArray<{ question_id: number; text: string }>,
): Promise<ApiBenchScore & { correct: number; hallucinated: number }> {
  let correct = 0;
  let hallucinated = 0;
  for (const response of responses) {
    const call = extractApiCall(response.text, hub !== 'torchhub');
    if (call === undefined) continue;
    const index = await matcher.match(call);
    if (index === -1) hallucinated++;
    else if (matcher.apis[index]!.domain === labels[response.question_id - 1]?.api_data.domain) correct++;
  }
  const n = responses.length;
  return { n, correct, hallucinated, accuracy: correct / n, hallucination: hallucinated / n, error: (n - correct - hallucinated) / n };
}
