import { readFile, rm } from 'node:fs/promises';
import type { RunStore } from '../runs/run-store.js';
import { isAlive, killGroup } from '../system/process-scope.js';
import { removeStaleLock } from './output-folder.js';

/** Whether `pid` still runs `program` (a pid can be reused by an unrelated process). */
async function runs(pid: number, program: string): Promise<boolean> {
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  if (cmdline === undefined) return isAlive(pid); // no /proc: trust the pid
  const name = program.split('/').pop()!;
  return cmdline.split('\0')[0]!.split('/').pop() === name;
}

/**
 * A run whose Troupe was killed outright (kill -9, a crash, the machine's OOM killer) left
 * its experts' programs running and its scratch folders behind. The next start of Troupe ends
 * those process groups, removes the scratch and the stale lock, and marks the run
 * interrupted, so `troupe resume` can finish it. Returns the runs it tidied.
 */
export async function reapOrphans(store: RunStore): Promise<string[]> {
  const orphaned = store.orphaned(isAlive);
  for (const runId of orphaned) {
    for (const child of store.children(runId)) {
      if (await runs(child.pid, child.program)) killGroup(child.pid);
      store.dropChild(runId, child.pid);
    }
    for (const path of store.scratch(runId)) {
      await rm(path, { recursive: true, force: true });
      store.dropScratch(runId, path);
    }
    const record = store.load(runId);
    if (record) await removeStaleLock(record.outDir).catch(() => {});
    store.markInterrupted(runId);
  }
  return orphaned;
}
