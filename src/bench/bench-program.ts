import { Command, CommanderError, Option } from 'commander';
import { describeError, isUsageError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { benchAnswers } from './answers-bench.js';
import { benchExperts } from './experts-bench.js';
import { benchLanguageId } from './language-id-bench.js';
import { benchPlanCode } from './plan-code-bench.js';
import { benchRequests } from './requests/requests-bench.js';
import { benchPlans } from './requests/plans-bench.js';
import { benchRetrieval } from './retrieval/retrieval-bench.js';
import { benchScheduler } from './scheduler-bench.js';
import { benchQueue } from './queue-bench.js';
import { benchServe } from './serve-bench.js';
import { benchZeroShot } from './zero-shot-bench.js';
import { benchMemory } from './taskbench/memory-bench.js';

/**
 * The one entry point of the benchmarks: `troupe bench <name> ...` (bin/troupe.js hands
 * `bench` here) and `npm run bench <name> [-- options]` run the same commands. Benchmarks
 * print figures; `npm test` never runs them, and the product never imports them.
 */
const llmOption = () => new Option('--llm <spec>', 'LLM controller: openai:<model>, anthropic:<model>, ollama:<model>, openai-compatible:<baseURL>#<model> (env TROUPE_LLM); default: the built-in controller');

/** Benchmarks that parse their own options (`npm run bench experts -- --runs 3`). */
const FIGURES: Record<string, { describe: string; run: (args: string[]) => number | Promise<number> }> = {
  experts: { describe: 'every local expert on the project\'s fixtures: time and memory', run: benchExperts },
  retrieval: { describe: 'catalog retrieval engines at growing catalog sizes', run: benchRetrieval },
  memory: { describe: 'plan memory: one half of TaskBench HF dev confirmed, the other planned', run: benchMemory },
  'language-id': { describe: 'language identification on 212 written sentences in 7 languages: accuracy by language', run: benchLanguageId },
  serve: { describe: 'many conversations at once against troupe serve: throughput, time to first event and answer, peak memory, lost events', run: benchServe },
  scheduler: { describe: 'the scheduler\'s cost per task on no-op experts: a chain, independent tasks, layers; 1k to 100k tasks', run: benchScheduler },
  queue: { describe: 'tasks through BullMQ on Redis: overhead per task against in-process, throughput with 1, 2 and 4 workers', run: benchQueue },
  'zero-shot': { describe: "topic labels by similarity on a public labelled set: APIBench's Hugging Face model descriptions by field", run: benchZeroShot },
  answers: { describe: 'answer-sentence selection on 96 written questions about 24 short texts (18 the text does not answer): dev and aside', run: benchAnswers },
  'plan-code': { describe: "how much of the built-in planner is hand rules: lines, regex literals, RegExp calls, numeric constants, word lists in src/plan", run: benchPlanCode },
  requests: { describe: 'the built-in planner on the everyday request table: dev and aside', run: benchRequests },
  plans: { describe: 'the built-in planner\'s plan for each line of an unlabelled probe list, to diff before and after a change', run: benchPlans },
};

export function buildBenchProgram(setExit: (code: number) => void): Command {
  const program = new Command('troupe bench')
    .description('benchmarks with published baselines (APIBench, TaskBench) and figures of speed and memory')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const [name, bench] of Object.entries(FIGURES)) {
    program
      .command(name)
      .description(bench.describe)
      .allowUnknownOption()
      .helpOption(false)
      .argument('[options...]', 'the benchmark\'s own options')
      .action(async (args: string[]) => setExit(await bench.run(args)));
  }

  const apibench = program.command('apibench').description("Gorilla's APIBench: zero-shot API selection and its AST-matching scorer");
  const hubOption = () => new Option('--hub <hub>', 'huggingface, tensorflowhub or torchhub').makeOptionMandatory();
  apibench
    .command('answer')
    .description('select one catalog entry per question (no LLM) and write Gorilla-format responses')
    .addOption(hubOption())
    .option('--apis <file>', 'API documentation JSONL (default: ../shared/data/apibench/api/<hub>_api.jsonl)')
    .option('--questions <file>', 'questions JSONL {question_id, text} (default for torchhub: the 0-shot questions in ../shared)')
    .requiredOption('--out <file>', 'where to write the responses (JSONL)')
    .action(async (opts: { hub: string; apis?: string; questions?: string; out: string }) => {
      const { answerCommand, parseHub } = await import('./apibench/apibench-commands.js');
      const r = await answerCommand({ ...opts, hub: parseHub(opts.hub) }, (line) => process.stderr.write(`${line}\n`));
      process.stderr.write(`wrote ${r.answered} responses to ${r.out} (${r.msPerQuestion.toFixed(2)} ms per question)\n`);
      setExit(0);
    });
  apibench
    .command('score')
    .description("score responses with Gorilla's AST sub-tree matching")
    .addOption(hubOption())
    .option('--apis <file>', 'API documentation JSONL (default: ../shared/data/apibench/api/<hub>_api.jsonl)')
    .option('--eval <file>', 'labels: one {api_data: {domain, ...}} per question (default: ../shared)')
    .requiredOption('--responses <file>', 'responses JSONL {question_id, text}')
    .option('--json', 'print {n, accuracy, hallucination, error} as fractions')
    .action(async (opts: { hub: string; apis?: string; eval?: string; responses: string; json?: boolean }) => {
      const { scoreCommand, parseHub } = await import('./apibench/apibench-commands.js');
      const r = await scoreCommand({ ...opts, hub: parseHub(opts.hub) });
      const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
      process.stdout.write(opts.json ? `${JSON.stringify(r)}\n` : `n ${r.n}  accuracy ${pct(r.accuracy)}  hallucination ${pct(r.hallucination)}  error ${pct(r.error)}\n`);
      setExit(0);
    });

  const taskbench = program.command('taskbench').description('TaskBench (JARVIS): task planning measured by node, edge and parameter F1');
  taskbench
    .command('predict')
    .description("plan every record over the domain's tools (built-in planner, or --llm); write TaskBench-format predictions")
    .requiredOption('--tools <file>', "the domain's tool_desc.json")
    .requiredOption('--data <file>', 'records JSONL with id and instruction (or user_request)')
    .requiredOption('--out <file>', 'where to write the predictions (JSONL)')
    .addOption(llmOption())
    .option('--memory <file>', 'a plan memory of confirmed plans to plan with (see `remember`)')
    .option('--no-meaning', "plan by words alone, without the local sentence encoder's check of each step")
    .action(async (opts: { tools: string; data: string; out: string; llm?: string; memory?: string; meaning: boolean }) => {
      const { predictCommand } = await import('./taskbench/taskbench-commands.js');
      const r = await predictCommand({ ...opts, ...((opts.llm ?? process.env.TROUPE_LLM) ? { llm: opts.llm ?? process.env.TROUPE_LLM } : {}) }, (line) => process.stderr.write(`${line}\n`));
      process.stderr.write(`wrote ${r.records} predictions to ${r.out} (${r.msPerRecord.toFixed(2)} ms per record${r.handedOver ? `; ${r.handedOver} plans by the built-in planner after the LLM failed` : ''})\n`);
      setExit(0);
    });
  taskbench
    .command('remember')
    .description('record gold plans as confirmed (as if users said "good"), for `predict --memory`')
    .requiredOption('--tools <file>', "the domain's tool_desc.json")
    .requiredOption('--gold <file>', 'gold records JSONL')
    .requiredOption('--memory <file>', 'the plan memory to write')
    .action(async (opts: { tools: string; gold: string; memory: string }) => {
      const { rememberCommand } = await import('./taskbench/taskbench-commands.js');
      const r = await rememberCommand(opts);
      process.stderr.write(`remembered ${r.remembered} of ${r.read} gold plans in ${opts.memory} (${r.good} good in all)\n`);
      setExit(0);
    });
  taskbench
    .command('score')
    .description('node F1, edge F1, parameter-name and -value F1 and normalised edit distance, overall and by type')
    .requiredOption('--tools <file>', "the domain's tool_desc.json")
    .requiredOption('--gold <file>', 'gold records JSONL')
    .requiredOption('--pred <file>', 'predictions JSONL')
    .option('--folds <k>', 'also score each of K folds of the gold file (record i in fold i mod K)', (v: string) => Number.parseInt(v, 10))
    .option('--json', 'print {n, node_f1, edge_f1, param_name_f1, param_value_f1, ned, by_type, by_fold?} as fractions')
    .action(async (opts: { tools: string; gold: string; pred: string; folds?: number; json?: boolean }) => {
      const { scoreCommand } = await import('./taskbench/taskbench-commands.js');
      const r = await scoreCommand(opts);
      if (opts.json) process.stdout.write(`${JSON.stringify(r)}\n`);
      else {
        const row = (label: string, m: typeof r) => `${label.padEnd(8)} ${String(m.n).padStart(5)}  ${[m.node_f1, m.edge_f1, m.param_name_f1, m.param_value_f1].map((x) => (x * 100).toFixed(2).padStart(8)).join('')}  ${m.ned.toFixed(4).padStart(8)}`;
        process.stdout.write(`type         n   node F1  edge F1  name F1 value F1       NED\n${row('overall', r)}\n`);
        for (const [t, m] of Object.entries(r.by_type)) process.stdout.write(`${row(t, m as typeof r)}\n`);
        if (r.by_fold) {
          r.by_fold.forEach((m, k) => process.stdout.write(`${row(`fold ${k + 1}`, m as typeof r)}\n`));
          const spread = (f: (m: NonNullable<typeof r.by_fold>[number]) => number) => {
            const xs = r.by_fold!.map(f);
            const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
            return `${(mean * 100).toFixed(2)} ± ${(Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1)) * 100).toFixed(2)}`;
          };
          process.stdout.write(`folds: node F1 ${spread((m) => m.node_f1)}, edge F1 ${spread((m) => m.edge_f1)} (mean ± sd)\n`);
        }
      }
      setExit(0);
    });

  return program;
}

/** Runs a benchmark command; resolves to the exit code (0 ok, 1 failed, 2 bad usage). */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildBenchProgram((c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`troupe bench: ${describeError(error)}\n`);
    return isUsageError(error) ? 2 : 1;
  }
}
