import { z } from 'zod';
import { ExpertEntrySchema, type Expert, type ExpertEntry } from '../../core/expert.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { artifactText } from '../../core/artifact.js';
import { textOutput } from '../shared/write-output.js';
import type { NetAccess } from '../../net/http-policy.js';
import { withMcpClient } from '../../net/mcp-connection.js';
import { textArgument } from './remote-task-type.js';
import { requireApproval } from '../shared/guards.js';

const CallSchema = z.object({ target: z.string(), tool: z.string(), readOnly: z.boolean() });
/**
 * Runs an MCP tool through the official SDK: inputs and parameters become the call's
 * arguments, text content the result, a tool error a task error with the server's message.
 * Tools not annotated read-only change state somewhere: they run only with approval.
 */
export function mcpToolExpert(raw: ExpertEntry, access: NetAccess = {}): Expert {
  const entry = ExpertEntrySchema.parse(raw);
  const call = CallSchema.parse(JSON.parse(entry.provider.call ?? '{}'));
  const text = textArgument(entry);
  return {
    entry,
    ...(call.readOnly ? {} : { changesState: `call the MCP tool ${call.tool} at ${call.target} (not marked read-only)` }),
    async check() {
      return { runnable: true, reason: `MCP tool ${call.tool} at ${call.target}${call.readOnly ? '' : ' (changes state: needs --yes)'}` };
    },
    async run(ctx) {
      if (!call.readOnly) requireApproval(ctx, `${entry.id} is not marked read-only, so it`);
      const args: Record<string, unknown> = { ...ctx.params };
      if (text && ctx.inputs[text]) args[text] = artifactText(ctx.inputs[text]) ?? '';
      const result = await withMcpClient(call.target, (client) => client.callTool({ name: call.tool, arguments: args }, undefined, { signal: ctx.signal }), access);
      const content = Array.isArray(result.content) ? (result.content as Array<{ type: string; text?: string }>) : [];
      const out = content.filter((c) => c.type === 'text').map((c) => c.text ?? '').join('\n');
      if (result.isError) throw new TroupeError(ErrorCode.ExpertFailed, `${entry.id}: the MCP server answered with an error: ${out || 'no message'}`);
      return textOutput(ctx, out, `MCP ${call.tool} at ${call.target}`);
    },
  };
}
