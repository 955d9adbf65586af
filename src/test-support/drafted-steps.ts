import { defaultCatalog } from '../app/default-catalog.js';
import type { Modality, SniffedFile } from '../core/modality.js';
import { draftPlan } from '../plan/draft-plan.js';

/** A file of each kind, as the planner sees it (no bytes: planning reads only the kind). */
const FILES: Partial<Record<Modality, [string, SniffedFile]>> = {
  video: ['clip.mp4', { modality: 'video', mime: 'video/mp4' }],
  audio: ['talk.wav', { modality: 'audio', mime: 'audio/wav' }],
  text: ['article.txt', { modality: 'text', mime: 'text/plain' }],
  image: ['photo.jpg', { modality: 'image', mime: 'image/jpeg' }],
};

/** The built-in planner's draft of a request about a file of one kind, as "type" or "type:format" per step. */
export function draftedSteps(request: string, kind: Modality, catalog = defaultCatalog()): string[] {
  return draftPlan(request, catalog, new Map([FILES[kind]!])).plan.tasks.map((t) => `${t.task}${typeof t.args.format === 'string' ? `:${t.args.format}` : ''}`);
}
