import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { defaultPolicy, fetchWithPolicy, type NetAccess } from '../../net/http-policy.js';
import type { OpenApiCall } from '../../net/openapi-call.js';
import { ExpertEntrySchema, type ExpertEntry } from '../../core/expert.js';
import { kebab } from './kebab.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head'] as const;
const SpecSchema = z.object({
  openapi: z.string().regex(/^3\./, 'only OpenAPI 3.x is supported'),
  info: z.object({ title: z.string(), version: z.string().optional() }),
  servers: z.array(z.object({ url: z.string() })).optional(),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.record(z.string(), z.unknown()).optional(),
});

type Json = Record<string, unknown>;

/**
 * How many $refs deep a schema is expanded. The catalog needs an operation's parameters and
 * the top of its body, not every nested type: full expansion of large specs (cloud
 * providers' APIs) grows without bound, and the deeper levels are not planned with.
 */
const MAX_REF_DEPTH = 3;

/** Resolves local $refs ("#/components/..."), guarding against cycles and depth. */
function deref(node: unknown, root: Json, seen: readonly string[] = []): unknown {
  if (Array.isArray(node)) return node.map((n) => deref(n, root, seen));
  if (!node || typeof node !== 'object') return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    if (seen.includes(ref) || seen.length >= MAX_REF_DEPTH) return { type: 'object', description: `see ${ref.split('/').pop()}` };
    const target = ref.slice(2).split('/').reduce<unknown>((o, k) => (o as Json | undefined)?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], root);
    return deref(target, root, [...seen, ref]);
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, deref(v, root, seen)]));
}

async function readSpec(source: string, access: NetAccess): Promise<{ text: string; base?: URL }> {
  if (/^https?:\/\//.test(source)) {
    const response = await fetchWithPolicy(source, {}, `the OpenAPI spec at ${source}`, defaultPolicy(access));
    return { text: await response.text(), base: new URL(source) };
  }
  try {
    return { text: await readFile(source, 'utf8') };
  } catch {
    throw new TroupeError(ErrorCode.InputNotFound, `cannot read the OpenAPI spec ${source}`);
  }
}

/**
 * Every operation of an OpenAPI 3 spec (JSON or YAML, file or URL) becomes an entry: its
 * parameters and JSON body as one JSON Schema, its summary as the description, and how to
 * call it. `authEnv` names the environment variable holding the credential (never stored).
 */
export async function importOpenApi(source: string, options: { authEnv?: string } & NetAccess = {}): Promise<ExpertEntry[]> {
  const { text, base } = await readSpec(source, options);
  let raw: unknown;
  try {
    raw = text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new TroupeError(ErrorCode.InputCorrupt, `${source} is neither JSON nor YAML: ${(error as Error).message}`);
  }
  if (raw && typeof raw === 'object' && 'swagger' in raw) {
    throw new TroupeError(ErrorCode.UnsupportedFormat, `${source} is Swagger ${String((raw as Json).swagger)}: only OpenAPI 3 is supported`, { hint: 'convert it first, e.g. with `npx swagger2openapi`' });
  }
  const parsed = SpecSchema.safeParse(raw);
  if (!parsed.success) throw new TroupeError(ErrorCode.InputCorrupt, `${source} is not an OpenAPI 3 document: ${z.prettifyError(parsed.error)}`);
  const root = raw as Json;
  const spec = parsed.data;
  const server = spec.servers?.[0]?.url ?? (base ? base.origin : undefined);
  if (!server) throw new TroupeError(ErrorCode.InputCorrupt, `${source} names no server URL`, { hint: 'add "servers: [{url: ...}]" to the spec' });
  const baseUrl = new URL(server, base ?? 'http://invalid/').href.replace(/\/$/, '');
  const auth = options.authEnv ? authFor(root, options.authEnv) : undefined;
  const title = kebab(spec.info.title) || 'api';

  const entries: ExpertEntry[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    const shared = (deref(item.parameters ?? [], root) as Json[]) ?? [];
    for (const method of METHODS) {
      const raw = item[method] as Json | undefined;
      if (!raw || typeof raw !== 'object') continue;
      // Only what the entry keeps is resolved: responses can be most of a large spec.
      const op: Json = { ...raw, parameters: deref(raw.parameters ?? [], root), requestBody: deref(raw.requestBody, root) };
      const params = [...shared, ...((op.parameters as Json[] | undefined) ?? [])].filter((p) => typeof p.name === 'string');
      const properties: Record<string, unknown> = {};
      const required: string[] = [];
      const where: OpenApiCall['params'] = [];
      for (const p of params) {
        properties[String(p.name)] = { ...((p.schema as Json) ?? { type: 'string' }), ...(p.description ? { description: p.description } : {}) };
        if (p.required || p.in === 'path') required.push(String(p.name));
        where.push({ name: String(p.name), in: p.in as OpenApiCall['params'][number]['in'] });
      }
      const body = ((op.requestBody as Json | undefined)?.content as Json | undefined)?.['application/json'] as Json | undefined;
      const bodySchema = body?.schema as Json | undefined;
      for (const [name, schema] of Object.entries((bodySchema?.properties as Json | undefined) ?? {})) {
        properties[name] = schema;
        where.push({ name, in: 'body' });
      }
      if ((op.requestBody as Json | undefined)?.required) required.push(...((bodySchema?.required as string[] | undefined) ?? []));
      const opId = typeof op.operationId === 'string' && op.operationId.trim() ? op.operationId.trim() : `${method}-${path}`;
      const call: OpenApiCall = { baseUrl, method: method.toUpperCase(), path, params: where, readOnly: method === 'get' || method === 'head', ...(auth ? { auth } : {}) };
      entries.push({
        id: `openapi/${title}/${kebab(opId)}`,
        name: opId,
        task: `openapi-${title}-${kebab(opId)}`,
        description: [op.summary, op.description].filter((s) => typeof s === 'string').join('. ') || `${method.toUpperCase()} ${path}`,
        domain: spec.info.title,
        parameters: { type: 'object', properties, required: [...new Set(required)] },
        inputs: [],
        outputs: ['text'],
        usage: `${method.toUpperCase()} ${baseUrl}${path}`,
        composition: '',
        provider: { kind: 'openapi', call: JSON.stringify(call) },
        languages: [],
        license: 'unknown',
        source: `OpenAPI ${spec.info.title} ${spec.info.version ?? ''} (${source})`.replace('  ', ' '),
        popularity: 0,
        requires: { debian: [], commands: [] },
      });
    }
  }
  // Checked here, so a spec that yields a bad entry is reported as that spec's problem.
  return entries.map((e) => {
    const parsed = ExpertEntrySchema.safeParse(e);
    if (!parsed.success) throw new TroupeError(ErrorCode.InputCorrupt, `${source}: operation ${e.name || '(unnamed)'} at ${e.usage}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
}

/** Bearer or API-key-in-header, from the spec's first security scheme. */
function authFor(root: Json, env: string): OpenApiCall['auth'] {
  const schemes = (((root.components as Json | undefined)?.securitySchemes as Json | undefined) ?? {}) as Record<string, Json>;
  const first = Object.values(schemes)[0];
  if (first?.type === 'apiKey' && first.in === 'header' && typeof first.name === 'string') return { env, scheme: 'header', header: first.name };
  return { env, scheme: 'bearer' };
}
