import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { RunRecord } from '../respond/run-record.js';
import { RunStore } from '../runs/run-store.js';
import { isAlive } from '../system/process-scope.js';
import { LOCK_FILE } from './output-folder.js';
import { reapOrphans } from './reap-orphans.js';

/** A pid no process has: past the kernel's pid_max on any Linux. */
const GONE = 4_194_304 + 17;

describe('tidying after a Troupe that was killed outright', () => {
  it('ends the process groups of a dead run, removes its scratch and stale lock, and marks it interrupted', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'troupe-reap-'));
    const store = new RunStore(join(dir, 'runs.db'));
    const outDir = join(dir, 'out');
    await mkdir(outDir);
    await writeFile(join(outDir, LOCK_FILE), `${GONE}\n`);
    const scratch = join(dir, 'scratch');
    await mkdir(scratch);
    const record: RunRecord = { runId: 'r1', request: 'x', controller: 'builtin', inputs: [], plan: { tasks: [] }, notes: [], repairs: [], tasks: [], answer: '', outDir, status: 'running', startedAt: new Date().toISOString(), endedAt: null };
    // The run's process is gone; its expert's program (and that program's own child) are not.
    store.begin(record, GONE);
    const program = spawn('sh', ['-c', 'sleep 60 & sleep 60'], { detached: true, stdio: 'ignore' });
    const exited = new Promise((resolve) => program.on('exit', resolve));
    store.addChild('r1', program.pid!, 'sh');
    store.addScratch('r1', scratch);

    assert.deepEqual(await reapOrphans(store), ['r1']);
    await exited;
    assert.ok(!isAlive(program.pid!), 'the program was ended');
    assert.ok(!existsSync(scratch), 'its scratch was removed');
    assert.ok(!existsSync(join(outDir, LOCK_FILE)), 'the stale lock was removed');
    assert.equal(store.load('r1')!.storedStatus, 'interrupted');
    assert.deepEqual(await reapOrphans(store), [], 'and only once');
    store.close();
  });

  it('leaves a run alone while its process lives', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'troupe-reap-'));
    const store = new RunStore(join(dir, 'runs.db'));
    store.begin({ runId: 'live', request: 'x', controller: 'builtin', inputs: [], plan: { tasks: [] }, notes: [], repairs: [], tasks: [], answer: '', outDir: dir, status: 'running', startedAt: new Date().toISOString(), endedAt: null });
    assert.deepEqual(await reapOrphans(store), []);
    assert.equal(store.load('live')!.storedStatus, 'running');
    store.close();
  });
});
