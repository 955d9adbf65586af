import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { CatalogStore } from '../../catalog/catalog-store.js';
import { Bm25fIndex } from '../../retrieval/bm25f.js';
import { wordNet } from '../../retrieval/wordnet.js';
import { stemmer } from 'stemmer';
import { isStopword } from '../../text/tokenize.js';
import type { Doc } from './synth-catalog.js';

export interface Engine {
  build(docs: Iterable<Doc>): void;
  search(query: string, k: number): string[];
  /** Bytes on disk, for engines that keep their index in a file. */
  diskBytes?(): number;
  close?(): void;
}

const WEIGHTS = { name: 1, domain: 1, functionality: 1, description: 1, usage: 1 };

export const ENGINES: Record<string, () => Engine> = {
  /** Troupe's in-memory BM25F (the selector's index). */
  bm25f: () => {
    let index: Bm25fIndex<keyof typeof WEIGHTS>;
    return {
      build: (docs) => (index = new Bm25fIndex(docs, WEIGHTS)),
      search: (q, k) => index.search(q, k).map((r) => r.id),
    };
  },
  /** The same index with WordNet synonyms fused in at 0.2 of a query word's weight. */
  'bm25f+wordnet': () => {
    let index: Bm25fIndex<keyof typeof WEIGHTS>;
    const wn = wordNet();
    return {
      build: (docs) => (index = new Bm25fIndex(docs, WEIGHTS)),
      search: (q, k) => index.search(q, k, { expand: (w) => wn.synonyms(w), weight: 0.2 }).map((r) => r.id),
    };
  },
  /** Troupe's catalog store: SQLite FTS5 on disk. */
  sqlite: () => {
    const dir = mkdtempSync(join(tmpdir(), 'troupe-bench-db-'));
    const store = new CatalogStore(join(dir, 'catalog.db'));
    return {
      build(docs) {
        const batch = [];
        for (const d of docs) {
          batch.push({ id: d.id, name: d.fields.name, task: 'api', domain: d.fields.domain, description: `${d.fields.functionality} ${d.fields.description}`, usage: d.fields.usage, provider: { kind: 'torchhub' as const } });
          if (batch.length === 10_000) store.upsert(batch.splice(0), 'bench');
        }
        store.upsert(batch, 'bench');
      },
      search: (q, k) => store.search(q, { limit: k }).map((h) => h.entry.id),
      diskBytes: () => statSync(store.path).size + (statSync(`${store.path}-wal`, { throwIfNoEntry: false })?.size ?? 0),
      close() {
        store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  /** MiniSearch (npm minisearch): BM25+, the same fields, the same stemming and stop words. */
  minisearch: () => {
    const ms = new MiniSearch<{ id: string } & Doc['fields']>({
      fields: Object.keys(WEIGHTS),
      storeFields: [],
      processTerm: (term) => (isStopword(term) ? null : stemmer(term.toLowerCase())),
      searchOptions: { combineWith: 'OR', prefix: false, fuzzy: false },
    });
    return {
      build(docs) {
        const batch = [];
        for (const d of docs) {
          batch.push({ id: d.id, ...d.fields });
          if (batch.length === 10_000) ms.addAll(batch.splice(0));
        }
        ms.addAll(batch);
      },
      search: (q, k) => ms.search(q).slice(0, k).map((r) => String(r.id)),
    };
  },
};
