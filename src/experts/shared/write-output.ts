import { writeFileNoFollow } from '../../system/write-file.js';
import type { ExpertContext, ExpertResult } from '../../core/expert.js';

/** Writes a text result to the task's file and returns it as the task's output. */
export async function textOutput(ctx: ExpertContext, text: string, note?: string, language?: string): Promise<ExpertResult> {
  const path = ctx.outputPath('txt');
  await writeFileNoFollow(path, text.endsWith('\n') ? text : `${text}\n`);
  return { output: { kind: 'text', mime: 'text/plain', path, value: text, ...(language ? { language } : {}) }, ...(note ? { note } : {}) };
}

/** Writes a JSON result to the task's file and returns it as the task's output. */
export async function jsonOutput(ctx: ExpertContext, value: unknown, note?: string): Promise<ExpertResult> {
  const path = ctx.outputPath('json');
  await writeFileNoFollow(path, `${JSON.stringify(value, null, 2)}\n`);
  return { output: { kind: 'json', mime: 'application/json', path, value }, ...(note ? { note } : {}) };
}
