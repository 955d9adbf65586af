import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const TSX = import.meta.resolve('tsx');
const ENTRY = fileURLToPath(new URL('../cli/entry.ts', import.meta.url));

/** Starts the troupe CLI from source without waiting for it (to signal or kill it mid-run). */
export function startTroupe(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', TSX, ENTRY, ...args], { cwd, env: { ...process.env, TROUPE_LLM: '', ...env } });
}

/** Runs the troupe CLI from source in a child process; TROUPE_LLM is cleared unless `env` sets it. */
export function troupe(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, ENTRY, ...args], { cwd, env: { ...process.env, TROUPE_LLM: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
