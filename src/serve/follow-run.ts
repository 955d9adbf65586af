import type { RunEvent } from '../execute/events.js';
import type { RunStore } from '../runs/run-store.js';
import type { RunHub } from './run-hub.js';

export interface RunFollower {
  /** Each event once, in order: stored ones carry their sequence number. */
  event(event: RunEvent, seq: number | undefined): void;
  /** The run has ended (or had ended before): nothing more will come. */
  end(): void;
}

/**
 * A run's events after `after`: the stored ones, then the live ones, each exactly once. What
 * every stream of a run (server-sent events, the AI SDK's UI message stream) is built on.
 * Returns a function that stops following.
 */
export function followRun(options: { runId: string; after: number; store: RunStore; hub: RunHub }, follower: RunFollower): () => void {
  const { runId, store, hub } = options;
  let last = options.after;
  const send = (seq: number | undefined, event: RunEvent) => {
    // Stored events carry their sequence number; only those after the last one sent go out.
    if (seq !== undefined && seq <= last) return;
    if (seq !== undefined) last = seq;
    follower.event(event, seq);
  };
  // Reading the store and listening happen in one turn of the event loop, and a run stores an
  // event and publishes it in one turn too: nothing can fall between the two, or come twice.
  for (const { seq, event } of store.events(runId, options.after)) send(seq, event);
  if (!hub.isRunning(runId)) {
    follower.end(); // ended already, or before a restart
    return () => undefined;
  }
  return hub.listen(runId, { event: send, end: () => follower.end() });
}
