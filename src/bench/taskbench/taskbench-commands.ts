import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { readJsonl } from '../../catalog/importers/read-source.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import type { Plan } from '../../core/plan.js';
import { GoldSchema, PredictionSchema, readToolDesc } from './taskbench-data.js';
import { goldAsRemembered, plannedRequest, predictOne, requestFiles, requestOf, toolCatalog, toPrediction } from './taskbench-predict.js';
import { meaningRanks } from '../../plan/clause-meaning.js';
import { localSentenceEncoder } from '../../retrieval/sentence-encoder.js';
import { scoreTaskBench, type TaskBenchMetrics } from './taskbench-score.js';

async function llmController(spec: string) {
  const [{ LlmController }, { parseLlmSpec }] = await Promise.all([import('../../controller/llm/llm-controller.js'), import('../../controller/llm/llm-spec.js')]);
  return new LlmController(parseLlmSpec(spec));
}

const RecordSchema = z.object({ id: z.union([z.string(), z.number()]).transform(String), instruction: z.string().optional(), user_request: z.string().optional() });

/** `troupe bench taskbench predict`: the built-in planner over a domain's tools, one prediction per record. */
export async function predictCommand(opts: { tools: string; data: string; out: string; llm?: string; memory?: string; meaning?: boolean }, progress: (s: string) => void) {
  const tools = await readToolDesc(opts.tools);
  const { catalog, toolName } = toolCatalog(tools);
  const memory = opts.memory ? await openMemory(opts.memory, true) : undefined;
  const named = tools.some((t) => t.parameters);
  const records = await readJsonl(opts.data, RecordSchema);
  const llm = opts.llm ? await llmController(opts.llm) : undefined;
  const encoder = opts.meaning === false ? undefined : localSentenceEncoder();
  const start = performance.now();
  const lines: string[] = [];
  let handedOver = 0;
  for (const [i, r] of records.entries()) {
    if ((i + 1) % 20 === 0) progress(`planned ${i + 1}/${records.length}${llm ? ` (${handedOver} handed to the built-in planner)` : ''}`);
    if (!llm) {
      const meaning = encoder && (await meaningRanks(plannedRequest(r, catalog), catalog, encoder));
      lines.push(JSON.stringify(predictOne(r, catalog, toolName, named, { memory, meaning })));
      continue;
    }
    // The LLM controller: retrieved tools in the prompt, validation, retries, hand-over.
    const request = requestOf(r);
    let plan: Plan = { tasks: [] };
    try {
      const outcome = await llm.plan({ request, catalog, files: requestFiles(request) });
      plan = outcome.plan;
      if (outcome.fallback) handedOver++;
    } catch (error) {
      if (!(error instanceof TroupeError)) throw error;
    }
    lines.push(JSON.stringify(toPrediction(r.id, plan, catalog, toolName, named)));
  }
  await writeFile(opts.out, `${lines.join('\n')}\n`);
  memory?.close();
  return { records: records.length, out: opts.out, msPerRecord: (performance.now() - start) / Math.max(1, records.length), handedOver };
}

async function openMemory(path: string, mustExist: boolean) {
  const { PlanMemory } = await import('../../memory/plan-memory.js');
  if (mustExist && !existsSync(path)) throw new TroupeError(ErrorCode.InputNotFound, `plan memory not found: ${path}`, { hint: 'fill it with `troupe bench taskbench remember` or `troupe feedback`' });
  return new PlanMemory(path);
}

/**
 * `troupe bench taskbench remember`: gold records as confirmed plans, as if users had said
 * "good" to each — the other half of the plan-memory experiment.
 */
export async function rememberCommand(opts: { tools: string; gold: string; memory: string }) {
  const tools = await readToolDesc(opts.tools);
  const { catalog, toolName } = toolCatalog(tools);
  const gold = await readJsonl(opts.gold, GoldSchema);
  const plans = gold.flatMap((g) => goldAsRemembered(g, catalog, toolName) ?? []);
  const memory = await openMemory(opts.memory, false);
  try {
    memory.recordAll(plans);
    return { read: gold.length, remembered: plans.length, ...memory.counts() };
  } finally {
    memory.close();
  }
}

/**
 * `troupe bench taskbench score`: overall and by type (single, chain, dag); with `folds`,
 * also each of K folds (record i in fold i mod K), so that a change is seen to hold on
 * every part of a sample and not on its average alone.
 */
export async function scoreCommand(opts: { tools: string; gold: string; pred: string; folds?: number }): Promise<TaskBenchMetrics & { by_type: Record<string, TaskBenchMetrics>; by_fold?: TaskBenchMetrics[] }> {
  const tools = await readToolDesc(opts.tools);
  const gold = await readJsonl(opts.gold, GoldSchema);
  const predictions = await readJsonl(opts.pred, PredictionSchema);
  const types = [...new Set(gold.map((g) => g.type).filter((t): t is string => Boolean(t)))];
  const folds = opts.folds && opts.folds > 1 ? Math.floor(opts.folds) : 0;
  return {
    ...scoreTaskBench(tools, gold, predictions),
    by_type: Object.fromEntries(types.map((t) => [t, scoreTaskBench(tools, gold.filter((g) => g.type === t), predictions)])),
    ...(folds ? { by_fold: Array.from({ length: folds }, (_, k) => scoreTaskBench(tools, gold.filter((_, i) => i % folds === k), predictions)) } : {}),
  };
}
