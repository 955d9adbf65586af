import { writeFileNoFollow } from '../../system/write-file.js';
import type { ExpertContext, ExpertResult } from '../../core/expert.js';

/** Writes a text result to the task's file and returns it as the task's output. */
export async function textOutput(ctx: ExpertContext, text: string, note?: string, language?: string): Promise<ExpertResult> {
  const path = ctx.outputPath('txt');
  await writeFileNoFollow(path, text.endsWith('\n') ? text : `${text}\n`);
  return { output: { kind: 'text', mime: 'text/plain', path, value: text, ...(language ? { language } : {}) }, ...(note ? { note } : {}) };
}

/**
 * Writes a JSON result to the task's file and returns it as the task's output, with the
 * result in plain words for a step that reads it as text (`words`, else the note).
 */
export async function jsonOutput(ctx: ExpertContext, value: unknown, note?: string, words?: string): Promise<ExpertResult> {
  const path = ctx.outputPath('json');
  await writeFileNoFollow(path, `${JSON.stringify(value, null, 2)}\n`);
  const said = words ?? note;
  // The words are Troupe's own, in English: a step that speaks them need not guess the language of five words.
  return { output: { kind: 'json', mime: 'application/json', path, value, ...(said ? { words: said, language: 'en' } : {}) }, ...(note ? { note } : {}) };
}
