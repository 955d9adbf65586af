import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { defaultCatalog } from '../app/default-catalog.js';
import { BuiltinController } from '../controller/builtin-controller.js';
import { buildServer } from './server.js';

const SIGN = fileURLToPath(new URL('../../examples/sign.png', import.meta.url));
const ENTRY = fileURLToPath(new URL('../cli/entry.ts', import.meta.url));
const LANGUAGE = "what language is this text in: 'Bonjour tout le monde, comment allez-vous ?'";

type Content = Array<{ type: string; text?: string; data?: string; mimeType?: string }>;

/** What every transport must give: the tools, a run with its answer, a plan, the experts. */
async function exercise(client: Client): Promise<void> {
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((t) => t.name).sort(), ['list_experts', 'plan_request', 'run_request', 'search_catalog']);
  const progress: string[] = [];
  const ran = await client.callTool({ name: 'run_request', arguments: { request: LANGUAGE } }, undefined, { onprogress: (p) => progress.push(p.message ?? '') });
  assert.equal(ran.isError, false);
  assert.match((ran.content as Content)[0]!.text!, /French/);
  assert.ok(progress.some((m) => m.startsWith('plan: language-identification')), progress.join(' | '));
  const planned = await client.callTool({ name: 'plan_request', arguments: { request: LANGUAGE } });
  assert.equal(JSON.parse((planned.content as Content)[0]!.text!).plan.tasks[0].task, 'language-identification');
  const experts = JSON.parse(((await client.callTool({ name: 'list_experts', arguments: {} })).content as Content)[0]!.text!);
  assert.ok(experts.some((e: { id: string; runnable: boolean }) => e.id === 'local/eld-language-id' && e.runnable));
  const found = JSON.parse(((await client.callTool({ name: 'search_catalog', arguments: { query: 'translate text' } })).content as Content)[0]!.text!);
  assert.equal(found[0].id, 'translation');
  const refused = await client.callTool({ name: 'run_request', arguments: { request: "What's the weather in Madrid today?" } });
  assert.equal(refused.isError, true);
}

describe('Troupe as an MCP server, driven by the SDK\'s own client', () => {
  it('over stdio (troupe mcp)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'troupe-mcp-'));
    const transport = new StdioClientTransport({ command: process.execPath, args: ['--import', 'tsx', ENTRY, 'mcp', '--data', join(dir, 'data')], cwd: fileURLToPath(new URL('../..', import.meta.url)), stderr: 'ignore' });
    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(transport);
    try {
      await exercise(client);
    } finally {
      await client.close();
    }
  });

  it('over Streamable HTTP (troupe serve at /mcp), images returned as image content', async () => {
    const server = await buildServer({ dataDir: await mkdtemp(join(tmpdir(), 'troupe-mcp-http-')), controller: new BuiltinController(), catalog: defaultCatalog() });
    const base = await server.app.listen({ host: '127.0.0.1', port: 0 });
    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`)));
    try {
      await exercise(client);
      const grey = await client.callTool({ name: 'run_request', arguments: { request: 'make this photo grayscale', files: [SIGN] } });
      const image = (grey.content as Content).find((c) => c.type === 'image');
      assert.equal(image?.mimeType, 'image/png');
      assert.equal(Buffer.from(image!.data!, 'base64').subarray(1, 4).toString('latin1'), 'PNG');
    } finally {
      await client.close();
      await server.close();
    }
  });
});
