import { existsSync } from 'node:fs';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { MODALITIES } from '../core/modality.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import { PlanSchema } from '../core/plan.js';
import type { PlanMemory, RememberedPlan, Verdict } from './plan-memory.js';

// Only what a verdict needs; the rest of run.json is kept as it is.
const RunJsonSchema = z
  .object({
    runId: z.string(),
    request: z.string(),
    plan: PlanSchema,
    inputs: z.array(z.object({ path: z.string(), modality: z.enum(MODALITIES) }).loose()).default([]),
  })
  .loose();

/** run.json of a run: a run id under `runsDir`, a run's folder, or the file itself. */
export async function findRunJson(run: string, runsDir: string): Promise<string> {
  const candidates = [run, join(run, 'run.json'), join(runsDir, run, 'run.json')];
  for (const c of candidates) if (existsSync(c) && (await stat(c)).isFile()) return c;
  throw new TroupeError(ErrorCode.InputNotFound, `no run "${run}": looked for ${candidates.slice(1).join(' and ')}`, { hint: 'give the run id that `troupe run` printed (its folder is troupe-runs/<runId>), or the path of its run.json; --runs DIR if runs went elsewhere' });
}

/**
 * `troupe feedback`: a verdict on a run, kept in the plan memory (a "good" plan becomes an
 * example for similar requests) and in the run's own run.json.
 */
export async function recordFeedback(memory: PlanMemory, run: string, verdict: Verdict, options: { note?: string; runsDir?: string } = {}): Promise<{ remembered: RememberedPlan; path: string }> {
  const path = await findRunJson(run, options.runsDir ?? 'troupe-runs');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new TroupeError(ErrorCode.InputCorrupt, `${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = RunJsonSchema.safeParse(raw);
  if (!parsed.success) throw new TroupeError(ErrorCode.InputCorrupt, `${path} is not a Troupe run record: ${z.prettifyError(parsed.error)}`);
  const record = parsed.data;
  const remembered = memory.record({
    runId: record.runId,
    request: record.request,
    plan: record.plan,
    inputs: record.inputs.map((i) => ({ path: i.path, modality: i.modality })),
    verdict,
    ...(options.note ? { note: options.note } : {}),
  });
  const tmp = `${path}.tmp`;
  await writeFile(tmp, `${JSON.stringify({ ...(raw as object), feedback: { verdict, ...(options.note ? { note: options.note } : {}), at: remembered.at } }, null, 2)}\n`);
  await rename(tmp, path);
  return { remembered, path };
}
