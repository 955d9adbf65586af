import { basename } from 'node:path';
import { z } from 'zod';
import { flatten } from '../../text/flatten.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import type { ExpertEntry } from '../../core/expert.js';
import { kebab } from './kebab.js';
import { ApiDocSchema } from './apibench-schema.js';
import { jsonLines, readSource } from './read-source.js';


// APIBench domains start with the field ("Computer Vision Image Classification"); the rest is the task.
const FIELDS = /^(natural language processing|computer vision|multimodal|audio|tabular|reinforcement learning)\s+/i;
const HUBS = { huggingface: 'huggingface', tensorflowhub: 'tensorflowhub', torchhub: 'torchhub' } as const;

/** APIBench API documentation (`api/<hub>_api.jsonl`): one entry per model API, called by its api_call. */
export async function importApiBench(path: string): Promise<ExpertEntry[]> {
  const hub = (Object.keys(HUBS) as Array<keyof typeof HUBS>).find((h) => basename(path).startsWith(h));
  if (!hub) throw new TroupeError(ErrorCode.BadUsage, `cannot tell the hub of ${path}`, { hint: 'APIBench files are named huggingface_api.jsonl, tensorflowhub_api.jsonl or torchhub_api.jsonl' });
  const seen = new Map<string, number>();
  return jsonLines(await readSource(path), path).map((raw, i) => {
    const parsed = ApiDocSchema.safeParse(raw);
    if (!parsed.success) throw new TroupeError(ErrorCode.InputCorrupt, `${path}:${i + 1}: ${z.prettifyError(parsed.error)}`);
    const api = parsed.data;
    // api_name repeats in TorchHub ("torch.hub.load"); the model argument tells entries apart.
    const model = /model\s*=\s*['"]([^'"]+)['"]/.exec(api.api_call)?.[1] ?? /\(\s*['"]([^'"]+)['"]/.exec(api.api_call)?.[1];
    const base = `${hub}/${model && !api.api_name.includes(model) ? `${api.api_name}:${model}` : api.api_name}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return {
      id: `apibench/${base}${n > 1 ? `#${n}` : ''}`,
      name: model && api.api_name.startsWith('torch.hub') ? model : api.api_name,
      task: kebab(api.domain.replace(FIELDS, '')) || 'unknown',
      description: [flatten(api.functionality), flatten(api.description)].filter(Boolean).join('. ').slice(0, 2000),
      domain: api.domain,
      inputs: [],
      outputs: [],
      usage: flatten(api.example_code).slice(0, 2000),
      composition: '',
      provider: { kind: hub, call: api.api_call, ...(api.framework ? { framework: api.framework } : {}) },
      languages: [],
      license: 'see the model card',
      source: `APIBench (Gorilla) ${basename(path)}`,
      popularity: 0,
      requires: { debian: [], commands: [] },
    } satisfies ExpertEntry;
  });
}
