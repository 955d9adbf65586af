import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import type { Expert } from '../core/expert.js';
import type { Controller, PlanOutcome } from '../controller/controller.js';
import type { RunEventListener } from '../execute/events.js';
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

export async function planRequest(request: string, inputPaths: readonly string[], controller: Controller, catalog: Catalog): Promise<{ files: Map<string, InputFile>; outcome: PlanOutcome }> {
  checkRequest(request);
  const files = await loadInputs(inputPaths);
  const outcome = await controller.plan({ request, catalog, files });
  return { files, outcome };
}

/** request → plan → select → execute → respond, with run.json kept current on disk throughout. */
export async function runRequest(options: RunOptions): Promise<RunRecord> {
  checkRequest(options.request);
  const runId = newRunId();
  // The folder first: an unusable --out is said before any planning work, not after it.
  const folder = await claimOutputFolder(options.outDir ?? join('troupe-runs', runId));
  try {
    return await runInFolder(options, runId, folder.path);
  } finally {
    await folder.release();
  }
}

async function runInFolder(options: RunOptions, runId: string, outDir: string): Promise<RunRecord> {
  const { request, controller, catalog } = options;
  const { files, outcome } = await planRequest(request, options.inputs, controller, catalog);

  const record: RunRecord = {
    runId,
    request,
    controller: controller.name,
    planner: outcome.planner,
    ...(outcome.fallback ? { plannerFallback: outcome.fallback } : {}),
    inputs: [...files].map(([path, f]) => ({ path, modality: f.modality, mime: f.mime })),
    plan: outcome.plan,
    notes: [...catalog.notes, ...outcome.notes],
    repairs: outcome.repairs,
    tasks: [],
    answer: '',
    outDir,
    status: 'running',
    startedAt: new Date().toISOString(),
    endedAt: null,
  };
  const save = persist(join(outDir, 'run.json'), record);
  await save();
  options.onEvent?.({ type: 'plan-ready', plan: outcome.plan, controller: controller.name });

  // select: rank the runnable experts for each task; the controller picks; the rest are fallbacks.
  const candidates = new Map<string, Expert[]>();
  for (const task of outcome.plan.tasks) {
    const clause = outcome.clauses[task.id] ?? request;
    const { ranked, unavailable, documented } = await rankCandidates(task.task, clause, catalog);
    if (ranked.length > 1) {
      const choice = await controller.choose(task, clause, ranked.map((e) => e.entry));
      const [chosen] = ranked.splice(Math.max(0, Math.min(choice.index, ranked.length - 1)), 1);
      ranked.unshift(chosen!);
      if (choice.reason) record.notes.push(`${task.id}: chose ${chosen!.entry.id} (${choice.reason})`);
    }
    for (const u of unavailable) record.notes.push(`${task.id}: ${u.expert.entry.id} cannot run here: ${u.availability.reason ?? 'unavailable'}`);
    if (documented.length) {
      record.notes.push(`${task.id}: the catalog also documents ${documented.map((d) => d.id).join(', ')} (${[...new Set(documented.map((d) => d.provider))].join(', ')}; no runner configured here)`);
    }
    candidates.set(task.id, ranked);
  }

  record.tasks = await executePlan(outcome.plan, {
    catalog,
    candidates,
    files,
    outDir,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.approve ? { approve: options.approve } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    onRecord: (tasks) => {
      record.tasks = tasks;
      void save();
    },
  });

  const statuses = record.tasks.map((t) => t.status);
  record.status = statuses.every((s) => s === 'succeeded') ? 'succeeded' : statuses.includes('cancelled') ? 'cancelled' : 'failed';
  try {
    record.answer = await controller.respond(record);
  } catch (error) {
    record.notes.push(`the controller could not compose the answer (${(error as Error).message}); the built-in answer is used`);
    record.answer = composeAnswer(record);
  }
  record.endedAt = new Date().toISOString();
  await save();
  options.onEvent?.({ type: 'run-finished', status: record.status === 'succeeded' ? 'succeeded' : record.status === 'cancelled' ? 'cancelled' : 'failed' });
  return record;
}

/** Writes run.json atomically, one write at a time, always the latest state. */
function persist(path: string, record: RunRecord): () => Promise<void> {
  let chain = Promise.resolve();
  return () => {
    chain = chain.then(async () => {
      const tmp = `${path}.tmp`;
      await writeFileNoFollow(tmp, JSON.stringify(record, null, 2) + '\n');
      await rename(tmp, path);
    });
    return chain;
  };
}
