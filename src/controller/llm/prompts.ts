import type { Catalog } from '../../catalog/catalog.js';
import type { ExpertEntry } from '../../core/expert.js';
import type { SniffedFile } from '../../core/modality.js';
import type { TaskType } from '../../core/task-type.js';
import { artifactText } from '../../core/artifact.js';
import { Bm25fIndex } from '../../retrieval/bm25f.js';
import type { Turn } from '../controller.js';
import type { RunRecord } from '../../respond/run-record.js';
import { toHuggingGpt } from '../../plan/formats/hugginggpt.js';
import type { Plan } from '../../core/plan.js';

/** How many task types a planning prompt may show: retrieval picks them, never the whole catalog. */
export const PROMPT_TASK_TYPES = 8;

export function relevantTaskTypes(request: string, catalog: Catalog, limit = PROMPT_TASK_TYPES): TaskType[] {
  const types = [...catalog.taskTypes.values()];
  if (types.length <= limit) return types;
  const index = new Bm25fIndex(types.map((t) => ({ id: t.id, fields: { name: t.name, description: `${t.description} ${t.examples.join(' ')}` } })), { name: 2, description: 1 });
  return index.search(request, limit).map((s) => catalog.taskType(s.id)!);
}

export const PLAN_SYSTEM = `You are the planner of Troupe, an AI system that answers a user's request by running expert models.
Parse the request into a list of tasks. Reply with JSON only, in this form:
{"tasks": [{"task": "<task type>", "id": <integer from 0>, "dep": [<ids of the tasks whose output it uses>, or -1 for none], "args": {...}}]}
Rules:
- "task" must be one of the task types listed; never invent one.
- "args" holds each input by its name: the user's file name, literal text, or "<GENERATED>-k" for the output of task k. Parameters (e.g. target_language) go in "args" too.
- An input's kind must match: an image input takes an image file or the output of a task that produces an image, and so on.
- A task may only use the output of an earlier task; no cycles.
- Use as few tasks as the request needs. If nothing fits, reply {"tasks": []}.`;

export function planPrompt(request: string, types: TaskType[], files: ReadonlyMap<string, SniffedFile>, examples: ReadonlyArray<{ request: string; plan: Plan }> = [], history: readonly Turn[] = []): string {
  const docs = types.map((t) => ({
    task: t.id,
    description: t.description,
    inputs: Object.fromEntries(t.inputs.map((i) => [i.name, i.modality])),
    output: t.output.modality,
    parameters: t.params,
  }));
  const fileList = files.size ? [...files].map(([p, f]) => `${p} (${f.modality})`).join(', ') : 'none';
  // Plans users confirmed for similar requests (TaskMatrix.AI's feedback loop), as few-shot examples.
  const shown = examples.map((e) => `Request: ${e.request}\nPlan: ${JSON.stringify({ tasks: toHuggingGpt(e.plan) })}`).join('\n\n');
  // The conversation so far, as HuggingGPT gives its chat log: "it" and "the picture" may mean its files.
  const chat = history
    .slice(-6)
    .map((t) => `User: ${t.request}\nAssistant: ${t.answer.slice(0, 600)}${t.files.length ? `\nFiles: ${t.files.join(', ')}` : ''}`)
    .join('\n\n');
  return `Task types:\n${JSON.stringify(docs, null, 1)}\n\n${shown ? `Plans users confirmed for similar requests:\n${shown}\n\n` : ''}${chat ? `The conversation so far:\n${chat}\n\n` : ''}User's files: ${fileList}\n\nRequest: ${request}`;
}

export function choosePrompt(task: string, clause: string, candidates: ExpertEntry[]): string {
  const list = candidates.map((c) => ({ id: c.id, description: c.description, local: c.provider.kind === 'local', popularity: c.popularity }));
  return `Choose the most suitable expert for the task "${task}" in the user's words "${clause}".
Candidates:
${JSON.stringify(list, null, 1)}
Reply with JSON only: {"id": "<one candidate id>", "reason": "<short reason>"}`;
}

export function respondPrompt(record: RunRecord): string {
  const steps = record.tasks.map((t) => ({
    id: t.id,
    task: t.task,
    expert: t.expert,
    status: t.status,
    note: t.note,
    result: t.outputs.map((o) => ({ kind: o.kind, file: o.path, text: artifactText(o)?.slice(0, 1000) })),
    error: t.error?.message,
  }));
  return `The user asked: "${record.request}"
These steps ran:
${JSON.stringify(steps, null, 1)}
Answer the user directly: give the results (quote text results), then describe the workflow in a few lines — which expert did each step — and name the output files. If a step failed, say so and why. Do not invent results.`;
}
