import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApiDocSchema, readJsonl } from '../apibench/apibench-data.js';
import { apiFields, type ApiField } from '../apibench/api-documents.js';

export type Doc = { id: string; fields: Record<ApiField, string> };

/** Deterministic PRNG (mulberry32): the same catalog every run. */
function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function realApiDocs(shared: string): Promise<Doc[]> {
  const docs: Doc[] = [];
  for (const hub of ['torchhub', 'tensorflowhub', 'huggingface']) {
    const path = join(shared, 'apibench', 'api', `${hub}_api.jsonl`);
    if (!existsSync(path)) continue;
    (await readJsonl(path, ApiDocSchema)).forEach((api, i) => docs.push({ id: `${hub}/${i}`, fields: clip(apiFields(api)) }));
  }
  return docs;
}

function clip(f: Record<ApiField, string>): Record<ApiField, string> {
  return { name: f.name.slice(0, 200), domain: f.domain, functionality: f.functionality.slice(0, 200), description: f.description.slice(0, 500), usage: f.usage.slice(0, 300) };
}

/**
 * n entries: the real ones first, then variants of them — a new name, the description's
 * sentences with one from another entry mixed in — so the vocabulary and the length
 * distribution stay those of real API documentation.
 */
export function* synthesize(real: Doc[], n: number): Generator<Doc> {
  const random = prng(42);
  for (let i = 0; i < n; i++) {
    const seed = real[i % real.length]!;
    if (i < real.length) {
      yield seed;
      continue;
    }
    const other = real[Math.floor(random() * real.length)]!;
    const sentences = seed.fields.description.split(/(?<=\.)\s+/);
    const borrowed = other.fields.description.split(/(?<=\.)\s+/)[0] ?? '';
    sentences.splice(Math.floor(random() * (sentences.length + 1)), 0, borrowed);
    yield {
      id: `synthetic/${i}`,
      fields: { ...seed.fields, name: `${seed.fields.name} variant ${i.toString(36)}`, description: sentences.join(' ').slice(0, 600) },
    };
  }
}
