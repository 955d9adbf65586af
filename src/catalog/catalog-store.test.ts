import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ErrorCode, TroupeError } from '../core/errors.js';
import { CatalogStore } from './catalog-store.js';
import { importApiBench } from './importers/import-apibench.js';
import { importHuggingGpt } from './importers/import-hugginggpt.js';
import { importLocal } from '../app/importers.js';
import { importTaskBench } from './importers/import-taskbench.js';

async function tmp(name: string, content: string) {
  const dir = await mkdtemp(join(tmpdir(), 'troupe-cat-'));
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

const TORCH = [
  { domain: 'Semantic Segmentation', framework: 'PyTorch', functionality: 'DeepLabV3', api_name: 'torch.hub.load', api_call: "torch.hub.load(repo_or_dir='pytorch/vision', model='deeplabv3_resnet50', pretrained=True)", description: 'DeepLabV3 segments street scenes into road, car and person pixels', example_code: ['import torch'] },
  { domain: 'Speech To Text', framework: 'PyTorch', functionality: 'STT', api_name: 'torch.hub.load', api_call: "torch.hub.load(repo_or_dir='snakers4/silero-models', model='silero_stt', pretrained=True)", description: 'Silero speech to text: transcribe spoken English' },
].map((x) => JSON.stringify(x)).join('\n');

describe('importers', () => {
  it('APIBench: one entry per API, ids told apart by model, task from the domain, the call kept', async () => {
    const entries = await importApiBench(await tmp('torchhub_api.jsonl', TORCH));
    assert.deepEqual(entries.map((e) => [e.id, e.name, e.task]), [
      ['apibench/torchhub/torch.hub.load:deeplabv3_resnet50', 'deeplabv3_resnet50', 'semantic-segmentation'],
      ['apibench/torchhub/torch.hub.load:silero_stt', 'silero_stt', 'speech-to-text'],
    ]);
    assert.equal(entries[1]!.provider.call, "torch.hub.load(repo_or_dir='snakers4/silero-models', model='silero_stt', pretrained=True)");
  });

  it("HuggingGPT: model cards as plain text, popularity from downloads and likes, Python's NaN accepted", async () => {
    const line = '{"downloads": 1000000, "id": "acme/finbert", "likes": 100, "pipeline_tag": "text-classification", "task": "text-classification", "meta": {"license": "mit", "tags": ["finance"], "model-index": [{"value": NaN}]}, "description": "# FinBERT\\n\\nSentiment of [financial](http://x) text."}';
    const [e] = await importHuggingGpt(await tmp('p0.jsonl', line));
    assert.equal(e!.id, 'huggingface/acme/finbert');
    assert.equal(e!.description, 'FinBERT Sentiment of financial text.');
    assert.deepEqual([e!.inputs, e!.outputs, e!.license], [['text'], ['json'], 'mit']);
    assert.ok(e!.popularity > 60 && e!.popularity <= 100);
  });

  it('TaskBench: tools with modalities, and daily-life parameters as JSON Schema', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'troupe-tb-')), 'dailylifeapis');
    await (await import('node:fs/promises')).mkdir(path);
    await writeFile(join(path, 'tool_desc.json'), JSON.stringify({ nodes: [{ id: 'get_weather', desc: 'Get the weather', parameters: [{ name: 'location', type: 'string', desc: 'city' }, { name: 'date', type: 'date', desc: 'day' }] }] }));
    const [e] = await importTaskBench(join(path, 'tool_desc.json'));
    assert.equal(e!.id, 'taskbench/dailylifeapis/get-weather');
    assert.deepEqual(e!.parameters, { type: 'object', properties: { location: { type: 'string', description: 'city' }, date: { type: 'string', format: 'date', description: 'day' } }, required: ['location', 'date'] });
  });

  it('fails clearly on a missing file and on a broken line', async () => {
    await assert.rejects(importHuggingGpt('/nonexistent/p0.jsonl'), (e) => TroupeError.is(e, ErrorCode.InputNotFound));
    await assert.rejects(importHuggingGpt(await tmp('p0.jsonl', '{"id": "a"}\n{broken')), (e) => TroupeError.is(e, ErrorCode.InputCorrupt) && /:2 is not valid JSON/.test(e.message));
  });
});

describe('CatalogStore', () => {
  it('imports idempotently, searches by stemmed words within a task, and counts', async () => {
    const store = new CatalogStore(join(await mkdtemp(join(tmpdir(), 'troupe-db-')), 'catalog.db'));
    try {
      const entries = [...(await importApiBench(await tmp('torchhub_api.jsonl', TORCH))), ...(await importLocal())];
      assert.deepEqual(store.upsert(entries, 'test'), { added: entries.length, updated: 0, unchanged: 0 });
      assert.deepEqual(store.upsert(entries, 'test'), { added: 0, updated: 0, unchanged: entries.length });
      const hits = store.search('transcribing spoken recordings');
      assert.ok(['apibench/torchhub/torch.hub.load:silero_stt', 'local/pocketsphinx-asr'].includes(hits[0]!.entry.id), hits.map((h) => h.entry.id).join());
      assert.deepEqual(store.search('street scenes', { task: 'semantic-segmentation' }).map((h) => h.entry.id), ['apibench/torchhub/torch.hub.load:deeplabv3_resnet50']);
      assert.deepEqual(store.search('"; DROP TABLE entries; --'), []);
      assert.equal(store.stats().entries, entries.length);
    } finally {
      store.close();
    }
  });
});

const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
describe('importing everything in ../shared/data', { skip: existsSync(SHARED) ? false : `../shared/data is not beside this checkout (${SHARED})` }, () => {
  it('fills the catalog with every APIBench API, HuggingGPT model, TaskBench tool and local expert', async () => {
    const store = new CatalogStore(':memory:');
    const sources = [
      ...['huggingface', 'tensorflowhub', 'torchhub'].map((h) => importApiBench(`${SHARED}apibench/api/${h}_api.jsonl`)),
      importHuggingGpt(`${SHARED}hugginggpt/p0_models.jsonl`),
      ...['huggingface', 'multimedia', 'dailylifeapis'].map((d) => importTaskBench(`${SHARED}taskbench/${d}/tool_desc.json`)),
      importLocal(),
    ];
    for (const entries of await Promise.all(sources)) store.upsert(entries, 'shared');
    const { entries } = store.stats();
    assert.ok(entries >= 2500, `${entries} entries`);
    store.close();
  });
});
