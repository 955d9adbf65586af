import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildCatalog } from '../../app/build-catalog.js';
import { CatalogStore } from '../catalog-store.js';
import { importOpenApiDirectory } from './import-openapi-dir.js';

const spec = (title: string, ops: Record<string, string>) => ({
  openapi: '3.0.0',
  info: { title, version: '1' },
  servers: [{ url: `https://${title.toLowerCase().replace(/\W+/g, '')}.example.com` }],
  paths: Object.fromEntries(Object.entries(ops).map(([id, summary]) => [`/${id}`, { get: { operationId: id, summary } }])),
});

describe('importing a folder of OpenAPI specs (an API directory)', () => {
  it('imports every spec under the folder, and skips a broken one with its reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'troupe-apis-'));
    await mkdir(join(dir, 'weather.example'), { recursive: true });
    await writeFile(join(dir, 'weather.example', 'v1.json'), JSON.stringify(spec('Weather', { forecast: 'Get the weather forecast for a city', current: 'Current weather at a place' })));
    await writeFile(join(dir, 'sms.yaml'), `openapi: 3.0.0\ninfo: {title: SMS, version: '1'}\nservers: [{url: 'https://sms.example.com'}]\npaths:\n  /send:\n    post: {operationId: sendSms, summary: Send an SMS text message}\n`);
    await writeFile(join(dir, 'swagger2.json'), JSON.stringify({ swagger: '2.0', info: { title: 'Old', version: '1' }, paths: {} }));
    await writeFile(join(dir, 'README.txt'), 'not a spec');
    const result = await importOpenApiDirectory(dir);
    assert.equal(result.specs, 2);
    assert.deepEqual(result.entries.map((e) => e.id).sort(), ['openapi/sms/sendsms', 'openapi/weather/current', 'openapi/weather/forecast']);
    assert.deepEqual(result.skipped.map((s) => s.file), ['swagger2.json']);
    assert.match(result.skipped[0]!.reason, /only OpenAPI 3/);
  });

  it('plans with the operations a request retrieves when the store holds too many to list', async () => {
    const db = join(await mkdtemp(join(tmpdir(), 'troupe-many-')), 'catalog.db');
    const store = new CatalogStore(db);
    const filler = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`op${i}`, `Manage inventory record number ${i}`]));
    const dir = await mkdtemp(join(tmpdir(), 'troupe-apis-'));
    await writeFile(join(dir, 'inventory.json'), JSON.stringify(spec('Inventory', filler)));
    await writeFile(join(dir, 'weather.json'), JSON.stringify(spec('Weather', { forecast: 'Get the weather forecast for a city' })));
    store.upsert((await importOpenApiDirectory(dir)).entries, 'openapi');
    store.close();

    const catalog = await buildCatalog({ db, request: 'what is the weather forecast for a city' });
    const remote = [...catalog.taskTypes.keys()].filter((t) => t.startsWith('openapi-'));
    assert.ok(remote.length <= 20, `${remote.length} operations became task types`);
    assert.ok(remote.includes('openapi-weather-forecast'));
    assert.match(catalog.notes.join('\n'), /of the catalog's 301 API operations and tools were retrieved/);
    assert.equal(catalog.retrieval.get('openapi-weather-forecast'), 1, 'the retriever\'s best keeps its full weight in planning');
    catalog.store?.close();
  });
});
