import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { Artifact } from '../core/artifact.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import type { Expert } from '../core/expert.js';
import type { ResourceClass } from '../core/resource-class.js';
import { workerFiles } from './artifact-store.js';
import { CANCEL_CHANNEL, queueName, reachRedis, redisConnection } from './connection.js';
import { failureReason, JobData, type JobResult } from './job.js';

export interface WorkerOptions {
  url: string;
  /** The expert a job names, by id (the worker's catalog). */
  expert: (id: string) => Expert | undefined;
  classes: readonly ResourceClass[];
  /** Jobs at once, per class. */
  concurrency?: number;
  /** How the worker is listed (`troupe queue stats`); default host:pid. */
  name?: string;
  /**
   * How long a job's lock lasts without renewal: a worker that dies holding one is noticed
   * about this long after, and its job given to another worker.
   */
  lockMs?: number;
  /** How many workers a job may take down before it fails for good. */
  attempts?: number;
  /** Told of each job as it starts and ends. */
  onJob?: (event: { jobId: string; expert: string; state: 'started' | 'done' | 'failed'; error?: string }) => void;
}

export interface RunningWorker {
  name: string;
  close(): Promise<void>;
}

/**
 * `troupe worker`: takes the jobs of its classes, runs each with the expert it names (loaded
 * once, as in a run: the experts are this process's), writes the outputs where the job says
 * (the shared folder), and reports the result, the failure with its code, or a cancellation.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  await reachRedis(options.url);
  const connection = redisConnection(options.url);
  const name = options.name ?? `${hostname()}:${process.pid}`;
  const lockDuration = options.lockMs ?? 30_000;

  const runJob = async (job: Job, _token?: string, signal?: AbortSignal): Promise<JobResult> => {
    const parsed = JobData.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(failureReason(new TroupeError(ErrorCode.BadUsage, `job ${job.id} is not a Troupe task: ${parsed.error.issues[0]?.message}`)));
    const data = parsed.data;
    const expert = options.expert(data.expert);
    if (!expert) throw new UnrecoverableError(failureReason(new TroupeError(ErrorCode.NoExpert, `worker ${name} has no expert ${data.expert}`, { hint: 'start workers with the same catalog (--db, --config) as the server' })));
    options.onJob?.({ jobId: job.id!, expert: data.expert, state: 'started' });
    await job.updateProgress({ worker: name, state: 'running' });
    const scratch = await mkdtemp(join(tmpdir(), 'troupe-job-'));
    try {
      const inputs: Record<string, Artifact> = {};
      for (const [slot, a] of Object.entries(data.inputs)) inputs[slot] = (a.path ? { ...a, path: await workerFiles.fetch(a.path, scratch) } : a) as Artifact;
      await mkdir(join(scratch, 'outputs'));
      const result = await expert.run({
        inputs,
        params: data.params,
        signal: signal ?? new AbortController().signal,
        outputPath: (ext) => workerFiles.outputPath(data.outputStem, ext, scratch),
        scratchDir: scratch,
        ...(data.approved ? { approved: true } : {}),
      });
      const published = async (a: Artifact): Promise<Artifact> => (a.path ? { ...a, path: await workerFiles.publish(data.outputStem, a.path) } : a);
      const output = await published(result.output);
      const extra = result.extra ? await Promise.all(result.extra.map(published)) : undefined;
      options.onJob?.({ jobId: job.id!, expert: data.expert, state: 'done' });
      return { output, ...(extra ? { extra } : {}), ...(result.note ? { note: result.note } : {}), worker: name };
    } catch (error) {
      const cancelled = signal?.aborted;
      const reason = failureReason(cancelled ? new TroupeError(ErrorCode.Cancelled, 'cancelled') : error);
      options.onJob?.({ jobId: job.id!, expert: data.expert, state: 'failed', error: reason });
      // The scheduler that waits for it retries and falls back; BullMQ retries only a worker that died.
      throw new UnrecoverableError(reason);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  };

  const workers = options.classes.map((cls) => {
    const w = new Worker(queueName(cls), runJob, {
      connection,
      name,
      concurrency: options.concurrency ?? 1,
      lockDuration,
      stalledInterval: Math.max(500, Math.round(lockDuration / 2)),
      maxStalledCount: Math.max(0, (options.attempts ?? 3) - 1),
    });
    w.on('error', () => undefined); // Redis away: the worker reconnects and goes on
    return w;
  });
  // A server cancels a running job through this channel: the worker that has it aborts it.
  const subscriber = new Redis(connection as RedisOptions).on('error', () => undefined);
  await subscriber.subscribe(CANCEL_CHANNEL);
  subscriber.on('message', (_channel, message) => {
    try {
      const { jobId } = JSON.parse(message) as { jobId: string };
      for (const w of workers) w.cancelJob(jobId, 'cancelled by the run');
    } catch {
      /* not ours */
    }
  });
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  return {
    name,
    async close() {
      subscriber.disconnect();
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
