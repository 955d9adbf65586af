import type { RunArtifact, RunResponse, ThreadRun } from './api.js';
import type { StreamEvent } from './run-events.js';

export type TaskStatus = 'waiting' | 'running' | 'retrying' | 'succeeded' | 'failed' | 'skipped' | 'cancelled';

export interface TaskView {
  id: string;
  task: string;
  deps: string[];
  args: Record<string, unknown>;
  expert: string | null;
  status: TaskStatus;
  startedAt?: string;
  endedAt?: string;
  note?: string;
  error?: { code: string; message: string; hint?: string };
  attempts: Array<{ expert: string; error?: { code: string; message: string } }>;
  /** Text and JSON results inline; files by URL (known once the record has them). */
  outputs: Array<{ kind: string; mime: string; value?: unknown; words?: string; url?: string; name?: string }>;
}

export interface RunView {
  runId: string;
  request: string;
  status: string;
  controller?: string;
  tasks: TaskView[];
  inputs: Array<{ name: string; modality: string }>;
  answer?: string;
  /** Steps waiting for a person to allow them. */
  approvals: Array<{ taskId: string; expert: string; action: string }>;
  /** What the controller is doing while no task moves (an LLM call). */
  waiting?: string;
  notes: string[];
  error?: { code: string; message: string; hint?: string };
}

const ENDED = new Set(['succeeded', 'failed', 'cancelled', 'interrupted']);
export const isRunning = (view: RunView) => !ENDED.has(view.status) && !view.error;

/** Where a run of a thread stands before anything about it is read. */
export function pendingView(run: ThreadRun): RunView {
  return { runId: run.runId, request: run.request, status: run.status, tasks: [], inputs: [], approvals: [], notes: [], ...(run.error ? { error: run.error } : {}) };
}

const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/^\d+-\d+-/, '');

/** The run as its record tells it (GET …/runs/{runId}): tasks, their files' URLs, the answer. */
export function viewFromRecord(record: RunResponse, before: RunView): RunView {
  if (!record.plan || !record.tasks) return { ...before, status: record.status, ...(record.error ? { error: record.error } : {}) };
  const urls = new Map<string, RunArtifact[]>();
  for (const a of record.artifacts ?? []) urls.set(a.taskId, [...(urls.get(a.taskId) ?? []), a]);
  const planned = new Map(record.plan.tasks.map((t) => [t.id, t]));
  return {
    ...before,
    status: record.status,
    ...(record.controller ? { controller: record.controller } : {}),
    inputs: (record.inputs ?? []).map((i) => ({ name: fileName(i.path), modality: i.modality })),
    ...(record.status !== 'running' ? { answer: record.answer } : {}),
    notes: record.notes ?? [],
    approvals: record.status === 'running' ? before.approvals : [],
    tasks: record.tasks.map((t) => {
      const files = [...(urls.get(t.id) ?? [])];
      return {
        id: t.id,
        task: t.task,
        deps: planned.get(t.id)?.deps ?? [],
        args: planned.get(t.id)?.args ?? {},
        expert: t.expert,
        status: t.status,
        ...(t.startedAt ? { startedAt: t.startedAt } : {}),
        ...(t.endedAt ? { endedAt: t.endedAt } : {}),
        ...(t.note ? { note: t.note } : {}),
        ...(t.error ? { error: t.error } : {}),
        attempts: t.attempts,
        outputs: t.outputs.map((o) => {
          // Outputs with files come back in the same order as the record lists them.
          const url = o.path ? files.shift()?.url : undefined;
          return { kind: o.kind, mime: o.mime, ...(o.value !== undefined ? { value: o.value } : {}), ...(o.words ? { words: o.words } : {}), ...(url && o.path ? { url, name: fileName(o.path) } : {}) };
        }),
      };
    }),
  };
}

/** One event of the run's stream applied to the view (a stream replayed from the start rebuilds it). */
export function applyEvent(view: RunView, event: StreamEvent): RunView {
  const task = (taskId: string, change: Partial<TaskView>): RunView => ({ ...view, tasks: view.tasks.map((t) => (t.id === taskId ? { ...t, ...change } : t)) });
  const now = new Date().toISOString();
  switch (event.type) {
    case 'plan-ready':
      return {
        ...view,
        status: 'running',
        controller: event.controller,
        tasks: event.plan.tasks.map((t) => ({ id: t.id, task: t.task, deps: t.deps, args: t.args, expert: null, status: 'waiting', attempts: [], outputs: [] })),
      };
    case 'controller-waiting':
      return { ...view, waiting: `${event.controller} is working on the ${event.stage === 'plan' ? 'plan' : event.stage === 'choose' ? 'choice of experts' : 'answer'}…` };
    case 'controller-done': {
      const { waiting: _done, ...rest } = view;
      return rest;
    }
    case 'planner-fallback':
      return { ...view, notes: [...view.notes, `the built-in planner planned instead: ${event.reason}`] };
    case 'approval-needed':
      return { ...view, approvals: [...view.approvals.filter((a) => a.taskId !== event.taskId), { taskId: event.taskId, expert: event.expert, action: event.action }] };
    case 'approval-given':
      return { ...view, approvals: view.approvals.filter((a) => a.taskId !== event.taskId) };
    case 'task-started':
      return task(event.taskId, { status: 'running', expert: event.expert, startedAt: now });
    case 'task-retrying':
      return task(event.taskId, { status: 'retrying', expert: event.expert });
    case 'task-fallback':
      return task(event.taskId, { status: 'running', expert: event.to });
    case 'artifact-written': {
      const a = event.artifact;
      const t = view.tasks.find((x) => x.id === event.taskId);
      return t ? task(event.taskId, { outputs: [...t.outputs, { kind: a.kind, mime: a.mime, ...(a.value !== undefined ? { value: a.value } : {}), ...(a.words ? { words: a.words } : {}) }] }) : view;
    }
    case 'task-succeeded':
      return task(event.taskId, { status: 'succeeded', expert: event.expert, endedAt: now, ...(event.note ? { note: event.note } : {}) });
    case 'task-failed':
      return task(event.taskId, { status: 'failed', error: event.error, endedAt: now });
    case 'task-skipped':
      return task(event.taskId, { status: 'skipped', note: event.reason });
    case 'task-cancelled':
      return task(event.taskId, { status: 'cancelled' });
    case 'run-finished':
      return { ...view, status: event.status, approvals: [] };
    case 'run-error':
      return { ...view, status: 'failed', error: event.error };
    default:
      return view;
  }
}
