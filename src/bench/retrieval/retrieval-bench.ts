import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINES } from './engines.js';

/**
 * `npm run bench retrieval [-- --sizes 1000,10000,100000,1000000] [--engines bm25f,sqlite,minisearch] [--shared DIR] [--json]`:
 * build time, p50/p99 query latency and memory per engine and catalog size, and recall@1/@5
 * on TorchHub; each measurement in a fresh process.
 */
export function benchRetrieval(args: string[]): number {
  const opt = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
  const sizes = opt('--sizes', '1000,10000,100000,1000000').split(',').map(Number);
  const engines = opt('--engines', Object.keys(ENGINES).join(',')).split(',');
  const shared = opt('--shared', join(process.cwd(), '..', 'shared', 'data'));
  if (!existsSync(join(shared, 'apibench'))) {
    process.stderr.write(`bench retrieval needs the APIBench data: ${shared}/apibench not found (pass --shared DIR)\n`);
    return 2;
  }
  const child = fileURLToPath(new URL('./retrieval-once.ts', import.meta.url));
  const run = (engine: string, size: number) => {
    process.stderr.write(`bench retrieval: ${engine} ${size || 'recall on TorchHub'}…\n`);
    const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=16000', '--import', 'tsx', child, engine, String(size), shared], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const line = r.stdout.trim().split('\n').pop();
    if (r.status !== 0 || !line) return { engine, size, error: r.stderr.trim().split('\n').slice(-3).join(' ') };
    return JSON.parse(line);
  };
  const recall = engines.map((e) => run(e, 0));
  const rows = sizes.flatMap((size) => engines.map((e) => run(e, size)));
  if (args.includes('--json')) {
    process.stdout.write(JSON.stringify({ node: process.version, recall, rows }) + '\n');
    return 0;
  }
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  process.stdout.write('Recall on TorchHub (94 APIs, 186 questions):\n');
  for (const r of recall) {
    process.stdout.write(`  ${r.engine.padEnd(13)} ${r.recall ? `API recall@1 ${pct(r.recall.at1)}  @5 ${pct(r.recall.at5)}   domain recall@1 ${pct(r.recall.domainAt1)}  @5 ${pct(r.recall.domainAt5)}` : r.error}\n`);
  }
  process.stdout.write('\n                                   long questions     4-word queries\nengine         entries    build s   p50 ms   p99 ms   p50 ms   p99 ms   heap MB   RSS MB   disk MB\n');
  for (const r of rows) {
    if (r.error) {
      process.stdout.write(`${r.engine.padEnd(11)} ${String(r.size).padStart(8)}   failed: ${r.error}\n`);
      continue;
    }
    const cells = [(r.buildMs / 1000).toFixed(1), r.p50.toFixed(2), r.p99.toFixed(2), r.shortP50.toFixed(2), r.shortP99.toFixed(2), String(r.heapMb), String(r.rssMb), r.diskMb === undefined ? '-' : String(r.diskMb)];
    process.stdout.write(`${r.engine.padEnd(13)} ${String(r.size).padStart(8)}  ${cells.map((c, i) => ` ${c.padStart([8, 8, 8, 9, 8, 10, 8, 9][i]! - 1)}`).join('')}\n`);
  }
  const partial = rows.filter((r) => r.queriesTimed && r.queriesTimed < 558).map((r) => `${r.engine} ${r.size}: ${r.queriesTimed}`);
  if (partial.length) process.stdout.write(`\nLong-question latency measured on fewer queries within the 30 s budget: ${partial.join(', ')}.`);
  process.stdout.write(`\nQueries: the 186 TorchHub questions, 3 passes, top 5. Entries: the real APIBench APIs, then synthetic variants of them. Node ${process.version}.\n`);
  return 0;
}
