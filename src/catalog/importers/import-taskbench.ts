import { basename, dirname } from 'node:path';
import { z } from 'zod';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import type { ExpertEntry } from '../../core/expert.js';
import { MODALITIES, type Modality } from '../../core/modality.js';
import { kebab } from './kebab.js';
import { readSource } from './read-source.js';

export const ToolSchema = z.object({
  id: z.string(),
  desc: z.string(),
  'input-type': z.array(z.string()).optional(),
  'output-type': z.array(z.string()).optional(),
  parameters: z.array(z.object({ name: z.string(), type: z.string(), desc: z.string().optional() })).optional(),
});
export type Tool = z.infer<typeof ToolSchema>;
export const ToolDescSchema = z.object({ nodes: z.array(ToolSchema) });

/** TaskBench resource types → modalities (a URL is text). */
export function modality(type: string): Modality {
  const t = type.toLowerCase();
  return (MODALITIES as readonly string[]).includes(t) ? (t as Modality) : 'text';
}

const JSON_TYPES: Record<string, string> = { string: 'string', integer: 'integer', number: 'number', float: 'number', boolean: 'boolean', bool: 'boolean', array: 'array', list: 'array', object: 'object' };

/** A tool's parameters as JSON Schema properties (a date keeps `format: "date"`). */
export function parameterProperties(parameters: NonNullable<Tool['parameters']>): Record<string, unknown> {
  return Object.fromEntries(parameters.map((p) => [p.name, { type: JSON_TYPES[p.type.toLowerCase()] ?? 'string', ...(p.type.toLowerCase() === 'date' ? { format: 'date' } : {}), description: p.desc ?? '' }]));
}

/** A TaskBench domain's tools (`<domain>/tool_desc.json`); the domain is the folder's name. */
export async function importTaskBench(path: string): Promise<ExpertEntry[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readSource(path));
  } catch (error) {
    if (error instanceof TroupeError) throw error;
    throw new TroupeError(ErrorCode.InputCorrupt, `${path} is not valid JSON`);
  }
  const parsed = ToolDescSchema.safeParse(json);
  if (!parsed.success) throw new TroupeError(ErrorCode.InputCorrupt, `${path}: ${z.prettifyError(parsed.error)}`, { hint: 'expected TaskBench tool_desc.json: {"nodes": [{id, desc, ...}]}' });
  const domain = basename(dirname(path));
  return parsed.data.nodes.map((tool) => {
    const parameters = tool.parameters
      ? {
          type: 'object',
          properties: parameterProperties(tool.parameters),
          required: tool.parameters.map((p) => p.name),
        }
      : undefined;
    return {
      id: `taskbench/${domain}/${kebab(tool.id)}`,
      name: tool.id,
      task: kebab(tool.id),
      description: tool.desc,
      domain,
      ...(parameters ? { parameters } : {}),
      inputs: (tool['input-type'] ?? []).map(modality),
      outputs: (tool['output-type'] ?? []).map(modality),
      usage: '',
      composition: tool['input-type'] ? `takes ${tool['input-type'].join(', ')}; gives ${(tool['output-type'] ?? []).join(', ')}` : '',
      provider: { kind: 'taskbench' },
      languages: [],
      license: 'MIT (TaskBench)',
      source: `TaskBench ${domain}/tool_desc.json`,
      popularity: 0,
      requires: { debian: [], commands: [] },
    } satisfies ExpertEntry;
  });
}
