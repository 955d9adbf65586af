import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { Job, Queue, QueueEvents, type ConnectionOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { Artifact } from '../core/artifact.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import type { Expert, ExpertContext, ExpertResult } from '../core/expert.js';
import { resourceClassOf, type ResourceClass } from '../core/resource-class.js';
import { sharedFolder, type ArtifactStore } from './artifact-store.js';
import { CANCEL_CHANNEL, queueName, reachRedis, redisConnection } from './connection.js';
import { failureOf, JobResult, MAX_JOB_BYTES, type JobData } from './job.js';

/** How often the waiting jobs are asked after, besides listening for their events: events can be missed while Redis restarts. */
const POLL_MS = 2000;

/**
 * The server's (or CLI's) side of a queue: each attempt at a task becomes a job on the queue
 * of its expert's resource class, and the attempt waits for the job as it would for the expert
 * itself. `dispatch` wraps an expert so; the scheduler sees the same expert, with its timeouts,
 * retries, fallbacks and cancellation unchanged.
 */
export class QueueClient {
  private readonly queues = new Map<ResourceClass, { queue: Queue; events: QueueEvents }>();
  private readonly connection: ConnectionOptions;

  constructor(
    readonly url: string,
    /** How files reach the workers: a shared folder (default) or an S3-compatible bucket. */
    private readonly store: ArtifactStore = sharedFolder,
  ) {
    this.connection = redisConnection(url);
  }

  /** A client whose Redis answers now: a wrong address is said at once, not as every task's timeout. */
  static async connect(url: string, store?: ArtifactStore): Promise<QueueClient> {
    await reachRedis(url);
    return new QueueClient(url, store);
  }

  /** The expert, run on a worker of its class instead of in this process. */
  dispatch = (expert: Expert): Expert => {
    const client = this;
    return {
      entry: expert.entry,
      ...(expert.changesState ? { changesState: expert.changesState } : {}),
      // Whether it can run is the workers' concern; here it is what the catalog says.
      check: () => expert.check(),
      run: (ctx) => client.run(expert, ctx),
    };
  };

  private of(cls: ResourceClass) {
    let q = this.queues.get(cls);
    if (!q) {
      q = { queue: new Queue(queueName(cls), { connection: this.connection }), events: new QueueEvents(queueName(cls), { connection: this.connection }) };
      // A Redis that is away is waited for (ioredis reconnects); its errors are not the run's.
      q.queue.on('error', () => undefined);
      q.events.on('error', () => undefined);
      q.events.on('completed', ({ jobId, returnvalue }) => this.waiting.get(jobId)?.succeed(returnvalue));
      q.events.on('failed', ({ jobId, failedReason }) => this.waiting.get(jobId)?.fail(failedReason));
      this.queues.set(cls, q);
    }
    return q;
  }

  private async run(expert: Expert, ctx: ExpertContext): Promise<ExpertResult> {
    const cls = resourceClassOf(expert.entry);
    const { queue } = this.of(cls);
    const stem = ctx.outputPath('x').slice(0, -2);
    const jobId = randomUUID();
    const inputs: Record<string, Artifact> = {};
    for (const [name, a] of Object.entries(ctx.inputs)) inputs[name] = a.path ? { ...a, path: await this.store.share(a.path, `${jobId}/${name}-${basename(a.path)}`) } : a;
    const data: JobData = {
      expert: expert.entry.id,
      inputs,
      params: ctx.params,
      outputStem: this.store.outputStem(stem, jobId),
      ...(ctx.approved ? { approved: true } : {}),
    };
    if (Buffer.byteLength(JSON.stringify(data)) > MAX_JOB_BYTES) {
      throw new TroupeError(ErrorCode.InputCorrupt, `the inputs of ${expert.entry.id} are over ${MAX_JOB_BYTES / 1024} KiB inline`, { hint: 'pass long texts as files (--input), which go to the workers by reference' });
    }
    const job = await queue.add('run', data, { jobId, removeOnComplete: { age: 3600, count: 1000 }, removeOnFail: { age: 24 * 3600 } });
    const cancel = () => {
      // Kept until done: a run that ends right after Ctrl-C closes the client, and the worker
      // must still hear of it (a cancel dropped at close had left the job running).
      const pending = this.cancel(cls, jobId).finally(() => this.cancelling.delete(pending));
      this.cancelling.add(pending);
    };
    ctx.signal.addEventListener('abort', cancel, { once: true });
    try {
      const result = await this.settle(queue, job, expert.entry.id);
      // Outputs by reference come home to the run folder, where the run expects them.
      const home = async (a: Artifact): Promise<Artifact> => {
        if (!a.path || a.path.startsWith('/')) return a;
        const local = ctx.outputPath(a.path.slice(a.path.lastIndexOf('.') + 1));
        await this.store.collect(a.path, local);
        return { ...a, path: local };
      };
      return { ...result, output: await home(result.output), ...(result.extra ? { extra: await Promise.all(result.extra.map(home)) } : {}) };
    } finally {
      ctx.signal.removeEventListener('abort', cancel);
    }
  }

  /**
   * The job's result, from its completion event or, if that was missed (Redis restarting),
   * from asking: one listener per queue and one sweep for all waiting jobs, so that a
   * thousand tasks in flight cost no more per event than one.
   */
  private settle(queue: Queue, job: Job, expertId: string): Promise<ExpertResult> {
    return new Promise((resolvePromise, reject) => {
      const id = job.id!;
      const done = (fn: () => void) => {
        if (!this.waiting.delete(id)) return;
        if (this.waiting.size === 0) this.stopSweep();
        fn();
      };
      this.waiting.set(id, {
        queue,
        succeed: (value) => {
          const parsed = JobResult.safeParse(typeof value === 'string' ? JSON.parse(value) : value);
          done(() => (parsed.success ? resolvePromise(toResult(parsed.data)) : reject(new TroupeError(ErrorCode.ExpertCrashed, `${expertId}'s worker sent back no result`))));
        },
        fail: (reason) => done(() => reject(failureOf(reason, expertId))),
      });
      this.sweep ??= setInterval(() => void this.sweepOnce(), POLL_MS).unref();
    });
  }

  private readonly waiting = new Map<string, { queue: Queue; succeed(value: unknown): void; fail(reason: string | undefined): void }>();
  private sweep: NodeJS.Timeout | undefined;
  private sweeping = false;

  private async sweepOnce(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      for (const [id, w] of [...this.waiting]) {
        const job = await Job.fromId(w.queue, id).catch(() => undefined); // Redis away: next time
        // A finished job's hash holds its outcome: no second round trip for its state.
        if (!job?.finishedOn) continue;
        if (job.failedReason) w.fail(job.failedReason);
        else w.succeed(job.returnvalue);
      }
    } finally {
      this.sweeping = false;
    }
  }

  private stopSweep(): void {
    clearInterval(this.sweep);
    this.sweep = undefined;
  }

  /** Stops a job: removed if it still waits, else its worker is asked to abort it. */
  private async cancel(cls: ResourceClass, jobId: string): Promise<void> {
    const { queue } = this.of(cls);
    const job = await Job.fromId(queue, jobId).catch(() => undefined);
    const removed = job ? await job.remove().then(() => true, () => false) : false;
    if (!removed) await this.publisher().publish(CANCEL_CHANNEL, JSON.stringify({ queue: queueName(cls), jobId })).catch(() => undefined);
  }

  private readonly cancelling = new Set<Promise<void>>();
  private redis: Redis | undefined;
  private publisher(): Redis {
    return (this.redis ??= new Redis(this.connection as RedisOptions).on('error', () => undefined));
  }

  async close(): Promise<void> {
    this.stopSweep();
    await Promise.allSettled([...this.cancelling]);
    await Promise.all([...this.queues.values()].flatMap(({ queue, events }) => [queue.close(), events.close()]));
    this.queues.clear();
    // QUIT after what was sent, rather than dropping the connection under a publish.
    await this.redis?.quit().catch(() => undefined);
  }
}

function toResult(r: JobResult): ExpertResult {
  return { output: r.output as Artifact, ...(r.extra ? { extra: r.extra as Artifact[] } : {}), note: r.note ? `${r.note} (on ${r.worker})` : `on ${r.worker}` };
}
