// `npm run bench <name> [-- options]`: benchmarks that print figures. Never run by `npm test`.
import { benchExperts } from './experts-bench.js';
import { benchRetrieval } from './retrieval/retrieval-bench.js';
import { benchMemory } from './taskbench/memory-bench.js';

const BENCHES: Record<string, (args: string[]) => number | Promise<number>> = { experts: benchExperts, retrieval: benchRetrieval, memory: benchMemory };

const [name, ...args] = process.argv.slice(2);
const bench = name ? BENCHES[name] : undefined;
if (!bench) {
  process.stderr.write(`usage: npm run bench <${Object.keys(BENCHES).join('|')}> [-- options]\n`);
  process.exit(2);
}
process.exitCode = await bench(args);
