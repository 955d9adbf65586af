import { meaningRanks } from '../plan/clause-meaning.js';
import { localSentenceEncoder } from '../retrieval/sentence-encoder.js';
import { defaultCatalog } from './default-catalog.js';

/**
 * Embeds the local catalog's documentation now and keeps the vectors on disk
 * (retrieval/document-vectors.ts), so that the first `troupe plan` or `run` after set-up reads
 * its request in under a second instead of about three. Says what went wrong instead of failing:
 * the planner works without it, only slower the first time.
 */
export async function warmPlanner(): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await meaningRanks('ready', defaultCatalog(), localSentenceEncoder());
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
