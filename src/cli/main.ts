import { existsSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { buildCatalog } from '../catalog/build-catalog.js';
import { defaultCatalog } from '../catalog/catalog.js';
import { loadConfig } from '../config/config.js';
import { allowHostsFromConfig } from '../experts/remote/http-policy.js';
import { terminalApprover } from './approval-prompt.js';
import { BuiltinController } from '../controller/builtin-controller.js';
import type { Controller } from '../controller/controller.js';
import { describeError, ErrorCode, isUsageError, TroupeError } from '../errors.js';
import { toHuggingGpt } from '../plan/formats/hugginggpt.js';
import { toTaskBench } from '../plan/formats/taskbench.js';
import { planRequest, runRequest } from '../run/run-request.js';
import { aptInstall, canInstallHere, installCommand, missingPackages } from '../system/debian.js';
import { diagnose, diagnoseEncoder, formatDoctor, formatEncoder } from './doctor.js';
import { localSentenceEncoder } from '../retrieval/sentence-encoder.js';
import { createProgress } from './progress.js';

const VERSION = '0.1.0';

/** The plan memory, when one exists (a run never creates it; `troupe feedback` does). */
async function memoryFor(path: string | undefined) {
  const { PlanMemory, defaultMemoryPath } = await import('../memory/plan-memory.js');
  const file = path ?? defaultMemoryPath();
  if (!existsSync(file)) {
    if (path) throw new TroupeError(ErrorCode.InputNotFound, `plan memory not found: ${path}`, { hint: 'it is created by `troupe feedback <runId> good|bad`' });
    return undefined;
  }
  return new PlanMemory(file);
}

/** The AI SDK loads only when an LLM is asked for, so the built-in path and --help stay quick. */
async function controllerFor(llm: string | undefined, memoryPath?: string): Promise<Controller> {
  const spec = llm ?? process.env.TROUPE_LLM;
  const memory = await memoryFor(memoryPath);
  if (!spec) return new BuiltinController(memory);
  const [{ LlmController }, { parseLlmSpec }] = await Promise.all([import('../controller/llm/llm-controller.js'), import('../controller/llm/llm-spec.js')]);
  return new LlmController(parseLlmSpec(spec), memory ? { memory } : {});
}

const memoryOption = () => new Option('--memory <file>', 'plan memory of confirmed plans (default: $TROUPE_MEMORY or ~/.local/share/troupe/memory.db, if it exists)');

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a positive number');
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Reads the config file and lets remote experts reach the private hosts it allows. */
async function applyConfig(path: string | undefined) {
  const config = await loadConfig(path);
  allowHostsFromConfig(config.allowHosts);
  return config;
}

/** The config file's sources and allowed hosts, then the catalog they and the store make. */
async function catalogFor(opts: { db?: string; config?: string }, request?: string) {
  if (opts.db && !existsSync(opts.db)) throw new TroupeError(ErrorCode.InputNotFound, `catalog database not found: ${opts.db}`, { hint: 'create it with `troupe catalog import ... --db FILE`, or leave out --db' });
  const config = await applyConfig(opts.config);
  return buildCatalog({ ...(opts.db ? { db: opts.db } : {}), config, ...(request ? { request } : {}) });
}

const configOption = () => new Option('--config <file>', 'config file: MCP servers, OpenAPI specs, OpenAI-compatible servers, allowed hosts (default: $TROUPE_CONFIG or ~/.config/troupe/config.yaml, if it exists)');

const llmOption = () => new Option('--llm <spec>', 'LLM controller: openai:<model>, anthropic:<model>, ollama:<model>, openai-compatible:<baseURL>#<model> (env TROUPE_LLM); default: the built-in controller, no LLM');

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('troupe')
    .description('Plans a request into tasks, picks an expert for each from the catalog, runs the plan as a graph, and answers. Offline by default.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .addHelpText(
      'after',
      `
Examples:
  troupe run "Read the sign in this photo, translate it into Spanish and read it aloud" --input examples/sign.png
  troupe run "what language is this text in: 'Bonjour tout le monde'"
  troupe plan "Translate the text in this picture into Catalan" -i photo.jpg --json --format hugginggpt
  troupe run "..." --llm ollama:llama3.2          (or TROUPE_LLM=openai:gpt-4o-mini)
  troupe doctor

Exit codes: 0 all tasks succeeded, 1 the run failed (outputs and run.json are kept), 2 bad usage or input.`,
    );

  program
    .command('run')
    .description('plan, run and answer a request')
    .argument('<request>', 'what you want, in words, e.g. "read the sign in this photo and translate it into Spanish"')
    .option('-i, --input <file>', 'an input file (image, audio, text); repeatable', collect, [])
    .option('-o, --out <dir>', 'output folder (default: ./troupe-runs/<runId>)')
    .option('--json', 'print the run record as one JSON object on stdout')
    .addOption(llmOption())
    .option('--timeout <seconds>', 'per-task time limit', positiveNumber, 120)
    .option('--db <file>', 'catalog database to select from as well (default: $TROUPE_CATALOG or ~/.local/share/troupe/catalog.db, if it exists)')
    .option('--concurrency <n>', 'tasks run at once', positiveNumber, 2)
    .addOption(configOption())
    .addOption(memoryOption())
    .option('--yes', 'allow operations that may change state (non-GET OpenAPI operations, MCP tools not marked read-only); without it a terminal asks, and otherwise they are skipped')
    .action(async (request: string, opts: { input: string[]; out?: string; json?: boolean; llm?: string; timeout: number; concurrency: number; db?: string; config?: string; memory?: string; yes?: boolean }) => {
      const controller = await controllerFor(opts.llm, opts.memory);
      const catalog = await catalogFor(opts, request);
      const progress = opts.json && !process.stderr.isTTY ? undefined : createProgress();
      // Without --yes, a person at a terminal is asked; a script (no TTY) gets the skip and the reason.
      const approve = opts.yes ? true : process.stdin.isTTY && process.stderr.isTTY ? terminalApprover(progress ?? { pause() {}, resume() {} }) : undefined;
      const abort = new AbortController();
      const onSigint = () => {
        if (abort.signal.aborted) process.exit(130);
        process.stderr.write('\ncancelling… (Ctrl-C again to quit at once)\n');
        abort.abort();
      };
      process.on('SIGINT', onSigint);
      try {
        const record = await runRequest({
          request,
          inputs: opts.input,
          controller,
          catalog,
          ...(opts.out ? { outDir: opts.out } : {}),
          timeoutMs: opts.timeout * 1000,
          concurrency: Math.floor(opts.concurrency),
          signal: abort.signal,
          ...(approve ? { approve } : {}),
          ...(progress ? { onEvent: progress.onEvent } : {}),
        });
        if (opts.json) process.stdout.write(JSON.stringify(record) + '\n');
        else process.stdout.write(`\n${record.answer}\n`);
        setExit(record.status === 'succeeded' ? 0 : 1);
      } finally {
        progress?.stop();
        process.off('SIGINT', onSigint);
      }
    });

  program
    .command('plan')
    .description('show the plan for a request without running it')
    .argument('<request>', 'what you want, in words')
    .option('-i, --input <file>', 'an input file; repeatable', collect, [])
    .option('--json', 'print the plan as JSON')
    .addOption(new Option('--format <format>', 'plan format for --json').choices(['troupe', 'hugginggpt', 'taskbench']).default('troupe'))
    .addOption(llmOption())
    .option('--db <file>', 'catalog database whose MCP tools may be planned too (default: as for run)')
    .addOption(configOption())
    .addOption(memoryOption())
    .action(async (request: string, opts: { input: string[]; json?: boolean; format: string; llm?: string; db?: string; config?: string; memory?: string }) => {
      const controller = await controllerFor(opts.llm, opts.memory);
      const catalog = await catalogFor(opts, request);
      const { outcome } = await planRequest(request, opts.input, controller, catalog);
      const plan = opts.format === 'hugginggpt' ? toHuggingGpt(outcome.plan) : opts.format === 'taskbench' ? toTaskBench(outcome.plan) : outcome.plan;
      if (opts.json) {
        process.stdout.write(JSON.stringify({ request, controller: controller.name, planner: outcome.planner, ...(outcome.fallback ? { fallback: outcome.fallback } : {}), plan, notes: outcome.notes, repairs: outcome.repairs }) + '\n');
      } else {
        for (const t of outcome.plan.tasks) {
          process.stdout.write(`${t.id}  ${t.task}${t.deps.length ? `  ← ${t.deps.join(', ')}` : ''}  ${JSON.stringify(t.args)}\n`);
        }
        for (const n of [...outcome.notes, ...outcome.repairs]) process.stdout.write(`note: ${n}\n`);
      }
      setExit(0);
    });

  program
    .command('feedback')
    .description('say whether a run\'s plan was good or bad; good plans are re-used for similar requests (TaskMatrix.AI\'s feedback loop)')
    .argument('<run>', 'the run id (its folder is troupe-runs/<runId>), or the path of its run.json')
    .argument('<verdict>', 'good or bad')
    .option('--note <text>', 'what was right or wrong')
    .option('--runs <dir>', 'where runs are kept', 'troupe-runs')
    .addOption(memoryOption())
    .option('--json', 'print {runId, verdict, request, memory: {path, good, bad}}')
    .action(async (run: string, verdict: string, opts: { note?: string; runs: string; memory?: string; json?: boolean }) => {
      const [{ PlanMemory, VerdictSchema, defaultMemoryPath }, { recordFeedback }] = await Promise.all([import('../memory/plan-memory.js'), import('../memory/feedback.js')]);
      const parsed = VerdictSchema.safeParse(verdict);
      if (!parsed.success) throw new TroupeError(ErrorCode.BadUsage, `the verdict must be good or bad, not "${verdict}"`);
      const memory = new PlanMemory(opts.memory ?? defaultMemoryPath());
      try {
        const { remembered, path } = await recordFeedback(memory, run, parsed.data, { ...(opts.note ? { note: opts.note } : {}), runsDir: opts.runs });
        const counts = memory.counts();
        if (opts.json) process.stdout.write(`${JSON.stringify({ runId: remembered.runId, verdict: remembered.verdict, request: remembered.request, memory: { path: memory.path, ...counts } })}\n`);
        else process.stdout.write(`recorded "${remembered.verdict}" for ${remembered.runId} ("${remembered.request}") in ${path} and ${memory.path}; the memory holds ${counts.good} good and ${counts.bad} bad plans\n`);
      } finally {
        memory.close();
      }
      setExit(0);
    });

  program
    .command('doctor')
    .description('which experts can run here, why not, and the command that fixes each')
    .option('--json', 'print {experts: [{id, task, runnable, reason?, fix?}], encoder: {model, ready, reason?}}')
    .addOption(configOption())
    .action(async (opts: { json?: boolean; config?: string }) => {
      const config = await applyConfig(opts.config);
      // The local experts and what the config adds; the store's thousands of documented models are not diagnosed.
      const catalog = await buildCatalog({ db: null, config });
      const [rows, encoder] = await Promise.all([diagnose(catalog), diagnoseEncoder(localSentenceEncoder())]);
      for (const note of catalog.notes) process.stderr.write(`note: ${note}\n`);
      process.stdout.write(opts.json ? JSON.stringify({ experts: rows, encoder }) + '\n' : `${formatDoctor(rows)}\n${formatEncoder(encoder)}\n`);
      setExit(0);
    });

  const catalog = program.command('catalog').description('the catalog of experts and APIs: import sources, search, count');
  const dbOption = () => new Option('--db <file>', 'catalog database (default: $TROUPE_CATALOG or ~/.local/share/troupe/catalog.db)');
  const openStore = async (db?: string) => {
    const [{ CatalogStore }, { defaultCatalogPath }] = await Promise.all([import('../catalog/catalog-store.js'), import('../catalog/catalog-path.js')]);
    return new CatalogStore(db ?? defaultCatalogPath());
  };
  catalog
    .command('import')
    .description('import a source into the catalog (idempotent: re-importing changes nothing)')
    .argument('<kind>', 'apibench, hugginggpt, taskbench, local, openapi, mcp or hf-hub')
    .argument('[path]', 'the source: a file; for openapi a file, a URL or a folder of specs; for mcp a command or URL (not for local)')
    .addOption(dbOption())
    .option('--auth-env <VAR>', 'openapi: the environment variable that holds the API credential (the value is never stored)')
    .option('--task <tag>', 'hf-hub: the pipeline tag to list (e.g. summarization)')
    .option('--limit <n>', 'hf-hub: how many models, most downloaded first', positiveNumber, 100)
    .option('--hub-url <url>', 'hf-hub: another Hub (default https://huggingface.co)')
    .option('--json', 'print {kind, path, read, added, updated, unchanged, entries, ms}')
    .action(async (kind: string, path: string | undefined, opts: { db?: string; json?: boolean; authEnv?: string; task?: string; limit: number; hubUrl?: string }) => {
      const { IMPORTERS } = await import('../catalog/importers/index.js');
      const importer = IMPORTERS[kind];
      if (!importer) throw new TroupeError(ErrorCode.BadUsage, `unknown import kind "${kind}"`, { hint: Object.entries(IMPORTERS).map(([k, v]) => `${k}: ${v.describe}`).join('; ') });
      if (importer.needsPath && !path) throw new TroupeError(ErrorCode.BadUsage, `catalog import ${kind} needs a path`, { hint: importer.describe });
      const start = performance.now();
      const entries = await importer.run(path ?? '', {
        ...(opts.authEnv ? { authEnv: opts.authEnv } : {}),
        ...(opts.task ? { task: opts.task } : {}),
        limit: Math.floor(opts.limit),
        ...(opts.hubUrl ? { hubUrl: opts.hubUrl } : {}),
        onNote: (line) => process.stderr.write(`${line}\n`),
      });
      const store = await openStore(opts.db);
      try {
        const counts = store.upsert(entries, kind);
        const result = { kind, path: path ?? null, read: entries.length, ...counts, entries: store.stats().entries, ms: Math.round(performance.now() - start) };
        process.stdout.write(opts.json ? `${JSON.stringify(result)}\n` : `imported ${result.read} ${kind} entries (${result.added} new, ${result.updated} updated, ${result.unchanged} unchanged) in ${result.ms} ms; the catalog now holds ${result.entries}\n`);
      } finally {
        store.close();
      }
      setExit(0);
    });
  catalog
    .command('search')
    .description('search the catalog by words (name, task, domain, description, usage)')
    .argument('<query>', 'what you are looking for')
    .option('--task <task>', 'only entries of this task type')
    .option('--limit <n>', 'how many results', positiveNumber, 10)
    .addOption(dbOption())
    .addOption(configOption())
    .option('--json', 'print {query, ms, semantic, results: [{id, name, task, score, description, call?}]}')
    .action(async (query: string, opts: { task?: string; limit: number; db?: string; config?: string; json?: boolean }) => {
      const config = await applyConfig(opts.config);
      const store = await openStore(opts.db);
      try {
        const start = performance.now();
        const limit = Math.floor(opts.limit);
        let hits = store.search(query, { ...(opts.task ? { task: opts.task } : {}), limit: config.embeddings ? Math.max(50, limit * 5) : limit });
        let semantic = false;
        if (config.embeddings) {
          // Lexical search finds the candidates; the embedding endpoint re-ranks them.
          const { EmbeddingReranker } = await import('../retrieval/embedding-reranker.js');
          try {
            hits = await new EmbeddingReranker(config.embeddings, store).rerank(query, hits);
            semantic = true;
          } catch (error) {
            process.stderr.write(`note: ${describeError(error)}; lexical ranking only\n`);
          }
          hits = hits.slice(0, limit);
        }
        const ms = Math.round((performance.now() - start) * 100) / 100;
        if (opts.json) {
          const results = hits.map((h) => ({ id: h.entry.id, name: h.entry.name, task: h.entry.task, score: Math.round(h.score * 1000) / 1000, description: h.entry.description.slice(0, 300), ...(h.entry.provider.call ? { call: h.entry.provider.call } : {}) }));
          process.stdout.write(`${JSON.stringify({ query, ms, semantic, results })}\n`);
        } else {
          if (hits.length === 0) process.stdout.write(`no entries match "${query}"${store.stats().entries === 0 ? ' (the catalog is empty: run `troupe catalog import ...`)' : ''}\n`);
          hits.forEach((h, i) => process.stdout.write(`${String(i + 1).padStart(2)}. ${h.entry.id}  [${h.entry.task}]  ${(semantic ? h.score.toFixed(4) : h.score.toFixed(2))}\n    ${h.entry.description.slice(0, 160)}\n`));
          process.stderr.write(`${hits.length} results in ${ms} ms\n`);
        }
      } finally {
        store.close();
      }
      setExit(0);
    });
  catalog
    .command('stats')
    .description('how many entries, by source and by task type')
    .addOption(dbOption())
    .option('--json', 'print {entries, byOrigin, byTask, path}')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const store = await openStore(opts.db);
      try {
        const stats = store.stats();
        if (opts.json) process.stdout.write(`${JSON.stringify(stats)}\n`);
        else {
          process.stdout.write(`${stats.entries} entries in ${stats.path}\n`);
          for (const [origin, n] of Object.entries(stats.byOrigin)) process.stdout.write(`  ${origin.padEnd(12)} ${n}\n`);
          process.stdout.write(`${stats.byTask.length} task types; largest: ${stats.byTask.slice(0, 8).map((t) => `${t.task} ${t.entries}`).join(', ')}\n`);
        }
      } finally {
        store.close();
      }
      setExit(0);
    });

  const bench = program.command('bench').description('benchmarks with published baselines (APIBench)');
  const apibench = bench.command('apibench').description("Gorilla's APIBench: zero-shot API selection and its AST-matching scorer");
  const hubOption = () => new Option('--hub <hub>', 'huggingface, tensorflowhub or torchhub').makeOptionMandatory();
  apibench
    .command('answer')
    .description('select one catalog entry per question (no LLM) and write Gorilla-format responses')
    .addOption(hubOption())
    .option('--apis <file>', 'API documentation JSONL (default: ../shared/data/apibench/api/<hub>_api.jsonl)')
    .option('--questions <file>', 'questions JSONL {question_id, text} (default for torchhub: the 0-shot questions in ../shared)')
    .requiredOption('--out <file>', 'where to write the responses (JSONL)')
    .action(async (opts: { hub: string; apis?: string; questions?: string; out: string }) => {
      const { answerCommand, parseHub } = await import('../bench/apibench/apibench-commands.js');
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
      const { scoreCommand, parseHub } = await import('../bench/apibench/apibench-commands.js');
      const r = await scoreCommand({ ...opts, hub: parseHub(opts.hub) });
      const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
      process.stdout.write(opts.json ? `${JSON.stringify(r)}\n` : `n ${r.n}  accuracy ${pct(r.accuracy)}  hallucination ${pct(r.hallucination)}  error ${pct(r.error)}\n`);
      setExit(0);
    });

  const taskbench = bench.command('taskbench').description('TaskBench (JARVIS): task planning measured by node, edge and parameter F1');
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
      const { predictCommand } = await import('../bench/taskbench/taskbench-commands.js');
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
      const { rememberCommand } = await import('../bench/taskbench/taskbench-commands.js');
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
    .option('--json', 'print {n, node_f1, edge_f1, param_name_f1, param_value_f1, ned, by_type} as fractions')
    .action(async (opts: { tools: string; gold: string; pred: string; json?: boolean }) => {
      const { scoreCommand } = await import('../bench/taskbench/taskbench-commands.js');
      const r = await scoreCommand(opts);
      if (opts.json) process.stdout.write(`${JSON.stringify(r)}\n`);
      else {
        const row = (label: string, m: typeof r) => `${label.padEnd(8)} ${String(m.n).padStart(5)}  ${[m.node_f1, m.edge_f1, m.param_name_f1, m.param_value_f1].map((x) => (x * 100).toFixed(2).padStart(8)).join('')}  ${m.ned.toFixed(4).padStart(8)}`;
        process.stdout.write(`type         n   node F1  edge F1  name F1 value F1       NED\n${row('overall', r)}\n`);
        for (const [t, m] of Object.entries(r.by_type)) process.stdout.write(`${row(t, m as typeof r)}\n`);
      }
      setExit(0);
    });

  program
    .command('setup')
    .description("install the Debian packages the local experts need (as root with apt; otherwise prints the command)")
    .action(async () => {
      const wanted = [...new Set(defaultCatalog().experts.flatMap((e) => e.entry.requires.debian))];
      const missing = missingPackages(wanted);
      if (missing.length === 0) {
        process.stderr.write(`setup: all ${wanted.length} Debian packages are installed (${wanted.join(', ')})\n`);
        return setExit(0);
      }
      if (!canInstallHere()) {
        process.stderr.write(`setup: missing Debian packages: ${missing.join(', ')}\nInstall them with:\n  ${installCommand(missing)}\n`);
        return setExit(1);
      }
      process.stderr.write(`setup: installing ${missing.join(', ')} with apt-get…\n`);
      const status = aptInstall(missing);
      const still = missingPackages(wanted);
      if (status !== 0 || still.length) {
        process.stderr.write(`setup: apt-get failed (exit ${status}); still missing: ${still.join(', ') || 'none'}\n`);
        return setExit(1);
      }
      process.stderr.write('setup: done. `npx troupe doctor` shows what can run.\n');
      setExit(0);
    });

  return program;
}

/** Runs the CLI; resolves to the exit code (0 ok, 1 run failed, 2 bad usage or input). */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; anything else commander rejects is usage.
      return error.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(`troupe: ${describeError(error)}\n`);
    if (process.env.TROUPE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return isUsageError(error) ? 2 : 1;
  }
}
