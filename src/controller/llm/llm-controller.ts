import { generateText, NoObjectGeneratedError, Output, type ModelMessage } from 'ai';
import { z } from 'zod';
import type { ExpertEntry } from '../../core/expert.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { BuiltinController } from '../builtin-controller.js';
import type { Choice, Controller, DecisionOptions, PlanInput, PlanOutcome } from '../controller.js';
import { composeAnswer } from '../../respond/compose-answer.js';
import { fromHuggingGpt, HuggingGptPlanSchema } from '../../plan/formats/hugginggpt.js';
import type { PlanTask } from '../../core/plan.js';
import { validatePlan } from '../../plan/validate-plan.js';
import type { RunRecord } from '../../respond/run-record.js';
import { extractJson } from './extract-json.js';
import type { LlmSpec } from './llm-spec.js';
import type { PlanMemory } from '../../memory/plan-memory.js';
import { choosePrompt, PLAN_SYSTEM, planPrompt, relevantTaskTypes, respondPrompt } from './prompts.js';

const PlanReplySchema = z.object({ tasks: HuggingGptPlanSchema });
const ChoiceReplySchema = z.object({ id: z.string(), reason: z.string().optional() });

export interface LlmControllerOptions {
  /** Per LLM call; default 60 s (TROUPE_LLM_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Further tries after an invalid plan, each told what was wrong. */
  planRetries?: number;
  /** HTTP-level retries inside the AI SDK (5xx, network). */
  maxRetries?: number;
  /** Confirmed plans of similar requests become few-shot examples in the planning prompt. */
  memory?: PlanMemory;
}

/** A confirmed plan is shown as an example only if its request is at least this similar. */
const EXAMPLE_MIN_SIMILARITY = 0.2;

/**
 * HuggingGPT's controller on any AI SDK model: plans with only the retrieved task types
 * in the prompt, validates (and repairs) the plan, tells the model what was wrong when it
 * is invalid, and hands over to the built-in planner when the model is unreachable or
 * keeps failing — the run record says which happened.
 */
export class LlmController implements Controller {
  readonly name: string;
  private readonly builtin = new BuiltinController();
  private readonly timeoutMs: number;
  private readonly planRetries: number;
  private readonly maxRetries: number;
  private readonly memory: PlanMemory | undefined;

  constructor(private readonly llm: LlmSpec, options: LlmControllerOptions = {}) {
    this.name = `llm:${llm.label}`;
    this.timeoutMs = options.timeoutMs ?? (Number(process.env.TROUPE_LLM_TIMEOUT_MS) || 60_000);
    this.planRetries = options.planRetries ?? 2;
    this.maxRetries = options.maxRetries ?? 1;
    this.memory = options.memory;
  }

  async plan(input: PlanInput): Promise<PlanOutcome> {
    const types = relevantTaskTypes(input.request, input.catalog);
    const examples = (this.memory?.similar(input.request, 2) ?? []).filter((e) => e.similarity >= EXAMPLE_MIN_SIMILARITY && e.plan.tasks.every((t) => input.catalog.taskType(t.task)));
    const messages: ModelMessage[] = [{ role: 'user', content: planPrompt(input.request, types, input.files, examples, input.history) }];
    let lastProblem = '';
    for (let attempt = 0; attempt <= this.planRetries; attempt++) {
      let text: string;
      let parsed: unknown;
      try {
        ({ text, parsed } = await this.generate(messages, PlanReplySchema, 'plan', input, PLAN_SYSTEM));
      } catch (error) {
        if (TroupeError.is(error, ErrorCode.Cancelled)) throw error;
        return this.handOver(input, `the LLM could not be reached (${describe(error)})`);
      }
      try {
        const reply = PlanReplySchema.parse(Array.isArray(parsed) ? { tasks: parsed } : parsed);
        if (reply.tasks.length === 0) {
          throw new TroupeError(ErrorCode.NoPlan, `the LLM found no task type for this request`, { hint: 'rephrase the request, or run `npx troupe doctor` to see what is available' });
        }
        const draft = fromHuggingGpt(reply.tasks, [...input.files.keys()]);
        const { plan, repairs } = validatePlan(draft, input.catalog, input.files);
        return { plan, clauses: {}, notes: attempt ? [`the LLM's plan was valid on attempt ${attempt + 1}`] : [], repairs, planner: this.name };
      } catch (error) {
        if (TroupeError.is(error, ErrorCode.NoPlan)) throw error;
        lastProblem = error instanceof z.ZodError ? `the reply does not match the format: ${z.prettifyError(error)}` : describe(error);
        messages.push({ role: 'assistant', content: text || '(empty)' });
        messages.push({ role: 'user', content: `That plan is invalid: ${lastProblem}\nReply again with the corrected JSON only.` });
      }
    }
    return this.handOver(input, `the LLM's plan was invalid ${this.planRetries + 1} times (last: ${lastProblem})`);
  }

  async choose(task: PlanTask, clause: string, candidates: ExpertEntry[], options: DecisionOptions = {}): Promise<Choice> {
    if (candidates.length <= 1) return { index: 0 };
    try {
      const { parsed } = await this.generate([{ role: 'user', content: choosePrompt(task.task, clause, candidates) }], ChoiceReplySchema, 'choose', options);
      const reply = ChoiceReplySchema.parse(parsed);
      const index = candidates.findIndex((c) => c.id === reply.id);
      // Only an expert of the catalog can be chosen; an unknown name falls back to the ranking.
      if (index < 0) return { index: 0, reason: `the LLM named "${reply.id}", which is not a candidate; took the top-ranked one` };
      return { index, reason: reply.reason ?? 'chosen by the LLM' };
    } catch (error) {
      if (TroupeError.is(error, ErrorCode.Cancelled)) throw error;
      return { index: 0, reason: `the LLM could not choose (${describe(error)}); took the top-ranked one` };
    }
  }

  /** The model's answer, then the built-in per-step account with its files, so neither hides the other. */
  async respond(record: RunRecord, options: DecisionOptions = {}): Promise<string> {
    const text = await this.call('answer', options, (abortSignal) =>
      generateText({ model: this.llm.model, prompt: respondPrompt(record), maxRetries: this.maxRetries, timeout: this.timeoutMs, ...(abortSignal ? { abortSignal } : {}) }).then((r) => r.text),
    );
    if (!text.trim()) throw new Error('the LLM returned an empty answer');
    return `${text.trim()}\n\n${composeAnswer(record)}`;
  }

  /**
   * One model call, said to the listener while it lasts, and cut short at once when the
   * caller aborts (the AI SDK passes the signal to fetch) — as a cancellation, not a failure.
   */
  private async call<T>(stage: 'plan' | 'choose' | 'answer', options: DecisionOptions, make: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    if (options.signal?.aborted) throw new TroupeError(ErrorCode.Cancelled, 'cancelled');
    options.onEvent?.({ type: 'controller-waiting', stage, controller: this.name });
    try {
      return await make(options.signal);
    } catch (error) {
      if (options.signal?.aborted) throw new TroupeError(ErrorCode.Cancelled, `cancelled while waiting for ${this.name}`);
      throw error;
    } finally {
      options.onEvent?.({ type: 'controller-done', stage });
    }
  }

  /** One structured call; a reply that is not clean JSON is salvaged from the raw text. */
  private async generate(messages: ModelMessage[], schema: z.ZodType, stage: 'plan' | 'choose', options: DecisionOptions, system?: string): Promise<{ text: string; parsed: unknown }> {
    try {
      const result = await this.call(stage, options, (abortSignal) =>
        generateText({
          model: this.llm.model,
          ...(system ? { system } : {}),
          messages,
          output: Output.object({ schema }),
          maxRetries: this.maxRetries,
          timeout: this.timeoutMs,
          ...(abortSignal ? { abortSignal } : {}),
        }),
      );
      return { text: result.text, parsed: result.output };
    } catch (error) {
      if (NoObjectGeneratedError.isInstance(error) && error.text !== undefined) {
        return { text: error.text, parsed: extractJson(error.text) };
      }
      throw error;
    }
  }

  private async handOver(input: PlanInput, why: string): Promise<PlanOutcome> {
    input.onEvent?.({ type: 'planner-fallback', reason: `${why}; the built-in planner made the plan` });
    const outcome = await this.builtin.plan(input);
    return { ...outcome, planner: 'builtin', fallback: `${why}; the built-in planner made the plan`, notes: [...outcome.notes, `${why}; the built-in planner made the plan`] };
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { lastError?: unknown }).lastError ?? error.cause;
    const inner = cause instanceof Error && cause.message !== error.message ? `: ${cause.message}` : '';
    return `${error.message}${inner}`.replace(/\s+/g, ' ').slice(0, 300);
  }
  return String(error);
}
