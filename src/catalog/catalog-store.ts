import type Database from 'better-sqlite3';
import { openDatabase } from '../system/open-database.js';
import { stemmer } from 'stemmer';
import type { z } from 'zod';
import { isStopword, words } from '../text/tokenize.js';
import { ExpertEntrySchema, type ExpertEntry } from '../core/expert.js';
import type { VectorCache } from '../retrieval/embedding-reranker.js';

export interface SearchHit {
  entry: ExpertEntry;
  /** Higher is better (FTS5's bm25, negated). */
  score: number;
}

export interface CatalogStats {
  entries: number;
  byOrigin: Record<string, number>;
  byTask: Array<{ task: string; entries: number }>;
  path: string;
}

/** Longer queries keep their rarest words: bm25 over a 20-word OR query scores most of the catalog. */
const MAX_QUERY_TERMS = 8;

// Column weights for FTS5's bm25(): name, task, domain, description, usage.
const WEIGHTS = [4, 2, 2, 1, 0.5];

/**
 * The catalog on disk: SQLite with an FTS5 index (Porter stemming) over the documentation
 * fields, so lexical search over 100k+ entries stays in milliseconds without loading them.
 * Imports are upserts keyed by entry id: importing the same file twice changes nothing.
 */
export class CatalogStore implements VectorCache {
  private readonly db: Database.Database;

  constructor(readonly path: string) {
    this.db = openDatabase(path, 'catalog database', 'pass another path with --db or TROUPE_CATALOG');
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS entries (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        origin TEXT NOT NULL,
        task TEXT NOT NULL,
        name TEXT NOT NULL,
        domain TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        usage TEXT NOT NULL DEFAULT '',
        popularity REAL NOT NULL DEFAULT 0,
        json TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS entries_task ON entries(task);
      CREATE TABLE IF NOT EXISTS vectors (id TEXT NOT NULL, model TEXT NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (id, model));
      CREATE VIRTUAL TABLE IF NOT EXISTS entries_fts USING fts5(
        name, task, domain, description, usage,
        content='entries', content_rowid='rowid', tokenize='porter unicode61'
      );
      CREATE VIRTUAL TABLE IF NOT EXISTS entries_vocab USING fts5vocab(entries_fts, 'row');
      CREATE TRIGGER IF NOT EXISTS entries_ai AFTER INSERT ON entries BEGIN
        INSERT INTO entries_fts(rowid, name, task, domain, description, usage) VALUES (new.rowid, new.name, new.task, new.domain, new.description, new.usage);
      END;
      CREATE TRIGGER IF NOT EXISTS entries_ad AFTER DELETE ON entries BEGIN
        INSERT INTO entries_fts(entries_fts, rowid, name, task, domain, description, usage) VALUES ('delete', old.rowid, old.name, old.task, old.domain, old.description, old.usage);
      END;
      CREATE TRIGGER IF NOT EXISTS entries_au AFTER UPDATE ON entries BEGIN
        INSERT INTO entries_fts(entries_fts, rowid, name, task, domain, description, usage) VALUES ('delete', old.rowid, old.name, old.task, old.domain, old.description, old.usage);
        INSERT INTO entries_fts(rowid, name, task, domain, description, usage) VALUES (new.rowid, new.name, new.task, new.domain, new.description, new.usage);
      END;
    `);
  }

  /** Inserts or updates entries in one transaction; returns how many were new and how many changed. */
  upsert(entries: ReadonlyArray<z.input<typeof ExpertEntrySchema>>, origin: string): { added: number; updated: number; unchanged: number } {
    const get = this.db.prepare<[string], { json: string }>('SELECT json FROM entries WHERE id = ?');
    const insert = this.db.prepare(
      `INSERT INTO entries (id, origin, task, name, domain, description, usage, popularity, json)
       VALUES (@id, @origin, @task, @name, @domain, @description, @usage, @popularity, @json)
       ON CONFLICT(id) DO UPDATE SET origin=excluded.origin, task=excluded.task, name=excluded.name, domain=excluded.domain,
         description=excluded.description, usage=excluded.usage, popularity=excluded.popularity, json=excluded.json`,
    );
    const counts = { added: 0, updated: 0, unchanged: 0 };
    this.db.transaction(() => {
      for (const raw of entries) {
        const entry = ExpertEntrySchema.parse(raw);
        const json = JSON.stringify(entry);
        const before = get.get(entry.id);
        if (before?.json === json) {
          counts.unchanged++;
          continue;
        }
        insert.run({ id: entry.id, origin, task: entry.task, name: entry.name, domain: entry.domain ?? '', description: entry.description, usage: entry.usage, popularity: entry.popularity, json });
        counts[before ? 'updated' : 'added']++;
      }
    })();
    return counts;
  }

  /**
   * Lexical search: any of the query's words (stemmed) in any field, ranked by weighted
   * BM25, optionally within one task type.
   */
  search(query: string, options: { task?: string; limit?: number; /** only entries from these importers */ origins?: readonly string[] } = {}): SearchHit[] {
    // Stop words would only add huge OR'ed posting lists.
    let terms = [...new Set(words(query))].filter((w) => !isStopword(w));
    if (terms.length === 0) return [];
    if (terms.length > MAX_QUERY_TERMS) terms = this.rarest(terms, MAX_QUERY_TERMS);
    const limit = options.limit ?? 10;
    const origins = options.origins?.length ? `AND e.origin IN (${options.origins.map((o) => `'${o.replace(/'/g, "''")}'`).join(', ')})` : '';
    const run = (match: string, max: number) =>
      this.db
        .prepare<{ match: string; task?: string; limit: number }, { id: string; json: string; score: number }>(
          `SELECT e.id AS id, e.json AS json, -bm25(entries_fts, ${WEIGHTS.join(', ')}) AS score
           FROM entries_fts JOIN entries e ON e.rowid = entries_fts.rowid
           WHERE entries_fts MATCH @match ${options.task ? 'AND e.task = @task' : ''} ${origins}
           ORDER BY bm25(entries_fts, ${WEIGHTS.join(', ')}) LIMIT @limit`,
        )
        .all({ match, ...(options.task ? { task: options.task } : {}), limit: max });
    const quoted = terms.map((t) => `"${t}"`);
    // Entries with every word first: few rows to rank, so fast on large catalogs. Only when
    // they are too few does the OR query (any word, ranked by BM25) fill the rest.
    let rows = quoted.length > 1 ? run(quoted.join(' AND '), limit) : [];
    if (rows.length < limit) {
      const seen = new Set(rows.map((r) => r.id));
      rows = [...rows, ...run(quoted.join(' OR '), limit).filter((r) => !seen.has(r.id))].slice(0, limit);
    }
    return rows.map((r) => ({ entry: ExpertEntrySchema.parse(JSON.parse(r.json)), score: r.score }));
  }

  /**
   * The query words with the fewest documents (after FTS5's Porter stemming): they carry
   * the ranking, while very common ones mostly add rows to score.
   */
  private rarest(terms: string[], keep: number): string[] {
    const df = this.db.prepare<[string], { doc: number }>('SELECT doc FROM entries_vocab WHERE term = ?');
    // FTS5's porter tokenizer and the stemmer package both implement Porter's original algorithm.
    const counted = terms.map((t) => ({ t, n: df.get(stemmer(t))?.doc ?? 0 }));
    return counted.filter((c) => c.n > 0).sort((a, b) => a.n - b.n).slice(0, keep).map((c) => c.t);
  }

  get(id: string): ExpertEntry | undefined {
    const row = this.db.prepare<[string], { json: string }>('SELECT json FROM entries WHERE id = ?').get(id);
    return row ? ExpertEntrySchema.parse(JSON.parse(row.json)) : undefined;
  }

  byTask(task: string, limit = 50): ExpertEntry[] {
    return this.db
      .prepare<[string, number], { json: string }>('SELECT json FROM entries WHERE task = ? ORDER BY popularity DESC LIMIT ?')
      .all(task, limit)
      .map((r) => ExpertEntrySchema.parse(JSON.parse(r.json)));
  }

  /** Cached embedding vectors of entries (see EmbeddingReranker). */
  getVectors(ids: readonly string[], model: string): Map<string, Float32Array> {
    const get = this.db.prepare<[string, string], { vector: Buffer }>('SELECT vector FROM vectors WHERE id = ? AND model = ?');
    const out = new Map<string, Float32Array>();
    for (const id of ids) {
      const row = get.get(id, model);
      if (row) out.set(id, new Float32Array(row.vector.buffer.slice(row.vector.byteOffset, row.vector.byteOffset + row.vector.byteLength)));
    }
    return out;
  }

  putVectors(vectors: ReadonlyMap<string, Float32Array>, model: string): void {
    const put = this.db.prepare('INSERT OR REPLACE INTO vectors (id, model, vector) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (const [id, v] of vectors) put.run(id, model, Buffer.from(v.buffer, v.byteOffset, v.byteLength));
    })();
  }

  /** How many entries came from these importers. */
  count(origins: readonly string[]): number {
    return this.db.prepare<string[], { n: number }>(`SELECT count(*) AS n FROM entries WHERE origin IN (${origins.map(() => '?').join(', ')})`).get(...origins)!.n;
  }

  byOrigin(origin: string): ExpertEntry[] {
    return this.db
      .prepare<[string], { json: string }>('SELECT json FROM entries WHERE origin = ? ORDER BY id')
      .all(origin)
      .map((r) => ExpertEntrySchema.parse(JSON.parse(r.json)));
  }

  stats(): CatalogStats {
    const entries = this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM entries').get()!.n;
    const byOrigin = Object.fromEntries(this.db.prepare<[], { origin: string; n: number }>('SELECT origin, count(*) AS n FROM entries GROUP BY origin ORDER BY n DESC').all().map((r) => [r.origin, r.n]));
    const byTask = this.db.prepare<[], { task: string; entries: number }>('SELECT task, count(*) AS entries FROM entries GROUP BY task ORDER BY entries DESC').all();
    return { entries, byOrigin, byTask, path: this.path };
  }

  close(): void {
    this.db.close();
  }
}
