import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const TSX = import.meta.resolve('tsx');
const ENTRY = fileURLToPath(new URL('../cli/entry.ts', import.meta.url));

/** Starts the troupe CLI from source without waiting for it (to signal or kill it mid-run). */
export function startTroupe(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', TSX, ENTRY, ...args], { cwd, env: { ...process.env, TROUPE_LLM: '', ...env } });
}

/** Starts `troupe serve` on a free loopback port and resolves once it prints its address. */
export function startServe(cwd: string, data: string, env: NodeJS.ProcessEnv = {}, extra: string[] = []): Promise<{ child: ChildProcessWithoutNullStreams; address: string }> {
  const child = startTroupe(['serve', '--port', '0', '--data', data, ...extra], cwd, env);
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ child, address: m[1]! });
    });
    child.on('close', (code) => reject(new Error(`troupe serve exited (${code}) before listening`)));
  });
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
