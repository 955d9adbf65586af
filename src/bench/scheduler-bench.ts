import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Catalog } from '../catalog/catalog.js';
import { ExpertEntrySchema, type Expert } from '../core/expert.js';
import type { Plan, PlanTask } from '../core/plan.js';
import { TaskTypeSchema } from '../core/task-type.js';
import { executePlan } from '../execute/scheduler.js';

/**
 * The scheduler's own cost per task, on experts that do nothing: three shapes of plan at
 * growing sizes, each in a fresh process (so that its peak memory is its own), beside the
 * floor — a plain promise-based topological runner doing the same walk with no records,
 * events, timeouts or fallbacks — and LangGraph.js on the same graph.
 */
const SHAPES = ['chain', 'independent', 'layers'] as const;
type Shape = (typeof SHAPES)[number];

const noopType = TaskTypeSchema.parse({
  id: 'noop',
  name: 'No-op',
  description: 'does nothing',
  inputs: [
    { name: 'a', modality: 'text', required: false },
    { name: 'b', modality: 'text', required: false },
  ],
  output: { modality: 'text' },
});

const noop: Expert = {
  entry: ExpertEntrySchema.parse({ id: 'bench/noop', name: 'noop', task: 'noop', description: 'does nothing', provider: { kind: 'local' } }),
  check: async () => ({ runnable: true }),
  run: async () => ({ output: { kind: 'text', mime: 'text/plain', value: '' } }),
};

/** A chain; independent tasks; layers of 100 each fed by two tasks of the layer before. */
export function shapePlan(shape: Shape, n: number): Plan {
  const tasks: PlanTask[] = [];
  for (let i = 0; i < n; i++) {
    const id = `t${i}`;
    if (shape === 'chain') tasks.push({ id, task: 'noop', args: i ? { a: { ref: `t${i - 1}` } } : {}, deps: i ? [`t${i - 1}`] : [] });
    else if (shape === 'independent') tasks.push({ id, task: 'noop', args: {}, deps: [] });
    else {
      const layer = Math.floor(i / 100);
      if (layer === 0) tasks.push({ id, task: 'noop', args: {}, deps: [] });
      else {
        const k = i % 100;
        const a = `t${(layer - 1) * 100 + k}`;
        const b = `t${(layer - 1) * 100 + ((k + 1) % 100)}`;
        tasks.push({ id, task: 'noop', args: { a: { ref: a }, b: { ref: b } }, deps: [a, b] });
      }
    }
  }
  return { tasks };
}

/** The floor: each task a promise that awaits its dependencies' promises. */
async function floorRun(plan: Plan): Promise<void> {
  const done = new Map<string, Promise<void>>();
  for (const t of plan.tasks) done.set(t.id, Promise.all(t.deps.map((d) => done.get(d)!)).then(() => undefined));
  await Promise.all(done.values());
}

/**
 * LangGraph.js on the same graph (a dev dependency of this bench only): one no-op node per
 * task, an edge per dependency; a task with two inputs waits for both (a joined edge).
 */
async function langGraphRun(plan: Plan): Promise<void> {
  const { Annotation, END, START, StateGraph } = await import('@langchain/langgraph');
  const State = Annotation.Root({ n: Annotation<number>({ reducer: (a: number, b: number) => a + b, default: () => 0 }) });
  // The builder's types track every node name; a graph of generated names is built untyped.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const graph: any = new StateGraph(State);
  const dependants = new Set(plan.tasks.flatMap((t) => t.deps));
  for (const t of plan.tasks) graph.addNode(t.id, () => ({}));
  for (const t of plan.tasks) {
    if (t.deps.length === 0) graph.addEdge(START, t.id);
    else if (t.deps.length === 1) graph.addEdge(t.deps[0], t.id);
    else graph.addEdge(t.deps, t.id);
    if (!dependants.has(t.id)) graph.addEdge(t.id, END);
  }
  await graph.compile().invoke({}, { recursionLimit: plan.tasks.length + 10 });
}

type Runner = 'troupe' | 'floor' | 'langgraph';

async function one(shape: Shape, n: number, runner: Runner, concurrency: number): Promise<{ usPerTask: number; peakMiB: number }> {
  const plan = shapePlan(shape, n);
  const start = process.hrtime.bigint();
  if (runner === 'floor') await floorRun(plan);
  else if (runner === 'langgraph') await langGraphRun(plan);
  else {
    const candidates = new Map(plan.tasks.map((t) => [t.id, [noop]]));
    const records = await executePlan(plan, { catalog: new Catalog([noopType], [noop]), candidates, files: new Map(), outDir: '/nonexistent', concurrency, retries: 0 });
    const failed = records.filter((r) => r.status !== 'succeeded').length;
    if (failed) throw new Error(`${failed} tasks did not succeed`);
  }
  const ns = Number(process.hrtime.bigint() - start);
  return { usPerTask: ns / 1000 / n, peakMiB: process.resourceUsage().maxRSS / 1024 };
}

export async function benchScheduler(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      /** LangGraph.js runs only up to this size: at its cost per task, 100,000 tasks take hours. */
      'langgraph-max': { type: 'string', default: '10000' },
      concurrency: { type: 'string', default: '16' },
      json: { type: 'boolean', default: false },
      one: { type: 'string' },
    },
  });
  const concurrency = Number(values.concurrency);
  if (values.one) {
    // A child of the loop below: one measurement, printed as JSON.
    const [shape, n, runner] = values.one.split(':') as [Shape, string, Runner];
    process.stdout.write(`${JSON.stringify(await one(shape, Number(n), runner, concurrency))}\n`);
    return 0;
  }
  const sizes = values.sizes.split(',').map(Number);
  // The same program the bench runs as: from source through tsx (npm run bench), or built (troupe bench).
  const fromSource = import.meta.url.endsWith('.ts');
  const self = fromSource ? fileURLToPath(new URL('./main.ts', import.meta.url)) : fileURLToPath(new URL('../../bin/troupe.js', import.meta.url));
  const rows: Array<{ shape: Shape; tasks: number; runner: string; usPerTask: number; peakMiB: number }> = [];
  if (!values.json) process.stdout.write(`scheduler on no-op experts, concurrency ${concurrency}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'})\nshape         tasks  runner     µs/task  peak MiB\n`);
  for (const shape of SHAPES) {
    for (const n of sizes) {
      for (const runner of ['troupe', 'floor', 'langgraph'] as const) {
        if (runner === 'langgraph' && n > Number(values['langgraph-max'])) {
          if (!values.json) process.stdout.write(`${shape.padEnd(12)} ${String(n).padStart(6)}  ${runner.padEnd(9)}        —         —   (over --langgraph-max)\n`);
          continue;
        }
        const args = [...(fromSource ? ['--import', 'tsx', self] : [self, 'bench']), 'scheduler', '--one', `${shape}:${n}:${runner}`, '--concurrency', String(concurrency)];
        const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
        if (child.status !== 0) throw new Error(`${shape} ${n} ${runner}: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
        const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as { usPerTask: number; peakMiB: number };
        rows.push({ shape, tasks: n, runner, ...r });
        if (!values.json) process.stdout.write(`${shape.padEnd(12)} ${String(n).padStart(6)}  ${runner.padEnd(9)} ${r.usPerTask.toFixed(2).padStart(8)}  ${r.peakMiB.toFixed(0).padStart(8)}\n`);
      }
    }
  }
  if (values.json) process.stdout.write(`${JSON.stringify({ concurrency, cores: cpus().length, rows })}\n`);
  return 0;
}
