import { homedir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { ErrorCode, TroupeError } from '../core/errors.js';
import type { RunEvent } from '../execute/events.js';
import type { TaskRecord } from '../execute/task-record.js';
import type { RunRecord } from '../respond/run-record.js';
import { openSharedDatabase } from '../system/open-database.js';

/** The run store: $TROUPE_RUNS, else $XDG_DATA_HOME/troupe/runs.db (~/.local/share), beside the catalog. */
export function defaultRunsPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TROUPE_RUNS) return env.TROUPE_RUNS;
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'troupe', 'runs.db');
}

export interface RunSummary {
  runId: string;
  request: string;
  status: RunRecord['status'] | 'interrupted';
  outDir: string;
  startedAt: string;
  endedAt: string | null;
  tasks: number;
  succeeded: number;
}

/** What a run's row holds besides its tasks: everything of run.json that is set once. */
type Header = Omit<RunRecord, 'tasks' | 'answer' | 'status' | 'endedAt'>;

const TaskRowSchema = z.object({ id: z.string(), task: z.string(), status: z.string() }).loose();

/**
 * Every run, recorded from its first moment: the request, inputs and plan when it starts,
 * then each event and each task's record as it changes, one small write each (SQLite in
 * write-ahead mode, each statement its own transaction). A run killed at any moment can be
 * read back and resumed; `run.json` is an export of what is here.
 */
export class RunStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(readonly path: string = defaultRunsPath()) {
    this.db = openSharedDatabase(path, 'run store', 'pass another path with TROUPE_RUNS');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS runs (
        run_id TEXT PRIMARY KEY, request TEXT NOT NULL, status TEXT NOT NULL, out_dir TEXT NOT NULL,
        header TEXT NOT NULL, answer TEXT NOT NULL DEFAULT '', pid INTEGER, started_at TEXT NOT NULL, ended_at TEXT
      );
      CREATE TABLE IF NOT EXISTS tasks (
        run_id TEXT NOT NULL, position INTEGER NOT NULL, task_id TEXT NOT NULL, status TEXT NOT NULL, record TEXT NOT NULL,
        PRIMARY KEY (run_id, task_id)
      );
      CREATE TABLE IF NOT EXISTS events (
        run_id TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
      );
      CREATE TABLE IF NOT EXISTS children (
        run_id TEXT NOT NULL, pid INTEGER NOT NULL, program TEXT NOT NULL, PRIMARY KEY (run_id, pid)
      );
      CREATE TABLE IF NOT EXISTS scratch (
        run_id TEXT NOT NULL, path TEXT NOT NULL, PRIMARY KEY (run_id, path)
      );
      CREATE INDEX IF NOT EXISTS runs_by_start ON runs (started_at);
    `);
    this.statements = {
      begin: this.db.prepare('INSERT INTO runs (run_id, request, status, out_dir, header, pid, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      reopen: this.db.prepare("UPDATE runs SET status = 'running', pid = ?, ended_at = NULL WHERE run_id = ?"),
      task: this.db.prepare('INSERT INTO tasks (run_id, position, task_id, status, record) VALUES (?, ?, ?, ?, ?) ON CONFLICT (run_id, task_id) DO UPDATE SET status = excluded.status, record = excluded.record'),
      nextSeq: this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM events WHERE run_id = ?'),
      event: this.db.prepare('INSERT INTO events (run_id, seq, at, type, payload) VALUES (?, ?, ?, ?, ?)'),
      finish: this.db.prepare('UPDATE runs SET status = ?, answer = ?, ended_at = ?, header = ? WHERE run_id = ?'),
      status: this.db.prepare('UPDATE runs SET status = ? WHERE run_id = ?'),
      run: this.db.prepare('SELECT * FROM runs WHERE run_id = ?'),
      tasks: this.db.prepare('SELECT record FROM tasks WHERE run_id = ? ORDER BY position'),
      events: this.db.prepare('SELECT seq, at, type, payload FROM events WHERE run_id = ? AND seq > ? ORDER BY seq'),
      list: this.db.prepare(`SELECT r.run_id, r.request, r.status, r.out_dir, r.started_at, r.ended_at,
        (SELECT COUNT(*) FROM tasks t WHERE t.run_id = r.run_id) AS tasks,
        (SELECT COUNT(*) FROM tasks t WHERE t.run_id = r.run_id AND t.status = 'succeeded') AS succeeded
        FROM runs r ORDER BY r.started_at DESC LIMIT ?`),
      running: this.db.prepare("SELECT run_id, pid FROM runs WHERE status = 'running'"),
      addChild: this.db.prepare('INSERT OR IGNORE INTO children (run_id, pid, program) VALUES (?, ?, ?)'),
      dropChild: this.db.prepare('DELETE FROM children WHERE run_id = ? AND pid = ?'),
      children: this.db.prepare('SELECT pid, program FROM children WHERE run_id = ?'),
      addScratch: this.db.prepare('INSERT OR IGNORE INTO scratch (run_id, path) VALUES (?, ?)'),
      dropScratch: this.db.prepare('DELETE FROM scratch WHERE run_id = ? AND path = ?'),
      scratch: this.db.prepare('SELECT path FROM scratch WHERE run_id = ?'),
    };
  }

  /** Records a run as it starts: its header and every task of its plan, waiting; `owner` is the process running it. */
  begin(record: RunRecord, owner: number = process.pid): void {
    const { tasks, answer: _answer, status, endedAt: _endedAt, ...header } = record;
    this.db.transaction(() => {
      this.statements.begin.run(record.runId, record.request, status, record.outDir, JSON.stringify(header), owner, record.startedAt);
      tasks.forEach((t, i) => this.statements.task.run(record.runId, i, t.id, t.status, JSON.stringify(t)));
    })();
  }

  /** A run taken up again by this process (`troupe resume`). */
  reopen(runId: string): void {
    this.statements.reopen.run(process.pid, runId);
  }

  saveTask(runId: string, position: number, task: TaskRecord): void {
    this.statements.task.run(runId, position, task.id, task.status, JSON.stringify(task));
  }

  /** Appends an event; its sequence number is what a reconnecting client asks from. */
  appendEvent(runId: string, event: RunEvent): number {
    const seq = (this.statements.nextSeq.get(runId) as { seq: number }).seq;
    this.statements.event.run(runId, seq, new Date().toISOString(), event.type, JSON.stringify(event));
    return seq;
  }

  events(runId: string, afterSeq = 0): Array<{ seq: number; at: string; event: RunEvent }> {
    return (this.statements.events.all(runId, afterSeq) as Array<{ seq: number; at: string; payload: string }>).map((r) => ({ seq: r.seq, at: r.at, event: JSON.parse(r.payload) as RunEvent }));
  }

  finish(record: RunRecord): void {
    const { tasks: _tasks, answer, status, endedAt, ...header } = record;
    this.statements.finish.run(status, answer, endedAt, JSON.stringify(header), record.runId);
  }

  markInterrupted(runId: string): void {
    this.statements.status.run('interrupted', runId);
  }

  /** The run as run.json shows it, or undefined. */
  load(runId: string): (RunRecord & { pid: number | null; storedStatus: RunSummary['status'] }) | undefined {
    const row = this.statements.run.get(runId) as { header: string; status: string; answer: string; ended_at: string | null; pid: number | null } | undefined;
    if (!row) return undefined;
    const header = JSON.parse(row.header) as Header;
    const tasks = (this.statements.tasks.all(runId) as Array<{ record: string }>).map((r) => {
      const parsed = TaskRowSchema.safeParse(JSON.parse(r.record));
      if (!parsed.success) throw new TroupeError(ErrorCode.InputCorrupt, `the run store ${this.path} holds a damaged task record for ${runId}`);
      return parsed.data as unknown as TaskRecord;
    });
    const status = row.status === 'interrupted' ? 'failed' : (row.status as RunRecord['status']);
    return { ...header, tasks, answer: row.answer, status, endedAt: row.ended_at, pid: row.pid, storedStatus: row.status as RunSummary['status'] };
  }

  list(limit = 20): RunSummary[] {
    return (this.statements.list.all(limit) as Array<Record<string, unknown>>).map((r) => ({
      runId: String(r.run_id),
      request: String(r.request),
      status: r.status as RunSummary['status'],
      outDir: String(r.out_dir),
      startedAt: String(r.started_at),
      endedAt: (r.ended_at as string | null) ?? null,
      tasks: Number(r.tasks),
      succeeded: Number(r.succeeded),
    }));
  }

  /** Runs recorded as running whose process is gone: killed, or crashed. */
  orphaned(isAlive: (pid: number) => boolean): string[] {
    return (this.statements.running.all() as Array<{ run_id: string; pid: number | null }>).filter((r) => r.pid === null || !isAlive(r.pid)).map((r) => r.run_id);
  }

  addChild(runId: string, pid: number, program: string): void {
    this.statements.addChild.run(runId, pid, program);
  }

  dropChild(runId: string, pid: number): void {
    this.statements.dropChild.run(runId, pid);
  }

  children(runId: string): Array<{ pid: number; program: string }> {
    return this.statements.children.all(runId) as Array<{ pid: number; program: string }>;
  }

  addScratch(runId: string, path: string): void {
    this.statements.addScratch.run(runId, path);
  }

  dropScratch(runId: string, path: string): void {
    this.statements.dropScratch.run(runId, path);
  }

  scratch(runId: string): string[] {
    return (this.statements.scratch.all(runId) as Array<{ path: string }>).map((r) => r.path);
  }

  close(): void {
    this.db.close();
  }
}
