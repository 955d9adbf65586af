import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * Many conversations at once against a running `troupe serve` (a child process, so that its
 * memory is its own): each starts a thread, asks a short request of a fast local expert and
 * reads the run's event stream to its end. Prints throughput, p50 / p99 time to the first
 * event and to the end, the server's peak memory, and events lost or sent twice (their ids
 * must run 1, 2, 3, … with no gap and no repeat).
 */
const REQUESTS = [
  "what language is this text in: 'Bonjour tout le monde, comment allez-vous ?'",
  "Is this review positive or negative? 'The soup was cold and the waiter ignored us.'",
  "summarize this: 'The library is closed on Sunday. The garden is closed for repairs. Tickets are sold at the door.'",
  "who is mentioned in this text: 'Maria Lopez met Peter Smith in Lisbon on Tuesday.'",
];

/** Requests to the no-op expert: an MCP tool that returns its text (the server's own cost, with no work in the expert). */
const NO_OP_REQUEST = "echo the text 'hello there' back unchanged";

/**
 * A no-op expert for the server to call: an MCP server over stdio with one tool that returns
 * its input, written with the SDK the product already depends on, joined through a config file
 * as a user would join any MCP server.
 */
async function noOpMcpServer(dir: string): Promise<string> {
  const { writeFile } = await import('node:fs/promises');
  const script = join(dir, 'noop-mcp.mjs');
  await writeFile(
    script,
    `import { McpServer } from ${JSON.stringify(import.meta.resolve('@modelcontextprotocol/sdk/server/mcp.js'))};
import { StdioServerTransport } from ${JSON.stringify(import.meta.resolve('@modelcontextprotocol/sdk/server/stdio.js'))};
import { z } from ${JSON.stringify(import.meta.resolve('zod'))};
const server = new McpServer({ name: 'noop', version: '1.0.0' });
server.registerTool('echo_text', { description: 'Echo a text back unchanged: returns exactly the text it is given.', inputSchema: { text: z.string().describe('the text to echo back') }, annotations: { readOnlyHint: true } }, async ({ text }) => ({ content: [{ type: 'text', text }] }));
await server.connect(new StdioServerTransport());
`,
  );
  const config = join(dir, 'config.yaml');
  await writeFile(config, `mcpServers:\n  - command: ${JSON.stringify(`${process.execPath} ${script}`)}\n`);
  return config;
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

async function conversation(base: string, request: string): Promise<{ firstMs: number; endMs: number; ids: number[]; ok: boolean }> {
  const start = performance.now();
  const { threadId } = (await (await fetch(`${base}/threads`, { method: 'POST' })).json()) as { threadId: string };
  const { stream } = (await (await fetch(`${base}/threads/${threadId}/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ request }) })).json()) as { stream: string };
  const reader = (await fetch(`${base}${stream}`)).body!.getReader();
  let firstMs = NaN;
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (Number.isNaN(firstMs)) firstMs = performance.now() - start;
    text += new TextDecoder().decode(value);
  }
  const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
  return { firstMs, endMs: performance.now() - start, ids, ok: /event: run-finished/.test(text) };
}

export async function benchServe(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { conversations: { type: 'string', default: '200' }, json: { type: 'boolean', default: false } } });
  const n = Number(values.conversations);
  const dir = await mkdtemp(join(tmpdir(), 'troupe-bench-serve-'));
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = fromSource ? fileURLToPath(new URL('../cli/entry.ts', import.meta.url)) : fileURLToPath(new URL('../../bin/troupe.js', import.meta.url));
  const config = await noOpMcpServer(dir);
  const child = spawn(process.execPath, [...(fromSource ? ['--import', 'tsx'] : []), entry, 'serve', '--port', '0', '--data', join(dir, 'data'), '--config', config], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/[\d.:]+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('close', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
  try {
    // One conversation first, so that start-up (the encoder, the experts' modules) is not counted.
    await conversation(base, REQUESTS[0]!);
    const start = performance.now();
    // Every fifth conversation asks the no-op expert; the rest ask fast local experts.
    const results = await Promise.all(Array.from({ length: n }, (_, i) => conversation(base, i % 5 === 4 ? NO_OP_REQUEST : REQUESTS[i % REQUESTS.length]!)));
    const noOp = await conversation(base, NO_OP_REQUEST);
    if (!noOp.ok) throw new Error('the no-op expert did not answer');
    const seconds = (performance.now() - start) / 1000;
    const lost = results.reduce((sum, r) => sum + (r.ids.length ? r.ids.at(-1)! - new Set(r.ids).size : 1), 0);
    const duplicated = results.reduce((sum, r) => sum + (r.ids.length - new Set(r.ids).size), 0);
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const peakMiB = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
    const report = {
      conversations: n,
      finished: results.filter((r) => r.ok).length,
      perSecond: Math.round((n / seconds) * 10) / 10,
      firstEventMs: { p50: Math.round(percentile(results.map((r) => r.firstMs), 50)), p99: Math.round(percentile(results.map((r) => r.firstMs), 99)) },
      answerMs: { p50: Math.round(percentile(results.map((r) => r.endMs), 50)), p99: Math.round(percentile(results.map((r) => r.endMs), 99)) },
      serverPeakMiB: Math.round(peakMiB),
      lostEvents: lost,
      duplicatedEvents: duplicated,
      cores: cpus().length,
    };
    if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      process.stdout.write(`${n} conversations at once against troupe serve (${report.cores} cores): ${report.finished} finished, ${report.perSecond} per second\n`);
      process.stdout.write(`first event p50 ${report.firstEventMs.p50} ms, p99 ${report.firstEventMs.p99} ms; answer p50 ${report.answerMs.p50} ms, p99 ${report.answerMs.p99} ms\n`);
      process.stdout.write(`server peak RSS ${report.serverPeakMiB} MiB; events lost ${lost}, sent twice ${duplicated}\n`);
    }
    return report.finished === n && lost === 0 && duplicated === 0 ? 0 : 1;
  } finally {
    child.kill('SIGINT');
  }
}
