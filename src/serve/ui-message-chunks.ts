import type { UIMessageChunk } from 'ai';
import type { RunEvent } from '../execute/events.js';

/** A task as the `data-task` part carries it; re-sent under the task's id whenever its status changes. */
export interface TaskPart {
  id: string;
  task: string;
  expert: string | null;
  status: 'waiting' | 'running' | 'retrying' | 'succeeded' | 'failed' | 'skipped' | 'cancelled';
  deps: string[];
  note?: string;
  error?: { code: string; message: string; hint?: string };
}

/**
 * An approval's id names the run, the step and where in the run's events it was asked, so the
 * request that answers it can carry on from exactly there.
 */
export const approvalId = (runId: string, taskId: string, seq: number) => `${runId}~${taskId}~${seq}`;
export function readApprovalId(id: string): { runId: string; taskId: string; seq: number } | undefined {
  const m = /^([\w-]+)~([\w.-]+)~(\d+)$/.exec(id);
  return m ? { runId: m[1]!, taskId: m[2]!, seq: Number(m[3]) } : undefined;
}

/**
 * A run's events as chunks of the AI SDK's UI message stream: the plan as a `data-plan` part,
 * each task as a `data-task` part re-sent (same id, so a client replaces it) as its status
 * changes, and a state-changing step as a dynamic tool call that asks for approval. Stateful:
 * one per stream.
 */
export function runChunks(runId: string): (event: RunEvent, seq: number | undefined) => UIMessageChunk[] {
  const tasks = new Map<string, TaskPart>();
  const update = (taskId: string, change: Partial<TaskPart>): UIMessageChunk[] => {
    const part = { ...(tasks.get(taskId) ?? { id: taskId, task: '', expert: null, status: 'waiting' as const, deps: [] }), ...change };
    tasks.set(taskId, part);
    return [{ type: 'data-task', id: taskId, data: part }];
  };
  return (event, seq) => {
    switch (event.type) {
      case 'plan-ready':
        return [
          { type: 'data-plan', id: 'plan', data: { runId, controller: event.controller, plan: event.plan } },
          ...event.plan.tasks.flatMap((t) => update(t.id, { task: t.task, deps: t.deps })),
        ];
      case 'task-started':
        return update(event.taskId, { status: 'running', expert: event.expert });
      case 'task-retrying':
        return update(event.taskId, { status: 'retrying', expert: event.expert });
      case 'task-fallback':
        return update(event.taskId, { status: 'running', expert: event.to });
      case 'task-succeeded':
        return update(event.taskId, { status: 'succeeded', expert: event.expert, ...(event.note ? { note: event.note } : {}) });
      case 'task-failed':
        return update(event.taskId, { status: 'failed', error: event.error });
      case 'task-skipped':
        return update(event.taskId, { status: 'skipped', note: event.reason });
      case 'task-cancelled':
        return update(event.taskId, { status: 'cancelled' });
      case 'approval-needed': {
        const id = approvalId(runId, event.taskId, seq ?? 0);
        return [
          { type: 'tool-input-available', toolCallId: id, toolName: 'approve-step', dynamic: true, title: `allow ${event.expert} to ${event.action}?`, input: { taskId: event.taskId, expert: event.expert, action: event.action } },
          { type: 'tool-approval-request', approvalId: id, toolCallId: id },
        ];
      }
      // The answer is sent by the request that gave it (it knows the call's id): see the chat route.
      default:
        return [];
    }
  };
}
