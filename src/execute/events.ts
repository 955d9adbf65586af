import type { Plan } from '../core/plan.js';
import type { Artifact } from '../core/artifact.js';
import type { TaskError, TaskStatus } from './task-record.js';

/** Everything a run reports as it goes; the CLI's progress is one consumer. */
export type RunEvent =
  | { type: 'plan-ready'; plan: Plan; controller: string }
  /** The controller is waiting on its model (an LLM call): for a live line while nothing else moves. */
  | { type: 'controller-waiting'; stage: 'plan' | 'choose' | 'answer'; controller: string }
  | { type: 'controller-done'; stage: 'plan' | 'choose' | 'answer' }
  /** The LLM did not plan (unreachable, invalid plans): the built-in planner did, and this says why. */
  | { type: 'planner-fallback'; reason: string }
  /** A state-changing step waits for a person to allow or deny it (a server's approvals route). */
  | { type: 'approval-needed'; taskId: string; expert: string; action: string }
  | { type: 'approval-given'; taskId: string; allowed: boolean }
  /** `troupe resume` took the run up again; `kept` are the tasks that succeeded before and do not run again. */
  | { type: 'run-resumed'; kept: string[] }
  | { type: 'task-started'; taskId: string; expert: string; attempt: number }
  | { type: 'task-retrying'; taskId: string; expert: string; attempt: number; error: TaskError }
  | { type: 'task-fallback'; taskId: string; from: string; to: string; error: TaskError }
  | { type: 'artifact-written'; taskId: string; artifact: Artifact }
  | { type: 'task-succeeded'; taskId: string; expert: string; note?: string }
  | { type: 'task-failed'; taskId: string; error: TaskError }
  | { type: 'task-skipped'; taskId: string; reason: string }
  | { type: 'task-cancelled'; taskId: string }
  | { type: 'run-finished'; status: TaskStatus };

/** `seq` is the event's place in the run store, when it was stored there (what a stream's event id is). */
export type RunEventListener = (event: RunEvent, seq?: number) => void;
