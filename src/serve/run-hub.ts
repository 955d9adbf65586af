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
  private readonly approvals = new Map<string, (allowed: boolean) => void>();

  /** Waits for a person's answer about a state-changing step; a run that ends first takes it as no. */
  awaitApproval(runId: string, taskId: string, signal: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      const key = `${runId}\u0000${taskId}`;
      const done = (allowed: boolean) => {
        this.approvals.delete(key);
        signal.removeEventListener('abort', deny);
        resolve(allowed);
      };
      const deny = () => done(false);
      this.approvals.set(key, done);
      signal.addEventListener('abort', deny, { once: true });
    });
  }

  /** Gives the answer a waiting step needs; false when nothing waits for it. */
  answerApproval(runId: string, taskId: string, allowed: boolean): boolean {
    const waiting = this.approvals.get(`${runId}\u0000${taskId}`);
    waiting?.(allowed);
    return Boolean(waiting);
  }

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
