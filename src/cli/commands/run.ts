import type { Command } from 'commander';
import { runRequest } from '../../app/run-request.js';
import { RUN_DEFAULTS } from '../../execute/scheduler.js';
import { collect, configOption, llmOption, memoryOption, positiveInteger, positiveNumber, type SetExit } from '../options.js';
import { runSession, type SessionOptions } from '../run-session.js';

interface RunOptions extends SessionOptions { input: string[]; out?: string }

/** The options `run` and `resume` share, in the same words. */
export function addSessionOptions(command: Command): Command {
  return command
    .option('--json', 'print the run record as one JSON object on stdout')
    .addOption(llmOption())
    .option('--timeout <seconds>', 'per-task time limit', positiveNumber, RUN_DEFAULTS.timeoutMs / 1000)
    .option('--db <file>', 'catalog database to select from as well (default: $TROUPE_CATALOG or ~/.local/share/troupe/catalog.db, if it exists)')
    .option('--concurrency <n>', 'tasks run at once', positiveInteger, RUN_DEFAULTS.concurrency)
    .addOption(configOption())
    .addOption(memoryOption())
    .option('--queue <redis-url>', 'run each task on a worker of its class (troupe worker) through BullMQ on this Redis, e.g. redis://127.0.0.1:6379; files go by path on a folder every worker shares')
    .option('--artifacts <s3-url>', 'with --queue: files go through this S3-compatible bucket (s3://BUCKET/PREFIX; TROUPE_S3_ENDPOINT and the AWS credentials on every machine) instead of a shared folder')
    .option('--yes', 'allow operations that may change state (non-GET OpenAPI operations, MCP tools not marked read-only); without it a terminal asks, and otherwise they are skipped');
}

/** `troupe run`: plan, run and answer a request. */
export function registerRun(program: Command, setExit: SetExit): void {
  const command = program
    .command('run')
    .description('plan, run and answer a request')
    .argument('<request>', 'what you want, in words, e.g. "read the sign in this photo and translate it into Spanish"')
    .option('-i, --input <file>', 'an input file (image, audio, text); repeatable', collect, [])
    .option('-o, --out <dir>', 'output folder, new or empty (default: ./troupe-runs/<runId>)');
  addSessionOptions(command).action(async (request: string, opts: RunOptions) => {
    await runSession(request, opts, setExit, (parts) => runRequest({ request, inputs: opts.input, ...(opts.out ? { outDir: opts.out } : {}), ...parts }));
  });
}
