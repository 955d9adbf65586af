import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogStore } from '../catalog/catalog-store.js';
import type { ExpertEntry } from '../core/expert.js';
import { startOpenAiServer } from '../test-support/openai-server.js';
import { troupe } from '../test-support/troupe-cli.js';
import { EmbeddingReranker } from './embedding-reranker.js';

/**
 * The endpoint's "model" maps words to a few concepts (weather, messaging, parking): a
 * stand-in with the property real embeddings have and lexical search lacks — "rain" is
 * near "forecast" — served over the real /embeddings protocol.
 */
const CONCEPTS: Array<RegExp> = [/rain|weather|forecast|temperature|umbrella/g, /sms|message|text|send/g, /park|car|garage/g];
const embed = (input: string) => CONCEPTS.map((c) => (input.toLowerCase().match(c) ?? []).length + 0.01);

const entry = (id: string, description: string): ExpertEntry => ({
  id, name: id, task: `openapi-${id}`, description, inputs: [], outputs: ['text'], usage: '', composition: '',
  provider: { kind: 'openapi' }, languages: [], license: 'unknown', source: '', popularity: 0, requires: { debian: [], commands: [] },
});

describe('an embedding endpoint re-ranks lexical candidates (AI SDK over /embeddings)', () => {
  let server: Awaited<ReturnType<typeof startOpenAiServer>>;
  let dir: string;
  let db: string;
  before(async () => {
    server = await startOpenAiServer([{ content: '' }], { embed });
    dir = await mkdtemp(join(tmpdir(), 'troupe-embed-'));
    db = join(dir, 'catalog.db');
    const store = new CatalogStore(db);
    store.upsert([entry('city-parking', 'List the parking garages of a city and their free places'), entry('city-weather', 'Get the forecast for a city: temperature and rain'), entry('sms', 'Send an SMS text message')], 'openapi');
    store.close();
    await writeFile(join(dir, 'config.yaml'), `allowHosts: [127.0.0.1]\nembeddings:\n  baseURL: ${server.url}\n  model: concepts-3d\n`);
  });
  after(() => server.close());

  it('puts the entry that means the same above the one that shares more words, and caches entry vectors', async () => {
    const store = new CatalogStore(db);
    const query = 'will I need an umbrella in the city, the city center';
    const lexical = store.search(query, { limit: 10 });
    assert.deepEqual(lexical.map((h) => h.entry.id).slice(0, 2).sort(), ['city-parking', 'city-weather']);
    process.env.TROUPE_ALLOW_HOSTS = '127.0.0.1';
    const reranker = new EmbeddingReranker({ baseURL: server.url, model: 'concepts-3d' }, store);
    const reranked = await reranker.rerank(query, lexical);
    assert.equal(reranked[0]!.entry.id, 'city-weather');
    const calls = server.requests.length;
    await reranker.rerank(query, lexical);
    assert.deepEqual(server.requests.at(-1)!.body.input, [query], 'entry vectors came from the cache');
    assert.equal(server.requests.length, calls + 1);
    store.close();
  });

  it('is used by `troupe catalog search` when the config names an endpoint, and falls back to lexical when it is down', async () => {
    const found = await troupe(['catalog', 'search', 'will I need an umbrella in the city', '--db', db, '--config', 'config.yaml', '--json'], dir, { TROUPE_ALLOW_HOSTS: '' });
    assert.equal(found.code, 0, found.stderr);
    const result = JSON.parse(found.stdout) as { semantic: boolean; results: Array<{ id: string }> };
    assert.equal(result.semantic, true);
    assert.equal(result.results[0]!.id, 'city-weather');
    await writeFile(join(dir, 'down.yaml'), 'allowHosts: [127.0.0.1]\nembeddings:\n  baseURL: http://127.0.0.1:9/v1\n  model: m\n');
    const down = await troupe(['catalog', 'search', 'city parking', '--db', db, '--config', 'down.yaml', '--json'], dir, { TROUPE_HTTP_TIMEOUT_MS: '2000' });
    assert.equal(down.code, 0, down.stderr);
    assert.equal(JSON.parse(down.stdout).semantic, false);
    assert.match(down.stderr, /lexical ranking only/);
  });
});
