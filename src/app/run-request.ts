import { rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import type { Expert } from '../core/expert.js';
import type { Controller, DecisionOptions, PlanOutcome, Turn } from '../controller/controller.js';
import type { RunEvent, RunEventListener } from '../execute/events.js';
import type { TaskRecord } from '../execute/task-record.js';
import { RunStore } from '../runs/run-store.js';
import { isAlive } from '../system/process-scope.js';
import { reapOrphans } from './reap-orphans.js';
import { executePlan, type Approver } from '../execute/scheduler.js';
import type { RunRecord } from '../respond/run-record.js';
import { composeAnswer } from '../respond/compose-answer.js';
import { rankCandidates } from '../select/rank-candidates.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import { loadInputs, type InputFile } from './load-inputs.js';
import { newRunId } from './run-id.js';
import { claimOutputFolder } from './output-folder.js';
import { writeFileNoFollow } from '../system/write-file.js';

export interface RunOptions {
  request: string;
  inputs: readonly string[];
  controller: Controller;
  catalog: Catalog;
  /** Output folder; default ./troupe-runs/<runId>. */
  outDir?: string;
  concurrency?: number;
  timeoutMs?: number;
  retries?: number;
  /** Allow state-changing operations: true (--yes), or ask for each (a prompt on a TTY). */
  approve?: boolean | Approver;
  signal?: AbortSignal;
  onEvent?: RunEventListener;
  /** The run store to record in; default: the one at defaultRunsPath(), opened and closed here. */
  store?: RunStore;
  /** The run's id, when the caller must know it before the plan is made (a server answers with it at once). */
  runId?: string;
  /** The conversation this request continues (a server's thread), for the controller. */
  history?: readonly Turn[];
  /**
   * Where each attempt at a task runs: in this process (absent), or wherever the wrapper sends
   * it — a queue's workers (queue/queue-client.ts). The scheduler sees the same expert.
   */
  dispatch?: (expert: Expert) => Expert;
}

/**
 * The longest request accepted. Long texts belong in a file (--input); a request of tens of
 * thousands of words costs minutes of planning and ends in parameter errors.
 */
export const MAX_REQUEST_CHARS = 50_000;

export function checkRequest(request: string): void {
  if (request.trim() === '') throw new TroupeError(ErrorCode.BadUsage, 'the request is empty', { hint: 'say what you want in words, e.g. "read the sign in this photo"' });
  if (request.length > MAX_REQUEST_CHARS) {
    throw new TroupeError(ErrorCode.RequestTooLong, `the request is ${request.length.toLocaleString('en')} characters, over the ${MAX_REQUEST_CHARS.toLocaleString('en')} limit`, { hint: 'put the long text in a file and pass it with --input, and keep the request to what to do with it' });
  }
}

export async function planRequest(request: string, inputPaths: readonly string[], controller: Controller, catalog: Catalog, decision: DecisionOptions & { history?: readonly Turn[] } = {}): Promise<{ files: Map<string, InputFile>; outcome: PlanOutcome }> {
  checkRequest(request);
  const files = await loadInputs(inputPaths);
  const outcome = await controller.plan({ request, catalog, files, ...decision });
  return { files, outcome };
}

/** request → plan → select → execute → respond, recorded in the run store from its first moment. */
export async function runRequest(options: RunOptions): Promise<RunRecord> {
  checkRequest(options.request);
  const runId = options.runId ?? newRunId();
  return withStore(options.store, async (store) => {
    await reapOrphans(store);
    // The folder first: an unusable --out is said before any planning work, not after it.
    const folder = await claimOutputFolder(options.outDir ?? join('troupe-runs', runId));
    try {
      const { request, controller, catalog } = options;
      const decision = { ...(options.signal ? { signal: options.signal } : {}), ...(options.onEvent ? { onEvent: options.onEvent } : {}), ...(options.history ? { history: options.history } : {}) };
      const { files, outcome } = await planRequest(request, options.inputs, controller, catalog, decision);
      const record: RunRecord = {
        runId,
        request,
        controller: controller.name,
        planner: outcome.planner,
        ...(outcome.fallback ? { plannerFallback: outcome.fallback } : {}),
        inputs: [...files].map(([path, f]) => ({ path, absolutePath: f.absolutePath, modality: f.modality, mime: f.mime })),
        plan: outcome.plan,
        clauses: outcome.clauses,
        notes: [...catalog.notes, ...outcome.notes],
        repairs: outcome.repairs,
        tasks: outcome.plan.tasks.map((t) => waitingTask(t.id, t.task)),
        answer: '',
        outDir: folder.path,
        status: 'running',
        startedAt: new Date().toISOString(),
        endedAt: null,
      };
      store.begin(record);
      const ready: RunEvent = { type: 'plan-ready', plan: outcome.plan, controller: controller.name };
      options.onEvent?.(ready, store.appendEvent(runId, ready));
      return await executeRecord(record, files, store, options);
    } finally {
      await folder.release();
    }
  });
}

/**
 * Finishes a run that was interrupted (its process killed) or failed: the tasks that
 * succeeded, whose files are still on disk, are kept; the rest run again with the same plan.
 */
export async function resumeRun(runId: string, options: Omit<RunOptions, 'request' | 'inputs' | 'outDir'>): Promise<RunRecord> {
  return withStore(options.store, async (store) => {
    await reapOrphans(store);
    const stored = store.load(runId);
    if (!stored) throw new TroupeError(ErrorCode.InputNotFound, `no run ${runId} in the run store ${store.path}`, { hint: 'troupe runs lists the runs it holds' });
    const { pid, storedStatus, ...record } = stored;
    if (storedStatus === 'running' && pid !== null && pid !== process.pid && isAlive(pid)) {
      throw new TroupeError(ErrorCode.BadUsage, `run ${runId} is still running (process ${pid})`, { hint: 'wait for it, or stop it first' });
    }
    if (storedStatus === 'succeeded') throw new TroupeError(ErrorCode.BadUsage, `run ${runId} has already succeeded; there is nothing to resume`, { hint: `its record: troupe runs show ${runId}` });
    const folder = await claimOutputFolder(record.outDir, { resume: true });
    try {
      // Read again (and checked again) where they were found; the plan names them as the user gave them.
      const where = (i: RunRecord['inputs'][number]) => i.absolutePath ?? i.path;
      const files = await loadInputs(record.inputs.map(where));
      const byGivenPath = new Map(record.inputs.map((i) => [i.path, files.get(where(i))!]));
      const done = new Map<string, TaskRecord>();
      for (const task of record.tasks) {
        if (task.status === 'succeeded' && (await outputsOnDisk(task))) done.set(task.id, task);
      }
      record.tasks = record.plan.tasks.map((t) => done.get(t.id) ?? waitingTask(t.id, t.task));
      record.status = 'running';
      record.endedAt = null;
      record.notes.push(`resumed at ${new Date().toISOString()}: ${done.size} of ${record.plan.tasks.length} tasks kept from the earlier attempt`);
      store.reopen(runId);
      const resumed: RunEvent = { type: 'run-resumed', kept: [...done.keys()] };
      options.onEvent?.(resumed, store.appendEvent(runId, resumed));
      return await executeRecord(record, byGivenPath, store, { ...options, request: record.request, inputs: [] }, done);
    } finally {
      await folder.release();
    }
  });
}

async function outputsOnDisk(task: TaskRecord): Promise<boolean> {
  for (const output of task.outputs) {
    if (output.path && !(await stat(output.path).then((s) => s.isFile() && s.size > 0, () => false))) return false;
  }
  return true;
}

function waitingTask(id: string, task: string): TaskRecord {
  return { id, task, expert: null, status: 'waiting', startedAt: null, endedAt: null, outputs: [], attempts: [] };
}

async function withStore<T>(given: RunStore | undefined, use: (store: RunStore) => Promise<T>): Promise<T> {
  const store = given ?? new RunStore();
  try {
    return await use(store);
  } finally {
    if (!given) store.close();
  }
}

/** select → execute → respond for a recorded run, each change written to the store as it happens. */
async function executeRecord(record: RunRecord, files: ReadonlyMap<string, InputFile>, store: RunStore, options: RunOptions, done?: ReadonlyMap<string, TaskRecord>): Promise<RunRecord> {
  const { controller, catalog } = options;
  const runId = record.runId;
  const exported = exportRunJson(record);
  await exported.now();
  const onEvent = (event: RunEvent) => options.onEvent?.(event, store.appendEvent(runId, event));
  const decision = { ...(options.signal ? { signal: options.signal } : {}), onEvent };

  // select: rank the runnable experts for each task; the controller picks; the rest are fallbacks.
  const candidates = new Map<string, Expert[]>();
  for (const task of record.plan.tasks) {
    if (done?.has(task.id)) continue;
    const clause = record.clauses?.[task.id] ?? record.request;
    const { ranked, unavailable, documented } = await rankCandidates(task.task, clause, catalog);
    if (ranked.length > 1) {
      const choice = await controller.choose(task, clause, ranked.map((e) => e.entry), decision);
      const [chosen] = ranked.splice(Math.max(0, Math.min(choice.index, ranked.length - 1)), 1);
      ranked.unshift(chosen!);
      if (choice.reason) record.notes.push(`${task.id}: chose ${chosen!.entry.id} (${choice.reason})`);
    }
    for (const u of unavailable) record.notes.push(`${task.id}: ${u.expert.entry.id} cannot run here: ${u.availability.reason ?? 'unavailable'}`);
    if (documented.length) {
      record.notes.push(`${task.id}: the catalog also documents ${documented.map((d) => d.id).join(', ')} (${[...new Set(documented.map((d) => d.provider))].join(', ')}; no runner configured here)`);
    }
    candidates.set(task.id, options.dispatch ? ranked.map(options.dispatch) : ranked);
  }

  record.tasks = await executePlan(record.plan, {
    catalog,
    candidates,
    files,
    outDir: record.outDir,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.approve ? { approve: options.approve } : {}),
    ...(done ? { done } : {}),
    onEvent,
    onRecord: (task, position) => {
      record.tasks[position] = task;
      store.saveTask(runId, position, task);
      exported.soon();
    },
    processScope: { onChild: (pid, program) => store.addChild(runId, pid, program), onChildExit: (pid) => store.dropChild(runId, pid) },
    onScratch: (path, exists) => (exists ? store.addScratch(runId, path) : store.dropScratch(runId, path)),
  });

  const statuses = record.tasks.map((t) => t.status);
  record.status = statuses.every((s) => s === 'succeeded') ? 'succeeded' : statuses.includes('cancelled') ? 'cancelled' : 'failed';
  try {
    record.answer = await controller.respond(record, decision);
  } catch (error) {
    record.notes.push(`the controller could not compose the answer (${(error as Error).message}); the built-in answer is used`);
    record.answer = composeAnswer(record);
  }
  record.endedAt = new Date().toISOString();
  store.finish(record);
  await exported.now();
  onEvent({ type: 'run-finished', status: record.status === 'succeeded' ? 'succeeded' : record.status === 'cancelled' ? 'cancelled' : 'failed' });
  return record;
}

/** How often run.json is rewritten while a run goes on; the store has every change at once. */
const EXPORT_EVERY_MS = 1_000;

/**
 * run.json, the exported view of the store's record: written atomically, one write at a
 * time, and at most once a second while tasks change, so that a plan of many tasks does not
 * rewrite the whole record at every event.
 */
function exportRunJson(record: RunRecord): { now: () => Promise<void>; soon: () => void } {
  const path = join(record.outDir, 'run.json');
  let chain = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const write = () => {
    chain = chain.then(async () => {
      const tmp = `${path}.tmp`;
      await writeFileNoFollow(tmp, JSON.stringify(record, null, 2) + '\n');
      await rename(tmp, path);
    });
    return chain;
  };
  return {
    now: () => {
      clearTimeout(timer);
      timer = undefined;
      return write();
    },
    soon: () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        void write();
      }, EXPORT_EVERY_MS);
    },
  };
}
