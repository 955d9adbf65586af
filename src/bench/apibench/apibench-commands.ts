import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { ApiDocSchema, LabelSchema, QuestionSchema, readJsonl, ResponseSchema } from './apibench-data.js';
import type { Hub } from './gorilla-ast-match.js';
import { ApiMatcher, scoreResponses, type ApiBenchScore } from './score.js';
import { ApiSelector, cleanQuestion, gorillaResponse } from './select-api.js';

export const HUBS: readonly Hub[] = ['huggingface', 'tensorflowhub', 'torchhub'];

/** Where ../shared keeps a hub's files, used as defaults when it is present. */
export function sharedDefaults(hub: Hub, root = join(process.cwd(), '..', 'shared', 'data', 'apibench')) {
  const labels = { huggingface: 'labels/huggingface_eval_labels.jsonl', tensorflowhub: 'labels/tensorflow_eval_labels.jsonl', torchhub: 'torchhub/torchhub_eval.json' }[hub];
  return { apis: join(root, 'api', `${hub}_api.jsonl`), eval: join(root, labels), questions: hub === 'torchhub' ? join(root, 'torchhub', 'questions_torchhub_0_shot.jsonl') : undefined };
}

export function parseHub(value: string): Hub {
  if (!(HUBS as readonly string[]).includes(value)) throw new TroupeError(ErrorCode.BadUsage, `unknown hub "${value}"`, { hint: `use one of ${HUBS.join(', ')}` });
  return value as Hub;
}

function need(path: string | undefined, what: string): string {
  if (!path) throw new TroupeError(ErrorCode.BadUsage, `--${what} is required (no ../shared/data default for it)`);
  if (!existsSync(path)) throw new TroupeError(ErrorCode.InputNotFound, `--${what}: file not found: ${path}`);
  return path;
}

/** `troupe bench apibench answer`: one catalog entry per question, no LLM, in Gorilla's response format. */
export async function answerCommand(opts: { hub: Hub; apis?: string; questions?: string; out: string }, progress: (s: string) => void) {
  const defaults = sharedDefaults(opts.hub);
  const apis = await readJsonl(need(opts.apis ?? defaults.apis, 'apis'), ApiDocSchema);
  const questions = await readJsonl(need(opts.questions ?? defaults.questions, 'questions'), QuestionSchema);
  const matcher = await ApiMatcher.build(apis, opts.hub);
  const selector = new ApiSelector(apis, matcher);
  const lines: string[] = [];
  const start = performance.now();
  for (const [i, q] of questions.entries()) {
    lines.push(JSON.stringify(gorillaResponse(q.question_id, await selector.select(cleanQuestion(q.text)))));
    if ((i + 1) % 100 === 0) progress(`answered ${i + 1}/${questions.length}`);
  }
  await writeFile(opts.out, lines.join('\n') + '\n');
  return { answered: questions.length, out: opts.out, msPerQuestion: (performance.now() - start) / Math.max(1, questions.length) };
}

/** `troupe bench apibench score`: Gorilla's AST metric over a response file. */
export async function scoreCommand(opts: { hub: Hub; apis?: string; eval?: string; responses: string }): Promise<ApiBenchScore> {
  const defaults = sharedDefaults(opts.hub);
  const apis = await readJsonl(need(opts.apis ?? defaults.apis, 'apis'), ApiDocSchema);
  const labels = await readJsonl(need(opts.eval ?? defaults.eval, 'eval'), LabelSchema);
  const responses = await readJsonl(need(opts.responses, 'responses'), ResponseSchema);
  const { n, accuracy, hallucination, error } = await scoreResponses(opts.hub, await ApiMatcher.build(apis, opts.hub), labels, responses);
  return { n, accuracy, hallucination, error };
}
