import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { defaultCatalog } from '../app/default-catalog.js';
import { BuiltinController } from '../controller/builtin-controller.js';
import { requireProgram } from '../test-support/programs.js';
import { startServe, troupe } from '../test-support/troupe-cli.js';
import { RunStore } from '../runs/run-store.js';
import { LlmController } from '../controller/llm/llm-controller.js';
import { parseLlmSpec } from '../controller/llm/llm-spec.js';
import { startOpenAiServer } from '../test-support/openai-server.js';
import { buildServer, type TroupeServer } from './server.js';

const COFFEE = fileURLToPath(new URL('../../test-fixtures/coffee.jpg', import.meta.url));
const SIGN = fileURLToPath(new URL('../../examples/sign.png', import.meta.url));

// The server's JSON, read as the loosely typed thing a client gets.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (response: Response | Promise<Response>): Promise<any> => (await response).json();

interface Frame { id?: number; event: string; data: Record<string, unknown> }

/** Reads a server-sent event stream to its end, as a browser's EventSource would see it. */
async function readStream(url: string, lastEventId?: number): Promise<Frame[]> {
  const response = await fetch(url, { headers: lastEventId !== undefined ? { 'last-event-id': String(lastEventId) } : {} });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const fields = Object.fromEntries(block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]));
      return { ...(fields.id ? { id: Number(fields.id) } : {}), event: fields.event!, data: JSON.parse(fields.data!) };
    });
}

describe('troupe serve: threads, runs, streams and artifacts over HTTP', () => {
  let dataDir: string;
  let server: TroupeServer;
  let base: string;
  const start = async (limits: { maxFileBytes?: number } = {}) => {
    server = await buildServer({ dataDir, controller: new BuiltinController(), catalog: defaultCatalog(), memoryPath: join(dataDir, 'memory.db'), ...limits });
    base = await server.app.listen({ host: '127.0.0.1', port: 0 });
  };
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'troupe-serve-'));
    await start({ maxFileBytes: 2 * 2 ** 20 });
  });
  after(() => server.close());

  const post = (path: string, body?: unknown) => fetch(`${base}${path}`, body instanceof FormData ? { method: 'POST', body } : { method: 'POST', headers: body ? { 'content-type': 'application/json' } : {}, ...(body ? { body: JSON.stringify(body) } : {}) });

  let threadId = '';
  let firstRun = '';
  let firstEvents: Frame[] = [];

  it('starts a thread and runs a request in it, answering with the run id at once and streaming its events', async () => {
    assert.deepEqual(await json(fetch(`${base}/health`)), { ok: true, version: (await server.app.inject({ url: '/health' })).json().version });
    const created = await post('/threads');
    assert.equal(created.status, 201);
    threadId = (await json(created)).threadId;
    const started = await post(`/threads/${threadId}/runs`, { request: "what language is this text in: 'Bonjour tout le monde, comment allez-vous ?'" });
    assert.equal(started.status, 202);
    const { runId, stream } = await json(started);
    firstRun = runId;
    firstEvents = await readStream(`${base}${stream}`);
    const types = firstEvents.map((f) => f.event);
    assert.equal(types[0], 'plan-ready');
    assert.ok(types.includes('task-started') && types.includes('task-succeeded'));
    assert.equal(types.at(-1), 'run-finished');
    const ids = firstEvents.map((f) => f.id!);
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'ids in order');
    assert.equal(new Set(ids).size, ids.length, 'each id once');

    const record = await json(fetch(`${base}/threads/${threadId}/runs/${runId}`));
    assert.equal(record.status, 'succeeded');
    assert.match(record.answer, /French|fr/);
    const thread = await json(fetch(`${base}/threads/${threadId}`));
    assert.deepEqual(thread.runs.map((r: { runId: string; status: string }) => [r.runId, r.status]), [[runId, 'succeeded']]);
  });

  it('takes feedback on a run into the plan memory', async () => {
    const response = await post(`/threads/${threadId}/runs/${firstRun}/feedback`, { verdict: 'good', note: 'right language' });
    assert.equal(response.status, 200);
    const done = await json(response);
    assert.equal(done.memory.good, 1);
    assert.equal((await post(`/threads/${threadId}/runs/${firstRun}/feedback`, { verdict: 'meh' })).status, 400);
    assert.equal((await post(`/threads/${threadId}/runs/nope/feedback`, { verdict: 'good' })).status, 404);
  });

  it('gives a client that reconnects with Last-Event-ID exactly what it missed', async () => {
    const cut = firstEvents[1]!.id!;
    const rest = await readStream(`${base}/threads/${threadId}/runs/${firstRun}/stream`, cut);
    assert.deepEqual(rest.map((f) => f.id), firstEvents.slice(2).map((f) => f.id));
  });

  it('takes files as multipart, checks them, and serves the outputs with their type and byte ranges', async () => {
    const form = new FormData();
    form.set('request', 'make this photo grayscale');
    form.append('files', new Blob([await readFile(COFFEE)], { type: 'image/jpeg' }), 'coffee.jpg');
    const started = await post(`/threads/${threadId}/runs`, form);
    assert.equal(started.status, 202);
    const { runId, stream } = await json(started);
    await readStream(`${base}${stream}`);
    const record = await json(fetch(`${base}/threads/${threadId}/runs/${runId}`));
    assert.equal(record.status, 'succeeded', JSON.stringify(record.tasks));
    const [image] = record.artifacts;
    assert.equal(image.kind, 'image');
    const whole = await fetch(`${base}${image.url}`);
    assert.equal(whole.status, 200);
    assert.match(whole.headers.get('content-type')!, /^image\//);
    const bytes = Buffer.from(await whole.arrayBuffer());
    const part = await fetch(`${base}${image.url}`, { headers: { range: 'bytes=0-9' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), `bytes 0-9/${bytes.length}`);
    assert.deepEqual(Buffer.from(await part.arrayBuffer()), bytes.subarray(0, 10));
    // Knowing a run's id is not enough to fetch its files: the id carries a keyed seal.
    const unsealed = image.artifact.replace(/\.[\w-]{22}$/, '');
    assert.equal((await fetch(`${base}/artifacts/${unsealed}`)).status, 404);
    assert.equal((await fetch(`${base}/artifacts/${unsealed}.${'A'.repeat(22)}`)).status, 404);
    const thread = await json(fetch(`${base}/threads/${threadId}`));
    assert.equal(thread.files[0].name, 'coffee.jpg');
    assert.equal(thread.files[0].mime, 'image/jpeg');
    assert.equal((await fetch(`${base}/artifacts/${thread.files[0].artifact}`)).status, 200);
  });

  it('refuses a damaged upload, one over the size limit, an empty request and unknown ids, saying what was wrong', async () => {
    const damaged = new FormData();
    damaged.set('request', 'make this photo grayscale');
    damaged.append('files', new Blob([Buffer.from('not really a photo')]), 'photo.jpg');
    const refused = await post(`/threads/${threadId}/runs`, damaged);
    assert.equal(refused.status, 400);
    assert.equal((await json(refused)).error.code, 'INPUT_CORRUPT');

    const big = new FormData();
    big.set('request', 'make this photo grayscale');
    big.append('files', new Blob([Buffer.alloc(3 * 2 ** 20)]), 'big.jpg');
    const tooLarge = await post(`/threads/${threadId}/runs`, big);
    assert.equal(tooLarge.status, 413);

    assert.equal((await post(`/threads/${threadId}/runs`, { request: '' })).status, 400);
    assert.equal((await post('/threads/nope/runs', { request: 'hello' })).status, 404);
    assert.equal((await fetch(`${base}/artifacts/run.x.%2e%2e%2fruns.db`)).status, 404);
    assert.equal((await fetch(`${base}/artifacts/nonsense`)).status, 404);
  });

  it('records a request nothing can serve as a failed run with the reason, in the stream too', async () => {
    const { runId, stream } = await json(post(`/threads/${threadId}/runs`, { request: "What's the weather in Madrid today?" }));
    const frames = await readStream(`${base}${stream}`);
    assert.equal(frames.at(-1)!.event, 'run-error');
    const record = await json(fetch(`${base}/threads/${threadId}/runs/${runId}`));
    assert.equal(record.status, 'failed');
    assert.equal(record.error.code, 'NO_PLAN');
  });

  it('reads a sign, then translates "it" and says it aloud: the second run uses the first run\'s text', { skip: requireProgram('tesseract') || requireProgram('espeak-ng') || requireProgram('apertium') }, async () => {
    const { threadId: talk } = await json(post('/threads'));
    const form = new FormData();
    form.set('request', 'read this sign');
    form.append('files', new Blob([await readFile(SIGN)], { type: 'image/png' }), 'sign.png');
    const first = await json(post(`/threads/${talk}/runs`, form));
    await readStream(`${base}${first.stream}`);
    const read = await json(fetch(`${base}/threads/${talk}/runs/${first.runId}`));
    assert.match(read.answer, /library is closed on Sunday/i);
    const second = await json(post(`/threads/${talk}/runs`, { request: 'translate it into Spanish and say it aloud' }));
    await readStream(`${base}${second.stream}`);
    const spoken = await json(fetch(`${base}/threads/${talk}/runs/${second.runId}`));
    assert.equal(spoken.status, 'succeeded', JSON.stringify(spoken.error ?? spoken.tasks));
    assert.equal(spoken.inputs[0].absolutePath, read.tasks[0].outputs[0].path, 'the first run\'s text');
    assert.deepEqual(spoken.tasks.map((t: { task: string }) => t.task), ['translation', 'text-to-speech']);
    assert.match(spoken.answer, /biblioteca/i);
    assert.ok(spoken.artifacts.some((a: { kind: string }) => a.kind === 'audio'));
  });

  it('follows a conversation: "it" and "the picture" are the thread\'s earlier results', { skip: requireProgram('espeak-ng') || requireProgram('apertium') }, async () => {
    const { threadId: talk } = await json(post('/threads'));
    const ask = async (request: string | FormData) => {
      const started = await json(post(`/threads/${talk}/runs`, typeof request === 'string' ? { request } : request));
      await readStream(`${base}${started.stream}`);
      return json(fetch(`${base}/threads/${talk}/runs/${started.runId}`));
    };
    const form = new FormData();
    form.set('request', 'make this photo grayscale');
    form.append('files', new Blob([await readFile(COFFEE)], { type: 'image/jpeg' }), 'coffee.jpg');
    const grey = await ask(form);
    const greyImage = grey.tasks[0].outputs[0].path;

    const rotated = await ask('now rotate it 90 degrees');
    assert.equal(rotated.status, 'succeeded', JSON.stringify(rotated.error ?? rotated.tasks));
    assert.equal(rotated.inputs[0].absolutePath, greyImage, 'it: the last result');

    const translated = await ask("translate 'good morning' into Spanish");
    assert.deepEqual(translated.inputs, [], 'a request that brings its own text refers to nothing earlier');

    const spoken = await ask('read it aloud');
    assert.equal(spoken.status, 'succeeded', JSON.stringify(spoken.error ?? spoken.tasks));
    assert.equal(spoken.inputs[0].absolutePath, translated.tasks[0].outputs[0].path);
    assert.equal(spoken.tasks[0].task, 'text-to-speech');

    const again = await ask('make the picture black and white');
    assert.equal(again.inputs[0].absolutePath, rotated.tasks[0].outputs[0].path, 'the picture: the newest image, though the newest result is audio');

    const third = await ask('read the third result aloud');
    assert.equal(third.inputs[0].absolutePath, translated.tasks[0].outputs[0].path, 'the third run\'s result');

    const photo = new FormData();
    photo.set('request', 'do the same with this photo');
    photo.append('files', new Blob([await readFile(COFFEE)], { type: 'image/jpeg' }), 'other.jpg');
    const same = await ask(photo);
    assert.equal(same.request, 'make the picture black and white', 'the last request, asked again');
    assert.match(same.inputs[0].path, /other\.jpg$/);
    assert.equal(same.status, 'succeeded');
  });

  it('answers HuggingGPT\'s endpoints in the shapes of JARVIS\'s server', async () => {
    const messages = [{ role: 'user', content: "what language is this text in: 'Bonjour tout le monde, comment allez-vous ?'" }];
    const tasks = await json(post('/tasks', { messages }));
    assert.deepEqual(tasks, [{ task: 'language-identification', id: 0, dep: [-1], args: { text: 'Bonjour tout le monde, comment allez-vous ?' } }]);
    const results = await json(post('/results', { messages }));
    assert.deepEqual(Object.keys(results), ['0']);
    assert.deepEqual(results['0'].task, tasks[0]);
    assert.equal(results['0']['inference result'].value.language, 'fr');
    assert.equal(results['0']['choose model result'].id, 'local/eld-language-id');
    const chat = await json(post('/hugginggpt', { messages }));
    assert.match(chat.message, /French/);
    assert.equal((await post('/tasks', { nothing: true })).status, 400);
    assert.match((await json(post('/hugginggpt', { messages: [{ role: 'user', content: 'What is the weather in Madrid today?' }] }))).message, /no expert|nothing here/i);
  });

  it('serves an OpenAPI document generated from the routes\' schemas', async () => {
    const doc = await json(fetch(`${base}/openapi.json`));
    assert.match(doc.openapi, /^3\./);
    for (const path of ['/threads', '/threads/{threadId}', '/threads/{threadId}/runs', '/threads/{threadId}/runs/{runId}', '/threads/{threadId}/runs/{runId}/stream', '/threads/{threadId}/runs/{runId}/cancel', '/artifacts/{artifactId}']) {
      assert.ok(doc.paths[path], `${path} is documented`);
    }
  });

  it('keeps threads, runs and their streams across a restart', async () => {
    await server.close();
    await start();
    const thread = await json(fetch(`${base}/threads/${threadId}`));
    assert.equal(thread.runs[0].status, 'succeeded');
    const replayed = await readStream(`${base}/threads/${threadId}/runs/${firstRun}/stream`);
    assert.deepEqual(replayed.map((f) => f.id), firstEvents.map((f) => f.id));
  });
});

describe('a server killed mid-run', { skip: requireProgram('tesseract') || requireProgram('espeak-ng') || requireProgram('apertium') }, () => {
  it('takes the run up again after a restart, without re-running a succeeded task, and its stream goes on', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'troupe-serve-kill-'));
    const data = join(dir, 'data');
    const startServer = () => startServe(dir, data);
    const first = await startServer();
    const { threadId } = await json(fetch(`${first.address}/threads`, { method: 'POST' }));
    const form = new FormData();
    form.set('request', 'Read the sign in this photo, translate it into Spanish and read it aloud');
    form.append('files', new Blob([await readFile(SIGN)], { type: 'image/png' }), 'sign.png');
    const { runId, stream } = await json(fetch(`${first.address}/threads/${threadId}/runs`, { method: 'POST', body: form }));
    // Read the live stream until the first step has succeeded, then kill the server outright.
    const seen: Frame[] = [];
    const response = await fetch(`${first.address}${stream}`);
    const reader = response.body!.getReader();
    let buffer = '';
    while (!seen.some((f) => f.event === 'task-succeeded')) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += new TextDecoder().decode(value);
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop()!;
      for (const block of blocks) {
        const fields = Object.fromEntries(block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]));
        seen.push({ id: Number(fields.id), event: fields.event!, data: JSON.parse(fields.data!) });
      }
    }
    const killed = new Promise((resolve) => first.child.on('close', resolve));
    first.child.kill('SIGKILL');
    await killed;

    const second = await startServer();
    try {
      const rest = await readStream(`${second.address}${stream}`, seen.at(-1)!.id);
      assert.equal(rest.at(-1)!.event, 'run-finished');
      const all = [...seen, ...rest];
      assert.ok(all.some((f) => f.event === 'run-resumed'), 'the run was taken up again');
      const started = all.filter((f) => f.event === 'task-started').map((f) => f.data.taskId);
      assert.equal(started.filter((t) => t === 't1').length, 1, `t1 succeeded before the kill and did not run again: ${started.join(', ')}`);
      const record = await json(fetch(`${second.address}/threads/${threadId}/runs/${runId}`));
      assert.equal(record.status, 'succeeded', JSON.stringify(record.tasks));
      assert.deepEqual(record.tasks.map((t: { status: string }) => t.status), ['succeeded', 'succeeded', 'succeeded']);
    } finally {
      const closed = new Promise((resolve) => second.child.on('close', resolve));
      second.child.kill('SIGTERM');
      await closed;
    }
  });
});

describe('a server whose controller is an LLM', () => {
  it('gives the model the conversation so far when it plans a follow-up', async () => {
    const plan = JSON.stringify({ tasks: [{ task: 'language-identification', id: 0, dep: [-1], args: { text: 'Bonjour tout le monde' } }] });
    const llm = await startOpenAiServer([{ content: plan }, { content: 'That is French.' }, { content: plan }, { content: 'Still French.' }]);
    const server = await buildServer({ dataDir: await mkdtemp(join(tmpdir(), 'troupe-serve-llm-')), controller: new LlmController(parseLlmSpec(`openai-compatible:${llm.url}#m`), { maxRetries: 0 }), catalog: defaultCatalog() });
    const base = await server.app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { threadId } = await json(fetch(`${base}/threads`, { method: 'POST' }));
      for (const request of ["which language is 'Bonjour tout le monde'?", 'and are you sure?']) {
        const { stream } = await json(fetch(`${base}/threads/${threadId}/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ request }) }));
        await readStream(`${base}${stream}`);
      }
      const second = JSON.stringify(llm.requests[2]!.body.messages);
      assert.match(second, /The conversation so far:/);
      assert.match(second, /User: which language is 'Bonjour tout le monde'\?/);
      assert.match(second, /Assistant: That is French\./);
      assert.match(second, /t1-language-identification\.json/, 'the files of the earlier turn');
      assert.doesNotMatch(JSON.stringify(llm.requests[0]!.body.messages), /conversation so far/, 'nothing before the first turn');
    } finally {
      await server.close();
      await llm.close();
    }
  });
});

describe('a server with a token', () => {
  it('answers only requests that carry it; /health, the page and files by id stay open', async () => {
    const server = await buildServer({ dataDir: await mkdtemp(join(tmpdir(), 'troupe-serve-token-')), controller: new BuiltinController(), catalog: defaultCatalog(), token: 's3cret' });
    try {
      assert.equal((await server.app.inject({ method: 'POST', url: '/threads' })).statusCode, 401);
      assert.equal((await server.app.inject({ method: 'POST', url: '/threads', headers: { authorization: 'Bearer wrong!' } })).statusCode, 401);
      assert.equal((await server.app.inject({ method: 'POST', url: '/threads', headers: { authorization: 'Bearer s3cret' } })).statusCode, 201);
      assert.equal((await server.app.inject({ url: '/health' })).statusCode, 200);
      // The page loads without it (then asks for it); files are fetched by their unguessable ids.
      assert.equal((await server.app.inject({ url: '/' })).statusCode, 200);
      assert.equal((await server.app.inject({ url: '/app.js' })).statusCode, 200);
      assert.equal((await server.app.inject({ url: '/threads' })).statusCode, 401);
      assert.equal((await server.app.inject({ url: '/settings' })).statusCode, 401);
      assert.equal((await server.app.inject({ url: '/artifacts/file.0000' })).statusCode, 404);
    } finally {
      await server.close();
    }
  });
});

describe('troupe serve (the command)', () => {
  it('on SIGTERM stops taking requests, lets the run in progress finish, and exits 0', { skip: requireProgram('tesseract') || requireProgram('espeak-ng') || requireProgram('apertium') }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'troupe-serve-term-'));
    const { child, address } = await startServe(dir, join(dir, 'data'));
    const { threadId } = await json(fetch(`${address}/threads`, { method: 'POST' }));
    const form = new FormData();
    form.set('request', 'Read the sign in this photo, translate it into Spanish and read it aloud');
    form.append('files', new Blob([await readFile(SIGN)], { type: 'image/png' }), 'sign.png');
    const { runId } = await json(fetch(`${address}/threads/${threadId}/runs`, { method: 'POST', body: form }));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    assert.equal(await closed, 0);
    const store = new RunStore(join(dir, 'data', 'runs.db'));
    try {
      assert.equal(store.load(runId)?.storedStatus, 'succeeded', 'the run was let finish');
    } finally {
      store.close();
    }
  });

  it('refuses to listen beyond loopback without a token', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'troupe-serve-cli-'));
    const { code, stderr } = await troupe(['serve', '--host', '0.0.0.0', '--port', '0', '--data', join(dir, 'data')], dir, { TROUPE_SERVER_TOKEN: '' });
    assert.equal(code, 2);
    assert.match(stderr, /refusing to listen on 0\.0\.0\.0 without a token/);
  });

  it('prints its address when ready, serves, and stops cleanly on SIGTERM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'troupe-serve-cli-'));
    const { child, address } = await startServe(dir, join(dir, 'data'));
    assert.equal((await json(fetch(`${address}/health`))).ok, true);
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    assert.equal(await closed, 0);
  });
});
