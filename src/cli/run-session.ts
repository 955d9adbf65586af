import type { Catalog } from '../catalog/catalog.js';
import type { Controller } from '../controller/controller.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import type { Expert } from '../core/expert.js';
import type { Approver } from '../execute/scheduler.js';
import type { RunEventListener } from '../execute/events.js';
import type { RunRecord } from '../respond/run-record.js';
import { catalogFor } from '../app/catalog-for.js';
import { controllerFor } from '../app/controller-for.js';
import { terminalApprover } from './approval-prompt.js';
import { createProgress } from './progress.js';
import type { SetExit } from './options.js';

/** The options `troupe run` and `troupe resume` share. */
export interface SessionOptions { json?: boolean; llm?: string; timeout: number; concurrency: number; db?: string; config?: string; memory?: string; yes?: boolean; queue?: string; artifacts?: string }

export interface SessionParts {
  controller: Controller;
  catalog: Catalog;
  timeoutMs: number;
  concurrency: number;
  signal: AbortSignal;
  approve?: boolean | Approver;
  onEvent?: RunEventListener;
  /** Set with --queue: each task runs on a worker of its class. */
  dispatch?: (expert: Expert) => Expert;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** With --queue, the client that sends tasks to workers (files through --artifacts, else a shared folder). */
export async function queueFor(opts: { queue?: string; artifacts?: string }) {
  if (!opts.queue) {
    if (opts.artifacts) throw new TroupeError(ErrorCode.BadUsage, '--artifacts is for tasks on a queue', { hint: 'add --queue redis://HOST:PORT, or leave out --artifacts' });
    return undefined;
  }
  const [{ QueueClient }, { artifactStoreFor }] = await Promise.all([import('../queue/queue-client.js'), import('../queue/artifact-store.js')]);
  return QueueClient.connect(opts.queue, artifactStoreFor(opts.artifacts));
}

/**
 * What a run needs from the terminal: the controller and catalog, live progress on stderr,
 * approval prompts, and cancellation — SIGTERM (kill, a service manager) and SIGHUP (the
 * terminal closed) cancel as Ctrl-C does: running experts stopped, finished outputs kept,
 * the record written. Prints the answer (or the record with --json) and sets the exit code.
 */
export async function runSession(request: string, opts: SessionOptions, setExit: SetExit, start: (parts: SessionParts) => Promise<RunRecord>): Promise<void> {
  const controller = await controllerFor(opts.llm, opts.memory);
  const catalog = await catalogFor(opts, request);
  const progress = opts.json && !process.stderr.isTTY ? undefined : createProgress();
  // Without --yes, a person at a terminal is asked; a script (no TTY) gets the skip and the reason.
  const approve = opts.yes ? true : process.stdin.isTTY && process.stderr.isTTY ? terminalApprover(progress ?? { pause() {}, resume() {} }) : undefined;
  const abort = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (abort.signal.aborted) process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    process.stderr.write(`\ncancelling (${signal})… (Ctrl-C again to quit at once)\n`);
    abort.abort();
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  const queue = await queueFor(opts);
  try {
    const record = await start({
      ...(queue ? { dispatch: queue.dispatch } : {}),
      controller,
      catalog,
      timeoutMs: opts.timeout * 1000,
      concurrency: opts.concurrency,
      signal: abort.signal,
      ...(approve ? { approve } : {}),
      // With no progress display (--json in a script), the hand-over to the built-in planner is still said on stderr.
      onEvent: progress?.onEvent ?? ((e) => e.type === 'planner-fallback' && process.stderr.write(`note: ${e.reason}\n`)),
    });
    progress?.stop(); // its line is gone from stderr before the answer appears on stdout
    if (opts.json) process.stdout.write(JSON.stringify(record) + '\n');
    else process.stdout.write(`${record.answer}\n`);
    setExit(record.status === 'succeeded' ? 0 : 1);
  } finally {
    progress?.stop();
    for (const s of SIGNALS) process.off(s, onSignal);
    await queue?.close();
  }
}
