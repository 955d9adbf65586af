import type { RunEvent } from '../execute/events.js';

interface Listener {
  event(seq: number | undefined, event: RunEvent): void;
  /** The run has ended: nothing more will come. */
  end(): void;
}

/**
 * The runs this server is running: how to cancel each, and who listens to its events as they
 * happen. What happened before a listener came is read from the run store; this only fans out
 * what happens next.
 */
export class RunHub {
  private readonly running = new Map<string, AbortController>();
  private readonly listeners = new Map<string, Set<Listener>>();

  start(runId: string): AbortSignal {
    const abort = new AbortController();
    this.running.set(runId, abort);
    return abort.signal;
  }

  isRunning(runId: string): boolean {
    return this.running.has(runId);
  }

  cancel(runId: string): boolean {
    const abort = this.running.get(runId);
    if (!abort) return false;
    abort.abort();
    return true;
  }

  publish(runId: string, event: RunEvent, seq?: number): void {
    for (const listener of this.listeners.get(runId) ?? []) listener.event(seq, event);
  }

  /** The run has ended (or never started): listeners are told, and let go. */
  finish(runId: string): void {
    this.running.delete(runId);
    for (const listener of this.listeners.get(runId) ?? []) listener.end();
    this.listeners.delete(runId);
  }

  listen(runId: string, listener: Listener): () => void {
    let set = this.listeners.get(runId);
    if (!set) this.listeners.set(runId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Cancels every run (the server is stopping). */
  cancelAll(): void {
    for (const abort of this.running.values()) abort.abort();
  }

  get size(): number {
    return this.running.size;
  }
}
