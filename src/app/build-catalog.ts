import { existsSync } from 'node:fs';
import { EMPTY_CONFIG, type Config } from '../config/config.js';
import { LOCAL_EXPERTS } from '../experts/local/index.js';
import { BUILTIN_TASK_TYPES } from '../catalog/builtin-task-types.js';
import { Catalog } from '../catalog/catalog.js';
import { defaultCatalog } from './default-catalog.js';
import { runnerFor } from './runner-for.js';
import { searchStore } from './search-store.js';
import { defaultCatalogPath } from '../catalog/catalog-path.js';
import type { CatalogStore } from '../catalog/catalog-store.js';
import type { Expert, ExpertEntry } from '../core/expert.js';

/**
 * Everything Troupe can use in this run: the local experts; the imported store's MCP tools
 * and OpenAPI operations (each its own task type and expert); the config file's sources,
 * refreshed now (MCP servers' tools, OpenAPI specs), and its OpenAI-compatible servers. A
 * source that cannot be reached costs a note, not the run.
 */
export async function buildCatalog(options: { /** null: no store */ db?: string | null; config?: Config; /** the request, to retrieve the operations of a large store */ request?: string } = {}): Promise<Catalog> {
  const path = options.db === null ? undefined : (options.db ?? defaultCatalogPath());
  const config = options.config ?? EMPTY_CONFIG;
  const hasSources = config.mcpServers.length + config.openapi.length + config.openaiCompatible.length > 0;
  if ((!path || !existsSync(path)) && !hasSources) return defaultCatalog();
  const [{ mcpToolExpert }, { openApiExpert }, { remoteTaskType }] = await Promise.all([
    import('../experts/remote/mcp-tool-expert.js'),
    import('../experts/remote/openapi-expert.js'),
    import('../experts/remote/remote-task-type.js'),
  ]);
  const notes: string[] = [];
  const access = { allowHosts: config.allowHosts };
  const store = path && existsSync(path) ? new (await import('../catalog/catalog-store.js')).CatalogStore(path) : undefined;
  const entries = new Map<string, ExpertEntry>();
  const retrieval = new Map<string, number>();
  for (const { entry, score } of store ? await storedOperations(store, options.request, config, notes) : []) {
    entries.set(entry.id, entry);
    if (score !== undefined) retrieval.set(entry.task, score);
  }
  for (const e of await refreshSources(config, notes)) entries.set(e.id, e);
  const remote = [...entries.values()].map((e) => [e, e.provider.kind === 'mcp' ? mcpToolExpert(e, access) : openApiExpert(e, access)] as const);

  const types = [...BUILTIN_TASK_TYPES, ...remote.map(([e]) => remoteTaskType(e))];
  const experts: Expert[] = [...LOCAL_EXPERTS, ...remote.map(([, x]) => x)];
  if (config.openaiCompatible.length) {
    const [{ openAiCompatibleExpert, tasksOf }, { OPENAI_TASK_TYPES }] = await Promise.all([
      import('../experts/remote/openai-compatible-expert.js'),
      import('../catalog/model-task-types.js'),
    ]);
    for (const server of config.openaiCompatible) {
      for (const task of tasksOf(server)) {
        const type = OPENAI_TASK_TYPES.find((t) => t.id === task);
        if (type && !types.some((t) => t.id === task)) types.push(type);
        experts.push(openAiCompatibleExpert(server, task, access));
      }
    }
  }
  return new Catalog(types, experts, { ...(store ? { store } : {}), notes, retrieval, runnerFor: runnerFor(access) });
}

/** Up to this many imported operations all become task types; beyond it, only retrieved ones. */
const ALL_OPERATIONS_LIMIT = 200;
/** How many operations a request retrieves from a large store (Gorilla's retriever-aware selection). */
const RETRIEVED_OPERATIONS = 20;

/**
 * The store's MCP tools and OpenAPI operations that this run may plan with: all of them
 * when there are few; when there are thousands (an API directory), the ones the request's
 * words retrieve, so planning stays fast and only sees candidates that exist.
 */
async function storedOperations(store: CatalogStore, request: string | undefined, config: Config, notes: string[]): Promise<Array<{ entry: ExpertEntry; score?: number }>> {
  const origins = ['mcp', 'openapi'];
  const total = store.count(origins);
  if (total <= ALL_OPERATIONS_LIMIT) return origins.flatMap((o) => store.byOrigin(o)).map((entry) => ({ entry }));
  if (!request) return [];
  const { hits } = await searchStore(store, request, {
    origins,
    limit: RETRIEVED_OPERATIONS,
    pool: RETRIEVED_OPERATIONS * 3,
    ...(config.embeddings ? { embeddings: config.embeddings } : {}),
    allowHosts: config.allowHosts,
    onRerankFailed: (reason) => notes.push(`the embedding endpoint could not re-rank the API operations (${reason}); lexical ranking only`),
  });
  notes.push(`${hits.length} of the catalog's ${total} API operations and tools were retrieved for this request`);
  // The retriever saw all of them; the planner sees only these few, so their rank carries over.
  return hits.map((h, i) => ({ entry: h.entry, score: 1 / (1 + i / 3) }));
}

/** The config's MCP servers and OpenAPI specs, read now, in parallel; failures become notes. */
async function refreshSources(config: Config, notes: string[]): Promise<ExpertEntry[]> {
  if (!config.mcpServers.length && !config.openapi.length) return [];
  const access = { allowHosts: config.allowHosts };
  const [{ importMcp }, { importOpenApi }] = await Promise.all([import('../catalog/importers/import-mcp.js'), import('../catalog/importers/import-openapi.js')]);
  const jobs = [
    ...config.mcpServers.map((s) => ({ what: `MCP server ${s.command ?? s.url}`, load: () => importMcp((s.command ?? s.url)!, { timeoutMs: 10_000, ...access }) })),
    ...config.openapi.map((s) => ({ what: `OpenAPI spec ${s.spec}`, load: () => importOpenApi(s.spec, { ...(s.authEnv ? { authEnv: s.authEnv } : {}), ...access }) })),
  ];
  const results = await Promise.allSettled(jobs.map((j) => j.load()));
  return results.flatMap((r, i) => {
    if (r.status === 'fulfilled') return r.value;
    notes.push(`the config's ${jobs[i]!.what} could not be read, so its tools are not available in this run: ${(r.reason as Error).message}`);
    return [];
  });
}
