// A real MCP server built with the official SDK, for tests: over stdio when run as a
// program, or over streamable HTTP with `startMcpHttpServer`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

export const notes: string[] = [];

export function buildServer(): McpServer {
  const server = new McpServer({ name: 'text-tools', version: '1.0.0' });
  server.registerTool(
    'word_count',
    { description: 'Count the words in a text.', inputSchema: { text: z.string().describe('the text whose words to count') }, annotations: { readOnlyHint: true } },
    async ({ text }) => ({ content: [{ type: 'text', text: String(text.split(/\s+/).filter(Boolean).length) }] }),
  );
  server.registerTool(
    'reverse_text',
    { description: 'Reverse the order of the characters of a text (mirror writing).', inputSchema: { text: z.string() }, annotations: { readOnlyHint: true } },
    async ({ text }) => (text === 'fail' ? { isError: true, content: [{ type: 'text', text: 'cannot reverse the word fail' }] } : { content: [{ type: 'text', text: [...text].reverse().join('') }] }),
  );
  server.registerTool(
    'save_note',
    { description: 'Save a text as a note on the server.', inputSchema: { text: z.string() } },
    async ({ text }) => {
      notes.push(text);
      return { content: [{ type: 'text', text: `saved note ${notes.length}` }] };
    },
  );
  return server;
}

/** Stateless streamable HTTP on loopback: a fresh server and transport per request, as the SDK recommends. */
export async function startMcpHttpServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const http = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
    const server = buildServer();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => void transport.close().then(() => server.close()));
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: () => new Promise<void>((resolve) => (http.closeAllConnections(), http.close(() => resolve()))),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildServer().connect(new StdioServerTransport());
}
