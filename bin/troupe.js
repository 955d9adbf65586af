#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm run build` (run automatically by `npm ci` through `prepare`).
// `troupe bench ...` goes to the benchmarks' own program: the product never imports them.
const [command, ...rest] = process.argv.slice(2);
const { main } = command === 'bench' ? await import('../dist/bench/bench-program.js') : await import('../dist/cli/main.js');
process.exitCode = await main(command === 'bench' ? rest : process.argv.slice(2));
