import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ExpertEntrySchema, type Expert, type ExpertContext } from '../core/expert.js';
import { espeakTts } from '../experts/local/espeak-tts.js';
import { QueueClient } from '../queue/queue-client.js';
import { startWorker, type RunningWorker } from '../queue/worker.js';
import { REDIS_SERVER, startRedis } from '../system/redis-server.js';

const noop: Expert = {
  entry: ExpertEntrySchema.parse({ id: 'bench/noop', name: 'noop', task: 'noop', description: 'does nothing', provider: { kind: 'local' }, resourceClass: 'text' }),
  check: async () => ({ runnable: true }),
  run: async () => ({ output: { kind: 'text', mime: 'text/plain', value: '' } }),
};

/**
 * `npm run bench queue`: what running tasks through BullMQ costs and gives. Per task on a
 * no-op expert, one after another: in this process against through the queue (one worker).
 * Throughput with 1, 2 and 4 workers (each taking one job at a time) on the no-op expert and on
 * a real one (espeak-ng speaking a sentence, a program per task). Redis is Debian's, started
 * here on a loopback port; the workers are in this process (each its own Redis connections),
 * so the figures are the queue's cost, not process start-up.
 */
export async function benchQueue(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { tasks: { type: 'string', default: '400' }, real: { type: 'string', default: '32' }, json: { type: 'boolean', default: false } } });
  if (!REDIS_SERVER) {
    process.stderr.write('bench queue: redis-server is not installed (npx troupe setup --tests installs it)\n');
    return 2;
  }
  const redis = await startRedis();
  const dir = await mkdtemp(join(tmpdir(), 'troupe-queue-bench-'));
  const client = new QueueClient(redis.url);
  const experts = new Map([noop, espeakTts].map((e) => [e.entry.id, e]));
  let n = 0;
  const ctx = (text = 'hello'): ExpertContext => {
    const id = n++;
    return { inputs: { text: { kind: 'text', mime: 'text/plain', value: text } }, params: {}, signal: new AbortController().signal, outputPath: (ext) => join(dir, `t${id}.${ext}`), scratchDir: dir };
  };
  const workers = async (count: number, classes: Array<'text' | 'speech'>): Promise<RunningWorker[]> =>
    Promise.all(Array.from({ length: count }, (_, i) => startWorker({ url: redis.url, expert: (id) => experts.get(id), classes, name: `bench-${i}` })));
  const close = (ws: RunningWorker[]) => Promise.all(ws.map((w) => w.close()));
  const out: Record<string, unknown> = { cores: cpus().length };
  try {
    // Per task, one at a time.
    const sequential = Math.min(300, Number(values.tasks));
    let t = performance.now();
    for (let i = 0; i < sequential; i++) await noop.run(ctx());
    const inProcess = ((performance.now() - t) * 1000) / sequential;
    let ws = await workers(1, ['text']);
    const queued = client.dispatch(noop);
    await queued.run(ctx()); // the queue's connections made before timing
    t = performance.now();
    for (let i = 0; i < sequential; i++) await queued.run(ctx());
    const throughQueue = ((performance.now() - t) * 1000) / sequential;
    await close(ws);
    out.perTask = { tasks: sequential, inProcessMicros: Math.round(inProcess * 10) / 10, queueMicros: Math.round(throughQueue), overheadMicros: Math.round(throughQueue - inProcess) };

    // Throughput: all tasks submitted at once.
    const throughput: Array<{ expert: string; workers: number; tasks: number; perSecond: number }> = [];
    for (const [expert, count, cls, text] of [
      [noop, Number(values.tasks), 'text', 'hello'],
      [espeakTts, Number(values.real), 'speech', 'The library is closed on Sunday. The garden is closed for repairs.'],
    ] as const) {
      for (const w of [1, 2, 4]) {
        ws = await workers(w, [cls]);
        const dispatched = client.dispatch(expert);
        t = performance.now();
        await Promise.all(Array.from({ length: count }, () => dispatched.run(ctx(text))));
        const seconds = (performance.now() - t) / 1000;
        await close(ws);
        throughput.push({ expert: expert.entry.id, workers: w, tasks: count, perSecond: Math.round((count / seconds) * 10) / 10 });
      }
    }
    out.throughput = throughput;
  } finally {
    await client.close();
    await redis.stop('kill');
    await rm(dir, { recursive: true, force: true });
  }
  if (values.json) process.stdout.write(`${JSON.stringify(out)}\n`);
  else {
    const p = out.perTask as { tasks: number; inProcessMicros: number; queueMicros: number; overheadMicros: number };
    process.stdout.write(`machine: ${out.cores} cores\nper task, one at a time (${p.tasks} no-op tasks): in process ${p.inProcessMicros} µs, through the queue ${p.queueMicros} µs (overhead ${p.overheadMicros} µs)\n`);
    for (const r of out.throughput as Array<{ expert: string; workers: number; tasks: number; perSecond: number }>) process.stdout.write(`throughput ${r.expert.padEnd(20)} ${r.workers} worker${r.workers > 1 ? 's' : ' '}: ${r.perSecond} tasks/s (${r.tasks} tasks)\n`);
  }
  return 0;
}
