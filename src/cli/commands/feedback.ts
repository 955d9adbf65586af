import type { Command } from 'commander';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { memoryOption, type SetExit } from '../options.js';

/** `troupe feedback`: a verdict on a run's plan, kept in the plan memory. */
export function registerFeedback(program: Command, setExit: SetExit): void {
  program
    .command('feedback')
    .description('say whether a run\'s plan was good or bad; good plans are re-used for similar requests (TaskMatrix.AI\'s feedback loop)')
    .argument('<run>', 'the run id (its folder is troupe-runs/<runId>), or the path of its run.json')
    .argument('<verdict>', 'good or bad')
    .option('--note <text>', 'what was right or wrong')
    .option('--runs <dir>', 'where runs are kept', 'troupe-runs')
    .addOption(memoryOption())
    .option('--json', 'print {runId, verdict, request, memory: {path, good, bad}}')
    .action(async (run: string, verdict: string, opts: { note?: string; runs: string; memory?: string; json?: boolean }) => {
      const [{ PlanMemory, VerdictSchema, defaultMemoryPath }, { recordFeedback, findRunJson }] = await Promise.all([import('../../memory/plan-memory.js'), import('../../memory/feedback.js')]);
      const parsed = VerdictSchema.safeParse(verdict);
      if (!parsed.success) throw new TroupeError(ErrorCode.BadUsage, `the verdict must be good or bad, not "${verdict}"`);
      await findRunJson(run, opts.runs); // a run that does not exist is said before the memory is opened (and created)
      const memory = new PlanMemory(opts.memory ?? defaultMemoryPath());
      try {
        const { remembered, path } = await recordFeedback(memory, run, parsed.data, { ...(opts.note ? { note: opts.note } : {}), runsDir: opts.runs });
        const counts = memory.counts();
        if (opts.json) process.stdout.write(`${JSON.stringify({ runId: remembered.runId, verdict: remembered.verdict, request: remembered.request, memory: { path: memory.path, ...counts } })}\n`);
        else process.stdout.write(`recorded "${remembered.verdict}" for ${remembered.runId} ("${remembered.request}") in ${path} and ${memory.path}; the memory holds ${counts.good} good and ${counts.bad} bad plans\n`);
      } finally {
        memory.close();
      }
      setExit(0);
    });
}
