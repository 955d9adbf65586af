import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { loadInputs } from '../app/load-inputs.js';
import { newRunId } from '../app/run-id.js';
import { reapOrphans } from '../app/reap-orphans.js';
import { resumeRun, runRequest } from '../app/run-request.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Controller } from '../controller/controller.js';
import type { Expert } from '../core/expert.js';
import { ErrorCode, TroupeError, isUsageError } from '../core/errors.js';
import { formatByName } from '../core/modality.js';
import type { RunEvent } from '../execute/events.js';
import { VERSION } from '../core/version.js';
import { RunStore } from '../runs/run-store.js';
import { ThreadStore, type Thread } from '../runs/thread-store.js';
import { RunHub } from './run-hub.js';
import { ApprovalBody, ApprovalDone, ApprovalParams, ArtifactParams, CancelBody, ErrorBody, FeedbackBody, FeedbackDone, HealthBody, jsonSchema, RunBody, RunParams, RunRequestBody, RunStarted, ThreadBody, ThreadParams } from './schemas.js';
import { followUpInput, sameAsBefore, type EarlierRun } from './follow-up.js';
import { registerHuggingGptRoutes } from './hugginggpt-routes.js';
import { streamRun } from './sse.js';
import { registerChatRoute } from './ui-message-route.js';
import { registerWebRoutes } from './web-routes.js';

export interface ServerOptions {
  /** Where threads' files, runs' outputs and the run store live. */
  dataDir: string;
  /** The controller runs use unless a request names another. */
  controller: Controller;
  /** Other controllers a request (the page's settings) may choose by name, e.g. the built-in one beside an LLM. */
  otherControllers?: Controller[];
  catalog: Catalog;
  /** The plan memory that feedback goes to (the one the controller reads); default: the user's (~/.local/share/troupe/memory.db). */
  memoryPath?: string;
  /** When set, every request but /health needs `Authorization: Bearer <token>` (TROUPE_SERVER_TOKEN). */
  token?: string;
  /** Where each task runs: in this process (absent), or on a queue's workers (`--queue`). */
  dispatch?: (expert: Expert) => Expert;
  /** The web page's bundle (default: the package's dist/web). */
  webDir?: string;
  /** Upload limits: bytes per file, files per request. */
  maxFileBytes?: number;
  maxFiles?: number;
}

export interface TroupeServer {
  app: FastifyInstance;
  store: RunStore;
  threads: ThreadStore;
  hub: RunHub;
  /**
   * Stops: no new requests; runs in progress may finish for `graceMs` (default 0: cancelled at
   * once, finished outputs kept), then are cancelled; everything is in the run store.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

/** A file's type by its name, as inputs are told (core/modality.ts); text is UTF-8, as Troupe writes it. */
function mimeOf(path: string): string {
  const mime = formatByName(path)?.mime ?? 'application/octet-stream';
  return mime.startsWith('text/') ? `${mime}; charset=utf-8` : mime;
}

/**
 * An artifact id names a run's output file or an uploaded file, and nothing else on disk.
 * An output's id carries a keyed hash of its run and name (the key is the data folder's own,
 * made on first start): run ids are readable timestamps, and knowing one must not be enough
 * to fetch another thread's files. Uploads are named by random ids.
 */
function artifactIds(secret: Buffer) {
  const seal = (runId: string, file: string) => createHmac('sha256', secret).update(`${runId}/${file}`).digest('base64url').slice(0, 22);
  return {
    output: (runId: string, path: string) => `run.${runId}.${basename(path)}.${seal(runId, basename(path))}`,
    upload: (fileId: string) => `file.${fileId}`,
    /** The run and file an output id names, when its seal is right. */
    open: (id: string) => {
      const m = /^run\.([\w-]+)\.([\w.-]+)\.([\w-]{22})$/.exec(id);
      if (!m) return undefined;
      const expected = Buffer.from(seal(m[1]!, m[2]!));
      const given = Buffer.from(m[3]!);
      return given.length === expected.length && timingSafeEqual(given, expected) ? { runId: m[1]!, file: m[2]! } : undefined;
    },
  };
}

/** The data folder's key for artifact ids: made once, readable by its owner only. */
async function dataSecret(dataDir: string): Promise<Buffer> {
  const path = join(dataDir, 'secret');
  try {
    return await readFile(path);
  } catch {
    const secret = randomBytes(32);
    await writeFile(path, secret, { mode: 0o600, flag: 'wx' }).catch(() => undefined);
    return readFile(path);
  }
}

function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  const e = error instanceof TroupeError ? error : new TroupeError(ErrorCode.ExpertCrashed, (error as Error)?.message ?? String(error));
  const status = e.code === ErrorCode.InputNotFound ? 404 : isUsageError(e) ? 400 : 500;
  return reply.code(status).send({ error: { code: e.code, message: e.message, ...(e.hint ? { hint: e.hint } : {}) } });
}

/**
 * `troupe serve`: threads and runs over HTTP after LangGraph's server API, each run's events
 * as a server-sent stream that a client can resume (Last-Event-ID), files in and out. Fastify,
 * for its schema-first routes (validation and the OpenAPI document come from the same JSON
 * Schemas) and its maintained multipart and swagger plugins.
 */
export async function buildServer(options: ServerOptions): Promise<TroupeServer> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const storePath = join(dataDir, 'runs.db');
  const store = new RunStore(storePath);
  const threads = new ThreadStore(storePath);
  const hub = new RunHub();
  const artifactId = artifactIds(await dataSecret(dataDir));
  const maxFileBytes = options.maxFileBytes ?? 50 * 2 ** 20;
  const maxFiles = options.maxFiles ?? 8;
  const controllers = [options.controller, ...(options.otherControllers ?? [])];

  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  await app.register((await import('@fastify/swagger')).default, {
    openapi: { info: { title: 'Troupe', version: VERSION, description: 'Plan a request into tasks, run them on expert models and APIs, and answer.' } },
  });
  await app.register((await import('@fastify/multipart')).default, { limits: { fileSize: maxFileBytes, files: maxFiles, fields: 4 } });

  const errors = { 400: jsonSchema(ErrorBody), 404: jsonSchema(ErrorBody) };

  // Every error in the one shape the routes document: {error: {code, message, hint?}}.
  app.setErrorHandler((error: Error & { validation?: unknown; statusCode?: number }, _req, reply) => {
    if (error.validation) return reply.code(400).send({ error: { code: ErrorCode.BadUsage, message: error.message, hint: 'see /openapi.json for what this route takes' } });
    if (error.statusCode && error.statusCode < 500) return reply.code(error.statusCode).send({ error: { code: ErrorCode.BadUsage, message: error.message } });
    return sendError(reply, error);
  });

  const publicPaths = new Set(['/health']);
  if (options.token) {
    const expected = Buffer.from(`Bearer ${options.token}`);
    app.addHook('onRequest', async (req, reply) => {
      // Open without the token: the page and its assets, and files by their artifact ids — each
      // id is a capability (a keyed seal or a random id) that only an answer with the token
      // gives out, and it is what an <img> or <audio> of the page can fetch (no header there).
      const path = req.url.split('?')[0]!;
      if (req.method === 'GET' && (publicPaths.has(path) || path.startsWith('/artifacts/'))) return;
      const given = Buffer.from(String(req.headers.authorization ?? ''));
      // Compared in constant time, so the token cannot be guessed from how long a refusal takes.
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return reply.code(401).header('www-authenticate', 'Bearer').send({ error: { code: ErrorCode.MissingCredential, message: 'this server needs its token', hint: 'send Authorization: Bearer <TROUPE_SERVER_TOKEN>' } });
      }
    });
  }

  app.get('/health', { schema: { response: { 200: jsonSchema(HealthBody) } } }, async () => ({ ok: true, version: VERSION }));

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const path of await registerWebRoutes(app, { threads, controllers, catalog: options.catalog, ...(options.webDir ? { webDir: options.webDir } : {}) })) publicPaths.add(path);

  registerHuggingGptRoutes(app, { controller: options.controller, catalog: options.catalog, store, dataDir });

  // Troupe as an MCP server over Streamable HTTP: stateless, a server and transport per request, as the SDK suggests.
  app.post('/mcp', { schema: { summary: 'Troupe as an MCP server (Streamable HTTP): tools run_request, plan_request, list_experts, search_catalog' } }, async (req, reply) => {
    const [{ StreamableHTTPServerTransport }, { troupeMcpServer }] = await Promise.all([import('@modelcontextprotocol/sdk/server/streamableHttp.js'), import('./mcp-server.js')]);
    reply.hijack();
    const mcp = troupeMcpServer({ controller: options.controller, catalog: options.catalog, store, dataDir });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    reply.raw.on('close', () => void transport.close().then(() => mcp.close()));
    await mcp.connect(transport);
    await transport.handleRequest(req.raw, reply.raw, req.body);
  });

  app.post('/threads', { schema: { summary: 'start a conversation', response: { 201: jsonSchema(ThreadBody) } } }, async (_req, reply) => reply.code(201).send(view(threads.create())));

  app.get<{ Params: { threadId: string } }>('/threads/:threadId', { schema: { summary: 'a conversation: its files and runs', params: jsonSchema(ThreadParams), response: { 200: jsonSchema(ThreadBody), ...errors } } }, async (req, reply) => {
    const thread = threads.get(req.params.threadId);
    if (!thread) return sendError(reply, notFound('thread', req.params.threadId));
    return view(thread);
  });

  app.post<{ Params: { threadId: string } }>(
    '/threads/:threadId/runs',
    {
      schema: {
        summary: 'ask: a request, as JSON {request, controller?} or multipart/form-data with request (and controller) fields and any number of files fields; answers with the run id at once',
        params: jsonSchema(ThreadParams),
        response: { 202: jsonSchema(RunStarted), ...errors, 413: jsonSchema(ErrorBody) },
      },
    },
    async (req, reply) => {
      const thread = threads.get(req.params.threadId);
      if (!thread) return sendError(reply, notFound('thread', req.params.threadId));
      let asked: Awaited<ReturnType<typeof readRunRequest>>;
      try {
        asked = await readRunRequest(req, thread.threadId);
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' || (error as { code?: string }).code === 'FST_FILES_LIMIT') return reply.code(413).send(tooLarge());
        return sendError(reply, error);
      }
      try {
        const runId = startRun(thread, asked);
        return reply.code(202).send({ runId, threadId: thread.threadId, stream: `/threads/${thread.threadId}/runs/${runId}/stream` });
      } catch (error) {
        return sendError(reply, error);
      }
    },
  );

  const tooLarge = () => ({ error: { code: ErrorCode.InputCorrupt, message: `an upload is over the limit (${maxFiles} files of at most ${Math.round(maxFileBytes / 2 ** 20)} MiB)`, hint: 'send fewer or smaller files' } });

  /** The controller a request asked for by name (the page's settings), else the server's own. */
  function controllerNamed(name: string | undefined): Controller {
    if (!name) return options.controller;
    const found = controllers.find((c) => c.name === name);
    if (!found) throw new TroupeError(ErrorCode.BadUsage, `no controller ${name} on this server`, { hint: `choose one of ${controllers.map((c) => c.name).join(', ')} (GET /settings)` });
    return found;
  }

  /**
   * Starts a run in a thread and returns its id at once; the run goes on, its events reach
   * listeners through the hub. A follow-up with no new file works on the thread's earlier
   * results; "do the same with this photo" asks the last request again, of the new file.
   */
  function startRun(thread: Thread, asked: AskedRun): string {
    const controller = controllerNamed(asked.controller);
    let { request, uploaded } = asked;
    // The thread's earlier runs, read once: what a follow-up refers to, and the history a controller reads.
    const earlierRuns: EarlierRun[] = thread.runs.flatMap((run) => {
      const stored = store.load(run.runId);
      return stored ? [{ run, record: stored }] : [];
    });
    const earlier = uploaded.length ? undefined : followUpInput(request, thread.files, earlierRuns);
    if (earlier) uploaded = [earlier];
    const again = uploaded.length && !earlier ? sameAsBefore(request, earlierRuns, asked.modalities) : undefined;
    if (again) request = again;
    // The conversation so far, for a controller that reads it (the LLM's planning prompt).
    const history = earlierRuns.map(({ run, record }) => ({ request: run.request, answer: record.answer, files: record.tasks.flatMap((t) => t.outputs.flatMap((o) => (o.path ? [o.path] : []))) }));
    const runId = newRunId();
    threads.addRun(thread.threadId, runId, request);
    const signal = hub.start(runId);
    void runRequest({
      runId,
      request,
      inputs: uploaded,
      controller,
      catalog: options.catalog,
      outDir: join(dataDir, 'runs', runId),
      store,
      signal,
      history,
      ...(options.dispatch ? { dispatch: options.dispatch } : {}),
      onEvent: (event, seq) => hub.publish(runId, event, seq),
      // A state-changing step waits for POST …/approvals/{taskId}; the wait is in the stream.
      approve: async ({ taskId, expert, action }) => {
        const asked: RunEvent = { type: 'approval-needed', taskId, expert, action };
        hub.publish(runId, asked, store.appendEvent(runId, asked));
        const allowed = await hub.awaitApproval(runId, taskId, signal);
        const given: RunEvent = { type: 'approval-given', taskId, allowed };
        hub.publish(runId, given, store.appendEvent(runId, given));
        return allowed;
      },
    })
      .catch((error: unknown) => {
        const e = error instanceof TroupeError ? error : new TroupeError(ErrorCode.ExpertCrashed, (error as Error).message);
        threads.failRun(thread.threadId, runId, { code: e.code, message: e.message, ...(e.hint ? { hint: e.hint } : {}) });
      })
      .finally(() => hub.finish(runId));
    return runId;
  }

  /** Where an upload is saved: the thread's files folder, under a name that cannot collide or climb out. */
  async function uploadPath(threadId: string, filename: string, index: number): Promise<{ path: string; name: string }> {
    const folder = join(dataDir, 'threads', threadId, 'files');
    await mkdir(folder, { recursive: true });
    const name = basename(filename || 'upload').replace(/[^\w.-]+/g, '_').slice(-80) || 'upload';
    return { path: join(folder, `${Date.now()}-${index}-${name}`), name };
  }

  /** Saved uploads joined to their thread, after the CLI's check: a damaged or mislabelled file is refused before any work. */
  async function addUploads(threadId: string, saved: Array<{ path: string; name: string }>): Promise<ReadonlySet<string>> {
    const checked = await loadInputs(saved.map((s) => s.path));
    for (const s of saved) {
      const f = checked.get(s.path)!;
      threads.addFile(threadId, { name: s.name, path: s.path, mime: f.mime, modality: f.modality, bytes: (await stat(s.path)).size });
    }
    return new Set([...checked.values()].map((f) => f.modality));
  }

  /** Files of this request: the uploads saved into the thread (types sniffed and checked, not trusted), and the request text. */
  async function readRunRequest(req: FastifyRequest, threadId: string): Promise<AskedRun> {
    if (!req.isMultipart()) {
      const parsed = RunRequestBody.safeParse(req.body);
      if (!parsed.success) throw new TroupeError(ErrorCode.BadUsage, 'the body must be {"request": "..."} or multipart/form-data with a request field', { hint: 'say what you want in the request field' });
      return { ...parsed.data, uploaded: [], modalities: new Set() };
    }
    const fields: Record<string, string> = {};
    const saved: Array<{ path: string; name: string }> = [];
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const target = await uploadPath(threadId, part.filename, saved.length);
        await pipeline(part.file, createWriteStream(target.path, { flags: 'wx' }));
        if (part.file.truncated) throw Object.assign(new Error('too large'), { code: 'FST_REQ_FILE_TOO_LARGE' });
        saved.push(target);
      } else fields[part.fieldname] = String(part.value);
    }
    const parsed = RunRequestBody.safeParse({ request: fields.request ?? '', ...(fields.controller ? { controller: fields.controller } : {}) });
    if (!parsed.success) throw new TroupeError(ErrorCode.BadUsage, 'the request field is missing or empty (or over 50,000 characters)', { hint: 'say what you want in the request field' });
    return { ...parsed.data, uploaded: saved.map((s) => s.path), modalities: await addUploads(threadId, saved) };
  }

  registerChatRoute(app, {
    threads,
    store,
    hub,
    maxFileBytes,
    maxFiles,
    startRun,
    addUploads,
    saveUpload: async (threadId, filename, bytes, index) => {
      const { path } = await uploadPath(threadId, filename, index);
      await writeFile(path, bytes, { flag: 'wx' });
      return path;
    },
    uploadAt: (threadId, url) => {
      const id = /^\/artifacts\/file\.([\w-]+)$/.exec(url)?.[1];
      const file = id ? threads.file(id) : undefined;
      return file?.threadId === threadId ? file.path : undefined;
    },
    outcome: (runId) => {
      const record = store.load(runId);
      if (!record) return undefined;
      const media = outputsOf(record).filter((o) => o.kind === 'image' || o.kind === 'audio' || o.kind === 'video');
      return { answer: record.answer, files: media.map((o) => ({ url: o.url, mediaType: o.mime })) };
    },
    runError: (threadId, runId) => threads.get(threadId)?.runs.find((r) => r.runId === runId)?.error,
  });

  app.get<{ Params: { threadId: string; runId: string } }>('/threads/:threadId/runs/:runId', { schema: { summary: 'the run record (the same object as run.json)', params: jsonSchema(RunParams), response: { 200: jsonSchema(RunBody), ...errors } } }, async (req, reply) => {
    const known = threads.get(req.params.threadId)?.runs.find((r) => r.runId === req.params.runId);
    if (!known) return sendError(reply, notFound('run', req.params.runId));
    const record = store.load(req.params.runId);
    if (record) {
      const { pid: _pid, storedStatus, ...rest } = record;
      return { ...rest, status: storedStatus, artifacts: outputsOf(rest) };
    }
    if (known.error) return { runId: known.runId, status: 'failed', error: known.error };
    return { runId: known.runId, status: hub.isRunning(known.runId) ? 'planning' : 'interrupted' };
  });

  app.get<{ Params: { threadId: string; runId: string } }>('/threads/:threadId/runs/:runId/stream', { schema: { summary: 'the run\'s events as server-sent events; reconnect with Last-Event-ID for exactly what was missed', params: jsonSchema(RunParams) } }, async (req, reply) => {
    const known = threads.get(req.params.threadId)?.runs.find((r) => r.runId === req.params.runId);
    if (!known) return sendError(reply, notFound('run', req.params.runId));
    const last = Number(req.headers['last-event-id'] ?? (req.query as { after?: string }).after ?? 0) || 0;
    streamRun(reply, { runId: known.runId, after: last, store, hub, error: () => threads.get(req.params.threadId)?.runs.find((r) => r.runId === known.runId)?.error });
    return reply;
  });

  app.post<{ Params: { threadId: string; runId: string } }>('/threads/:threadId/runs/:runId/cancel', { schema: { summary: 'cancel a run: running steps stop, finished outputs are kept', params: jsonSchema(RunParams), response: { 202: jsonSchema(CancelBody), ...errors } } }, async (req, reply) => {
    const known = threads.get(req.params.threadId)?.runs.find((r) => r.runId === req.params.runId);
    if (!known) return sendError(reply, notFound('run', req.params.runId));
    return reply.code(202).send({ runId: known.runId, cancelled: hub.cancel(known.runId) });
  });

  app.post<{ Params: { threadId: string; runId: string }; Body: unknown }>(
    '/threads/:threadId/runs/:runId/feedback',
    { schema: { summary: 'good or bad: a good plan becomes a template for similar requests (the plan memory)', params: jsonSchema(RunParams), body: jsonSchema(FeedbackBody), response: { 200: jsonSchema(FeedbackDone), ...errors } } },
    async (req, reply) => {
      const known = threads.get(req.params.threadId)?.runs.find((r) => r.runId === req.params.runId);
      const record = known && store.load(known.runId);
      if (!record) return sendError(reply, notFound('run', req.params.runId));
      const { verdict, note } = FeedbackBody.parse(req.body);
      const [{ PlanMemory, defaultMemoryPath }, { recordFeedback }] = await Promise.all([import('../memory/plan-memory.js'), import('../memory/feedback.js')]);
      const memory = new PlanMemory(options.memoryPath ?? defaultMemoryPath());
      try {
        await recordFeedback(memory, join(record.outDir, 'run.json'), verdict, note ? { note } : {});
        return { runId: record.runId, verdict, memory: { path: memory.path, ...memory.counts() } };
      } catch (error) {
        return sendError(reply, error);
      } finally {
        memory.close();
      }
    },
  );

  app.post<{ Params: { threadId: string; runId: string; taskId: string }; Body: unknown }>(
    '/threads/:threadId/runs/:runId/approvals/:taskId',
    { schema: { summary: 'allow or deny a state-changing step the run waits on (see the approval-needed event)', params: jsonSchema(ApprovalParams), body: jsonSchema(ApprovalBody), response: { 200: jsonSchema(ApprovalDone), ...errors } } },
    async (req, reply) => {
      const known = threads.get(req.params.threadId)?.runs.find((r) => r.runId === req.params.runId);
      if (!known) return sendError(reply, notFound('run', req.params.runId));
      const { allow } = ApprovalBody.parse(req.body);
      if (!hub.answerApproval(known.runId, req.params.taskId, allow)) {
        return reply.code(404).send({ error: { code: ErrorCode.InputNotFound, message: `no step ${req.params.taskId} of run ${known.runId} is waiting for approval`, hint: 'the approval-needed event of the stream names the step' } });
      }
      return { runId: known.runId, taskId: req.params.taskId, allowed: allow };
    },
  );

  app.get<{ Params: { artifactId: string } }>('/artifacts/:artifactId', { schema: { summary: 'a file: a run\'s output or an upload, with its type; byte ranges for audio and video', params: jsonSchema(ArtifactParams) } }, async (req, reply) => {
    const path = artifactPath(req.params.artifactId);
    if (!path) return sendError(reply, notFound('artifact', req.params.artifactId));
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return sendError(reply, notFound('artifact', req.params.artifactId));
    reply.header('content-type', mimeOf(path)).header('accept-ranges', 'bytes');
    const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ''));
    if (range && (range[1] || range[2])) {
      const start = range[1] ? Number(range[1]) : Math.max(0, info.size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1;
      if (start > end || start >= info.size) return reply.code(416).header('content-range', `bytes */${info.size}`).send();
      return reply.code(206).header('content-range', `bytes ${start}-${end}/${info.size}`).header('content-length', end - start + 1).send(createReadStream(path, { start, end }));
    }
    return reply.header('content-length', info.size).send(createReadStream(path));
  });

  /** Where an artifact id points, only ever inside the data folder. */
  function artifactPath(id: string): string | undefined {
    const output = artifactId.open(id);
    if (output) {
      const record = store.load(output.runId);
      const path = record ? join(record.outDir, output.file) : undefined;
      return path && resolve(path).startsWith(dataDir + sep) ? path : undefined;
    }
    const upload = /^file\.([\w-]+)$/.exec(id);
    return upload ? threads.file(upload[1]!)?.path : undefined;
  }

  function outputsOf(record: { runId: string; tasks: Array<{ id: string; outputs: Array<{ path?: string; kind: string; mime: string }> }> }) {
    return record.tasks.flatMap((t) => t.outputs.flatMap((o) => (o.path ? [{ taskId: t.id, kind: o.kind, mime: o.mime, artifact: artifactId.output(record.runId, o.path), url: `/artifacts/${artifactId.output(record.runId, o.path)}` }] : [])));
  }

  function view(thread: Thread) {
    return {
      ...thread,
      files: thread.files.map(({ path: _path, ...f }) => ({ ...f, artifact: artifactId.upload(f.fileId) })),
      runs: thread.runs.map((r) => ({ ...r, status: r.error ? 'failed' : (store.load(r.runId)?.storedStatus ?? (hub.isRunning(r.runId) ? 'planning' : 'interrupted')) })),
    };
  }

  // Runs this data folder's last server was running when it died (kill -9, a crash): their
  // experts' programs are ended and their scratch removed, then each is taken up again —
  // succeeded tasks kept — and its stream goes on for a client that reconnects.
  for (const runId of await reapOrphans(store)) {
    if (!threads.threadOf(runId)) continue; // a CLI run sharing the store: `troupe resume` is for those
    const signal = hub.start(runId);
    void resumeRun(runId, { controller: options.controller, catalog: options.catalog, store, signal, ...(options.dispatch ? { dispatch: options.dispatch } : {}), onEvent: (event, seq) => hub.publish(runId, event, seq) })
      .catch((error: unknown) => {
        const e = error instanceof TroupeError ? error : new TroupeError(ErrorCode.ExpertCrashed, (error as Error).message);
        threads.failRun(threads.threadOf(runId)!, runId, { code: e.code, message: e.message, ...(e.hint ? { hint: e.hint } : {}) });
      })
      .finally(() => hub.finish(runId));
  }

  return {
    app,
    store,
    threads,
    hub,
    async close({ graceMs = 0 } = {}) {
      // Fastify refuses new connections at once and waits for requests in flight; streams end with their runs.
      const closing = app.close();
      const deadline = Date.now() + graceMs;
      while (hub.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      hub.cancelAll();
      while (hub.size > 0) await new Promise((r) => setTimeout(r, 20)); // cancelled runs write their records
      await closing;
      store.close();
      threads.close();
    },
  };
}

/** What a person asked: the words, the files they sent with it (saved and checked), and the controller they chose. */
interface AskedRun {
  request: string;
  uploaded: string[];
  modalities: ReadonlySet<string>;
  controller?: string;
}

const notFound = (what: string, id: string) => new TroupeError(ErrorCode.InputNotFound, `no ${what} ${id}`, { hint: what === 'thread' ? 'POST /threads starts one' : 'GET /threads/{threadId} lists its runs and files' });
