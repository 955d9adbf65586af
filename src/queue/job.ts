import { z } from 'zod';
import { MODALITIES } from '../core/modality.js';
import { ErrorCode, TroupeError } from '../core/errors.js';

/** A file or an inline value, as a job carries it: files by their path on the shared folder, never their bytes. */
const ArtifactData = z.object({
  kind: z.enum(MODALITIES),
  mime: z.string(),
  path: z.string().optional(),
  value: z.unknown().optional(),
  language: z.string().optional(),
  words: z.string().optional(),
});

/** What a task sends a worker: which expert, its inputs and parameters, and where to write. */
export const JobData = z.object({
  expert: z.string().min(1),
  inputs: z.record(z.string(), ArtifactData),
  params: z.record(z.string(), z.unknown()),
  /** Output files are `<outputStem>.<ext>`, on the shared folder. */
  outputStem: z.string().min(1),
  approved: z.boolean().optional(),
  runId: z.string().optional(),
  taskId: z.string().optional(),
});
export type JobData = z.infer<typeof JobData>;

/** What a worker sends back: the expert's result, and which worker ran it. */
export const JobResult = z.object({
  output: ArtifactData,
  extra: z.array(ArtifactData).optional(),
  note: z.string().optional(),
  worker: z.string(),
});
export type JobResult = z.infer<typeof JobResult>;

/** The most a job may carry inline (Redis holds it); longer texts go by file. */
export const MAX_JOB_BYTES = 256 * 1024;

/** An expert's failure, as a job's failed reason: the error's code, message and hint survive the trip. */
export function failureReason(error: unknown): string {
  const e = error instanceof TroupeError ? error : new TroupeError(ErrorCode.ExpertCrashed, error instanceof Error ? error.message : String(error));
  return JSON.stringify({ code: e.code, message: e.message, ...(e.hint ? { hint: e.hint } : {}), ...(e.transient ? { transient: true } : {}) });
}

/** The error a failed job stands for, as the expert raised it when the worker could say. */
export function failureOf(reason: string | undefined, expert: string): TroupeError {
  try {
    const e = JSON.parse(reason ?? '') as { code: ErrorCode; message: string; hint?: string; transient?: boolean };
    if (typeof e.code === 'string' && typeof e.message === 'string') return new TroupeError(e.code, e.message, { ...(e.hint ? { hint: e.hint } : {}), ...(e.transient ? { transient: true } : {}) });
  } catch {
    /* not one of ours: BullMQ's own reason */
  }
  if (/stalled/i.test(reason ?? '')) {
    return new TroupeError(ErrorCode.ExpertCrashed, `${expert} stopped its worker every time it was tried (${reason})`, { hint: 'the input may crash the expert: see the workers\' logs; other tasks are not affected' });
  }
  return new TroupeError(ErrorCode.ExpertCrashed, `${expert} failed on its worker: ${reason ?? 'no reason given'}`);
}
