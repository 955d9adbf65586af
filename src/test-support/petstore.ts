import { mkdtemp } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { troupe } from './troupe-cli.js';

/** A small pet store on loopback with its OpenAPI 3 spec, and a few misbehaving routes for the HTTP policy tests. */
export async function startPetStore(): Promise<{ url: string; close: () => Promise<void>; hits: Record<string, number> }> {
  const pets = [{ id: 1, name: 'Rex', tag: 'dog' }];
  const hits: Record<string, number> = {};
  let base = '';
  const spec = () => ({
    openapi: '3.0.3',
    info: { title: 'Pet Store', version: '1.0.0' },
    servers: [{ url: `${base}/api` }],
    components: { securitySchemes: { token: { type: 'http', scheme: 'bearer' } }, schemas: { NewPet: { type: 'object', required: ['name'], properties: { name: { type: 'string', description: 'the pet name' }, tag: { type: 'string' } } } } },
    paths: {
      '/pets': {
        get: { operationId: 'listPets', summary: 'List all the pets in the store', parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }] },
        post: { operationId: 'createPet', summary: 'Add a new pet to the store', requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/NewPet' } } } } },
      },
      '/pets/{petId}': { get: { operationId: 'showPetById', summary: 'Info for a specific pet', parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }] } },
    },
  });
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    hits[url.pathname] = (hits[url.pathname] ?? 0) + 1;
    const n = hits[url.pathname]!;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (url.pathname === '/openapi.json') return send(res, 200, spec());
    if (url.pathname === '/api/pets' && req.method === 'GET') return send(res, 200, pets.slice(0, Number(url.searchParams.get('limit')) || pets.length));
    if (url.pathname === '/api/pets' && req.method === 'POST') {
      if (req.headers.authorization !== 'Bearer s3cret') return send(res, 401, { error: 'unauthorized' });
      const pet = { id: pets.length + 1, ...JSON.parse(Buffer.concat(chunks).toString('utf8')) };
      pets.push(pet);
      return send(res, 201, pet);
    }
    const one = /^\/api\/pets\/(\d+)$/.exec(url.pathname);
    if (one) return send(res, 200, pets.find((p) => p.id === Number(one[1])) ?? {});
    if (url.pathname === '/flaky-429') return n === 1 ? send(res, 429, {}, { 'retry-after': '1' }) : send(res, 200, { ok: n });
    if (url.pathname === '/flaky-500') return n === 1 ? send(res, 500, {}) : send(res, 200, { ok: n });
    if (url.pathname === '/hang') return; // never answers
    if (url.pathname === '/to-private') return res.writeHead(302, { location: 'http://10.1.2.3/secret' }).end();
    return send(res, 404, {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, hits, close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))) };
}

/**
 * The pet store imported into a fresh catalog, as `troupe catalog import openapi` does it: its
 * POST needs the token (PETSTORE_TOKEN) and asks for approval. Loopback is allowed for the
 * process (TROUPE_ALLOW_HOSTS), as tests against it need.
 */
export async function petStoreCatalog(): Promise<{ pets: Awaited<ReturnType<typeof startPetStore>>; db: string; dir: string }> {
  const pets = await startPetStore();
  process.env.TROUPE_ALLOW_HOSTS = '127.0.0.1';
  process.env.PETSTORE_TOKEN = 's3cret';
  const dir = await mkdtemp(join(tmpdir(), 'troupe-pets-'));
  const db = join(dir, 'catalog.db');
  const imported = await troupe(['catalog', 'import', 'openapi', `${pets.url}/openapi.json`, '--auth-env', 'PETSTORE_TOKEN', '--db', db], dir, { TROUPE_ALLOW_HOSTS: '127.0.0.1' });
  if (imported.code !== 0) throw new Error(`importing the pet store failed: ${imported.stderr}`);
  return { pets, db, dir };
}
