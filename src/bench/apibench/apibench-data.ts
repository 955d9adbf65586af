import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ErrorCode, TroupeError } from '../../errors.js';

export { ApiDocSchema } from '../../catalog/importers/apibench-schema.js';
import { ApiDocSchema } from '../../catalog/importers/apibench-schema.js';
export type ApiDoc = z.infer<typeof ApiDocSchema>;

export const QuestionSchema = z.object({ question_id: z.number().int(), text: z.string() });
export const ResponseSchema = z.object({ question_id: z.number().int(), text: z.string() });
/** Eval label lines: `{api_data: {domain, ...}}` (the labels files and torchhub_eval.json alike). */
export const LabelSchema = z.object({ api_data: z.object({ domain: z.string() }).passthrough() });

/** Reads a JSON Lines file, validating each line; a bad line is an error naming file and line. */
export async function readJsonl<T>(path: string, schema: z.ZodType<T>): Promise<T[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new TroupeError(ErrorCode.InputNotFound, `cannot read ${path}`, { hint: 'check the path' });
  }
  const out: T[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new TroupeError(ErrorCode.InputCorrupt, `${path}:${i + 1} is not JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new TroupeError(ErrorCode.InputCorrupt, `${path}:${i + 1}: ${z.prettifyError(parsed.error)}`);
    out.push(parsed.data);
  });
  return out;
}
