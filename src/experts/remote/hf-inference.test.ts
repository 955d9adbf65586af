import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { BUILTIN_TASK_TYPES } from '../../catalog/builtin-task-types.js';
import { Catalog } from '../../catalog/catalog.js';
import { CatalogStore } from '../../catalog/catalog-store.js';
import type { ExpertEntry } from '../../core/expert.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { LOCAL_EXPERTS } from '../local/index.js';
import { rankCandidates } from '../../select/rank-candidates.js';
import { runnerFor } from '../../app/runner-for.js';
import { runExpert, textArtifact } from '../../test-support/run-expert.js';
import { hfInferenceExpert } from './hf-inference-expert.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../../test-fixtures/${name}`, import.meta.url));
const entry = (name: string, task: string): ExpertEntry => ({
  id: `huggingface/${name}`, name, task, description: `${task} model`, inputs: [], outputs: [], usage: '', composition: '',
  provider: { kind: 'huggingface' }, languages: [], license: 'mit', source: '', popularity: 50, requires: { debian: [], commands: [] },
});

describe('Hugging Face inference (@huggingface/inference against a loopback server in HF\'s formats)', () => {
  let base: string;
  const requests: Array<{ url: string; auth?: string; type?: string }> = [];
  const server = createServer(async (req, res) => {
    for await (const _ of req);
    requests.push({ url: req.url ?? '', auth: req.headers.authorization, type: req.headers['content-type'] });
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.headers.authorization !== 'Bearer hf_test') return send(401, { error: 'Invalid credentials' });
    if (req.url === '/models/acme/bart-summarizer') return send(200, [{ summary_text: 'A short summary.' }]);
    if (req.url === '/models/acme/whisper-tiny') return send(200, { text: 'go forward ten meters' });
    if (req.url === '/models/acme/vits') return res.writeHead(200, { 'content-type': 'audio/wav' }).end(wav);
    if (req.url === '/models/acme/detr') return send(200, [{ label: 'cup', score: 0.93, box: { xmin: 10, ymin: 20, xmax: 110, ymax: 220 } }]);
    return send(404, { error: 'no such model' });
  });
  const saved = { ...process.env };
  let wav: Buffer;
  before(async () => {
    wav = await readFile(fixture('goforward.wav'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    Object.assign(process.env, { HF_TOKEN: 'hf_test', TROUPE_HF_ENDPOINT: base, TROUPE_ALLOW_HOSTS: '127.0.0.1' });
  });
  after(() => {
    process.env = saved;
    server.close();
  });

  it('summarizes, transcribes a WAV and detects objects in a JPEG through the client', async () => {
    const summary = await runExpert(hfInferenceExpert(entry('acme/bart-summarizer', 'summarization')), { text: textArtifact('A long text.') });
    assert.equal(summary.output.value, 'A short summary.');
    const heard = await runExpert(hfInferenceExpert(entry('acme/whisper-tiny', 'automatic-speech-recognition')), { audio: { kind: 'audio', mime: 'audio/wav', path: fixture('goforward.wav') } });
    assert.equal(heard.output.value, 'go forward ten meters');
    const seen = await runExpert(hfInferenceExpert(entry('acme/detr', 'object-detection')), { image: { kind: 'image', mime: 'image/jpeg', path: fixture('coffee.jpg') } });
    assert.deepEqual((seen.output.value as { objects: unknown[] }).objects, [{ label: 'cup', score: 0.93, box: [10, 20, 100, 200] }]);
    assert.deepEqual(requests.slice(-2).map((r) => r.type), ['audio/wav', 'image/jpeg']);
  });

  it('speaks a text: the audio body becomes a WAV file of the task', async () => {
    const spoken = await runExpert(hfInferenceExpert(entry('acme/vits', 'text-to-speech')), { text: textArtifact('go forward ten meters') });
    assert.equal(spoken.output.kind, 'audio');
    assert.equal(spoken.output.mime, 'audio/wav');
    assert.match(spoken.output.path!, /\.wav$/);
    assert.deepEqual(await readFile(spoken.output.path!), wav);
  });

  it('reports a refused token clearly, naming the model', async () => {
    process.env.HF_TOKEN = 'hf_wrong';
    try {
      await assert.rejects(runExpert(hfInferenceExpert(entry('acme/bart-summarizer', 'summarization')), { text: textArtifact('x') }), (e) => TroupeError.is(e, ErrorCode.MissingCredential) && /acme\/bart-summarizer refused the request \(401\)/.test(e.message));
    } finally {
      process.env.HF_TOKEN = 'hf_test';
    }
  });

  it('offers documented models as remote fallbacks after the local expert, runnable only with HF_TOKEN', async () => {
    const store = new CatalogStore(':memory:');
    store.upsert([entry('acme/bart-summarizer', 'summarization')], 'hugginggpt');
    const catalog = new Catalog(BUILTIN_TASK_TYPES, LOCAL_EXPERTS, { store, runnerFor: runnerFor() });
    const withToken = await rankCandidates('summarization', 'summarize this text', catalog);
    assert.deepEqual(withToken.ranked.map((e) => e.entry.id), ['local/textrank-summarizer', 'huggingface/acme/bart-summarizer']);
    delete process.env.HF_TOKEN;
    const without = await rankCandidates('summarization', 'summarize this text', new Catalog(BUILTIN_TASK_TYPES, LOCAL_EXPERTS, { store, runnerFor: runnerFor() }));
    assert.deepEqual(without.ranked.map((e) => e.entry.id), ['local/textrank-summarizer']);
    assert.match(without.unavailable[0]!.availability.reason!, /needs HF_TOKEN/);
    process.env.HF_TOKEN = 'hf_test';
    store.close();
  });
});
