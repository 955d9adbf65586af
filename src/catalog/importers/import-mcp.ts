import type { ExpertEntry } from '../../core/expert.js';
import type { NetAccess } from '../../net/http-policy.js';
import { withMcpClient } from '../../net/mcp-connection.js';
import { kebab } from './kebab.js';

/**
 * Every tool of an MCP server becomes an entry: its input schema as parameters, its
 * read-only annotation kept (other tools need approval to run), and how to reach it.
 */
export async function importMcp(target: string, options: { timeoutMs?: number } & NetAccess = {}): Promise<ExpertEntry[]> {
  return withMcpClient(target, async (client) => {
    const server = client.getServerVersion()?.name ?? 'mcp-server';
    const entries: ExpertEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.listTools(cursor ? { cursor } : {});
      for (const tool of page.tools) {
        entries.push({
          id: `mcp/${kebab(server)}/${tool.name}`,
          name: tool.name,
          task: `mcp-${kebab(server)}-${kebab(tool.name)}`,
          description: tool.description ?? tool.title ?? tool.name,
          domain: server,
          parameters: tool.inputSchema as Record<string, unknown>,
          inputs: [],
          outputs: ['text'],
          usage: `callTool({ name: '${tool.name}', arguments: {...} })`,
          composition: '',
          provider: { kind: 'mcp', call: JSON.stringify({ target, tool: tool.name, readOnly: tool.annotations?.readOnlyHint === true }) },
          languages: [],
          license: 'unknown',
          source: `MCP server ${server} (${target})`,
          popularity: 0,
          requires: { debian: [], commands: [] },
        });
      }
      cursor = page.nextCursor;
    } while (cursor);
    return entries;
  }, options);
}
