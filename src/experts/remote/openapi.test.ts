import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { importOpenApi } from '../../catalog/importers/import-openapi.js';
import { ErrorCode, HttpError, TroupeError } from '../../core/errors.js';
import { startPetStore } from '../../test-support/petstore.js';
import { fetchWithPolicy, isPrivateAddress } from '../../net/http-policy.js';
import { troupe as runTroupe } from '../../test-support/troupe-cli.js';

// The tests talk only to loopback, which they allow explicitly.
const ALLOW = { timeoutMs: 2_000, retries: 2, allowHosts: ['127.0.0.1'] };

// The remote tests talk only to loopback, which they allow explicitly.
const troupe = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => runTroupe(args, cwd, { TROUPE_ALLOW_HOSTS: '127.0.0.1', ...env });

describe('outbound HTTP policy', () => {
  let store: Awaited<ReturnType<typeof startPetStore>>;
  before(async () => (store = await startPetStore()));
  after(() => store.close());

  it('retries 429 honouring Retry-After, and 500, then succeeds', async () => {
    const start = Date.now();
    assert.equal(((await (await fetchWithPolicy(`${store.url}/flaky-429`, {}, 'flaky', ALLOW)).json()) as { ok: number }).ok, 2);
    assert.ok(Date.now() - start >= 900, 'waited for Retry-After: 1');
    assert.equal(((await (await fetchWithPolicy(`${store.url}/flaky-500`, {}, 'flaky', ALLOW)).json()) as { ok: number }).ok, 2);
  });

  it('gives up on a hang after the timeout, naming the endpoint', async () => {
    await assert.rejects(fetchWithPolicy(`${store.url}/hang`, {}, 'the hanging endpoint', { ...ALLOW, timeoutMs: 300, retries: 0 }), (e) => TroupeError.is(e, ErrorCode.ExpertTimeout) && /the hanging endpoint did not answer/.test(e.message));
  });

  it('refuses private addresses unless allowed, redirects included', async () => {
    await assert.rejects(fetchWithPolicy(`${store.url}/api/pets`, {}, 'pets', { ...ALLOW, allowHosts: [] }), /refusing a request to 127\.0\.0\.1/);
    await assert.rejects(fetchWithPolicy(`${store.url}/to-private`, {}, 'redirector', ALLOW), /refusing a request to 10\.1\.2\.3/);
    assert.ok(isPrivateAddress('192.168.1.5') && isPrivateAddress('::1') && isPrivateAddress('169.254.1.1') && !isPrivateAddress('93.184.216.34'));
  });

  it('turns 401 into a clear credential error', async () => {
    await assert.rejects(fetchWithPolicy(`${store.url}/api/pets`, { method: 'POST', body: '{}' }, 'POST /api/pets', ALLOW), (e) => TroupeError.is(e, ErrorCode.MissingCredential) && /POST \/api\/pets refused the request \(401\)/.test(e.message) && e instanceof HttpError && e.status === 401 && e.endpoint === 'POST /api/pets');
  });
});

describe('OpenAPI operations as experts', () => {
  let store: Awaited<ReturnType<typeof startPetStore>>;
  let dir: string;
  before(async () => {
    store = await startPetStore();
    dir = await mkdtemp(join(tmpdir(), 'troupe-openapi-'));
    process.env.TROUPE_ALLOW_HOSTS = '127.0.0.1';
  });
  after(() => store.close());

  it('imports every operation with its parameters and body as JSON Schema', async () => {
    const entries = await importOpenApi(`${store.url}/openapi.json`, { authEnv: 'PETSTORE_TOKEN' });
    assert.deepEqual(entries.map((e) => e.id), ['openapi/pet-store/listpets', 'openapi/pet-store/createpet', 'openapi/pet-store/showpetbyid']);
    assert.deepEqual(entries[1]!.parameters, { type: 'object', properties: { name: { type: 'string', description: 'the pet name' }, tag: { type: 'string' } }, required: ['name'] });
    assert.equal(JSON.parse(entries[1]!.provider.call!).readOnly, false);
  });

  it('runs operations through plans; a POST needs --yes and the credential, which never reaches the record', async () => {
    const db = join(dir, 'catalog.db');
    const imported = await troupe(['catalog', 'import', 'openapi', `${store.url}/openapi.json`, '--auth-env', 'PETSTORE_TOKEN', '--db', db], dir);
    assert.equal(imported.code, 0, imported.stderr);

    const listed = await troupe(['run', 'list all the pets in the store', '--db', db, '--json'], dir, { PETSTORE_TOKEN: 's3cret' });
    assert.equal(listed.code, 0, listed.stderr);
    assert.deepEqual(JSON.parse(JSON.parse(listed.stdout).tasks[0].outputs[0].value), [{ id: 1, name: 'Rex', tag: 'dog' }]);

    const unapproved = await troupe(['run', "add a new pet named 'Luna' to the store", '--db', db, '--json'], dir, { PETSTORE_TOKEN: 's3cret' });
    assert.equal(JSON.parse(unapproved.stdout).tasks[0].error.code, 'NEEDS_APPROVAL');

    const added = await troupe(['run', "add a new pet named 'Luna' to the store", '--db', db, '--json', '--yes'], dir, { PETSTORE_TOKEN: 's3cret' });
    assert.equal(added.code, 0, added.stderr);
    assert.equal(JSON.parse(JSON.parse(added.stdout).tasks[0].outputs[0].value).name, 'Luna');
    assert.doesNotMatch(added.stdout, /s3cret/);

    const wrong = await troupe(['run', "add a new pet named 'Max' to the store", '--db', db, '--json', '--yes'], dir, { PETSTORE_TOKEN: 'wrong' });
    assert.equal(wrong.code, 1);
    assert.match(JSON.parse(wrong.stdout).tasks[0].error.message, /refused the request \(401\)/);
    assert.equal(JSON.parse(wrong.stdout).tasks[0].error.http.status, 401, 'the record keeps the status as a field');
  });
});
