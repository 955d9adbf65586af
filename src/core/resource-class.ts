import type { ExpertEntry } from './expert.js';

/**
 * The kind of machine an expert's work wants, by which queue it waits on when tasks run
 * across machines: vision (pictures and video, models in memory), speech (recordings and
 * voices), text (quick text programs), remote (calls to other services: any machine will do).
 */
export const RESOURCE_CLASSES = ['vision', 'speech', 'text', 'remote'] as const;
export type ResourceClass = (typeof RESOURCE_CLASSES)[number];

/** An entry's class: as documented, else from where it runs and what it takes and gives. */
export function resourceClassOf(entry: Pick<ExpertEntry, 'provider' | 'inputs' | 'outputs'> & { resourceClass?: ResourceClass | undefined }): ResourceClass {
  if (entry.resourceClass) return entry.resourceClass;
  if (entry.provider.kind !== 'local') return 'remote';
  const kinds = [...entry.inputs, ...entry.outputs];
  if (kinds.includes('image') || kinds.includes('video')) return 'vision';
  if (kinds.includes('audio')) return 'speech';
  return 'text';
}
