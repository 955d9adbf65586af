import type { Command } from 'commander';
import { resumeRun } from '../../app/run-request.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { RunStore } from '../../runs/run-store.js';
import type { SetExit } from '../options.js';
import { runSession, type SessionOptions } from '../run-session.js';
import { addSessionOptions } from './run.js';

/** `troupe resume`: finish an interrupted or failed run without redoing what succeeded. */
export function registerResume(program: Command, setExit: SetExit): void {
  const command = program
    .command('resume')
    .description('finish an interrupted or failed run: tasks that succeeded (their files still on disk) are kept, the rest run again with the same plan')
    .argument('<runId>', 'the run id (troupe runs lists them)');
  addSessionOptions(command).action(async (runId: string, opts: SessionOptions) => {
    const store = new RunStore();
    try {
      const stored = store.load(runId);
      if (!stored) throw new TroupeError(ErrorCode.InputNotFound, `no run ${runId} in the run store ${store.path}`, { hint: 'troupe runs lists the runs it holds' });
      await runSession(stored.request, opts, setExit, (parts) => resumeRun(runId, { ...parts, store }));
    } finally {
      store.close();
    }
  });
}
