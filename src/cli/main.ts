import { Command, CommanderError } from 'commander';
import { describeError, ErrorCode, isUsageError, TroupeError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { registerCatalogImport } from './commands/catalog-import.js';
import { registerCatalogSearch } from './commands/catalog-search.js';
import { registerCatalogStats } from './commands/catalog-stats.js';
import { registerDoctor } from './commands/doctor.js';
import { registerFeedback } from './commands/feedback.js';
import { registerMcp } from './commands/mcp.js';
import { registerPlan } from './commands/plan.js';
import { registerResume } from './commands/resume.js';
import { registerRun } from './commands/run.js';
import { registerRuns } from './commands/runs.js';
import { registerServe } from './commands/serve.js';
import { registerSetup } from './commands/setup.js';
import { registerQueue, registerWorker } from './commands/worker.js';
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
  registerResume(program, setExit);
  registerRuns(program, setExit);
  registerPlan(program, setExit);
  registerFeedback(program, setExit);
  registerDoctor(program, setExit);
  const catalog = program.command('catalog').description('the catalog of experts and APIs: import sources, search, count');
  registerCatalogImport(catalog, setExit);
  registerCatalogSearch(catalog, setExit);
  registerCatalogStats(catalog, setExit);
  registerServe(program, setExit);
  registerMcp(program, setExit);
  registerWorker(program, setExit);
  registerQueue(program, setExit);
  registerSetup(program, setExit);
  return program;
}

/** The error as one JSON object, for scripts that asked for --json: they read stdout, not stderr. */
function errorJson(error: unknown, exitCode: number): string {
  const body =
    error instanceof TroupeError
      ? { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) }
      : error instanceof CommanderError
        ? { code: ErrorCode.BadUsage, message: error.message.replace(/^error: /, '') }
        : { code: 'INTERNAL', message: (error as Error)?.message ?? String(error) };
  return `${JSON.stringify({ error: body, exitCode })}\n`;
}

/** Runs the CLI; resolves to the exit code (0 ok, 1 run failed, 2 bad usage or input). */
export async function main(argv: string[]): Promise<number> {
  ignoreClosedStdout();
  let code = 0;
  const program = buildProgram((c) => (code = c));
  const json = argv.includes('--json');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; anything else commander rejects is usage.
      if (error.exitCode !== 0 && json) process.stdout.write(errorJson(error, 2));
      return error.exitCode === 0 ? 0 : 2;
    }
    const exitCode = isUsageError(error) ? 2 : 1;
    process.stderr.write(`troupe: ${describeError(error)}\n`);
    if (json) process.stdout.write(errorJson(error, exitCode));
    if (process.env.TROUPE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return exitCode;
  }
}

/**
 * `troupe --help | head -3`: the reader went away, which is not an error of ours. Without a
 * listener the EPIPE would be thrown as an unhandled 'error' event with a stack trace.
 */
let stdoutGuarded = false;
function ignoreClosedStdout(): void {
  if (stdoutGuarded) return;
  stdoutGuarded = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
