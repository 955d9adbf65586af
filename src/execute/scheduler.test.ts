import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { Catalog } from '../catalog/catalog.js';
import { ExpertEntrySchema, type Expert, type ExpertContext } from '../core/expert.js';
import { TaskTypeSchema } from '../core/task-type.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import type { Plan } from '../core/plan.js';
import type { RunEvent } from './events.js';
import { executePlan } from './scheduler.js';

// A one-type catalog: "echo" takes text and writes text. The experts below are test
// doubles for the scheduler's own behaviour; real experts are tested elsewhere.
const echoType = TaskTypeSchema.parse({
  id: 'echo',
  name: 'Echo',
  description: 'repeats text',
  inputs: [{ name: 'text', modality: 'text' }],
  output: { modality: 'text' },
});

const drawType = TaskTypeSchema.parse({ id: 'draw', name: 'Draw', description: 'makes a picture', inputs: [], output: { modality: 'image' } });

function expert(id: string, run: (ctx: ExpertContext) => Promise<string>): Expert {
  return {
    entry: ExpertEntrySchema.parse({ id, name: id, task: 'echo', description: id, provider: { kind: 'local' } }),
    check: async () => ({ runnable: true }),
    async run(ctx) {
      const value = await run(ctx);
      const path = ctx.outputPath('txt');
      await writeFile(path, value);
      return { output: { kind: 'text', mime: 'text/plain', path, value } };
    },
  };
}

const textOf = (ctx: ExpertContext) => String(ctx.inputs.text?.value ?? '');
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), reject(new Error('aborted'))), { once: true });
  });

function chain(n: number): Plan {
  return {
    tasks: Array.from({ length: n }, (_, i) => ({
      id: `t${i + 1}`,
      task: 'echo',
      args: { text: i === 0 ? 'start' : { ref: `t${i}` } },
      deps: i === 0 ? [] : [`t${i}`],
    })),
  };
}

async function run(plan: Plan, experts: Record<string, Expert[]> | Expert[], extra: Partial<Parameters<typeof executePlan>[1]> = {}) {
  const outDir = await mkdtemp(join(tmpdir(), 'troupe-sched-'));
  const events: RunEvent[] = [];
  const list = Array.isArray(experts) ? experts : [];
  const candidates = new Map(plan.tasks.map((t) => [t.id, Array.isArray(experts) ? list : (experts[t.id] ?? [])]));
  const records = await executePlan(plan, {
    catalog: new Catalog([echoType], list),
    candidates,
    files: new Map(),
    outDir,
    retryDelayMs: 1,
    onEvent: (e) => events.push(e),
    ...extra,
  });
  return { records, events, outDir };
}

describe('executePlan', () => {
  it('runs a chain in dependency order, passing outputs by reference, and writes files', async () => {
    const { records, outDir } = await run(chain(3), [expert('upper', async (ctx) => `${textOf(ctx)}+`)]);
    assert.deepEqual(records.map((r) => r.status), ['succeeded', 'succeeded', 'succeeded']);
    assert.equal(records[2]!.outputs[0]!.value, 'start+++');
    assert.equal(await readFile(join(outDir, 't3-echo.txt'), 'utf8'), 'start+++');
  });

  it('keeps tasks done in an earlier attempt (resume): they do not run again and feed their dependants', async () => {
    const ran: string[] = [];
    const upper = expert('upper', async (ctx) => `${textOf(ctx)}+`);
    const counting = { ...upper, run: (ctx: ExpertContext) => (ran.push(ctx.outputPath('txt')), upper.run(ctx)) };
    const earlier = { id: 't1', task: 'echo', expert: 'upper', status: 'succeeded' as const, startedAt: 'x', endedAt: 'y', outputs: [{ kind: 'text' as const, mime: 'text/plain', value: 'kept' }], attempts: [{ expert: 'upper' }] };
    const { records } = await run(chain(3), [counting], { done: new Map([['t1', earlier]]) });
    assert.deepEqual(records.map((r) => r.status), ['succeeded', 'succeeded', 'succeeded']);
    assert.equal(records[0], earlier);
    assert.equal(ran.length, 2, 'only t2 and t3 ran');
    assert.equal(records[2]!.outputs[0]!.value, 'kept++');
  });

  it('makes a scratch folder only for an expert that asks for one, and removes it', async () => {
    const made: Array<[string, boolean]> = [];
    let seen = '';
    const plan: Plan = { tasks: [{ id: 't1', task: 'echo', args: { text: 'a' }, deps: [] }, { id: 't2', task: 'echo', args: { text: 'b' }, deps: [] }] };
    const experts = { t1: [expert('plain', async (ctx) => textOf(ctx))], t2: [expert('scratchy', async (ctx) => ((seen = ctx.scratchDir), textOf(ctx)))] };
    await run(plan, experts, { onScratch: (path, exists) => made.push([path, exists]) });
    assert.deepEqual(made, [[seen, true], [seen, false]]);
  });

  it('takes a garbage or half-written file as a failure of its expert, and tries the next one', async () => {
    const writes = (id: string, bytes: Buffer): Expert => ({
      entry: ExpertEntrySchema.parse({ id, name: id, task: 'draw', description: id, provider: { kind: 'local' } }),
      check: async () => ({ runnable: true }),
      async run(ctx) {
        const path = ctx.outputPath('png');
        await writeFile(path, bytes);
        return { output: { kind: 'image', mime: 'image/png', path } };
      },
    });
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer();
    const garbage = writes('garbage', Buffer.from('not an image at all'));
    const half = writes('half', png.subarray(0, Math.floor(png.length / 2)));
    const good = writes('good', png);
    const plan: Plan = { tasks: [{ id: 't1', task: 'draw', args: {}, deps: [] }] };
    const outDir = await mkdtemp(join(tmpdir(), 'troupe-sched-'));
    const [record] = await executePlan(plan, { catalog: new Catalog([drawType], [garbage, half, good]), candidates: new Map([['t1', [garbage, half, good]]]), files: new Map(), outDir, retryDelayMs: 1 });
    assert.equal(record!.status, 'succeeded');
    assert.equal(record!.expert, 'good');
    assert.deepEqual(record!.attempts.map((a) => [a.expert, a.error?.message.replace(/.*, but /, '')]), [['garbage', 'its content is not an image'], ['half', 'the PNG is cut off (no IEND chunk)'], ['good', undefined]]);
  });

  it('runs independent tasks concurrently, never more than the limit', async () => {
    let running = 0;
    let peak = 0;
    const slow = expert('slow', async (ctx) => {
      running++;
      peak = Math.max(peak, running);
      await sleep(40);
      running--;
      return textOf(ctx);
    });
    const plan: Plan = { tasks: Array.from({ length: 5 }, (_, i) => ({ id: `t${i + 1}`, task: 'echo', args: { text: `x${i}` }, deps: [] })) };
    const { records } = await run(plan, [slow], { concurrency: 2 });
    assert.ok(records.every((r) => r.status === 'succeeded'));
    assert.equal(peak, 2);
  });

  it('skips the dependants of a failed task and still runs independent branches', async () => {
    const plan: Plan = {
      tasks: [
        { id: 't1', task: 'echo', args: { text: 'a' }, deps: [] },
        { id: 't2', task: 'echo', args: { text: { ref: 't1' } }, deps: ['t1'] },
        { id: 't3', task: 'echo', args: { text: 'independent' }, deps: [] },
      ],
    };
    const broken = expert('broken', async () => {
      throw new TroupeError(ErrorCode.ExpertFailed, 'broken: cannot');
    });
    const fine = expert('fine', async (ctx) => textOf(ctx));
    const { records } = await run(plan, { t1: [broken], t2: [fine], t3: [fine] });
    assert.deepEqual(records.map((r) => r.status), ['failed', 'skipped', 'succeeded']);
    assert.equal(records[0]!.error?.message, 'broken: cannot');
    assert.match(records[1]!.error!.message, /t1 \(echo\) failed/);
  });

  it('falls back to the next candidate when an expert fails or crashes', async () => {
    const crash = expert('crash', async () => {
      throw new TypeError('undefined is not a function');
    });
    const fine = expert('fine', async (ctx) => `ok:${textOf(ctx)}`);
    const { records, events } = await run(chain(1), { t1: [crash, fine] });
    assert.equal(records[0]!.status, 'succeeded');
    assert.equal(records[0]!.expert, 'fine');
    assert.deepEqual(records[0]!.attempts.map((a) => [a.expert, a.error?.code]), [['crash', 'EXPERT_CRASHED'], ['fine', undefined]]);
    assert.ok(events.some((e) => e.type === 'task-fallback' && e.from === 'crash' && e.to === 'fine'));
  });

  it('takes "nothing found" as the answer: no other expert is tried, and dependants say why they were skipped', async () => {
    const looked = expert('looked', async () => {
      throw new TroupeError(ErrorCode.NothingFound, 'looked: found no text in the image');
    });
    let guessed = false;
    const guesser = expert('guesser', async () => {
      guessed = true;
      return 'CA ITN Abad';
    });
    const { records, events } = await run(chain(2), { t1: [looked, guesser], t2: [guesser] });
    assert.equal(guessed, false, 'the second expert was not asked to guess');
    assert.equal(records[0]!.status, 'failed');
    assert.equal(records[0]!.error?.code, ErrorCode.NothingFound);
    assert.ok(!events.some((e) => e.type === 'task-fallback'));
    assert.equal(records[1]!.error?.code, ErrorCode.Skipped);
    assert.match(records[1]!.error!.message, /t1 \(echo\) found nothing \(looked: found no text in the image\)/);
  });

  it('retries a transient failure with the same expert', async () => {
    let calls = 0;
    const flaky = expert('flaky', async (ctx) => {
      if (++calls === 1) throw new TroupeError(ErrorCode.ExpertFailed, 'busy', { transient: true });
      return textOf(ctx);
    });
    const { records } = await run(chain(1), [flaky], { retries: 1 });
    assert.equal(records[0]!.status, 'succeeded');
    assert.equal(calls, 2);
  });

  it('fails a task whose expert hangs past the timeout, even if it ignores its signal', async () => {
    const hang = expert('hang', () => new Promise<string>(() => {}));
    const { records } = await run(chain(2), [hang], { timeoutMs: 50 });
    assert.equal(records[0]!.status, 'failed');
    assert.equal(records[0]!.error?.code, ErrorCode.ExpertTimeout);
    assert.equal(records[1]!.status, 'skipped');
  });

  it('cancels running and waiting tasks on abort and keeps finished outputs', async () => {
    const abort = new AbortController();
    const ex = expert('step', async (ctx) => {
      if (textOf(ctx) === 'start') return 'first';
      setTimeout(() => abort.abort(), 10);
      await sleep(5_000, ctx.signal);
      return 'never';
    });
    const { records } = await run(chain(3), [ex], { signal: abort.signal });
    assert.deepEqual(records.map((r) => r.status), ['succeeded', 'cancelled', 'cancelled']);
    assert.equal(records[0]!.outputs[0]!.value, 'first');
  });

  it('fails a task with no runnable candidate, naming the fix', async () => {
    const { records } = await run(chain(1), {});
    assert.equal(records[0]!.status, 'failed');
    assert.equal(records[0]!.error?.code, ErrorCode.NoExpert);
    assert.match(records[0]!.error!.hint!, /troupe doctor/);
  });

  it('asks once per state-changing expert, outside its time limit; a no skips the task and says why', async () => {
    const writer: Expert = {
      ...expert('writer', async (ctx) => {
        if (!ctx.approved) throw new TroupeError(ErrorCode.NeedsApproval, 'writer was not approved');
        return `wrote ${textOf(ctx)}`;
      }),
      changesState: 'POST /notes',
    };
    const asked: string[] = [];
    const slowYes = async (r: { taskId: string; action: string }) => (asked.push(`${r.taskId} ${r.action}`), await sleep(150), true);
    const plan: Plan = { tasks: [{ id: 't1', task: 'echo', args: { text: 'a' }, deps: [] }, { id: 't2', task: 'echo', args: { text: 'b' }, deps: [] }] };
    const yes = await run(plan, [writer], { approve: slowYes, timeoutMs: 100 });
    assert.deepEqual(yes.records.map((r) => r.status), ['succeeded', 'succeeded'], 'the time spent asking is not the task\'s');
    assert.deepEqual(asked, ['t1 POST /notes']);

    const no = await run(chain(1), [writer], { approve: async () => false });
    assert.equal(no.records[0]!.status, 'skipped');
    assert.equal(no.records[0]!.error?.code, ErrorCode.NeedsApproval);
    const unasked = await run(chain(1), [expert('reader', async (ctx) => textOf(ctx))], { approve: async () => assert.fail('a read-only expert is not asked about') });
    assert.equal(unasked.records[0]!.status, 'succeeded');
  });
});
