import { spawn } from 'node:child_process';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { currentProcessScope, killGroup } from '../../system/process-scope.js';

export interface ProgramResult {
  stdout: string;
  stderr: string;
}

/**
 * Runs a program without a shell, in a process group of its own, and ends the whole group
 * when `signal` aborts (a program's own children go too). The run store is told of the
 * child through the process scope, so a Troupe killed outright leaves nothing running for
 * long: the next start ends the group. A non-zero exit becomes an EXPERT_FAILED error
 * carrying the program's own last stderr line.
 */
export function runProgram(
  program: string,
  args: string[],
  options: { signal?: AbortSignal; stdin?: string; expert: string } ,
): Promise<ProgramResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new TroupeError(ErrorCode.Cancelled, `${options.expert} was cancelled`));
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    const scope = currentProcessScope();
    const pid = child.pid;
    if (pid !== undefined) scope?.onChild(pid, program);
    const stop = () => {
      if (pid !== undefined) killGroup(pid);
    };
    options.signal?.addEventListener('abort', stop, { once: true });
    child.on('exit', () => {
      options.signal?.removeEventListener('abort', stop);
      if (pid !== undefined) {
        killGroup(pid); // anything the program left behind in its group
        scope?.onChildExit(pid);
      }
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        reject(new TroupeError(ErrorCode.ExpertFailed, `${options.expert}: the program "${program}" is not installed`, { hint: 'run `npx troupe setup`, then `npx troupe doctor`' }));
      } else {
        reject(new TroupeError(ErrorCode.ExpertFailed, `${options.expert}: ${error.message}`, { cause: error }));
      }
    });
    child.on('close', (code) => {
      if (code === 0) return resolve({ stdout, stderr });
      if (options.signal?.aborted) return reject(new TroupeError(ErrorCode.Cancelled, `${options.expert} was stopped`));
      const last = stderr.trim().split('\n').filter(Boolean).slice(-2).join(' ') || `exit code ${code}`;
      reject(new TroupeError(ErrorCode.ExpertFailed, `${options.expert}: ${program} failed: ${last}`));
    });
    child.stdin.on('error', () => {}); // a program that exits before reading stdin is reported by 'close'
    child.stdin.end(options.stdin ?? '');
  });
}

/** True when `program` is on PATH (checked without running it). */
export async function hasProgram(program: string): Promise<boolean> {
  const { access } = await import('node:fs/promises');
  const { constants } = await import('node:fs');
  const dirs = (process.env.PATH ?? '').split(':').filter(Boolean);
  for (const dir of dirs) {
    try {
      await access(`${dir}/${program}`, constants.X_OK);
      return true;
    } catch {
      // keep looking
    }
  }
  return false;
}
