import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Expert, ExpertContext } from '../core/expert.js';
import type { Artifact } from '../core/artifact.js';

/** Runs one expert outside a plan, writing into a fresh temporary folder. */
export async function runExpert(expert: Expert, inputs: Record<string, Artifact>, params: Record<string, unknown> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'troupe-expert-'));
  const ctx: ExpertContext = { inputs, params, signal: new AbortController().signal, scratchDir: dir, outputPath: (ext) => join(dir, `out.${ext}`) };
  return expert.run(ctx);
}

export const textArtifact = (value: string): Artifact => ({ kind: 'text', mime: 'text/plain', value });
export const EXAMPLE_SIGN = new URL('../../examples/sign.png', import.meta.url).pathname;
