import type { Plan } from '../core/plan.js';
import type { TaskRecord } from '../execute/task-record.js';

/** run.json: the full account of a run. `--json` prints this object. */
export interface RunRecord {
  runId: string;
  request: string;
  controller: string;
  planner?: string;
  plannerFallback?: string;
  inputs: Array<{ path: string; modality: string; mime: string }>;
  plan: Plan;
  notes: string[];
  repairs: string[];
  tasks: TaskRecord[];
  answer: string;
  outDir: string;
  status: 'running' | 'succeeded' | 'failed' | 'cancelled';
  startedAt: string;
  endedAt: string | null;
}
