import type { Catalog } from '../catalog/catalog.js';
import type { ExpertEntry } from '../core/expert.js';
import type { SniffedFile } from '../core/modality.js';
import type { Plan, PlanTask } from '../core/plan.js';
import type { RunRecord } from '../respond/run-record.js';
import type { RunEventListener } from '../execute/events.js';

/** What a caller may pass to every decision: cancellation, and a listener for progress. */
export interface DecisionOptions {
  /** Aborts a model call at once (Ctrl-C), instead of waiting out its timeout. */
  signal?: AbortSignal;
  onEvent?: RunEventListener;
}

/** One earlier turn of a conversation: what was asked, what was answered, which files came of it. */
export interface Turn {
  request: string;
  answer: string;
  files: string[];
}

export interface PlanInput extends DecisionOptions {
  request: string;
  /** The conversation so far, oldest first (a server's thread): an LLM reads it as HuggingGPT reads its chat log. */
  history?: readonly Turn[];
  catalog: Catalog;
  /** The user's files by the path they gave. */
  files: ReadonlyMap<string, SniffedFile>;
}

export interface PlanOutcome {
  plan: Plan;
  /** Per task id, the words of the request it serves. */
  clauses: Record<string, string>;
  notes: string[];
  repairs: string[];
  /** Who made the plan: "builtin", or the LLM spec; with why the built-in planner took over. */
  planner: string;
  fallback?: string;
}

export interface Choice {
  index: number;
  reason?: string;
}

/** The three decisions of HuggingGPT's controller; the built-in and LLM controllers both implement them. */
export interface Controller {
  readonly name: string;
  plan(input: PlanInput): Promise<PlanOutcome>;
  choose(task: PlanTask, clause: string, candidates: ExpertEntry[], options?: DecisionOptions): Promise<Choice>;
  respond(record: RunRecord, options?: DecisionOptions): Promise<string>;
}
