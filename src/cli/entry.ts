// Runs the CLI from source (tests, `npx tsx src/cli/entry.ts`); bin/troupe.js runs the compiled copy.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
