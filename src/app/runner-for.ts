import type { Expert, ExpertEntry } from '../core/expert.js';
import type { NetAccess } from '../net/http-policy.js';
import { HF_TASKS, hfInferenceExpert } from '../experts/remote/hf-inference-expert.js';

/** Runners for documented store entries: Hugging Face models of the tasks wired to inference here. */
export function runnerFor(access: NetAccess = {}): (entry: ExpertEntry) => Expert | undefined {
  return (entry) => (entry.provider.kind === 'huggingface' && HF_TASKS.has(entry.task) ? hfInferenceExpert(entry, access) : undefined);
}
