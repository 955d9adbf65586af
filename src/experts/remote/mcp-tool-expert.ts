import { z } from 'zod';
import { ExpertEntrySchema, type Expert, type ExpertEntry } from '../../catalog/expert.js';
import { TaskTypeSchema, type TaskType } from '../../catalog/task-type.js';
import { ErrorCode, TroupeError } from '../../errors.js';
import { artifactText } from '../../execute/artifact.js';
import { textOutput } from '../local/write-output.js';
import { withMcpClient } from './mcp-connection.js';

const CallSchema = z.object({ target: z.string(), tool: z.string(), readOnly: z.boolean() });
type Schema = { properties?: Record<string, { type?: string; description?: string }>; required?: string[] };

/** The tool's one required string argument, if it has exactly one: it takes text from the plan. */
function textArgument(entry: ExpertEntry): string | undefined {
  const schema = (entry.parameters ?? {}) as Schema;
  const strings = (schema.required ?? []).filter((k) => schema.properties?.[k]?.type === 'string');
  return strings.length === 1 ? strings[0] : undefined;
}

/** An MCP tool as a task type the planners can use: documented by the tool's own description and schema. */
export function mcpTaskType(entry: ExpertEntry): TaskType {
  const schema = (entry.parameters ?? {}) as Schema;
  const text = textArgument(entry);
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([k]) => k !== text));
  return TaskTypeSchema.parse({
    id: entry.task,
    name: `${entry.name} (${entry.domain ?? 'MCP'})`,
    description: entry.description,
    inputs: text ? [{ name: text, modality: 'text', description: schema.properties?.[text]?.description ?? '' }] : [],
    output: { modality: 'text', description: 'the tool result' },
    params: { type: 'object', properties, required: (schema.required ?? []).filter((k) => k !== text) },
    examples: [],
  });
}

/**
 * Runs an MCP tool through the official SDK: inputs and parameters become the call's
 * arguments, text content the result, a tool error a task error with the server's message.
 * Tools not annotated read-only change state somewhere: they run only with approval.
 */
export function mcpToolExpert(raw: ExpertEntry): Expert {
  const entry = ExpertEntrySchema.parse(raw);
  const call = CallSchema.parse(JSON.parse(entry.provider.call ?? '{}'));
  const text = textArgument(entry);
  return {
    entry,
    async check() {
      return { runnable: true, reason: `MCP tool ${call.tool} at ${call.target}${call.readOnly ? '' : ' (changes state: needs --yes)'}` };
    },
    async run(ctx) {
      if (!call.readOnly && !ctx.approved) {
        throw new TroupeError(ErrorCode.NeedsApproval, `${entry.id} is not marked read-only, so it may change state; it was not approved`, { hint: 'run again with --yes to allow it' });
      }
      const args: Record<string, unknown> = { ...ctx.params };
      if (text && ctx.inputs[text]) args[text] = artifactText(ctx.inputs[text]) ?? '';
      const result = await withMcpClient(call.target, (client) => client.callTool({ name: call.tool, arguments: args }, undefined, { signal: ctx.signal }));
      const content = Array.isArray(result.content) ? (result.content as Array<{ type: string; text?: string }>) : [];
      const out = content.filter((c) => c.type === 'text').map((c) => c.text ?? '').join('\n');
      if (result.isError) throw new TroupeError(ErrorCode.ExpertFailed, `${entry.id}: the MCP server answered with an error: ${out || 'no message'}`);
      return textOutput(ctx, out, `MCP ${call.tool} at ${call.target}`);
    },
  };
}
