import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import type { Expert } from '../core/expert.js';
import type { SniffedFile } from '../core/modality.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import { isFile, isRef, type Plan, type PlanTask } from '../core/plan.js';
import type { Artifact } from '../core/artifact.js';
import type { RunEvent, RunEventListener } from './events.js';
import { withProcessScope, type ProcessScope } from '../system/process-scope.js';
import { toTaskError, type TaskError, type TaskRecord } from './task-record.js';
import { verifyOutput } from './verify-output.js';

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
  /** Called whenever a task's record changes state (to persist it): the record and its place in the plan. */
  onRecord?: (record: TaskRecord, position: number) => void;
  /**
   * Tasks that succeeded in an earlier attempt at this run (`troupe resume`): kept as they
   * are, their outputs feeding their dependants, never run again.
   */
  done?: ReadonlyMap<string, TaskRecord>;
  /** Told of each expert's child processes (run-program.ts), so a later start can end them if this process dies. */
  processScope?: ProcessScope;
  /** Told of each scratch folder when it is made (true) and when it is removed (false). */
  onScratch?: (path: string, exists: boolean) => void;
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
  // Events are built only when someone listens: at 100,000 tasks their objects are most of the garbage.
  const listener = opts.onEvent;
  const emit = (event: RunEvent) => listener!(event);
  const records = new Map<string, TaskRecord>(
    plan.tasks.map((t) => {
      const earlier = opts.done?.get(t.id);
      return [t.id, earlier?.status === 'succeeded' ? earlier : { id: t.id, task: t.task, expert: null, status: 'waiting', startedAt: null, endedAt: null, outputs: [], attempts: [] }];
    }),
  );
  const position = new Map(plan.tasks.map((t, i) => [t.id, i]));
  const all = () => plan.tasks.map((t) => records.get(t.id)!);
  const approvals = new Map<string, Promise<boolean>>();
  const slotCache = new Map<string, Set<string>>();
  const cancellers = new Set<() => void>();

  // Constant work per task and per edge, whatever the plan's size: each task counts the
  // inputs it still waits for, and becomes ready when that count reaches 0; a task that
  // ends without success skips its dependants through the same edges. Nothing scans the plan.
  const dependants = new Map<string, PlanTask[]>();
  const waitingFor = new Map<string, number>();
  for (const t of plan.tasks) {
    let open = 0;
    for (const d of t.deps) {
      if (!position.has(d)) continue;
      let list = dependants.get(d);
      if (!list) dependants.set(d, (list = []));
      list.push(t);
      if (records.get(d)!.status !== 'succeeded') open++;
    }
    waitingFor.set(t.id, open);
  }
  const ready: PlanTask[] = plan.tasks.filter((t) => records.get(t.id)!.status === 'waiting' && waitingFor.get(t.id) === 0);
  let readyHead = 0;
  let running = 0;
  let finished = plan.tasks.filter((t) => records.get(t.id)!.status !== 'waiting').length;

  return new Promise((resolve) => {
    const settle = (record: TaskRecord) => {
      record.endedAt ??= new Date().toISOString();
      opts.onRecord?.(record, position.get(record.id)!);
    };

    /** The dependants of a task that did not succeed can never run: skipped, and theirs after them. */
    const skipDependantsOf = (first: TaskRecord) => {
      const queue = [first];
      for (let head = 0; head < queue.length; head++) {
        const blocked = queue[head]!;
        for (const t of dependants.get(blocked.id) ?? []) {
          const record = records.get(t.id)!;
          if (record.status !== 'waiting') continue;
          record.status = 'skipped';
          const failed = blocked.error?.code === ErrorCode.NothingFound ? `found nothing (${blocked.error.message})` : 'failed';
          const reason = `its input ${blocked.id} (${blocked.task}) ${blocked.status === 'failed' ? failed : `was ${blocked.status}`}`;
          record.error = { code: ErrorCode.Skipped, message: `skipped because ${reason}` };
          if (listener) emit({ type: 'task-skipped', taskId: t.id, reason });
          settle(record);
          finished++;
          queue.push(record);
        }
      }
    };

    const done = (record: TaskRecord) => {
      finished++;
      if (record.status === 'succeeded') {
        for (const t of dependants.get(record.id) ?? []) {
          const left = waitingFor.get(t.id)! - 1;
          waitingFor.set(t.id, left);
          if (left === 0 && records.get(t.id)!.status === 'waiting') ready.push(t);
        }
      } else skipDependantsOf(record);
    };

    const cancelWaiting = () => {
      for (const t of plan.tasks) {
        const record = records.get(t.id)!;
        if (record.status !== 'waiting') continue;
        record.status = 'cancelled';
        if (listener) emit({ type: 'task-cancelled', taskId: t.id });
        settle(record);
        finished++;
      }
    };

    const pump = () => {
      if (opts.signal?.aborted) cancelWaiting();
      while (running < opts.concurrency && readyHead < ready.length && !opts.signal?.aborted) {
        const t = ready[readyHead++]!;
        const record = records.get(t.id)!;
        if (record.status !== 'waiting') continue;
        running++;
        record.status = 'running';
        record.startedAt = new Date().toISOString();
        opts.onRecord?.(record, position.get(t.id)!);
        const after = () => {
          running--;
          settle(record);
          done(record);
          pump();
        };
        void runTask(t, record).then(after, after);
      }
      if (running === 0 && finished === plan.tasks.length) resolve(all());
    };

    opts.signal?.addEventListener(
      'abort',
      () => {
        for (const cancel of cancellers) cancel();
        pump();
      },
      { once: true },
    );
    // Tasks kept from an earlier attempt that did not succeed cannot be here (only successes are kept).
    pump();
  });

  async function runTask(task: PlanTask, record: TaskRecord): Promise<void> {
    const experts = opts.candidates.get(task.id) ?? [];
    if (experts.length === 0) {
      record.status = 'failed';
      record.error = { code: ErrorCode.NoExpert, message: `no expert that can run here serves the task type "${task.task}"`, hint: 'run `npx troupe doctor` to see which experts are missing and how to install them' };
      if (listener) emit({ type: 'task-failed', taskId: task.id, error: record.error });
      return;
    }
    let lastError: TaskError | undefined;
    for (const [i, expert] of experts.entries()) {
      record.expert = expert.entry.id;
      for (let attempt = 1; attempt <= 1 + opts.retries; attempt++) {
        if (listener) emit({ type: 'task-started', taskId: task.id, expert: expert.entry.id, attempt });
        try {
          const { output, extra, note } = await attemptOnce(task, expert);
          record.outputs = [output, ...(extra ?? [])];
          if (note) record.note = note;
          record.attempts.push({ expert: expert.entry.id });
          record.status = 'succeeded';
          if (listener) for (const artifact of record.outputs) emit({ type: 'artifact-written', taskId: task.id, artifact });
          if (listener) emit({ type: 'task-succeeded', taskId: task.id, expert: expert.entry.id, ...(note ? { note } : {}) });
          return;
        } catch (error) {
          if (opts.signal?.aborted) {
            record.status = 'cancelled';
            record.error = { code: ErrorCode.Cancelled, message: 'cancelled while running' };
            record.attempts.push({ expert: expert.entry.id, error: record.error });
            if (listener) emit({ type: 'task-cancelled', taskId: task.id });
            return;
          }
          lastError = toTaskError(error);
          record.attempts.push({ expert: expert.entry.id, error: lastError });
          if (TroupeError.is(error, ErrorCode.NothingFound)) {
            // A true "nothing here", not a failure of the program: another expert would only guess.
            record.status = 'failed';
            record.error = lastError;
            if (listener) emit({ type: 'task-failed', taskId: task.id, error: lastError });
            return;
          }
          if (TroupeError.is(error, ErrorCode.NeedsApproval)) {
            // Not a failure of the expert: the user has not allowed it. Skip, and say why.
            record.status = 'skipped';
            record.error = lastError;
            if (listener) emit({ type: 'task-skipped', taskId: task.id, reason: lastError.message });
            return;
          }
          const transient = error instanceof TroupeError && error.transient;
          if (transient && attempt <= opts.retries) {
            if (listener) emit({ type: 'task-retrying', taskId: task.id, expert: expert.entry.id, attempt: attempt + 1, error: lastError });
            await new Promise((r) => setTimeout(r, opts.retryDelayMs * attempt));
            continue;
          }
          break;
        }
      }
      const next = experts[i + 1];
      if (next && listener) emit({ type: 'task-fallback', taskId: task.id, from: expert.entry.id, to: next.entry.id, error: lastError! });
    }
    record.status = 'failed';
    record.error = lastError!;
    if (listener) emit({ type: 'task-failed', taskId: task.id, error: lastError! });
  }

  function slotsOf(taskType: string): Set<string> {
    let slots = slotCache.get(taskType);
    if (!slots) slotCache.set(taskType, (slots = new Set(opts.catalog.taskType(taskType)!.inputs.map((i) => i.name))));
    return slots;
  }

  async function attemptOnce(task: PlanTask, expert: Expert) {
    const slots = slotsOf(task.task);
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
    // Made when the expert first looks at its signal: one that never does cannot be told to
    // stop anyway (the race below still frees the task), and most of a no-op task's cost was this.
    let controller: AbortController | undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
      controller?.abort();
    };
    const signal = () => {
      if (!controller) {
        controller = new AbortController();
        if (stopped) controller.abort(); // asked after the task was stopped: already aborted
      }
      return controller.signal;
    };
    // The scratch folder is made when an expert first asks for it: most never do, and making
    // and removing one costs more than the rest of a small task.
    let scratchDir: string | undefined;
    const scratch = () => {
      if (!scratchDir) {
        scratchDir = mkdtempSync(join(tmpdir(), `troupe-${task.id}-`));
        opts.onScratch?.(scratchDir, true);
      }
      return scratchDir;
    };
    let timer: NodeJS.Timeout | undefined;
    let interrupt: ((error: Error) => void) | undefined;
    // One promise for both ways a task is cut short, and no listener per attempt: the run's
    // signal cancels every attempt in `cancellers`. A cancellation's error is built only if it
    // happens, so a task that ends well pays for no stack trace.
    const cancel = () => {
      interrupt?.(new TroupeError(ErrorCode.Cancelled, 'cancelled'));
      stop();
    };
    let finishedWell = false;
    try {
      // Racing (not only signalling) also frees us from an expert that ignores its signal.
      const interrupted = new Promise<never>((_, reject) => (interrupt = reject));
      cancellers.add(cancel);
      if (opts.signal?.aborted) cancel();
      timer = setTimeout(() => {
        // Reject before aborting, so the race reports the timeout and not a cancellation.
        interrupt!(new TroupeError(ErrorCode.ExpertTimeout, `${expert.entry.id} did not finish within ${opts.timeoutMs / 1000} s`, { hint: 'raise the limit with --timeout SECONDS, or check the input size' }));
        stop();
      }, opts.timeoutMs);
      const context = {
        inputs,
        params,
        get signal() {
          return signal();
        },
        get scratchDir() {
          return scratch();
        },
        ...(approved ? { approved: true } : {}),
        outputPath: (ext: string) => join(opts.outDir, `${task.id}-${task.task}.${ext}`),
      };
      const work = opts.processScope ? withProcessScope(opts.processScope, () => expert.run(context)) : expert.run(context);
      work.catch(() => {}); // a late rejection after the race is settled is not unhandled
      const result = await Promise.race([work, interrupted]);
      // Only files are checked; an inline result costs no extra turn of the event loop.
      if (result.output.path) await verifyOutput(result.output, expert.entry.id);
      for (const artifact of result.extra ?? []) if (artifact.path) await verifyOutput(artifact, expert.entry.id);
      finishedWell = true;
      return result;
    } finally {
      clearTimeout(timer);
      cancellers.delete(cancel);
      // An expert still at work (timed out, cancelled, or failed in the race) is told to stop.
      if (!finishedWell) stop();
      if (scratchDir) {
        await rm(scratchDir, { recursive: true, force: true });
        opts.onScratch?.(scratchDir, false);
      }
    }
  }
}
