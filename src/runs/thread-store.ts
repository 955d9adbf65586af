import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { openSharedDatabase } from '../system/open-database.js';
import { defaultRunsPath } from './run-store.js';

export interface ThreadFile {
  fileId: string;
  name: string;
  path: string;
  mime: string;
  modality: string;
  bytes: number;
  at: string;
}

/** A run as its thread knows it: asked, then planned (in the run store) or refused. */
export interface ThreadRun {
  runId: string;
  request: string;
  at: string;
  /** Set when the request could not be planned or run at all: then no run record exists. */
  error?: { code: string; message: string; hint?: string };
}

export interface Thread {
  threadId: string;
  createdAt: string;
  runs: ThreadRun[];
  files: ThreadFile[];
}

/** A line of the thread list. */
export interface ThreadSummary {
  threadId: string;
  createdAt: string;
  updatedAt: string;
  runs: number;
  /** The first request asked in it ('' for a thread nothing was asked in yet). */
  title: string;
}

/**
 * Conversations: a thread holds the files uploaded to it and the runs asked in it, in order.
 * Kept in the run store's database (its own tables), so a server restart finds them again;
 * each run's record itself is the run store's.
 */
export class ThreadStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(readonly path: string = defaultRunsPath()) {
    this.db = openSharedDatabase(path, 'run store', 'pass another path with TROUPE_RUNS or --data');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS threads (thread_id TEXT PRIMARY KEY, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS thread_runs (
        thread_id TEXT NOT NULL, run_id TEXT NOT NULL, request TEXT NOT NULL, at TEXT NOT NULL, error TEXT,
        PRIMARY KEY (thread_id, run_id)
      );
      CREATE TABLE IF NOT EXISTS thread_files (
        thread_id TEXT NOT NULL, file_id TEXT PRIMARY KEY, name TEXT NOT NULL, path TEXT NOT NULL,
        mime TEXT NOT NULL, modality TEXT NOT NULL, bytes INTEGER NOT NULL, at TEXT NOT NULL
      );
    `);
    this.statements = {
      create: this.db.prepare('INSERT INTO threads (thread_id, created_at) VALUES (?, ?)'),
      thread: this.db.prepare('SELECT * FROM threads WHERE thread_id = ?'),
      runs: this.db.prepare('SELECT * FROM thread_runs WHERE thread_id = ? ORDER BY at, rowid'),
      files: this.db.prepare('SELECT * FROM thread_files WHERE thread_id = ? ORDER BY at, rowid'),
      addRun: this.db.prepare('INSERT INTO thread_runs (thread_id, run_id, request, at) VALUES (?, ?, ?, ?)'),
      failRun: this.db.prepare('UPDATE thread_runs SET error = ? WHERE thread_id = ? AND run_id = ?'),
      addFile: this.db.prepare('INSERT INTO thread_files (thread_id, file_id, name, path, mime, modality, bytes, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      file: this.db.prepare('SELECT * FROM thread_files WHERE file_id = ?'),
      runThread: this.db.prepare('SELECT thread_id FROM thread_runs WHERE run_id = ?'),
      list: this.db.prepare(`
        SELECT t.thread_id, t.created_at, COUNT(r.run_id) AS runs, MAX(r.at) AS last_at,
          (SELECT request FROM thread_runs f WHERE f.thread_id = t.thread_id ORDER BY f.at, f.rowid LIMIT 1) AS first_request
        FROM threads t LEFT JOIN thread_runs r ON r.thread_id = t.thread_id
        GROUP BY t.thread_id ORDER BY COALESCE(MAX(r.at), t.created_at) DESC LIMIT ?`),
    };
  }

  /** A new thread; `threadId` lets a client that names its chats (the AI SDK's useChat) keep its id. */
  create(threadId: string = randomUUID()): Thread {
    const thread = { threadId, createdAt: new Date().toISOString(), runs: [], files: [] };
    this.statements.create.run(thread.threadId, thread.createdAt);
    return thread;
  }

  get(threadId: string): Thread | undefined {
    const row = this.statements.thread.get(threadId) as { thread_id: string; created_at: string } | undefined;
    if (!row) return undefined;
    const runs = (this.statements.runs.all(threadId) as Array<{ run_id: string; request: string; at: string; error: string | null }>).map((r) => ({
      runId: r.run_id,
      request: r.request,
      at: r.at,
      ...(r.error ? { error: JSON.parse(r.error) as ThreadRun['error'] } : {}),
    }));
    const files = (this.statements.files.all(threadId) as Array<Record<string, unknown>>).map(toFile);
    return { threadId, createdAt: row.created_at, runs, files };
  }

  /** The newest threads first (by their last run), each with its first request as a title. */
  list(limit = 100): ThreadSummary[] {
    return (this.statements.list.all(limit) as Array<{ thread_id: string; created_at: string; runs: number; last_at: string | null; first_request: string | null }>).map((r) => ({
      threadId: r.thread_id,
      createdAt: r.created_at,
      updatedAt: r.last_at ?? r.created_at,
      runs: r.runs,
      title: r.first_request ?? '',
    }));
  }

  addRun(threadId: string, runId: string, request: string): void {
    this.statements.addRun.run(threadId, runId, request, new Date().toISOString());
  }

  failRun(threadId: string, runId: string, error: NonNullable<ThreadRun['error']>): void {
    this.statements.failRun.run(JSON.stringify(error), threadId, runId);
  }

  /** The thread a run was asked in, if any. */
  threadOf(runId: string): string | undefined {
    return (this.statements.runThread.get(runId) as { thread_id: string } | undefined)?.thread_id;
  }

  addFile(threadId: string, file: Omit<ThreadFile, 'fileId' | 'at'>): ThreadFile {
    const stored = { ...file, fileId: randomUUID(), at: new Date().toISOString() };
    this.statements.addFile.run(threadId, stored.fileId, stored.name, stored.path, stored.mime, stored.modality, stored.bytes, stored.at);
    return stored;
  }

  file(fileId: string): (ThreadFile & { threadId: string }) | undefined {
    const row = this.statements.file.get(fileId) as Record<string, unknown> | undefined;
    return row ? { ...toFile(row), threadId: String(row.thread_id) } : undefined;
  }

  close(): void {
    this.db.close();
  }
}

function toFile(r: Record<string, unknown>): ThreadFile {
  return { fileId: String(r.file_id), name: String(r.name), path: String(r.path), mime: String(r.mime), modality: String(r.modality), bytes: Number(r.bytes), at: String(r.at) };
}
