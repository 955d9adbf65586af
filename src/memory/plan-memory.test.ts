import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultCatalog } from '../app/default-catalog.js';
import type { SniffedFile } from '../core/modality.js';
import { LlmController } from '../controller/llm/llm-controller.js';
import { parseLlmSpec } from '../controller/llm/llm-spec.js';
import type { Plan } from '../core/plan.js';
import { startOpenAiServer } from '../test-support/openai-server.js';
import { EXAMPLE_SIGN } from '../test-support/run-expert.js';
import { troupe } from '../test-support/troupe-cli.js';
import { adaptPlan } from './plan-from-memory.js';
import { PlanMemory, type RememberedPlan } from './plan-memory.js';

const catalog = defaultCatalog();
const signPlan: Plan = {
  tasks: [
    { id: 't1', task: 'ocr', args: { image: { file: 'sign.png' } }, deps: [] },
    { id: 't2', task: 'translation', args: { text: { ref: 't1' }, target_language: 'es' }, deps: ['t1'] },
  ],
};
const confirmed = (request: string, plan = signPlan, verdict: 'good' | 'bad' = 'good'): Omit<RememberedPlan, 'at'> => ({ runId: `r-${request.length}-${verdict}`, request, plan, inputs: [{ path: 'sign.png', modality: 'image' }], verdict });

describe('plan memory', () => {
  it('keeps verdicts, the latest per run, and finds confirmed plans of similar requests', () => {
    const memory = new PlanMemory(':memory:');
    memory.record(confirmed('read the sign in this photo and translate it into Spanish'));
    memory.record({ ...confirmed('summarize this article'), runId: 'r-x', verdict: 'bad' });
    memory.record({ ...confirmed('summarize this article'), runId: 'r-x', verdict: 'good' });
    memory.record(confirmed('detect the faces in this picture', signPlan, 'bad'));
    assert.deepEqual(memory.counts(), { good: 2, bad: 1 });
    const [best] = memory.similar('please read the sign in my photo and translate it into Catalan', 1);
    assert.equal(best!.request, 'read the sign in this photo and translate it into Spanish');
    assert.ok(best!.similarity > 0.5, String(best!.similarity));
    assert.equal(memory.similar('detect the faces in this picture', 3).some((p) => p.request.startsWith('detect')), false, 'bad plans are never examples');
    memory.close();
  });

  it('adapts a confirmed plan to a new request: its files, its quotes, its languages', () => {
    const files = new Map<string, SniffedFile>([['label.jpg', { modality: 'image', mime: 'image/jpeg' }]]);
    const adapted = adaptPlan({ ...confirmed('read the sign in this photo and translate it into Spanish'), at: '' }, 'read the label in this picture and translate it into Catalan', files, catalog);
    assert.deepEqual(adapted?.plan.tasks.map((t) => t.args), [{ image: { file: 'label.jpg' } }, { text: { ref: 't1' }, target_language: 'ca' }]);
    assert.equal(adaptPlan({ ...confirmed('read the sign'), at: '' }, 'read the sign', new Map(), catalog), undefined, 'no image to read: no template');
    const quoted = { tasks: [{ id: 't1', task: 'translation', args: { text: 'good morning', target_language: 'es' }, deps: [] }] };
    const requoted = adaptPlan({ ...confirmed("translate 'good morning' into Spanish", quoted), at: '' }, "translate 'see you soon' into French", new Map(), catalog);
    assert.deepEqual(requoted?.plan.tasks[0]!.args, { text: 'see you soon', target_language: 'fr' });
    // A plan that works on quoted words does not fit a request that quotes none: it would work on the old words.
    assert.equal(adaptPlan({ ...confirmed("translate 'good morning' into Spanish", quoted), at: '' }, 'translate it into French', new Map(), catalog), undefined);
  });

  it('finds similar requests by what they ask, not by the scene they set', () => {
    const memory = new PlanMemory(':memory:');
    memory.record(confirmed("I've got an image named example.jpg from my trip. Could you tell me how far away the mountains are?"));
    memory.record({ ...confirmed("I've got an image named example.jpg from my trip. Could you read the text on the sign?"), runId: 'r-sign' });
    const [best] = memory.similar("Hello! I have a photo called holiday.png. Please read the text written on the sign in it.", 1);
    assert.equal(best!.runId, 'r-sign');
    assert.ok(best!.similarity >= 0.5, String(best!.similarity));
    const [scene] = memory.similar("I've got an image named example.jpg from my trip. Could you estimate its depth?", 1);
    assert.ok(scene!.similarity < 0.5, `the same scene but another ask: ${scene!.similarity}`);
    memory.close();
  });

  it('shows the LLM confirmed plans of similar requests as examples', async () => {
    const memory = new PlanMemory(':memory:');
    memory.record(confirmed('read the sign in this photo and translate it into Spanish'));
    const server = await startOpenAiServer([{ content: JSON.stringify({ tasks: [{ task: 'ocr', id: 0, dep: [-1], args: { image: 'sign.png' } }] }) }]);
    try {
      const controller = new LlmController(parseLlmSpec(`openai-compatible:${server.url}#m`), { maxRetries: 0, memory });
      await controller.plan({ request: 'read the sign in this picture and translate it into Catalan', catalog, files: new Map([['sign.png', { modality: 'image', mime: 'image/png' }]]) });
      const prompt = JSON.stringify(server.requests[0]!.body.messages);
      assert.match(prompt, /Plans users confirmed for similar requests:\\nRequest: read the sign in this photo and translate it into Spanish\\nPlan: /);
      assert.match(prompt, /<GENERATED>-0/);
    } finally {
      await server.close();
      memory.close();
    }
  });
});

describe('troupe feedback', () => {
  it('records a verdict on a run, and a similar request then re-uses the confirmed plan', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'troupe-feedback-'));
    await copyFile(EXAMPLE_SIGN, join(dir, 'sign.png'));
    const env = { TROUPE_MEMORY: join(dir, 'memory.db') };
    const run = await troupe(['run', 'Read the sign in this photo and translate it into Spanish', '-i', 'sign.png', '--json'], dir, env);
    assert.equal(run.code, 0, run.stderr);
    const { runId } = JSON.parse(run.stdout) as { runId: string };

    const bad = await troupe(['feedback', runId, 'great'], dir, env);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /the verdict must be good or bad/);
    const missing = await troupe(['feedback', 'no-such-run', 'good'], dir, env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no run "no-such-run"/);

    const good = await troupe(['feedback', runId, 'good', '--note', 'exactly right', '--json'], dir, env);
    assert.equal(good.code, 0, good.stderr);
    assert.deepEqual(JSON.parse(good.stdout).memory.good, 1);
    const record = JSON.parse(await readFile(join(dir, 'troupe-runs', runId, 'run.json'), 'utf8')) as { feedback: { verdict: string; note: string } };
    assert.deepEqual([record.feedback.verdict, record.feedback.note], ['good', 'exactly right']);

    await copyFile(EXAMPLE_SIGN, join(dir, 'label.png'));
    const planned = await troupe(['plan', 'Read the label in this picture and translate it into Catalan', '-i', 'label.png', '--json'], dir, env);
    assert.equal(planned.code, 0, planned.stderr);
    const outcome = JSON.parse(planned.stdout) as { plan: { tasks: Array<{ task: string; args: Record<string, unknown> }> }; notes: string[] };
    assert.match(outcome.notes.join('\n'), new RegExp(`plan adapted from confirmed run ${runId}`));
    assert.deepEqual(outcome.plan.tasks.map((t) => t.args), [{ image: { file: 'label.png' } }, { text: { ref: 't1' }, target_language: 'ca' }]);
  });
});
