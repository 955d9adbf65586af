import assert from 'node:assert/strict';
import { spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { REDIS_SERVER, startRedis, type RedisServer } from '../system/redis-server.js';
import { requireProgram } from '../test-support/programs.js';
import { startServe, startTroupe } from '../test-support/troupe-cli.js';
import { queueStats, type ClassStats } from './stats.js';

const SIGN = fileURLToPath(new URL('../../examples/sign.png', import.meta.url));
const SPEECH = fileURLToPath(new URL('../../test-fixtures/goforward.wav', import.meta.url));
/** Workers notice a dead one's job after about this long (its lock). */
const LOCK_MS = '1500';
const missing = !REDIS_SERVER ? 'redis-server is not installed (npx troupe setup --tests installs it)' : requireProgram('tesseract') || requireProgram('apertium') || requireProgram('espeak-ng') || requireProgram('pocketsphinx_continuous') || requireProgram('sox');

/** A child's output so far, and a promise of its exit code. */
function watch(child: ChildProcessWithoutNullStreams) {
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => (out.stdout += d));
  child.stderr.on('data', (d) => (out.stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, out, exited };
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('tasks across processes on BullMQ and a real Redis', { skip: missing }, () => {
  let redis: RedisServer;
  let dir = '';
  let longSpeech = '';
  const workers: ChildProcessWithoutNullStreams[] = [];

  /** A `troupe worker` process of some classes; resolves once it takes jobs. */
  async function worker(name: string, classes: string, extra: string[] = []) {
    const child = startTroupe(['worker', '--queue', redis.url, '--classes', classes, '--name', name, ...extra], dir, { TROUPE_QUEUE_LOCK_MS: LOCK_MS });
    workers.push(child);
    const w = watch(child);
    await until(`worker ${name}`, async () => /taking/.test(w.out.stdout));
    return w;
  }
  const stats = async (): Promise<Record<string, ClassStats>> => Object.fromEntries((await queueStats(redis.url)).map((s) => [s.class, s]));

  before(async () => {
    redis = await startRedis();
    dir = await mkdtemp(join(tmpdir(), 'troupe-queue-'));
    // About 30 s of speech: long enough to be caught mid-recognition.
    longSpeech = join(dir, 'long.wav');
    assert.equal(spawnSync('sox', [...Array(10).fill(SPEECH), longSpeech]).status, 0);
  });
  after(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await redis?.stop('kill');
  });

  it('three workers of different classes share a plan that needs all three; each task runs on its class', async () => {
    const [vision, text, speech] = await Promise.all([worker('w-vision', 'vision'), worker('w-text', 'text'), worker('w-speech', 'speech')]);
    const run = watch(startTroupe(['run', '--queue', redis.url, '--json', 'Read the sign in this photo, translate it into Spanish and read it aloud', '-i', SIGN, '-o', join(dir, 'three')], dir));
    assert.equal(await run.exited, 0, run.out.stderr);
    const record = JSON.parse(run.out.stdout);
    assert.deepEqual(record.tasks.map((t: { task: string; note: string }) => [t.task, /on (w-\w+)\)?$/.exec(t.note)?.[1]]), [['ocr', 'w-vision'], ['translation', 'w-text'], ['text-to-speech', 'w-speech']]);
    assert.equal((await readFile(join(dir, 'three', 't3-text-to-speech.wav'))).subarray(0, 4).toString(), 'RIFF', 'the worker wrote the speech into the run folder');
    const s = await stats();
    assert.deepEqual([s.vision!.completed, s.text!.completed, s.speech!.completed], [1, 1, 1]);
    assert.deepEqual(s.speech!.workers, ['w-speech']);
    for (const w of [vision, text, speech]) w.child.kill('SIGTERM');
    await Promise.all([vision.exited, text.exited, speech.exited]);
  });

  it('a worker killed with SIGKILL in the middle of a task: the task is taken up by another worker and counted once', async () => {
    const first = await worker('w-doomed', 'speech');
    const run = watch(startTroupe(['run', '--queue', redis.url, '--json', 'transcribe this recording', '-i', longSpeech, '-o', join(dir, 'killed')], dir));
    await until('the job to be active', async () => (await stats()).speech!.active === 1);
    first.child.kill('SIGKILL');
    await first.exited;
    const second = await worker('w-rescue', 'speech');
    assert.equal(await run.exited, 0, run.out.stderr);
    const [task] = JSON.parse(run.out.stdout).tasks;
    assert.equal(task.status, 'succeeded');
    assert.equal(task.attempts.length, 1, 'one attempt in the record');
    assert.match(task.note, /on w-rescue/);
    assert.ok(task.outputs[0].value.length > 20, 'a transcript');
    second.child.kill('SIGTERM');
    await second.exited;
  });

  it('a task that keeps killing its workers fails after the attempts allowed, with a clear error', async () => {
    const run = watch(startTroupe(['run', '--queue', redis.url, '--json', 'transcribe this recording', '-i', longSpeech, '-o', join(dir, 'cursed')], dir));
    for (const name of ['w-one', 'w-two']) {
      const w = await worker(name, 'speech', ['--attempts', '2']);
      await until(`${name} to take the job`, async () => (await stats()).speech!.active === 1 && /started/.test(w.out.stderr));
      w.child.kill('SIGKILL');
      await w.exited;
    }
    // A live worker notices the second death, and the job has used up its attempts.
    const watcher = await worker('w-watcher', 'speech', ['--attempts', '2']);
    assert.equal(await run.exited, 1, run.out.stderr);
    const [task] = JSON.parse(run.out.stdout).tasks;
    assert.equal(task.status, 'failed');
    assert.equal(task.error.code, 'EXPERT_CRASHED');
    assert.match(task.error.message, /stopped its worker every time/);
    watcher.child.kill('SIGTERM');
    await watcher.exited;
  });

  it('Redis restarting: the queued task waits, and runs once Redis and a worker are back', async () => {
    const run = watch(startTroupe(['run', '--queue', redis.url, '--json', 'transcribe this recording', '-i', SPEECH, '-o', join(dir, 'restart')], dir));
    await until('the job to wait', async () => (await stats()).speech!.waiting === 1);
    await redis.stop('kill');
    await new Promise((r) => setTimeout(r, 500));
    await redis.start();
    const w = await worker('w-after', 'speech');
    assert.equal(await run.exited, 0, run.out.stderr);
    assert.equal(JSON.parse(run.out.stdout).tasks[0].status, 'succeeded');
    w.child.kill('SIGTERM');
    await w.exited;
  });

  it('cancelling a run removes its waiting job, and stops the one a worker is running', async () => {
    // Waiting: no worker of the class yet.
    const waiting = watch(startTroupe(['run', '--queue', redis.url, '--json', 'transcribe this recording', '-i', longSpeech, '-o', join(dir, 'cancel-waiting')], dir));
    await until('the job to wait', async () => (await stats()).speech!.waiting === 1);
    waiting.child.kill('SIGTERM');
    assert.equal(await waiting.exited, 1);
    assert.equal(JSON.parse(waiting.out.stdout).status, 'cancelled');
    assert.equal((await stats()).speech!.waiting, 0, 'the waiting job was removed');
    // Active: the worker aborts it (pocketsphinx is stopped) and stays up for the next.
    const w = await worker('w-cancel', 'speech');
    const active = watch(startTroupe(['run', '--queue', redis.url, '--json', 'transcribe this recording', '-i', longSpeech, '-o', join(dir, 'cancel-active')], dir));
    await until('the job to be active', async () => (await stats()).speech!.active === 1);
    active.child.kill('SIGTERM');
    assert.equal(await active.exited, 1);
    await until('the worker to stop the job', async () => /failed local\/pocketsphinx-asr .*CANCELLED/.test(w.out.stderr), 15_000);
    assert.equal((await stats()).speech!.active, 0);
    w.child.kill('SIGTERM');
    await w.exited;
  });

  it('through an S3-compatible bucket instead of a shared folder: inputs uploaded, outputs brought home to the run folder', async () => {
    const { default: S3rver } = await import('s3rver');
    const { S3Client, ListObjectsV2Command } = await import('@aws-sdk/client-s3');
    const s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: await mkdtemp(join(tmpdir(), 'troupe-s3-')), configureBuckets: [{ name: 'troupe' }] });
    const { port } = await s3.run();
    const env = { TROUPE_S3_ENDPOINT: `http://127.0.0.1:${port}`, AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' };
    try {
      // The worker works in a folder of its own, and reads and writes only through the bucket.
      const elsewhere = await mkdtemp(join(tmpdir(), 'troupe-worker-'));
      const child = startTroupe(['worker', '--queue', redis.url, '--classes', 'vision,text', '--name', 'w-s3'], elsewhere, { ...env, TROUPE_QUEUE_LOCK_MS: LOCK_MS });
      workers.push(child);
      const w = watch(child);
      await until('worker w-s3', async () => /taking/.test(w.out.stdout));
      const run = watch(startTroupe(['run', '--queue', redis.url, '--artifacts', 's3://troupe/runs', '--json', 'find the faces in this photo', '-i', fileURLToPath(new URL('../../test-fixtures/astronaut.jpg', import.meta.url)), '-o', join(dir, 's3')], dir, env));
      assert.equal(await run.exited, 0, `${run.out.stdout}\n${run.out.stderr}\n${w.out.stderr}`);
      const record = JSON.parse(run.out.stdout);
      const faces = record.tasks.find((t: { task: string }) => t.task === 'face-analysis');
      assert.equal(faces.status, 'succeeded');
      assert.ok(faces.outputs.every((o: { path?: string }) => !o.path || o.path.startsWith(join(dir, 's3'))), 'outputs are in the run folder');
      assert.equal((await readFile(join(dir, 's3', `${faces.id}-face-analysis.png`))).subarray(1, 4).toString(), 'PNG', 'the drawn faces came home');
      const client = new S3Client({ endpoint: env.TROUPE_S3_ENDPOINT, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
      const keys = ((await client.send(new ListObjectsV2Command({ Bucket: 'troupe', Prefix: 'runs/' }))).Contents ?? []).map((o) => o.Key!);
      client.destroy();
      assert.ok(keys.some((k) => k.endsWith('astronaut.jpg')) && keys.some((k) => k.endsWith('face-analysis.png')), keys.join(', '));
      child.kill('SIGTERM');
      await w.exited;
    } finally {
      await s3.close();
    }
  });

  it('the server restarting mid-run: the run is taken up from the run store and finishes on the workers', async () => {
    const w = await worker('w-serve', 'speech,text');
    const data = join(dir, 'serve-data');
    const first = await startServe(dir, data, {}, ['--queue', redis.url]);
    const json = async (r: Response | Promise<Response>) => (await r).json() as Promise<Record<string, string>>;
    const { threadId } = await json(fetch(`${first.address}/threads`, { method: 'POST' }));
    const form = new FormData();
    form.set('request', 'transcribe this recording and summarize it');
    form.append('files', new Blob([await readFile(longSpeech)], { type: 'audio/wav' }), 'long.wav');
    const { runId } = await json(fetch(`${first.address}/threads/${threadId}/runs`, { method: 'POST', body: form }));
    await until('the job to be active', async () => (await stats()).speech!.active === 1);
    first.child.kill('SIGKILL');
    const second = await startServe(dir, data, {}, ['--queue', redis.url]);
    const record = await until('the run to finish', async () => {
      const r = await json(fetch(`${second.address}/threads/${threadId}/runs/${runId}`));
      return r.status === 'succeeded' || r.status === 'failed' ? r : undefined;
    }, 120_000);
    assert.equal(record.status, 'succeeded', JSON.stringify(record));
    second.child.kill('SIGTERM');
    w.child.kill('SIGTERM');
    await w.exited;
  });
});
