import { z } from 'zod';

/**
 * Every route's request and response shapes, in one place: zod for reading what comes in,
 * and the same schemas as JSON Schema for Fastify's validation and the OpenAPI document
 * served at /openapi.json.
 */
export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), hint: z.string().optional() }) });

export const ThreadFileBody = z.object({ fileId: z.string(), name: z.string(), mime: z.string(), modality: z.string(), bytes: z.number(), at: z.string(), artifact: z.string() });

export const ThreadRunBody = z.object({
  runId: z.string(),
  request: z.string(),
  at: z.string(),
  status: z.string(),
  error: z.object({ code: z.string(), message: z.string(), hint: z.string().optional() }).optional(),
});

export const ThreadBody = z.object({ threadId: z.string(), createdAt: z.string(), runs: z.array(ThreadRunBody), files: z.array(ThreadFileBody) });

export const ThreadParams = z.object({ threadId: z.string() });
export const RunParams = z.object({ threadId: z.string(), runId: z.string() });
export const ArtifactParams = z.object({ artifactId: z.string() });

/** A follow-up with no new file: JSON. With files, the same field as multipart/form-data. */
export const RunRequestBody = z.object({ request: z.string().min(1).max(50_000), controller: z.string().max(200).optional() });
export const RunStarted = z.object({ runId: z.string(), threadId: z.string(), stream: z.string() });
export const CancelBody = z.object({ runId: z.string(), cancelled: z.boolean() });
export const ApprovalParams = z.object({ threadId: z.string(), runId: z.string(), taskId: z.string() });
export const ApprovalBody = z.object({ allow: z.boolean() });
export const ApprovalDone = z.object({ runId: z.string(), taskId: z.string(), allowed: z.boolean() });
export const FeedbackBody = z.object({ verdict: z.enum(['good', 'bad']), note: z.string().max(2000).optional() });
export const FeedbackDone = z.object({ runId: z.string(), verdict: z.string(), memory: z.object({ path: z.string(), good: z.number(), bad: z.number() }) });
export const ThreadList = z.object({ threads: z.array(z.object({ threadId: z.string(), createdAt: z.string(), updatedAt: z.string(), runs: z.number(), title: z.string() })) });
export const SettingsBody = z.object({
  controllers: z.array(z.string()),
  doctor: z.array(z.object({ id: z.string(), task: z.string(), runnable: z.boolean(), reason: z.string().optional(), fix: z.string().optional() })),
});
export const HealthBody = z.object({ ok: z.boolean(), version: z.string() });

/** The run record (the same object as run.json), or where a run stands before it has one. */
export const RunBody = z.object({ runId: z.string(), status: z.string() }).loose();

export function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  return rest;
}
