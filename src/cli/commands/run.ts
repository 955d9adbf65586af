import type { Command } from 'commander';
import { catalogFor } from '../../app/catalog-for.js';
import { controllerFor } from '../../app/controller-for.js';
import { runRequest } from '../../app/run-request.js';
import { RUN_DEFAULTS } from '../../execute/scheduler.js';
import { terminalApprover } from '../approval-prompt.js';
import { collect, configOption, llmOption, memoryOption, positiveInteger, positiveNumber, type SetExit } from '../options.js';
import { createProgress } from '../progress.js';

interface RunOptions { input: string[]; out?: string; json?: boolean; llm?: string; timeout: number; concurrency: number; db?: string; config?: string; memory?: string; yes?: boolean }

/** `troupe run`: plan, run and answer a request. */
export function registerRun(program: Command, setExit: SetExit): void {
  program
    .command('run')
    .description('plan, run and answer a request')
    .argument('<request>', 'what you want, in words, e.g. "read the sign in this photo and translate it into Spanish"')
    .option('-i, --input <file>', 'an input file (image, audio, text); repeatable', collect, [])
    .option('-o, --out <dir>', 'output folder (default: ./troupe-runs/<runId>)')
    .option('--json', 'print the run record as one JSON object on stdout')
    .addOption(llmOption())
    .option('--timeout <seconds>', 'per-task time limit', positiveNumber, RUN_DEFAULTS.timeoutMs / 1000)
    .option('--db <file>', 'catalog database to select from as well (default: $TROUPE_CATALOG or ~/.local/share/troupe/catalog.db, if it exists)')
    .option('--concurrency <n>', 'tasks run at once', positiveInteger, RUN_DEFAULTS.concurrency)
    .addOption(configOption())
    .addOption(memoryOption())
    .option('--yes', 'allow operations that may change state (non-GET OpenAPI operations, MCP tools not marked read-only); without it a terminal asks, and otherwise they are skipped')
    .action(async (request: string, opts: RunOptions) => {
      const controller = await controllerFor(opts.llm, opts.memory);
      const catalog = await catalogFor(opts, request);
      const progress = opts.json && !process.stderr.isTTY ? undefined : createProgress();
      // Without --yes, a person at a terminal is asked; a script (no TTY) gets the skip and the reason.
      const approve = opts.yes ? true : process.stdin.isTTY && process.stderr.isTTY ? terminalApprover(progress ?? { pause() {}, resume() {} }) : undefined;
      const abort = new AbortController();
      const onSigint = () => {
        if (abort.signal.aborted) process.exit(130);
        process.stderr.write('\ncancelling… (Ctrl-C again to quit at once)\n');
        abort.abort();
      };
      process.on('SIGINT', onSigint);
      try {
        const record = await runRequest({
          request,
          inputs: opts.input,
          controller,
          catalog,
          ...(opts.out ? { outDir: opts.out } : {}),
          timeoutMs: opts.timeout * 1000,
          concurrency: opts.concurrency,
          signal: abort.signal,
          ...(approve ? { approve } : {}),
          ...(progress ? { onEvent: progress.onEvent } : {}),
        });
        progress?.stop(); // its line is gone from stderr before the answer appears on stdout
        if (opts.json) process.stdout.write(JSON.stringify(record) + '\n');
        else process.stdout.write(`${record.answer}\n`);
        setExit(record.status === 'succeeded' ? 0 : 1);
      } finally {
        progress?.stop();
        process.off('SIGINT', onSigint);
      }
    });
}
