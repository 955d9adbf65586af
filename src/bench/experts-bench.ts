import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LOCAL_EXPERTS } from '../experts/local/index.js';

interface Row {
  expert: string;
  task: string;
  coldMs?: number;
  warmMs?: number;
  nodeRssMb?: number;
  skipped?: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * `npm run bench experts [-- --runs N] [--json]`: cold and warm latency and peak memory of
 * every local expert on the project's fixtures, each expert in a fresh Node process.
 */
export function benchExperts(args: string[]): number {
  const runs = Number(args[args.indexOf('--runs') + 1]) || 6;
  const json = args.includes('--json');
  const child = fileURLToPath(new URL('./expert-once.ts', import.meta.url));
  const rows: Row[] = [];
  for (const expert of LOCAL_EXPERTS) {
    process.stderr.write(`bench ${expert.entry.id}…\n`);
    const result = spawnSync(process.execPath, ['--import', 'tsx', child, expert.entry.id, String(runs)], { encoding: 'utf8' });
    const row: Row = { expert: expert.entry.id, task: expert.entry.task };
    try {
      const out = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}');
      if (out.skipped) row.skipped = out.skipped;
      else Object.assign(row, { coldMs: Math.round(out.cold), warmMs: Math.round(median(out.warm)), nodeRssMb: Math.round(out.maxRssMb) });
    } catch {
      row.skipped = `failed: ${result.stderr.trim().split('\n').pop()}`;
    }
    rows.push(row);
  }
  if (json) {
    process.stdout.write(JSON.stringify({ runs, node: process.version, rows }) + '\n');
    return 0;
  }
  const header = ['expert', 'task', 'cold ms', 'warm ms', 'peak RSS MB'];
  const table = rows.map((r) => (r.skipped ? [r.expert, r.task, '-', '-', `skipped: ${r.skipped}`] : [r.expert, r.task, String(r.coldMs), String(r.warmMs), String(r.nodeRssMb)]));
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${table.map(line).join('\n')}\n`);
  process.stdout.write(`\n${runs} runs per expert in a fresh Node ${process.version} process; cold = first run (loading included), warm = median of the rest; peak RSS of the Node process (spawned programs not included).\n`);
  return 0;
}
