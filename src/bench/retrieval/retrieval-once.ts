// Child of `npm run bench retrieval`: one engine at one catalog size, in a fresh process so
// that its memory is its own. Prints one JSON line.
import { ApiDocSchema, LabelSchema, QuestionSchema, readJsonl } from '../apibench/apibench-data.js';
import { cleanQuestion } from '../apibench/select-api.js';
import { isStopword, words } from '../../text/tokenize.js';
import { ENGINES } from './engines.js';
import { realApiDocs, synthesize } from './synth-catalog.js';

const [engineName, sizeArg, shared] = process.argv.slice(2);
const size = Number(sizeArg);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const torch = `${shared}/apibench`;
const questions = (await readJsonl(`${torch}/torchhub/questions_torchhub_0_shot.jsonl`, QuestionSchema)).map((q) => ({ id: q.question_id, text: cleanQuestion(q.text) }));
const real = await realApiDocs(shared!);

function percentile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

// Quality: recall@1 and @5 of the gold API on the real TorchHub catalog.
let recall: { at1: number; at5: number; domainAt1: number; domainAt5: number } | undefined;
if (size === 0) {
  const apis = await readJsonl(`${torch}/api/torchhub_api.jsonl`, ApiDocSchema);
  const labels = await readJsonl(`${torch}/torchhub/torchhub_eval.json`, LabelSchema);
  const norm = (s: string) => s.replace(/\s+/g, '').replace(/"/g, "'");
  const engine = ENGINES[engineName!]!();
  engine.build(real.filter((d) => d.id.startsWith('torchhub/')));
  let at1 = 0;
  let at5 = 0;
  let domainAt1 = 0;
  let domainAt5 = 0;
  for (const q of questions) {
    const label = labels[q.id - 1]!.api_data as { api_call?: string; domain: string };
    const gold = norm(String(label.api_call ?? ''));
    const hits = engine.search(q.text, 5).map((id) => apis[Number(id.split('/')[1])]!);
    if (hits[0] && norm(hits[0].api_call) === gold) at1++;
    if (hits.some((h) => norm(h.api_call) === gold)) at5++;
    if (hits[0]?.domain === label.domain) domainAt1++;
    if (hits.some((h) => h.domain === label.domain)) domainAt5++;
  }
  engine.close?.();
  const n = questions.length;
  recall = { at1: at1 / n, at5: at5 / n, domainAt1: domainAt1 / n, domainAt5: domainAt5 / n };
  process.stdout.write(JSON.stringify({ engine: engineName, recall }) + '\n');
  process.exit(0);
}

gc();
const before = process.memoryUsage();
const engine = ENGINES[engineName!]!();
const t0 = performance.now();
engine.build(synthesize(real, size));
const buildMs = performance.now() - t0;
gc();
const after = process.memoryUsage();
/** Up to 3 passes over the queries, within a 30 s budget per query set (at least 20 queries). */
const timed = (queries: string[]) => {
  const out: number[] = [];
  let spent = 0;
  for (let pass = 0; pass < 3; pass++) {
    for (const q of queries) {
      if (spent > 30_000 && out.length >= 20) return out;
      const s = performance.now();
      engine.search(q, 5);
      const ms = performance.now() - s;
      out.push(ms);
      spent += ms;
    }
  }
  return out;
};
const latencies = timed(questions.map((q) => q.text));
// Short queries, as people type into a search box: each question's first four content words.
const short = timed(questions.map((q) => words(q.text).filter((w) => !isStopword(w)).slice(0, 4).join(' ')));
process.stdout.write(
  JSON.stringify({
    engine: engineName,
    size,
    buildMs: Math.round(buildMs),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    shortP50: percentile(short, 50),
    shortP99: percentile(short, 99),
    queriesTimed: latencies.length,
    heapMb: Math.round((after.heapUsed - before.heapUsed) / 2 ** 20),
    rssMb: Math.round((after.rss - before.rss) / 2 ** 20),
    diskMb: engine.diskBytes ? Math.round(engine.diskBytes() / 2 ** 20) : undefined,
  }) + '\n',
);
engine.close?.();
