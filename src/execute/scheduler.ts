import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import type { Expert } from '../core/expert.js';
import type { SniffedFile } from '../core/modality.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import { isFile, isRef, type Plan, type PlanTask } from '../core/plan.js';
import type { Artifact } from '../core/artifact.js';
import type { RunEventListener } from './events.js';
import { toTaskError, type TaskError, type TaskRecord } from './task-record.js';

export interface SchedulerOptions {
  catalog: Catalog;
  /** Ranked experts per task id: the first is the controller's choice, the rest fallbacks. */
  candidates: ReadonlyMap<string, Expert[]>;
  files: ReadonlyMap<string, SniffedFile & { absolutePath: string }>;
  outDir: string;
  concurrency?: number;
  timeoutMs?: number;
  /** Extra tries of the same expert after a transient failure. */
  retries?: number;
  retryDelayMs?: number;
  signal?: AbortSignal;
  /**
   * State-changing operations (non-GET OpenAPI operations, MCP tools not marked read-only):
   * true allows them all (--yes); a function is asked once per expert (a prompt on a TTY),
   * before the task's time limit starts; absent, they are skipped.
   */
  approve?: boolean | Approver;
  onEvent?: RunEventListener;
  /** Called whenever a task's record changes state for good (to persist run.json). */
  onRecord?: (records: TaskRecord[]) => void;
}

/** Asks whether an expert that changes state may run; `action` says what it would do. */
export type Approver = (request: { taskId: string; expert: string; action: string }) => Promise<boolean>;

/** Tasks at once and the time limit of each, unless the caller says otherwise (the CLI's --concurrency and --timeout show these). */
export const RUN_DEFAULTS = { concurrency: 2, timeoutMs: 120_000 };
const DEFAULTS = { ...RUN_DEFAULTS, retries: 1, retryDelayMs: 250 };

/**
 * Runs a validated plan as a DAG. A task starts when all its dependencies have
 * succeeded, at most `concurrency` at a time. Each task tries its candidates in order
 * (retrying transient failures), under a timeout; when all fail, its dependants are
 * skipped while independent branches go on. Aborting `signal` cancels what is running,
 * keeps what has finished.
 */
export function executePlan(plan: Plan, options: SchedulerOptions): Promise<TaskRecord[]> {
  const opts = { ...DEFAULTS, ...options };
  const emit = opts.onEvent ?? (() => {});
  const records = new Map<string, TaskRecord>(
    plan.tasks.map((t) => [t.id, { id: t.id, task: t.task, expert: null, status: 'waiting', startedAt: null, endedAt: null, outputs: [], attempts: [] }]),
  );
  const all = () => plan.tasks.map((t) => records.get(t.id)!);
  let running = 0;
  const approvals = new Map<string, Promise<boolean>>();

  return new Promise((resolve) => {
    const settle = (record: TaskRecord) => {
      record.endedAt ??= new Date().toISOString();
      opts.onRecord?.(all());
    };

    const pump = () => {
      for (const t of plan.tasks) {
        const record = records.get(t.id)!;
        if (record.status !== 'waiting') continue;
        if (opts.signal?.aborted) {
          record.status = 'cancelled';
          emit({ type: 'task-cancelled', taskId: t.id });
          settle(record);
          continue;
        }
        const blocked = t.deps.map((d) => records.get(d)!).find((r) => ['failed', 'skipped', 'cancelled'].includes(r.status));
        if (blocked) {
          record.status = 'skipped';
          const failed = blocked.error?.code === ErrorCode.NothingFound ? `found nothing (${blocked.error.message})` : 'failed';
          const reason = `its input ${blocked.id} (${blocked.task}) ${blocked.status === 'failed' ? failed : `was ${blocked.status}`}`;
          record.error = { code: ErrorCode.Skipped, message: `skipped because ${reason}` };
          emit({ type: 'task-skipped', taskId: t.id, reason });
          settle(record);
          continue;
        }
        if (running >= opts.concurrency) continue;
        if (!t.deps.every((d) => records.get(d)!.status === 'succeeded')) continue;
        running++;
        record.status = 'running';
        record.startedAt = new Date().toISOString();
        void runTask(t, record).finally(() => {
          running--;
          settle(record);
          pump();
        });
      }
      if (running === 0 && all().every((r) => r.status !== 'waiting' && r.status !== 'running')) resolve(all());
    };

    opts.signal?.addEventListener('abort', pump, { once: true });
    pump();
  });

  async function runTask(task: PlanTask, record: TaskRecord): Promise<void> {
    const experts = opts.candidates.get(task.id) ?? [];
    if (experts.length === 0) {
      record.status = 'failed';
      record.error = { code: ErrorCode.NoExpert, message: `no expert that can run here serves the task type "${task.task}"`, hint: 'run `npx troupe doctor` to see which experts are missing and how to install them' };
      emit({ type: 'task-failed', taskId: task.id, error: record.error });
      return;
    }
    let lastError: TaskError | undefined;
    for (const [i, expert] of experts.entries()) {
      record.expert = expert.entry.id;
      for (let attempt = 1; attempt <= 1 + opts.retries; attempt++) {
        emit({ type: 'task-started', taskId: task.id, expert: expert.entry.id, attempt });
        try {
          const { output, extra, note } = await attemptOnce(task, expert);
          record.outputs = [output, ...(extra ?? [])];
          if (note) record.note = note;
          record.attempts.push({ expert: expert.entry.id });
          record.status = 'succeeded';
          for (const artifact of record.outputs) emit({ type: 'artifact-written', taskId: task.id, artifact });
          emit({ type: 'task-succeeded', taskId: task.id, expert: expert.entry.id, ...(note ? { note } : {}) });
          return;
        } catch (error) {
          if (opts.signal?.aborted) {
            record.status = 'cancelled';
            record.error = { code: ErrorCode.Cancelled, message: 'cancelled while running' };
            record.attempts.push({ expert: expert.entry.id, error: record.error });
            emit({ type: 'task-cancelled', taskId: task.id });
            return;
          }
          lastError = toTaskError(error);
          record.attempts.push({ expert: expert.entry.id, error: lastError });
          if (TroupeError.is(error, ErrorCode.NothingFound)) {
            // A true "nothing here", not a failure of the program: another expert would only guess.
            record.status = 'failed';
            record.error = lastError;
            emit({ type: 'task-failed', taskId: task.id, error: lastError });
            return;
          }
          if (TroupeError.is(error, ErrorCode.NeedsApproval)) {
            // Not a failure of the expert: the user has not allowed it. Skip, and say why.
            record.status = 'skipped';
            record.error = lastError;
            emit({ type: 'task-skipped', taskId: task.id, reason: lastError.message });
            return;
          }
          const transient = error instanceof TroupeError && error.transient;
          if (transient && attempt <= opts.retries) {
            emit({ type: 'task-retrying', taskId: task.id, expert: expert.entry.id, attempt: attempt + 1, error: lastError });
            await new Promise((r) => setTimeout(r, opts.retryDelayMs * attempt));
            continue;
          }
          break;
        }
      }
      const next = experts[i + 1];
      if (next) emit({ type: 'task-fallback', taskId: task.id, from: expert.entry.id, to: next.entry.id, error: lastError! });
    }
    record.status = 'failed';
    record.error = lastError!;
    emit({ type: 'task-failed', taskId: task.id, error: lastError! });
  }

  async function attemptOnce(task: PlanTask, expert: Expert) {
    const type = opts.catalog.taskType(task.task)!;
    const slots = new Set(type.inputs.map((i) => i.name));
    const inputs: Record<string, Artifact> = {};
    const params: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(task.args)) {
      if (!slots.has(name)) params[name] = value;
      else if (isRef(value)) inputs[name] = records.get(value.ref)!.outputs[0]!;
      else if (isFile(value)) {
        const f = opts.files.get(value.file)!;
        inputs[name] = { kind: f.modality, mime: f.mime, path: f.absolutePath };
      } else inputs[name] = { kind: 'text', mime: 'text/plain', value: String(value) };
    }

    let approved = opts.approve === true;
    if (!approved && expert.changesState && typeof opts.approve === 'function') {
      const ask = opts.approve;
      let answer = approvals.get(expert.entry.id);
      if (!answer) approvals.set(expert.entry.id, (answer = ask({ taskId: task.id, expert: expert.entry.id, action: expert.changesState }).catch(() => false)));
      approved = await answer;
    }
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const scratchDir = await mkdtemp(join(tmpdir(), `troupe-${task.id}-`));
    let timer: NodeJS.Timeout | undefined;
    try {
      // Racing the timeout (not only signalling it) also frees us from an expert that ignores its signal.
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          // Reject before aborting, so the race reports the timeout and not a cancellation.
          reject(new TroupeError(ErrorCode.ExpertTimeout, `${expert.entry.id} did not finish within ${opts.timeoutMs / 1000} s`, { hint: 'raise the limit with --timeout SECONDS, or check the input size' }));
          controller.abort();
        }, opts.timeoutMs);
      });
      const cancelled = new Promise<never>((_, reject) => {
        controller.signal.addEventListener('abort', () => reject(new TroupeError(ErrorCode.Cancelled, 'cancelled')), { once: true });
      });
      const work = expert.run({
        inputs,
        params,
        signal: controller.signal,
        scratchDir,
        ...(approved ? { approved: true } : {}),
        outputPath: (ext) => join(opts.outDir, `${task.id}-${task.task}.${ext}`),
      });
      work.catch(() => {}); // a late rejection after the race is settled is not unhandled
      return await Promise.race([work, timeout, cancelled]);
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      controller.abort();
      await rm(scratchDir, { recursive: true, force: true });
    }
  }
}
