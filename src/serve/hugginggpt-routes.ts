import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { newRunId } from '../app/run-id.js';
import { planRequest, runRequest } from '../app/run-request.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Controller } from '../controller/controller.js';
import { TroupeError } from '../core/errors.js';
import { toHuggingGpt } from '../plan/formats/hugginggpt.js';
import type { RunStore } from '../runs/run-store.js';
import { jsonSchema } from './schemas.js';

/** JARVIS's request body: the chat so far; the last user message is the request. */
const ChatBody = z.object({
  messages: z.array(z.object({ role: z.string(), content: z.string() })).min(1),
  // JARVIS also takes api_key, api_type and api_endpoint for its own LLM; Troupe's controller is its own.
}).loose();

/**
 * HuggingGPT's server API, in the shapes of JARVIS's `awesome_chat.py --mode server`, so that
 * clients written for it work against Troupe: `/tasks` answers the plan, `/results` the
 * results of each task by id, `/hugginggpt` the answer as `{message}`. Errors are JARVIS's
 * `{error}`. Files are not uploaded here (JARVIS reads paths on its own disk); use the
 * threads API for those.
 */
export function registerHuggingGptRoutes(app: FastifyInstance, deps: { controller: Controller; catalog: Catalog; store: RunStore; dataDir: string }): void {
  const body = jsonSchema(ChatBody);
  const requestOf = (raw: unknown): string | { error: string } => {
    const parsed = ChatBody.safeParse(raw);
    if (!parsed.success) return { error: 'Please provide messages: [{role, content}]' };
    const last = [...parsed.data.messages].reverse().find((m) => m.role === 'user');
    return last ? last.content : { error: 'the messages hold no user message' };
  };
  const failure = (error: unknown) => ({ error: error instanceof TroupeError ? `${error.message}${error.hint ? ` (${error.hint})` : ''}` : String((error as Error)?.message ?? error) });

  app.post('/tasks', { schema: { summary: "HuggingGPT's task planning: the plan as [{task, id, dep, args}]", body } }, async (req, reply) => {
    const request = requestOf(req.body);
    if (typeof request !== 'string') return reply.code(400).send(request);
    try {
      const { outcome } = await planRequest(request, [], deps.controller, deps.catalog);
      return toHuggingGpt(outcome.plan);
    } catch (error) {
      return reply.code(400).send(failure(error));
    }
  });

  const run = async (request: string) => {
    const runId = newRunId();
    return runRequest({ runId, request, inputs: [], controller: deps.controller, catalog: deps.catalog, outDir: join(deps.dataDir, 'runs', runId), store: deps.store });
  };

  app.post('/results', { schema: { summary: "HuggingGPT's results: each task's command, inference result and chosen model, by task id", body } }, async (req, reply) => {
    const request = requestOf(req.body);
    if (typeof request !== 'string') return reply.code(400).send(request);
    try {
      const record = await run(request);
      const commands = toHuggingGpt(record.plan);
      return Object.fromEntries(
        record.tasks.map((t, i) => [
          String(i),
          {
            task: commands[i],
            'inference result': t.status === 'succeeded' ? { ...(t.outputs[0]?.value !== undefined ? { value: t.outputs[0].value } : {}), ...(t.outputs.some((o) => o.path) ? { files: t.outputs.flatMap((o) => (o.path ? [o.path] : [])) } : {}), ...(t.note ? { note: t.note } : {}) } : { error: t.error?.message ?? t.status },
            'choose model result': { id: t.expert, reason: t.attempts.length > 1 ? `after ${t.attempts.length - 1} other expert(s) failed` : 'the top-ranked runnable expert' },
          },
        ]),
      );
    } catch (error) {
      return reply.code(400).send(failure(error));
    }
  });

  app.post('/hugginggpt', { schema: { summary: "HuggingGPT's chat: the answer as {message}", body } }, async (req, reply) => {
    const request = requestOf(req.body);
    if (typeof request !== 'string') return reply.code(400).send(request);
    try {
      return { message: (await run(request)).answer };
    } catch (error) {
      // JARVIS answers a request it cannot serve in words, not with an error status.
      return { message: failure(error).error };
    }
  });
}
