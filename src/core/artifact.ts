import type { Modality } from './modality.js';

/**
 * A task's output. Text keeps its value inline (planners and answers quote it) and is
 * also written to a file; binary kinds live only on disk.
 */
export interface Artifact {
  kind: Modality;
  mime: string;
  path?: string;
  value?: unknown;
  /** ISO 639-1 language of text or speech, when the producer knows it (a translation's target). */
  language?: string;
}

export function artifactText(a: Artifact): string | undefined {
  if (typeof a.value === 'string') return a.value;
  if (a.kind === 'json' && a.value !== undefined) return JSON.stringify(a.value);
  return undefined;
}
