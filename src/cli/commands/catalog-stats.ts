import type { Command } from 'commander';
import { dbOption, type SetExit } from '../options.js';
import { existsSync } from 'node:fs';
import { openStore, storePath } from './catalog-store.js';

/** `troupe catalog stats`: how many entries, by source and by task type. */
export function registerCatalogStats(catalog: Command, setExit: SetExit): void {
  catalog
    .command('stats')
    .description('how many entries, by source and by task type')
    .addOption(dbOption())
    .option('--json', 'print {entries, byOrigin, byTask, path}')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const path = await storePath(opts.db);
      if (!existsSync(path)) {
        // Nothing to count, and nothing is created by counting it.
        if (opts.json) process.stdout.write(`${JSON.stringify({ entries: 0, byOrigin: {}, byTask: [], path, exists: false })}\n`);
        else process.stdout.write(`0 entries: there is no catalog database at ${path} yet (troupe catalog import … makes one; the built-in local experts need none)\n`);
        return setExit(0);
      }
      const store = await openStore(path);
      try {
        const stats = store.stats();
        if (opts.json) process.stdout.write(`${JSON.stringify(stats)}\n`);
        else {
          process.stdout.write(`${stats.entries} entries in ${stats.path}\n`);
          for (const [origin, n] of Object.entries(stats.byOrigin)) process.stdout.write(`  ${origin.padEnd(12)} ${n}\n`);
          process.stdout.write(`${stats.byTask.length} task types; largest: ${stats.byTask.slice(0, 8).map((t) => `${t.task} ${t.entries}`).join(', ')}\n`);
        }
      } finally {
        store.close();
      }
      setExit(0);
    });
}
