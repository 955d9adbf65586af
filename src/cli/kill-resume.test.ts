import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RunStore } from '../runs/run-store.js';
import { isAlive } from '../system/process-scope.js';
import { requireProgram } from '../test-support/programs.js';
import { startTroupe, troupe } from '../test-support/troupe-cli.js';

const SIGN = fileURLToPath(new URL('../../examples/sign.png', import.meta.url));
const DEMO = 'Read the sign in this photo, translate it into Spanish and read it aloud';
const ROUNDS = Number(process.env.TROUPE_KILL_ROUNDS) || 20;
const tools = requireProgram('tesseract') || requireProgram('apertium') || requireProgram('espeak-ng');

let dir: string;
let env: NodeJS.ProcessEnv;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'troupe-kill-'));
  await copyFile(SIGN, join(dir, 'sign.png'));
  env = { TROUPE_RUNS: join(dir, 'runs.db') };
});

/**
 * Moments spread over the whole run whatever the machine's speed: after the n-th progress
 * line (the plan, then each step starting and finishing) and a few milliseconds more.
 */
const DELAYS = [0, 30, 100, 250];
const moment = (round: number) => ({ line: 1 + (round % 6), delay: DELAYS[Math.floor(round / 6) % DELAYS.length]! });

/** Starts the demo run and kills it outright at the given moment. */
function killMidway(out: string, at: { line: number; delay: number }): Promise<void> {
  return new Promise((resolve) => {
    const child = startTroupe(['run', DEMO, '-i', 'sign.png', '--out', out], dir, env);
    let stderr = '';
    let armed = false;
    child.stderr.on('data', (d) => {
      stderr += d;
      if (!armed && stderr.split('\n').length - 1 >= at.line) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), at.delay);
      }
    });
    child.on('close', () => resolve());
  });
}

describe('kill -9 at any moment of a three-step run, then troupe resume', { skip: tools }, () => {
  it(`finishes every run without redoing a succeeded task, leaving no process or scratch (${ROUNDS} kills)`, { timeout: ROUNDS * 30_000 }, async () => {
    const counts = { resumed: 0, finishedBeforeKill: 0, keptTasks: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const out = join(dir, `run-${round}`);
      await killMidway(out, moment(round));
      const store = new RunStore(env.TROUPE_RUNS);
      const run = store.list(1000).find((r) => r.outDir === out);
      assert.ok(run, `round ${round}: the run was recorded from its first moment`);
      const before = store.load(run.runId)!;
      const children = store.children(run.runId);
      store.close();
      const succeededBefore = before.tasks.filter((t) => t.status === 'succeeded').map((t) => t.id);

      const resumed = await troupe(['resume', run.runId, '--json'], dir, env);
      if (before.storedStatus === 'succeeded') {
        counts.finishedBeforeKill++;
        assert.equal(resumed.code, 2, 'nothing to resume in a run that succeeded');
        continue;
      }
      assert.equal(resumed.code, 0, `round ${round}: ${resumed.stderr}`);
      counts.resumed++;
      const record = JSON.parse(resumed.stdout);
      assert.equal(record.status, 'succeeded');
      assert.deepEqual(await readdir(out).then((f) => f.filter((n) => !n.startsWith('run.json')).sort()), ['t1-ocr.txt', 't2-translation.txt', 't3-text-to-speech.wav']);

      const after = new RunStore(env.TROUPE_RUNS);
      const events = after.events(run.runId).map((e) => e.event);
      const resumedAt = events.findIndex((e) => e.type === 'run-resumed');
      assert.ok(resumedAt >= 0);
      const restarted = events.slice(resumedAt).flatMap((e) => (e.type === 'task-started' ? [e.taskId] : []));
      for (const id of succeededBefore) assert.ok(!restarted.includes(id), `round ${round}: ${id} had succeeded and ran again`);
      counts.keptTasks += succeededBefore.length;
      assert.deepEqual(after.children(run.runId), [], 'no child left on record');
      for (const path of after.scratch(run.runId)) assert.fail(`scratch left on record: ${path}`);
      after.close();
      for (const child of children) assert.ok(!isAlive(child.pid) || (await zombie(child.pid)), `round ${round}: ${child.program} (${child.pid}) outlived the run`);
      assert.ok(!existsSync(join(out, '.troupe-lock')), 'the stale lock is gone');
    }
    process.stderr.write(`# kill/resume: ${ROUNDS} kills, ${counts.resumed} resumed, ${counts.finishedBeforeKill} had finished before the kill, ${counts.keptTasks} succeeded tasks kept\n`);
    assert.ok(counts.resumed >= ROUNDS / 2, 'most kills landed mid-run');
  });
});

describe('SIGTERM and SIGHUP cancel as Ctrl-C does', { skip: tools }, () => {
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`${signal}: running steps stopped, the record written as cancelled, exit 1`, async () => {
      const out = join(dir, `signal-${signal}`);
      // Without --json, so that progress lines on stderr say when a step is running.
      const child = startTroupe(['run', DEMO, '-i', 'sign.png', '--out', out], dir, env);
      let stderr = '';
      let stdout = '';
      child.stdout.on('data', (d) => (stdout += d));
      let sent = false;
      child.stderr.on('data', (d) => {
        stderr += d;
        if (!sent && /running/.test(stderr)) {
          sent = true;
          child.kill(signal);
        }
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(code, 1, stderr);
      assert.match(stderr, new RegExp(`cancelling \\(${signal}\\)`));
      assert.match(stdout, /cancelled/);
      const { readFile } = await import('node:fs/promises');
      assert.equal(JSON.parse(await readFile(join(out, 'run.json'), 'utf8')).status, 'cancelled');
    });
  }
});

/** A process that has exited but not been collected yet is not running anything. */
async function zombie(pid: number): Promise<boolean> {
  const { readFile } = await import('node:fs/promises');
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return stat === '' || / Z /.test(stat);
}
