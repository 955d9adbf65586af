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
