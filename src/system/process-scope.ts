import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who to tell about the processes an expert starts. The scheduler runs each task inside a
 * scope whose hooks record the children in the run store, so that if Troupe itself is killed
 * the next start can find and end them; code that starts a program needs no run id for it.
 */
export interface ProcessScope {
  onChild(pid: number, program: string): void;
  onChildExit(pid: number): void;
}

const scopes = new AsyncLocalStorage<ProcessScope>();

export function withProcessScope<T>(scope: ProcessScope, work: () => T): T {
  return scopes.run(scope, work);
}

export function currentProcessScope(): ProcessScope | undefined {
  return scopes.getStore();
}

/** Ends a process group; quiet when it is gone already. */
export function killGroup(pid: number, signal: NodeJS.Signals = 'SIGKILL'): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Whether a process exists (signal 0 only checks). EPERM means it exists but is not ours. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
