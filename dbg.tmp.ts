import { readToolDesc } from './src/bench/taskbench/taskbench-data.js';
import { toolCatalog } from './src/bench/taskbench/taskbench-predict.js';
import { analyzeRequest, clauseWords } from './src/plan/request-analysis.js';
import { Bm25fIndex } from './src/retrieval/bm25f.js';
const tools = await readToolDesc('/work/shared/data/taskbench/huggingface/tool_desc.json');
const { catalog } = toolCatalog(tools);
const types = [...catalog.taskTypes.values()];
const index = new Bm25fIndex(types.map((t) => ({ id: t.id, fields: { name: `${t.name} ${t.id.replace(/-/g, ' ')}`, description: t.description } })), { name: 2, description: 1 });
const req = "I've got this audio file named 'example.wav', and I'm having some trouble making out the words in it. Could you assist me in converting the audio into written text?";
const a = analyzeRequest(req);
console.log(a.resources, a.clauses.map(c => c.text));
for (const c of a.clauses) { const w = clauseWords(c); const ceil = index.ceiling(w); console.log(JSON.stringify(w), ceil.toFixed(2), index.search(w, 3).map(r => [r.id, (r.score / ceil).toFixed(2), r.matched.join(',')])); }
console.log(tools.find(t => t.id === 'Automatic Speech Recognition'));
