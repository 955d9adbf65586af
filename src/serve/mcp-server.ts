import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { newRunId } from '../app/run-id.js';
import { planRequest, runRequest } from '../app/run-request.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Controller } from '../controller/controller.js';
import { TroupeError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import type { RunStore } from '../runs/run-store.js';

export interface McpDeps {
  controller: Controller;
  catalog: Catalog;
  store: RunStore;
  /** Where runs' outputs go. */
  dataDir: string;
}

const failed = (error: unknown) => ({
  isError: true,
  content: [{ type: 'text' as const, text: error instanceof TroupeError ? `${error.message}${error.hint ? `\n→ ${error.hint}` : ''}` : String((error as Error)?.message ?? error) }],
});

/** Inline media above this size are named by path only: a client need not take megabytes in one message. */
const MAX_INLINE_BYTES = 4 * 2 ** 20;

/**
 * Troupe as an MCP server (the official SDK): another agent can hand it a request and files
 * and get the answer, with images and audio as MCP content, and progress while it runs.
 * One server per connection; `troupe mcp` serves it over stdio, `troupe serve` at /mcp.
 */
export function troupeMcpServer(deps: McpDeps): McpServer {
  const server = new McpServer({ name: 'troupe', version: VERSION });
  const files = z.array(z.string()).optional().describe('paths of input files on this machine (images, audio, text)');

  server.registerTool(
    'run_request',
    {
      description: 'Plan a request into tasks, run each on an expert (OCR, translation, speech, vision, …) and answer; images and audio come back as content. Example: "read the sign in this photo and translate it into Spanish" with files ["sign.png"].',
      inputSchema: { request: z.string().min(1).describe('what to do, in words'), files },
    },
    async ({ request, files: inputs }, extra) => {
      const token = extra._meta?.progressToken;
      let done = 0;
      try {
        const runId = newRunId();
        const record = await runRequest({
          runId,
          request,
          inputs: inputs ?? [],
          controller: deps.controller,
          catalog: deps.catalog,
          outDir: join(deps.dataDir, 'runs', runId),
          store: deps.store,
          signal: extra.signal,
          onEvent: (event) => {
            if (token === undefined) return;
            const total = event.type === 'plan-ready' ? event.plan.tasks.length : undefined;
            if (event.type === 'task-succeeded' || event.type === 'task-failed' || event.type === 'task-skipped') done++;
            const message = event.type === 'plan-ready' ? `plan: ${event.plan.tasks.map((t) => t.task).join(' → ')}` : 'taskId' in event ? `${event.taskId} ${event.type.replace('task-', '')}` : event.type;
            void extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: done, ...(total ? { total } : {}), message } });
          },
        });
        const content: Array<{ type: 'text'; text: string } | { type: 'image' | 'audio'; data: string; mimeType: string }> = [{ type: 'text', text: record.answer }];
        for (const task of record.tasks) {
          for (const output of task.outputs) {
            if (!output.path || (output.kind !== 'image' && output.kind !== 'audio')) continue;
            const bytes = await readFile(output.path);
            if (bytes.length > MAX_INLINE_BYTES) content.push({ type: 'text', text: `${task.id}: ${output.path} (${Math.round(bytes.length / 2 ** 20)} MiB, not inlined)` });
            else content.push({ type: output.kind, data: bytes.toString('base64'), mimeType: output.mime });
          }
        }
        return { content, isError: record.status !== 'succeeded' };
      } catch (error) {
        return failed(error);
      }
    },
  );

  server.registerTool(
    'plan_request',
    { description: 'The plan Troupe would run for a request, as JSON tasks {id, task, args, deps}; nothing runs.', inputSchema: { request: z.string().min(1), files }, annotations: { readOnlyHint: true } },
    async ({ request, files: inputs }) => {
      try {
        const { outcome } = await planRequest(request, inputs ?? [], deps.controller, deps.catalog);
        return { content: [{ type: 'text', text: JSON.stringify({ plan: outcome.plan, notes: outcome.notes }) }] };
      } catch (error) {
        return failed(error);
      }
    },
  );

  server.registerTool(
    'list_experts',
    { description: 'Every expert Troupe can use here: its task type, and whether it can run on this machine (and why not).', inputSchema: {}, annotations: { readOnlyHint: true } },
    async () => {
      const experts = await Promise.all(deps.catalog.experts.map(async (e) => ({ id: e.entry.id, task: e.entry.task, description: e.entry.description, ...(await deps.catalog.check(e)) })));
      return { content: [{ type: 'text', text: JSON.stringify(experts) }] };
    },
  );

  server.registerTool(
    'search_catalog',
    { description: "Task types and experts whose documentation has the query's words, best first.", inputSchema: { query: z.string().min(1), limit: z.number().int().positive().max(50).optional() }, annotations: { readOnlyHint: true } },
    async ({ query, limit }) => {
      const words = query.toLowerCase().match(/[a-z0-9]+/g) ?? [];
      const score = (text: string) => words.filter((w) => text.toLowerCase().includes(w)).length;
      const types = [...deps.catalog.taskTypes.values()].map((t) => ({ kind: 'task-type', id: t.id, description: t.description, score: score(`${t.id} ${t.name} ${t.description} ${t.examples.join(' ')}`) }));
      const experts = deps.catalog.experts.map((e) => ({ kind: 'expert', id: e.entry.id, task: e.entry.task, description: e.entry.description, score: score(`${e.entry.id} ${e.entry.name} ${e.entry.task} ${e.entry.description}`) }));
      const hits = [...types, ...experts].filter((h) => h.score > 0).sort((a, b) => b.score - a.score).slice(0, limit ?? 10);
      return { content: [{ type: 'text', text: JSON.stringify(hits) }] };
    },
  );
  return server;
}
