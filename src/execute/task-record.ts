import { ErrorCode, HttpError, TroupeError } from '../core/errors.js';
import type { Artifact } from '../core/artifact.js';

export type TaskStatus = 'succeeded' | 'failed' | 'skipped' | 'cancelled';

export interface TaskError {
  code: string;
  message: string;
  hint?: string;
  /** For an endpoint that answered with an error: its HTTP status and the endpoint. */
  http?: { status: number; endpoint: string };
}

export interface TaskRecord {
  id: string;
  task: string;
  /** The expert that produced the outputs (or the last one tried). */
  expert: string | null;
  status: TaskStatus | 'waiting' | 'running';
  startedAt: string | null;
  endedAt: string | null;
  outputs: Artifact[];
  note?: string;
  error?: TaskError;
  /** Every expert tried, in order, with what went wrong. */
  attempts: Array<{ expert: string; error?: TaskError }>;
}

export function toTaskError(error: unknown): TaskError {
  if (error instanceof TroupeError) {
    return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}), ...(error instanceof HttpError ? { http: { status: error.status, endpoint: error.endpoint } } : {}) };
  }
  // An expert that throws something unexpected has crashed; say so rather than pass a bare stack.
  const message = error instanceof Error ? error.message : String(error);
  return { code: ErrorCode.ExpertCrashed, message };
}
