import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { defaultRunsPath, RunStore } from '../../runs/run-store.js';
import { positiveInteger, type SetExit } from '../options.js';

/** Opens the run store only if it exists: listing runs never creates one. */
function openIfThere(): RunStore | undefined {
  const path = defaultRunsPath();
  return existsSync(path) ? new RunStore(path) : undefined;
}

/** `troupe runs` and `troupe runs show`: the runs the run store holds. */
export function registerRuns(program: Command, setExit: SetExit): void {
  const runs = program
    .command('runs')
    .description('the runs recorded in the run store ($TROUPE_RUNS or ~/.local/share/troupe/runs.db), newest first')
    .option('--limit <n>', 'how many', positiveInteger, 20)
    .option('--json', 'print [{runId, request, status, outDir, startedAt, endedAt, tasks, succeeded}]')
    .action((opts: { limit: number; json?: boolean }) => {
      const store = openIfThere();
      const list = store?.list(opts.limit) ?? [];
      store?.close();
      if (opts.json) process.stdout.write(`${JSON.stringify(list)}\n`);
      else if (list.length === 0) process.stdout.write('no runs recorded yet\n');
      else {
        for (const r of list) {
          const request = r.request.length > 60 ? `${r.request.slice(0, 59)}…` : r.request;
          process.stdout.write(`${r.runId}  ${r.status.padEnd(11)} ${String(r.succeeded).padStart(3)}/${String(r.tasks).padEnd(3)} ${request}\n`);
        }
        if (list.some((r) => r.status === 'interrupted' || r.status === 'failed')) process.stdout.write('(troupe resume <runId> finishes an interrupted or failed run)\n');
      }
      setExit(0);
    });

  runs
    .command('show')
    .description('one run\'s record (the same object as its run.json), as the store has it now')
    .argument('<runId>')
    .option('--json', 'print the record as JSON (the default prints its answer and task states)')
    .action((runId: string, opts: { json?: boolean }) => {
      const store = openIfThere();
      const stored = store?.load(runId);
      store?.close();
      if (!stored) throw new TroupeError(ErrorCode.InputNotFound, `no run ${runId} in the run store ${defaultRunsPath()}`, { hint: 'troupe runs lists the runs it holds' });
      const { pid: _pid, storedStatus, ...record } = stored;
      if (opts.json) process.stdout.write(`${JSON.stringify({ ...record, status: storedStatus })}\n`);
      else {
        process.stdout.write(`${record.runId}  ${storedStatus}  "${record.request}"\n`);
        for (const t of record.tasks) process.stdout.write(`  ${t.id} ${t.task.padEnd(28)} ${t.status}${t.expert ? ` (${t.expert})` : ''}${t.error ? `: ${t.error.message}` : ''}\n`);
        if (record.answer) process.stdout.write(`${record.answer}\n`);
        else process.stdout.write(`files in ${record.outDir}\n`);
      }
      setExit(0);
    });
}
