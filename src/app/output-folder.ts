import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, rm, rmdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ErrorCode, TroupeError } from '../core/errors.js';
import { isAlive } from '../system/process-scope.js';

/** The lock a run holds on its output folder; it names the process that holds it. */
export const LOCK_FILE = '.troupe-lock';

export interface OutputFolder {
  path: string;
  /** Removes the lock; the folder and its files stay (a folder this run made and left empty goes). */
  release(): Promise<void>;
}

const unusable = (path: string, why: string, hint = 'choose another folder with --out, or leave --out out for a fresh ./troupe-runs/<runId>') =>
  new TroupeError(ErrorCode.OutputUnusable, `cannot use ${path} as the output folder: ${why}`, { hint });

/**
 * Creates the folders of `path` one level at a time. Node 20's recursive mkdir loops forever
 * on some paths (`/proc/nope`); a walk that stops at the first failure cannot.
 */
async function makeFolders(path: string): Promise<boolean> {
  const missing: string[] = [];
  for (let p = path; ; p = dirname(p)) {
    const info = await lstat(p).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)));
    if (info) {
      if (!info.isDirectory()) throw unusable(path, `${p} is ${info.isSymbolicLink() ? 'a symbolic link' : 'a file'}, not a folder`);
      break;
    }
    if (dirname(p) === p) break;
    missing.unshift(p);
  }
  for (const p of missing) await mkdir(p).catch((e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? undefined : Promise.reject(e)));
  return missing.includes(path);
}

/**
 * Makes `path` ready for one run and locks it: a new folder, or an empty existing one — never
 * a folder that holds another run's files (they would be mixed with this run's, and
 * `run.json` overwritten) and never one another run is writing. The lock is created with
 * O_EXCL, so of two runs started at once into one folder exactly one gets it.
 */
export async function claimOutputFolder(given: string, options: { resume?: boolean } = {}): Promise<OutputFolder> {
  const path = resolve(given);
  try {
    const created = await makeFolders(path);
    const info = await lstat(path);
    if (!info.isDirectory()) throw unusable(path, info.isSymbolicLink() ? 'it is a symbolic link' : 'it is a file, not a folder');
    let entries = await readdir(path);
    if (entries.includes(LOCK_FILE) && (await removeStaleLock(path))) entries = entries.filter((e) => e !== LOCK_FILE);
    if (entries.includes(LOCK_FILE)) throw unusable(path, 'another run is writing into it', 'wait for it to finish, or choose another folder with --out');
    // Resuming a run goes on in its own folder, among the files it wrote before.
    if (entries.length > 0 && !options.resume) throw unusable(path, `it already holds ${entries.length} file${entries.length === 1 ? '' : 's'} (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''})`, 'give --out a new or empty folder, or leave --out out for a fresh ./troupe-runs/<runId>');
    const lock = join(path, LOCK_FILE);
    const handle = await open(lock, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644).catch((e: NodeJS.ErrnoException) =>
      Promise.reject(e.code === 'EEXIST' ? unusable(path, 'another run is writing into it', 'wait for it to finish, or choose another folder with --out') : e),
    );
    await handle.writeFile(`${process.pid}\n`);
    await handle.close();
    return {
      path,
      release: async () => {
        await rm(lock, { force: true });
        if (created) await rmdir(path).catch(() => {}); // only if still empty
      },
    };
  } catch (error) {
    if (error instanceof TroupeError) throw error;
    const e = error as NodeJS.ErrnoException;
    const why = e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code === 'EROFS' ? 'the file system is read-only' : e.code === 'ENOTDIR' ? 'a part of the path is a file' : e.code === 'ENOENT' ? 'the folder cannot be created there' : e.message;
    throw unusable(path, why);
  }
}

/** Removes a lock whose process is gone (a run killed outright); true when it did. */
export async function removeStaleLock(folder: string): Promise<boolean> {
  const lock = join(folder, LOCK_FILE);
  const pid = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return false;
  await rm(lock, { force: true });
  return true;
}
