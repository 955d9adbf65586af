import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ErrorCode, TroupeError } from '../../core/errors.js';

export { ToolDescSchema, ToolSchema, type Tool } from '../../catalog/importers/import-taskbench.js';
import { ToolDescSchema, type Tool } from '../../catalog/importers/import-taskbench.js';

// Arguments are strings, numbers, lists or {name, value} objects: any JSON value is read as text by the scorer.
const Argument = z.unknown();
// Some records give a single argument as a bare value rather than a list.
export const NodeSchema = z.object({ task: z.string(), arguments: z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(Argument)) });
// Some TaskBench records write "destination" for "target", or node numbers for names.
export const LinkSchema = z
  .object({ source: z.coerce.string(), target: z.coerce.string().optional(), destination: z.coerce.string().optional() })
  .transform((l) => ({ source: l.source, target: l.target ?? l.destination ?? '' }));

export const GoldSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  type: z.string().optional(),
  instruction: z.string().optional(),
  user_request: z.string().optional(),
  task_nodes: z.array(NodeSchema),
  task_links: z.array(LinkSchema).default([]),
});
export type Gold = z.infer<typeof GoldSchema>;

/** A prediction line: flat, or TaskBench's own `{id, result: {...}}`. */
export const PredictionSchema = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String),
    result: z.object({ task_nodes: z.array(NodeSchema).default([]), task_links: z.array(LinkSchema).default([]) }).optional(),
    task_nodes: z.array(NodeSchema).optional(),
    task_links: z.array(LinkSchema).optional(),
  })
  .transform((p) => ({ id: p.id, task_nodes: p.result?.task_nodes ?? p.task_nodes ?? [], task_links: p.result?.task_links ?? p.task_links ?? [] }));
export type Prediction = z.infer<typeof PredictionSchema>;

export async function readToolDesc(path: string): Promise<Tool[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new TroupeError(ErrorCode.InputNotFound, `cannot read the tool list ${path}: ${(error as Error).message}`);
  }
  const parsed = ToolDescSchema.safeParse(json);
  if (!parsed.success) throw new TroupeError(ErrorCode.InputCorrupt, `${path}: ${z.prettifyError(parsed.error)}`);
  return parsed.data.nodes;
}
