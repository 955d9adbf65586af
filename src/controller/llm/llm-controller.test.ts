import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { defaultCatalog } from '../../app/default-catalog.js';
import type { SniffedFile } from '../../core/modality.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { startOpenAiServer, type Reply } from '../../test-support/openai-server.js';
import type { RunEvent } from '../../execute/events.js';
import { LlmController } from './llm-controller.js';
import { parseLlmSpec } from './llm-spec.js';

const catalog = defaultCatalog();
const files = new Map<string, SniffedFile>([['examples/sign.png', { modality: 'image', mime: 'image/png' }]]);
const request = 'Read the sign in this photo, translate it into Spanish and read it aloud';
const servers: Array<{ close: () => Promise<void> }> = [];
after(() => Promise.all(servers.map((s) => s.close())));

const GOOD = JSON.stringify({
  tasks: [
    { task: 'ocr', id: 0, dep: [-1], args: { image: 'examples/sign.png' } },
    { task: 'translation', id: 1, dep: [0], args: { text: '<GENERATED>-0', target_language: 'es' } },
    { task: 'text-to-speech', id: 2, dep: [1], args: { text: '<GENERATED>-1' } },
  ],
});

async function controllerWith(script: Reply[], timeoutMs = 5_000) {
  const server = await startOpenAiServer(script);
  servers.push(server);
  const controller = new LlmController(parseLlmSpec(`openai-compatible:${server.url}#scripted-model`), { timeoutMs, maxRetries: 0 });
  return { controller, server };
}

describe('LlmController.plan over the chat-completions protocol', () => {
  it('accepts a good plan, asking for output against the plan JSON schema', async () => {
    const { controller, server } = await controllerWith([{ content: GOOD }]);
    const outcome = await controller.plan({ request, catalog, files });
    assert.equal(outcome.planner, 'llm:openai-compatible:' + server.url + '#scripted-model');
    assert.equal(outcome.fallback, undefined);
    assert.deepEqual(outcome.plan.tasks.map((t) => [t.task, t.deps]), [['ocr', []], ['translation', ['t1']], ['text-to-speech', ['t2']]]);
    const body = server.requests[0]!.body;
    assert.equal(body.model, 'scripted-model');
    assert.match(JSON.stringify(body.messages), /Request: Read the sign/);
    assert.equal((body.response_format as { type: string }).type, 'json_schema');
  });

  it('salvages JSON inside a markdown fence with prose around it', async () => {
    const { controller } = await controllerWith([{ content: 'Here is the plan:\n```json\n' + GOOD + '\n```\nHope this helps!' }]);
    const outcome = await controller.plan({ request, catalog, files });
    assert.equal(outcome.plan.tasks.length, 3);
    assert.equal(outcome.fallback, undefined);
  });

  it('accepts a bare HuggingGPT array with single quotes and the <GENERATED-k> typo', async () => {
    const reply = `[{'task': 'ocr', 'id': 0, 'dep': [-1], 'args': {'image': 'sign.png'}}, {'task': 'translation', 'id': 1, 'dep': [0], 'args': {'text': '<GENERATED-0>', 'target_language': 'es'}}]`;
    const { controller } = await controllerWith([{ content: reply }]);
    const outcome = await controller.plan({ request, catalog, files });
    assert.deepEqual(outcome.plan.tasks[1]!.args, { text: { ref: 't1' }, target_language: 'es' });
  });

  it('retries invalid JSON, telling the model what was wrong', async () => {
    const { controller, server } = await controllerWith([{ content: 'I think you should do OCR first {oops' }, { content: GOOD }]);
    const outcome = await controller.plan({ request, catalog, files });
    assert.equal(outcome.plan.tasks.length, 3);
    assert.equal(server.requests.length, 2);
    assert.match(JSON.stringify(server.requests[1]!.body.messages), /That plan is invalid/);
  });

  it('retries a cycle and an unknown task with the problem named, then accepts the fix', async () => {
    const cycle = JSON.stringify({
      tasks: [
        { task: 'translation', id: 0, dep: [1], args: { text: '<GENERATED>-1', target_language: 'es' } },
        { task: 'translation', id: 1, dep: [0], args: { text: '<GENERATED>-0', target_language: 'en' } },
      ],
    });
    const unknown = JSON.stringify({ tasks: [{ task: 'image-ocr-reader', id: 0, dep: [-1], args: { image: 'sign.png' } }] });
    const { controller, server } = await controllerWith([{ content: cycle }, { content: unknown }, { content: GOOD }]);
    const outcome = await controller.plan({ request, catalog, files });
    assert.equal(outcome.plan.tasks.length, 3);
    const retries = server.requests.slice(1).map((r) => JSON.stringify(r.body.messages));
    assert.match(retries[0]!, /cycle/);
    assert.match(retries[1]!, /unknown task type \\"image-ocr-reader\\"/);
  });

  it('hands over to the built-in planner after repeated invalid plans, and says so', async () => {
    const { controller, server } = await controllerWith([{ content: 'no idea' }]);
    const outcome = await controller.plan({ request, catalog, files });
    assert.equal(server.requests.length, 3);
    assert.equal(outcome.planner, 'builtin');
    assert.match(outcome.fallback!, /invalid 3 times/);
    assert.equal(outcome.plan.tasks.length, 3);
  });

  it('hands over when the server answers 500, and tells the listener while it waits and when it hands over', async () => {
    const { controller } = await controllerWith([{ status: 500 }]);
    const events: RunEvent[] = [];
    const outcome = await controller.plan({ request, catalog, files, onEvent: (e) => events.push(e) });
    assert.equal(outcome.planner, 'builtin');
    assert.match(outcome.fallback!, /could not be reached/);
    assert.deepEqual(events.map((e) => e.type), ['controller-waiting', 'controller-done', 'planner-fallback']);
    assert.match((events[2] as { reason: string }).reason, /could not be reached.*built-in planner made the plan/);
  });

  it('stops waiting at once when the caller aborts (Ctrl-C), as a cancellation and not a hand-over', async () => {
    const { controller } = await controllerWith([{ hang: true }], 60_000);
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 200);
    const started = process.hrtime.bigint();
    await assert.rejects(controller.plan({ request, catalog, files, signal: abort.signal }), (e) => TroupeError.is(e, ErrorCode.Cancelled));
    // Not a time limit on the machine: the call would otherwise wait out its 60 s timeout.
    assert.ok(Number(process.hrtime.bigint() - started) / 1e9 < 30, 'did not wait for the model');
  });

  it('hands over when the server hangs past the timeout', async () => {
    const { controller } = await controllerWith([{ hang: true }], 300);
    const outcome = await controller.plan({ request, catalog, files });
    assert.equal(outcome.planner, 'builtin');
    assert.match(outcome.fallback!, /could not be reached/);
  });

  it('passes on an empty plan from the model as NO_PLAN', async () => {
    const { controller } = await controllerWith([{ content: '{"tasks": []}' }]);
    await assert.rejects(controller.plan({ request: 'book a flight', catalog, files }), (e) => TroupeError.is(e, ErrorCode.NoPlan));
  });
});

describe('LlmController.choose and respond', () => {
  const entries = catalog.experts.slice(0, 3).map((e) => e.entry);
  const task = { id: 't1', task: 'ocr', args: {}, deps: [] };

  it('picks the candidate the model names', async () => {
    const { controller } = await controllerWith([{ content: JSON.stringify({ id: entries[2]!.id, reason: 'best fit' }) }]);
    assert.deepEqual(await controller.choose(task, 'read it', entries), { index: 2, reason: 'best fit' });
  });

  it('never returns an expert outside the catalog', async () => {
    const { controller } = await controllerWith([{ content: '{"id": "hf/made-up-model"}' }]);
    const choice = await controller.choose(task, 'read it', entries);
    assert.equal(choice.index, 0);
    assert.match(choice.reason!, /not a candidate/);
  });

  it('answers with the model\'s text, and keeps the per-step account with its files under it', async () => {
    const { controller } = await controllerWith([{ content: 'The sign says hello.' }]);
    const record = {
      request,
      outDir: '/tmp/run',
      tasks: [{ id: 't1', task: 'ocr', expert: 'local/tesseract-ocr', status: 'succeeded', startedAt: null, endedAt: null, outputs: [{ kind: 'text', mime: 'text/plain', path: '/tmp/run/t1-ocr.txt', value: 'HELLO' }], attempts: [] }],
    };
    const answer = await controller.respond(record as never);
    assert.match(answer, /^The sign says hello\.\n\nDone: 1 step/);
    assert.match(answer, /ocr \(t1\) by local\/tesseract-ocr: "HELLO" \[.*t1-ocr\.txt\]/);
  });
});

describe('parseLlmSpec', () => {
  it('rejects unknown providers and missing keys with clear errors', () => {
    assert.throws(() => parseLlmSpec('gemini:pro'), (e) => TroupeError.is(e, ErrorCode.UnknownLlmProvider) && /openai-compatible/.test(e.hint!));
    const saved = process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_API_KEY;
    try {
      assert.throws(() => parseLlmSpec('openai:gpt-4o-mini'), (e) => TroupeError.is(e, ErrorCode.MissingCredential) && /OPENAI_API_KEY/.test(e.message));
    } finally {
      if (saved !== undefined) process.env.OPENAI_API_KEY = saved;
    }
    assert.throws(() => parseLlmSpec('openai-compatible:localhost#m'), (e) => TroupeError.is(e, ErrorCode.BadUsage));
    assert.equal(parseLlmSpec('ollama:llama3.2', { OLLAMA_HOST: '127.0.0.1:11434' }).label, 'ollama:llama3.2');
  });
});
