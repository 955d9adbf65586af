import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { assertAllowed, defaultPolicy, guardedFetch, type NetAccess } from './http-policy.js';

/** An MCP server: a streamable-HTTP URL, or a command line started over stdio. */
export function parseMcpTarget(target: string): { kind: 'http'; url: string } | { kind: 'stdio'; command: string; args: string[] } {
  if (/^https?:\/\//.test(target)) return { kind: 'http', url: target };
  const words = target.match(/"[^"]*"|'[^']*'|\S+/g)?.map((w) => w.replace(/^["']|["']$/g, '')) ?? [];
  if (!words[0]) throw new TroupeError(ErrorCode.BadUsage, 'no MCP server given', { hint: 'pass a command (e.g. "npx some-mcp-server") or an http(s) URL' });
  return { kind: 'stdio', command: words[0], args: words.slice(1) };
}

/**
 * Connects the official SDK client to a server, runs `use`, and closes the connection (and
 * the stdio child) whatever happens. Connection failures name the server.
 */
export async function withMcpClient<T>(target: string, use: (client: Client) => Promise<T>, options: { timeoutMs?: number } & NetAccess = {}): Promise<T> {
  const parsed = parseMcpTarget(target);
  const policy = defaultPolicy(options);
  if (parsed.kind === 'http') await assertAllowed(new URL(parsed.url), policy);
  const client = new Client({ name: 'troupe', version: VERSION });
  const transport =
    parsed.kind === 'http'
      ? new (await import('@modelcontextprotocol/sdk/client/streamableHttp.js')).StreamableHTTPClientTransport(new URL(parsed.url), { fetch: guardedFetch(policy.allowHosts) })
      : new (await import('@modelcontextprotocol/sdk/client/stdio.js')).StdioClientTransport({ command: parsed.command, args: parsed.args, stderr: 'ignore' });
  try {
    await client.connect(transport, { timeout: options.timeoutMs ?? 30_000 });
  } catch (error) {
    await client.close().catch(() => {});
    throw new TroupeError(ErrorCode.ExpertFailed, `cannot connect to the MCP server ${target}: ${(error as Error).message}`, { hint: 'check the command or URL, and that the server speaks MCP', transient: parsed.kind === 'http' });
  }
  try {
    return await use(client);
  } finally {
    await client.close().catch(() => {});
  }
}
