import type { FastifyReply } from 'fastify';
import type { RunEvent } from '../execute/events.js';
import type { RunStore } from '../runs/run-store.js';
import { followRun } from './follow-run.js';
import type { RunHub } from './run-hub.js';

/** One server-sent event: its id (the run store's sequence number), its type, its JSON. */
function frame(event: RunEvent | { type: 'run-error'; error: unknown }, id?: number): string {
  return `${id !== undefined ? `id: ${id}\n` : ''}event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * A run's events as server-sent events. A client that reconnects with Last-Event-ID gets
 * exactly what it missed: the stored events after that id, then the live ones. The stream
 * ends with the run.
 */
export function streamRun(reply: FastifyReply, options: { runId: string; after: number; store: RunStore; hub: RunHub; error: () => unknown }): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  const stop = followRun(options, {
    event: (event, seq) => res.write(frame(event, seq)),
    end: () => {
      const error = options.error();
      if (error) res.write(frame({ type: 'run-error', error }));
      res.end();
    },
  });
  res.on('close', stop);
}
