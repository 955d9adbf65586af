// Child process of `npm run bench experts`: runs one expert `runs` times in a fresh
// process and prints {cold, warm[], maxRssMb} as JSON. A fresh process makes "cold"
// honest: library loading and model loading are inside the first call.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_EXPERTS } from '../experts/local/index.js';
import { BENCH_INPUTS } from './expert-fixtures.js';

const [id, runsArg] = process.argv.slice(2);
const expert = LOCAL_EXPERTS.find((e) => e.entry.id === id);
const input = id ? BENCH_INPUTS[id] : undefined;
if (!expert || !input) {
  process.stderr.write(`unknown expert or no bench input: ${id}\n`);
  process.exit(2);
}
const availability = await expert.check();
if (!availability.runnable) {
  process.stdout.write(JSON.stringify({ skipped: availability.reason }) + '\n');
  process.exit(0);
}
const times: number[] = [];
for (let i = 0; i < Number(runsArg ?? 6); i++) {
  const dir = await mkdtemp(join(tmpdir(), 'troupe-bench-'));
  const start = performance.now();
  await expert.run({ inputs: input.inputs, params: input.params ?? {}, signal: new AbortController().signal, scratchDir: dir, outputPath: (ext) => join(dir, `out.${ext}`) });
  times.push(performance.now() - start);
  await rm(dir, { recursive: true, force: true });
}
// maxRSS covers this process only; programs the expert spawns (tesseract, apertium) are reported by the parent.
process.stdout.write(JSON.stringify({ cold: times[0], warm: times.slice(1), maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
