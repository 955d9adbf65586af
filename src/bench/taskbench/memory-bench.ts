import { existsSync } from 'node:fs';
import { readJsonl } from '../../catalog/importers/read-source.js';
import { parseArgs } from 'node:util';
import { PlanMemory } from '../../memory/plan-memory.js';
import { GoldSchema, readToolDesc, type Gold } from './taskbench-data.js';
import { goldAsRemembered, plannedRequest, predictOne, requestFiles, requestOf, toolCatalog } from './taskbench-predict.js';
import { meaningRanks, type MeaningRanks } from '../../plan/clause-meaning.js';
import { localSentenceEncoder } from '../../retrieval/sentence-encoder.js';
import { planFromMemory } from '../../memory/plan-from-memory.js';
import { TEMPLATE_MIN_SIMILARITY } from '../../controller/builtin-controller.js';
import { scoreTaskBench } from './taskbench-score.js';

const SHARED = new URL('../../../../shared/data/taskbench/huggingface/', import.meta.url).pathname;

/** Template thresholds shown beside the one BuiltinController uses, so it is seen in context. */
const THRESHOLDS = [TEMPLATE_MIN_SIMILARITY - 0.05, TEMPLATE_MIN_SIMILARITY, TEMPLATE_MIN_SIMILARITY + 0.05];

/**
 * `npm run bench memory`: TaskMatrix.AI's feedback loop measured on TaskBench. The dev
 * sample is split in two halves (even and odd lines); the plans of one half are confirmed
 * (as if users said "good"), and the other half is planned with and without that memory.
 * Both directions, at several template thresholds.
 */
export async function benchMemory(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { tools: { type: 'string' }, data: { type: 'string' } } });
  const toolsPath = values.tools ?? `${SHARED}tool_desc.json`;
  const dataPath = values.data ?? `${SHARED}dev.jsonl`;
  if (!existsSync(toolsPath) || !existsSync(dataPath)) {
    process.stderr.write(`memory bench: needs ${toolsPath} and ${dataPath} (../shared beside the checkout, or --tools/--data)\n`);
    return 2;
  }
  const tools = await readToolDesc(toolsPath);
  const { catalog, toolName } = toolCatalog(tools);
  const gold: Gold[] = await readJsonl(dataPath, GoldSchema);
  // The planner as BuiltinController runs it: each clause's step checked by meaning.
  const encoder = localSentenceEncoder();
  const meanings = new Map<string, MeaningRanks>();
  for (const g of gold) meanings.set(g.id, await meaningRanks(plannedRequest(g, catalog), catalog, encoder));
  const halves = { A: gold.filter((_, i) => i % 2 === 0), B: gold.filter((_, i) => i % 2 === 1) };
  const pct = (x: number) => (x * 100).toFixed(2).padStart(7);
  process.stdout.write(`TaskBench ${dataPath.split('/').slice(-2).join('/')}: ${gold.length} records, halves of ${halves.A.length} and ${halves.B.length}\n`);
  process.stdout.write('confirmed → planned  memory           node F1  edge F1  name F1 value F1  templates used\n');
  for (const [seed, target] of [['A', 'B'], ['B', 'A']] as const) {
    const memory = new PlanMemory(':memory:');
    memory.recordAll(halves[seed].flatMap((g) => goldAsRemembered(g, catalog, toolName) ?? []));
    const row = (label: string, minSimilarity?: number) => {
      const aids = (g: Gold) => ({ meaning: meanings.get(g.id), ...(minSimilarity === undefined ? {} : { memory, minSimilarity }) });
      const m = scoreTaskBench(tools, halves[target], halves[target].map((g) => predictOne(g, catalog, toolName, false, aids(g))));
      const used = minSimilarity === undefined ? '' : `${halves[target].filter((g) => planFromMemory(requestOf(g), requestFiles(requestOf(g)), catalog, memory, minSimilarity)).length}`.padStart(16);
      process.stdout.write(`${seed} → ${target}     ${label.padEnd(16)} ${pct(m.node_f1)}  ${pct(m.edge_f1)}  ${pct(m.param_name_f1)}  ${pct(m.param_value_f1)}${used}\n`);
    };
    row('no memory');
    for (const t of THRESHOLDS) row(`templates ≥ ${t.toFixed(2)}${t === TEMPLATE_MIN_SIMILARITY ? '*' : ' '}`, t);
    memory.close();
  }
  process.stdout.write(`templates: the closest confirmed plan, adapted, when the words its request asks with are alike enough (* BuiltinController's threshold)\n`);
  return 0;
}
