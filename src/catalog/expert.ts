import { z } from 'zod';
import type { Artifact } from '../execute/artifact.js';

/**
 * One documentation schema for every expert, local or remote (after TaskMatrix.AI):
 * what it does, what it needs, where it comes from. Planners and selectors read only this.
 */
export const ExpertEntrySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  task: z.string().min(1),
  description: z.string().min(1),
  provider: z.object({
    kind: z.enum(['local', 'huggingface', 'openai-compatible', 'openapi', 'mcp']),
    program: z.string().optional(),
  }),
  languages: z.array(z.string()).default([]),
  license: z.string().default('unknown'),
  source: z.string().default(''),
  usage: z.string().default(''),
  popularity: z.number().nonnegative().default(0),
  requires: z
    .object({ debian: z.array(z.string()).default([]), commands: z.array(z.string()).default([]) })
    .default({ debian: [], commands: [] }),
});
export type ExpertEntry = z.infer<typeof ExpertEntrySchema>;

export interface Availability {
  runnable: boolean;
  reason?: string;
  /** The exact command that makes the expert runnable. */
  fix?: string;
}

export interface ExpertContext {
  /** Inputs by the task type's input names. */
  inputs: Record<string, Artifact>;
  params: Record<string, unknown>;
  signal: AbortSignal;
  /** Where to write an output file: `<outDir>/<taskId>-<taskType>.<ext>`. */
  outputPath(extension: string): string;
  /** A private scratch folder for this attempt, removed afterwards. */
  scratchDir: string;
}

export interface ExpertResult {
  /** The task's result: what later tasks receive when they refer to this task. */
  output: Artifact;
  /** Further files for the person (e.g. detections drawn on the image); not passed on. */
  extra?: Artifact[];
  /** A short human account of what was done (e.g. "eng→spa via apertium"). */
  note?: string;
}

export interface Expert {
  entry: ExpertEntry;
  check(): Promise<Availability>;
  run(ctx: ExpertContext): Promise<ExpertResult>;
}
