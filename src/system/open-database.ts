import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ErrorCode, TroupeError } from '../core/errors.js';

/**
 * A SQLite file of Troupe's (the catalog, the plan memory), its folder created first; a
 * file that cannot be opened is an error that says what it is and how to choose another.
 */
export function openDatabase(path: string, what: string, hint: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  try {
    return new Database(path);
  } catch (error) {
    throw new TroupeError(ErrorCode.InputUnreadable, `cannot open the ${what} ${path}: ${(error as Error).message}`, { hint });
  }
}

/**
 * A database several processes write at once (the run store: the CLI's runs, a server, a
 * resume): write-ahead logging, and a wait for the lock rather than an error.
 */
export function openSharedDatabase(path: string, what: string, hint: string): Database.Database {
  const db = openDatabase(path, what, hint);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  return db;
}
