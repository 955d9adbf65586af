import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { importHfHub } from './import-hf-hub.js';

describe('hf-hub importer (@huggingface/hub listModels against a loopback Hub)', () => {
  let hub: string;
  const asked: string[] = [];
  const model = (id: string, downloads: number) => ({ _id: `x${id}`, id, private: false, gated: false, pipeline_tag: 'summarization', downloads, likes: 10, lastModified: '2026-01-01T00:00:00Z', library_name: 'transformers', tags: ['summarization', 'en', 'license:mit'], cardData: { license: 'mit', language: 'en' } });
  const server = createServer((req, res) => {
    asked.push(req.url ?? '');
    const url = new URL(req.url ?? '/', hub);
    const page = url.searchParams.get('cursor') === '2' ? [model('acme/tiny-summarizer', 10)] : [model('acme/bart-summarizer', 5000), model('acme/t5-summarizer', 900)];
    const next = url.searchParams.get('cursor') === '2' ? {} : { link: `<${hub}/api/models?cursor=2&pipeline_tag=summarization>; rel="next"` };
    res.writeHead(200, { 'content-type': 'application/json', ...next }).end(JSON.stringify(page));
  });
  const saved = process.env.TROUPE_ALLOW_HOSTS;
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hub = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.TROUPE_ALLOW_HOSTS = '127.0.0.1';
  });
  after(() => {
    process.env.TROUPE_ALLOW_HOSTS = saved;
    server.close();
  });

  it('lists a pipeline tag across Link-header pages, with card fields and popularity', async () => {
    const entries = await importHfHub({ task: 'summarization', limit: 10, hubUrl: hub });
    assert.deepEqual(entries.map((e) => e.id), ['huggingface/acme/bart-summarizer', 'huggingface/acme/t5-summarizer', 'huggingface/acme/tiny-summarizer']);
    assert.deepEqual([entries[0]!.task, entries[0]!.license, entries[0]!.languages, entries[0]!.downloads], ['summarization', 'mit', ['en'], 5000]);
    assert.match(asked[0]!, /pipeline_tag=summarization/);
    assert.match(asked[0]!, /sort=downloads/);
    assert.equal(asked.length, 2);
  });

  it('stops at the limit', async () => {
    assert.equal((await importHfHub({ task: 'summarization', limit: 2, hubUrl: hub })).length, 2);
  });
});
