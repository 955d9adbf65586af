import { Command, CommanderError } from 'commander';
import { describeError, isUsageError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { registerCatalogImport } from './commands/catalog-import.js';
import { registerCatalogSearch } from './commands/catalog-search.js';
import { registerCatalogStats } from './commands/catalog-stats.js';
import { registerDoctor } from './commands/doctor.js';
import { registerFeedback } from './commands/feedback.js';
import { registerPlan } from './commands/plan.js';
import { registerRun } from './commands/run.js';
import { registerSetup } from './commands/setup.js';
import type { SetExit } from './options.js';

/** The `troupe` program: one file per command under commands/, wired here. */
export function buildProgram(setExit: SetExit): Command {
  const program = new Command('troupe')
    .description('Plans a request into tasks, picks an expert for each from the catalog, runs the plan as a graph, and answers. Offline by default.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .addHelpText(
      'after',
      `
Examples:
  troupe run "Read the sign in this photo, translate it into Spanish and read it aloud" --input examples/sign.png
  troupe run "what language is this text in: 'Bonjour tout le monde'"
  troupe plan "Translate the text in this picture into Catalan" -i photo.jpg --json --format hugginggpt
  troupe run "..." --llm ollama:llama3.2          (or TROUPE_LLM=openai:gpt-4o-mini)
  troupe doctor
  troupe bench --help                             benchmarks: APIBench, TaskBench, speed and memory

Exit codes: 0 all tasks succeeded, 1 the run failed (outputs and run.json are kept), 2 bad usage or input.`,
    );

  registerRun(program, setExit);
  registerPlan(program, setExit);
  registerFeedback(program, setExit);
  registerDoctor(program, setExit);
  const catalog = program.command('catalog').description('the catalog of experts and APIs: import sources, search, count');
  registerCatalogImport(catalog, setExit);
  registerCatalogSearch(catalog, setExit);
  registerCatalogStats(catalog, setExit);
  registerSetup(program, setExit);
  return program;
}

/** Runs the CLI; resolves to the exit code (0 ok, 1 run failed, 2 bad usage or input). */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; anything else commander rejects is usage.
      return error.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(`troupe: ${describeError(error)}\n`);
    if (process.env.TROUPE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return isUsageError(error) ? 2 : 1;
  }
}
