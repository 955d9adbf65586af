// `npm run bench <name> [-- options]`: the benchmarks from source; `troupe bench` runs the same program built.
import { main } from './bench-program.js';

process.exitCode = await main(process.argv.slice(2));
