import type { SniffedFile } from '../core/modality.js';
import { analyzeRequest } from './request-analysis.js';

/** The files a request names, as the planner's resources. */
export function requestFiles(request: string): Map<string, SniffedFile> {
  // A URL is an address, text for a tool to fetch ("download the image from https://…/cat.jpg"),
  // not the image itself: TaskBench's downloaders take it as their "url" input.
  return new Map(analyzeRequest(request).resources.map((r) => [r.name, { modality: /^https?:\/\//i.test(r.name) ? 'text' : r.modality, mime: '' }]));
}
