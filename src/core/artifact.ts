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
  /**
   * A structured result in plain words ("2 cups and a dining table"), for a step that reads it
   * as text — speech, translation, a summary — which would otherwise get raw JSON.
   */
  words?: string;
}

export function artifactText(a: Artifact): string | undefined {
  if (typeof a.value === 'string') return a.value;
  if (a.kind === 'json' && a.value !== undefined) return JSON.stringify(a.value);
  return undefined;
}

/** What a step that reads text gets from an artifact: its words when it has them, else its text. */
export function artifactWords(a: Artifact): string | undefined {
  return a.words ?? artifactText(a);
}
