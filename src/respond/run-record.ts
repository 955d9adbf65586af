import type { Plan } from '../core/plan.js';
import type { TaskRecord } from '../execute/task-record.js';

/** run.json: the full account of a run. `--json` prints this object. */
export interface RunRecord {
  runId: string;
  request: string;
  controller: string;
  planner?: string;
  plannerFallback?: string;
  /** Each input as given, and where it was found (what `troupe resume` reads it from again). */
  inputs: Array<{ path: string; absolutePath?: string; modality: string; mime: string }>;
  plan: Plan;
  /** The words of the request each task was planned from (what selection ranks experts by). */
  clauses?: Record<string, string>;
  notes: string[];
  repairs: string[];
  tasks: TaskRecord[];
  answer: string;
  outDir: string;
  status: 'running' | 'succeeded' | 'failed' | 'cancelled';
  startedAt: string;
  endedAt: string | null;
}
