import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ApiDocSchema, LabelSchema, QuestionSchema, readJsonl, ResponseSchema } from './apibench-data.js';
import type { Hub } from './gorilla-ast-match.js';
import { ApiMatcher, scoreResponses } from './score.js';
import { ApiSelector, cleanQuestion, gorillaResponse } from './select-api.js';

// Runs against ../shared/data beside the checkout (developers, CI); a fresh clone without it skips.
const ROOT = fileURLToPath(new URL('../../../../shared/data/apibench/', import.meta.url));
const skip = existsSync(ROOT) ? false : `../shared/data/apibench is not beside this checkout (${ROOT}); the APIBench tests need it`;

// Gorilla's published table (accuracy / hallucination, %), from ../shared/data/README.md.
const TABLE: Record<Hub, Record<string, [number, number]>> = {
  huggingface: { FT_0_shot: [69.36, 10.95], RT_bm25: [15.71, 6.42], RT_gpt_index: [43.47, 7.96], RT_oracle: [89.27, 6.97] },
  tensorflowhub: { FT_0_shot: [83.94, 5.26], RT_bm25: [41.9, 2.77], RT_gpt_index: [64.96, 2.19], RT_oracle: [93.87, 2.34] },
  torchhub: { FT_0_shot: [75.81, 16.13], RT_bm25: [50.0, 5.91], RT_gpt_index: [76.88, 3.23], RT_oracle: [93.01, 6.99] },
};
const FILES: Record<Hub, [string, string]> = {
  huggingface: ['api/huggingface_api.jsonl', 'labels/huggingface_eval_labels.jsonl'],
  tensorflowhub: ['api/tensorflowhub_api.jsonl', 'labels/tensorflow_eval_labels.jsonl'],
  torchhub: ['api/torchhub_api.jsonl', 'torchhub/torchhub_eval.json'],
};

describe('APIBench with ../shared data', { skip }, () => {
  for (const hub of Object.keys(TABLE) as Hub[]) {
    it(`the scorer reproduces Gorilla's ${hub} figures within 0.5 points`, async () => {
      const matcher = await ApiMatcher.build(await readJsonl(ROOT + FILES[hub][0], ApiDocSchema), hub);
      const labels = await readJsonl(ROOT + FILES[hub][1], LabelSchema);
      for (const [variant, [accuracy, hallucination]] of Object.entries(TABLE[hub])) {
        const responses = await readJsonl(`${ROOT}responses/${hub}/response_${hub}_Gorilla_${variant}.jsonl`, ResponseSchema);
        const r = await scoreResponses(hub, matcher, labels, responses);
        assert.ok(Math.abs(r.accuracy * 100 - accuracy) <= 0.5, `${variant} accuracy ${(r.accuracy * 100).toFixed(2)} vs ${accuracy}`);
        assert.ok(Math.abs(r.hallucination * 100 - hallucination) <= 0.5, `${variant} hallucination ${(r.hallucination * 100).toFixed(2)} vs ${hallucination}`);
      }
    });
  }

  it('zero-shot selection on TorchHub: no hallucination, accuracy at least GPT-Index retrieval (80 %)', async () => {
    const apis = await readJsonl(ROOT + FILES.torchhub[0], ApiDocSchema);
    const matcher = await ApiMatcher.build(apis, 'torchhub');
    const selector = new ApiSelector(apis, matcher);
    const questions = await readJsonl(`${ROOT}torchhub/questions_torchhub_0_shot.jsonl`, QuestionSchema);
    const responses = [];
    for (const q of questions) responses.push(gorillaResponse(q.question_id, await selector.select(cleanQuestion(q.text))));
    const r = await scoreResponses('torchhub', matcher, await readJsonl(ROOT + FILES.torchhub[1], LabelSchema), responses);
    assert.equal(r.hallucination, 0);
    assert.ok(r.accuracy >= 0.8, `accuracy ${r.accuracy}`);
  });

  for (const hub of ['huggingface', 'tensorflowhub'] as const) {
    it(`selection on ${hub}'s whole API list never answers a call to no API`, async () => {
      const apis = await readJsonl(ROOT + FILES[hub][0], ApiDocSchema);
      const matcher = await ApiMatcher.build(apis, hub);
      const selector = new ApiSelector(apis, matcher);
      // Probes, not the held-out questions: each API's own words, and words no API documents.
      const probes = [...apis.map((a) => `${a.api_name} ${typeof a.description === 'string' ? a.description : ''}`.slice(0, 300)), 'zzz qqq', ''];
      const responses = [];
      for (const [i, q] of probes.entries()) responses.push(gorillaResponse(i + 1, await selector.select(cleanQuestion(q))));
      const r = await scoreResponses(hub, matcher, probes.map(() => ({ api_data: { domain: '' } })), responses);
      assert.equal(r.hallucinated, 0);
    });
  }
});

