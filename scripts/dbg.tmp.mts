import { readFileSync } from 'node:fs';
import { toolCatalog, requestFiles, builtinPlan } from '../src/bench/taskbench/taskbench-predict.ts';
import { localSentenceEncoder } from '../src/retrieval/sentence-encoder.ts';
import { meaningRanks } from '../src/plan/clause-meaning.ts';
const tools = JSON.parse(readFileSync('/work/shared/data/taskbench/multimedia/tool_desc.json', 'utf8')).nodes;
const { catalog } = toolCatalog(tools);
for (const request of process.argv.slice(2)) {
  const meaning = await meaningRanks(request, catalog, localSentenceEncoder());
  console.error('REQ', request);
  console.error('PLAN', builtinPlan(request, catalog, { meaning }).tasks.map((t) => t.task).join(' → '));
}
