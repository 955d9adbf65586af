import { z } from 'zod';

export { ApiDocSchema } from '../../catalog/importers/apibench-schema.js';
import { ApiDocSchema } from '../../catalog/importers/apibench-schema.js';
export type ApiDoc = z.infer<typeof ApiDocSchema>;

export const QuestionSchema = z.object({ question_id: z.number().int(), text: z.string() });
export const ResponseSchema = z.object({ question_id: z.number().int(), text: z.string() });
/** Eval label lines: `{api_data: {domain, ...}}` (the labels files and torchhub_eval.json alike). */
export const LabelSchema = z.object({ api_data: z.object({ domain: z.string() }).passthrough() });

export { readJsonl } from '../../catalog/importers/read-source.js';
