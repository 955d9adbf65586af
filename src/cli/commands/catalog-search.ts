import type { Command } from 'commander';
import { searchStore } from '../../app/search-store.js';
import { loadConfig } from '../../config/config.js';
import { configOption, dbOption, positiveInteger, type SetExit } from '../options.js';
import { openStore } from './catalog-store.js';

/** `troupe catalog search`: the catalog's entries that a query's words find. */
export function registerCatalogSearch(catalog: Command, setExit: SetExit): void {
  catalog
    .command('search')
    .description('search the catalog by words (name, task, domain, description, usage)')
    .argument('<query>', 'what you are looking for')
    .option('--task <task>', 'only entries of this task type')
    .option('--limit <n>', 'how many results', positiveInteger, 10)
    .addOption(dbOption())
    .addOption(configOption())
    .option('--json', 'print {query, ms, semantic, results: [{id, name, task, score, description, call?}]}')
    .action(async (query: string, opts: { task?: string; limit: number; db?: string; config?: string; json?: boolean }) => {
      const config = await loadConfig(opts.config);
      const store = await openStore(opts.db, { mustExist: true });
      try {
        const start = performance.now();
        const { hits, semantic } = await searchStore(store, query, {
          ...(opts.task ? { task: opts.task } : {}),
          limit: opts.limit,
          ...(config.embeddings ? { embeddings: config.embeddings } : {}),
          allowHosts: config.allowHosts,
          onRerankFailed: (reason) => process.stderr.write(`note: ${reason}; lexical ranking only\n`),
        });
        const ms = Math.round((performance.now() - start) * 100) / 100;
        if (opts.json) {
          const results = hits.map((h) => ({ id: h.entry.id, name: h.entry.name, task: h.entry.task, score: Math.round(h.score * 1000) / 1000, description: h.entry.description.slice(0, 300), ...(h.entry.provider.call ? { call: h.entry.provider.call } : {}) }));
          process.stdout.write(`${JSON.stringify({ query, ms, semantic, results })}\n`);
        } else {
          if (hits.length === 0) process.stdout.write(`no entries match "${query}"${store.stats().entries === 0 ? ' (the catalog is empty: run `troupe catalog import ...`)' : ''}\n`);
          hits.forEach((h, i) => process.stdout.write(`${String(i + 1).padStart(2)}. ${h.entry.id}  [${h.entry.task}]  ${semantic ? h.score.toFixed(4) : h.score.toFixed(2)}\n    ${h.entry.description.slice(0, 160)}\n`));
          process.stderr.write(`${hits.length} results in ${ms} ms\n`);
        }
      } finally {
        store.close();
      }
      setExit(0);
    });
}
