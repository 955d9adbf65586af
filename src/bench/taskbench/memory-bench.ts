import { existsSync } from 'node:fs';
import { readJsonl } from '../../catalog/importers/read-source.js';
import { parseArgs } from 'node:util';
import { PlanMemory } from '../../memory/plan-memory.js';
import { withLearnedExamples } from '../../memory/learn-vocabulary.js';
import { GoldSchema, readToolDesc, type Gold } from './taskbench-data.js';
import { goldAsRemembered, predictOne, requestFiles, requestOf, toolCatalog } from './taskbench-predict.js';
import { meaningRanks, type MeaningRanks } from '../../plan/clause-meaning.js';
import { localSentenceEncoder } from '../../retrieval/sentence-encoder.js';
import { planFromMemory } from '../../memory/plan-from-memory.js';
import { TEMPLATE_MIN_SIMILARITY } from '../../controller/builtin-controller.js';
import { scoreTaskBench } from './taskbench-score.js';

const SHARED = new URL('../../../../shared/data/taskbench/huggingface/', import.meta.url).pathname;

/**
 * `npm run bench memory`: TaskMatrix.AI's feedback loop measured on TaskBench. The dev
 * sample is split in two halves (even and odd lines); the plans of one half are confirmed
 * (as if users said "good"), and the other half is planned with and without that memory.
 * Both directions, at several template thresholds, so the one chosen is seen in context.
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
  // The planner as BuiltinController runs it: each clause's step checked by meaning, against
  // what the catalog it plans with knows of each type (with learned words, confirmed clauses too).
  const encoder = localSentenceEncoder();
  const meaningsOver = async (known: typeof catalog, records: Gold[]) => {
    const out = new Map<string, MeaningRanks>();
    for (const g of records) out.set(g.id, await meaningRanks(requestOf(g), known, encoder));
    return out;
  };
  const meanings = await meaningsOver(catalog, gold);
  const halves = { A: gold.filter((_, i) => i % 2 === 0), B: gold.filter((_, i) => i % 2 === 1) };
  const pct = (x: number) => (x * 100).toFixed(2).padStart(7);
  process.stdout.write(`TaskBench ${dataPath.split('/').slice(-2).join('/')}: ${gold.length} records, halves of ${halves.A.length} and ${halves.B.length}\n`);
  process.stdout.write('confirmed → planned  memory     node F1  edge F1  name F1 value F1\n');
  for (const [seed, target] of [['A', 'B'], ['B', 'A']] as const) {
    const memory = new PlanMemory(':memory:');
    memory.recordAll(halves[seed].flatMap((g) => goldAsRemembered(g, catalog, toolName) ?? []));
    // As BuiltinController plans with a memory: templates from close requests, learned words otherwise.
    const learned = withLearnedExamples(catalog, memory.confirmed());
    const learnedMeanings = await meaningsOver(learned, halves[target]);
    const rows: Array<[string, () => ReturnType<typeof predictOne>[]]> = [
      ['no memory', () => halves[target].map((g) => predictOne(g, catalog, toolName, false, { meaning: meanings.get(g.id) }))],
      ['templates', () => halves[target].map((g) => predictOne(g, catalog, toolName, false, { memory, meaning: meanings.get(g.id) }))],
      ['words', () => halves[target].map((g) => predictOne(g, learned, toolName, false, { meaning: learnedMeanings.get(g.id) }))],
      ['both', () => halves[target].map((g) => predictOne(g, learned, toolName, false, { memory, meaning: learnedMeanings.get(g.id) }))],
    ];
    for (const [label, predict] of rows) {
      const m = scoreTaskBench(tools, halves[target], predict());
      process.stdout.write(`${seed} → ${target}     ${label.padEnd(10)} ${pct(m.node_f1)}  ${pct(m.edge_f1)}  ${pct(m.param_name_f1)}  ${pct(m.param_value_f1)}\n`);
    }
    const close = halves[target].filter((g) => (memory.similar(requestOf(g), 1)[0]?.similarity ?? 0) >= TEMPLATE_MIN_SIMILARITY).length;
    const used = halves[target].filter((g) => planFromMemory(requestOf(g), requestFiles(requestOf(g)), learned, memory, TEMPLATE_MIN_SIMILARITY)).length;
    process.stdout.write(`${seed} → ${target}     (a template was close enough for ${close} of ${halves[target].length} requests, and used for ${used})\n`);
    memory.close();
  }
  process.stdout.write(`templates: the closest confirmed plan, adapted, when its request's similarity is at least ${TEMPLATE_MIN_SIMILARITY}; words: confirmed clauses as learned examples of their tools\n`);
  return 0;
}
