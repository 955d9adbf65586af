import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { catalogFor } from '../../app/catalog-for.js';
import { controllerFor } from '../../app/controller-for.js';
import { configOption, llmOption, memoryOption, type SetExit } from '../options.js';

/** `troupe mcp`: Troupe as an MCP server over stdio, for an agent or an editor to call. */
export function registerMcp(program: Command, setExit: SetExit): void {
  program
    .command('mcp')
    .description('serve Troupe as an MCP server over stdio (tools: run_request, plan_request, list_experts, search_catalog)')
    .option('--data <dir>', 'where run outputs and the run store are kept', 'troupe-data')
    .addOption(llmOption())
    .option('--db <file>', 'catalog database to select from as well')
    .addOption(configOption())
    .addOption(memoryOption())
    .action(async (opts: { data: string; llm?: string; db?: string; config?: string; memory?: string }) => {
      const [{ StdioServerTransport }, { troupeMcpServer }, { RunStore }] = await Promise.all([
        import('@modelcontextprotocol/sdk/server/stdio.js'),
        import('../../serve/mcp-server.js'),
        import('../../runs/run-store.js'),
      ]);
      const dataDir = resolve(opts.data);
      await mkdir(dataDir, { recursive: true });
      const store = new RunStore(join(dataDir, 'runs.db'));
      const server = troupeMcpServer({ controller: await controllerFor(opts.llm, opts.memory), catalog: await catalogFor(opts), store, dataDir });
      const transport = new StdioServerTransport();
      const closed = new Promise<void>((done) => (transport.onclose = done));
      await server.connect(transport);
      // stdout carries the protocol: a word of ours there would break it, so this goes to stderr.
      process.stderr.write(`troupe mcp: ready on stdio (data in ${dataDir})\n`);
      await closed;
      store.close();
      setExit(0);
    });
}
