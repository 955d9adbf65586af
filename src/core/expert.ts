import { z } from 'zod';
import { MODALITIES } from './modality.js';
import type { Artifact } from './artifact.js';

/**
 * One documentation schema for every expert, local or remote (after TaskMatrix.AI's API
 * platform): what it does, what it takes and gives, how to call it, where it comes from.
 * Planners, the selector and the catalog store read only this.
 */
export const ExpertEntrySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** A task type: a Hugging Face pipeline tag, or one of Troupe's own. */
  task: z.string().min(1),
  description: z.string().default(''),
  /** A finer label of the field, where the source has one (APIBench "Image Classification"). */
  domain: z.string().optional(),
  /** JSON Schema of the parameters, when the source documents them. */
  parameters: z.record(z.string(), z.unknown()).optional(),
  inputs: z.array(z.enum(MODALITIES)).default([]),
  outputs: z.array(z.enum(MODALITIES)).default([]),
  /** A usage example: a call, a command line, a request. */
  usage: z.string().default(''),
  /** What it combines with: which outputs feed it, what it feeds. */
  composition: z.string().default(''),
  provider: z.object({
    kind: z.enum(['local', 'huggingface', 'torchhub', 'tensorflowhub', 'taskbench', 'openai-compatible', 'openapi', 'mcp']),
    program: z.string().optional(),
    /** How the entry is called in code, e.g. APIBench's api_call. */
    call: z.string().optional(),
    framework: z.string().optional(),
  }),
  languages: z.array(z.string()).default([]),
  license: z.string().default('unknown'),
  source: z.string().default(''),
  /** A ranking prior from 0 to 100 (from downloads and likes where known). */
  popularity: z.number().nonnegative().default(0),
  /**
   * Serves its task type by a narrower method than the type promises (question answering by
   * quoting a sentence): ranked after every other runnable expert of the type, local or not,
   * so that a model the user configured answers first.
   */
  standIn: z.boolean().optional(),
  downloads: z.number().nonnegative().optional(),
  likes: z.number().nonnegative().optional(),
  requires: z
    .object({ debian: z.array(z.string()).default([]), commands: z.array(z.string()).default([]) })
    .default({ debian: [], commands: [] }),
  /** Which workers take its tasks when they run on a queue (resource-class.ts); derived when absent. */
  resourceClass: z.enum(['vision', 'speech', 'text', 'remote']).optional(),
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
  /** The user approved state-changing operations for this run (--yes). */
  approved?: boolean;
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
  /** Set when running it may change state somewhere (what it would do, in words): it then needs approval. */
  changesState?: string;
  check(): Promise<Availability>;
  run(ctx: ExpertContext): Promise<ExpertResult>;
}
