import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { diagnose } from '../app/diagnose.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Controller } from '../controller/controller.js';
import type { ThreadStore } from '../runs/thread-store.js';
import { jsonSchema, SettingsBody, ThreadList } from './schemas.js';

/**
 * The web page's bundle, built by `npm run build` (which `npm ci` runs) into dist/web. The same
 * path from src/serve (tests, tsx) and from dist/serve (the installed bin): both are two
 * levels below the package's root.
 */
export const WEB_BUNDLE = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/**
 * The page at `/` (and its assets), the thread list it shows, and its settings panel's facts.
 * Returns the paths anyone may fetch without the server's token: the page and its assets (the
 * page then asks for the token and sends it with every call).
 */
export async function registerWebRoutes(app: FastifyInstance, options: { threads: ThreadStore; controllers: Controller[]; catalog: Catalog; webDir?: string }): Promise<string[]> {
  const root = options.webDir ?? WEB_BUNDLE;
  const built = existsSync(`${root}/index.html`);
  if (built) {
    // Every file of the bundle gets its route at start (no wildcard): the API's 404s stay JSON.
    await app.register((await import('@fastify/static')).default, { root, prefix: '/', wildcard: false, index: ['index.html'], cacheControl: false });
  } else {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply.code(503).type('text/html; charset=utf-8').send('<!doctype html><title>Troupe</title><p>The web page is not built here. Run <code>npm run build</code> (as <code>npm ci</code> does), then reload.</p>'),
    );
  }

  app.get('/threads', { schema: { summary: 'the conversations, newest first, each titled by its first request', response: { 200: jsonSchema(ThreadList) } } }, async () => ({ threads: options.threads.list() }));

  app.get('/settings', { schema: { summary: 'which controllers a request may choose (the first is the default) and what `troupe doctor` says of each expert', response: { 200: jsonSchema(SettingsBody) } } }, async () => ({
    controllers: options.controllers.map((c) => c.name),
    doctor: await diagnose(options.catalog),
  }));
  return ['/', ...(built ? readdirSync(root).map((f) => `/${f}`) : [])];
}
