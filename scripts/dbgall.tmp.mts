import { readFileSync } from 'node:fs';
import { toolCatalog, builtinPlan } from '../src/bench/taskbench/taskbench-predict.ts';
import { localSentenceEncoder } from '../src/retrieval/sentence-encoder.ts';
import { meaningRanks } from '../src/plan/clause-meaning.ts';
const tools = JSON.parse(readFileSync('/work/shared/data/taskbench/huggingface/tool_desc.json', 'utf8')).nodes;
const { catalog } = toolCatalog(tools);
const gold = readFileSync('/work/shared/data/taskbench/huggingface/dev.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
for (const g of gold) {
  const meaning = await meaningRanks(g.instruction, catalog, localSentenceEncoder());
  console.error('\n=== REQ', g.id, g.instruction);
  console.error('GOLD', g.task_nodes.map((n: any) => n.task).join(' → '));
  console.error('PLAN', builtinPlan(g.instruction, catalog, { meaning }).tasks.map((t) => t.task).join(' → '));
}
