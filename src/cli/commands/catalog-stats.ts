import type { Command } from 'commander';
import { dbOption, type SetExit } from '../options.js';
import { openStore } from './catalog-store.js';

/** `troupe catalog stats`: how many entries, by source and by task type. */
export function registerCatalogStats(catalog: Command, setExit: SetExit): void {
  catalog
    .command('stats')
    .description('how many entries, by source and by task type')
    .addOption(dbOption())
    .option('--json', 'print {entries, byOrigin, byTask, path}')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const store = await openStore(opts.db);
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
