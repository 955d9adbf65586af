import type { Command } from 'commander';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { dbOption, positiveInteger, type SetExit } from '../options.js';
import { openStore } from './catalog-store.js';

interface ImportCliOptions { db?: string; json?: boolean; authEnv?: string; task?: string; limit: number; hubUrl?: string }

/** `troupe catalog import`: a source's entries into the catalog store. */
export function registerCatalogImport(catalog: Command, setExit: SetExit): void {
  catalog
    .command('import')
    .description('import a source into the catalog (idempotent: re-importing changes nothing)')
    .argument('<kind>', 'apibench, hugginggpt, taskbench, local, openapi, mcp or hf-hub')
    .argument('[path]', 'the source: a file; for openapi a file, a URL or a folder of specs; for mcp a command or URL (not for local)')
    .addOption(dbOption())
    .option('--auth-env <VAR>', 'openapi: the environment variable that holds the API credential (the value is never stored)')
    .option('--task <tag>', 'hf-hub: the pipeline tag to list (e.g. summarization)')
    .option('--limit <n>', 'hf-hub: how many models, most downloaded first', positiveInteger, 100)
    .option('--hub-url <url>', 'hf-hub: another Hub (default https://huggingface.co)')
    .option('--json', 'print {kind, path, read, added, updated, unchanged, entries, ms}')
    .action(async (kind: string, path: string | undefined, opts: ImportCliOptions) => {
      const { IMPORTERS } = await import('../../app/importers.js');
      const importer = IMPORTERS[kind];
      if (!importer) throw new TroupeError(ErrorCode.BadUsage, `unknown import kind "${kind}"`, { hint: Object.entries(IMPORTERS).map(([k, v]) => `${k}: ${v.describe}`).join('; ') });
      if (importer.needsPath && !path) throw new TroupeError(ErrorCode.BadUsage, `catalog import ${kind} needs a path`, { hint: importer.describe });
      const start = performance.now();
      const entries = await importer.run(path ?? '', {
        ...(opts.authEnv ? { authEnv: opts.authEnv } : {}),
        ...(opts.task ? { task: opts.task } : {}),
        limit: Math.floor(opts.limit),
        ...(opts.hubUrl ? { hubUrl: opts.hubUrl } : {}),
        onNote: (line) => process.stderr.write(`${line}\n`),
      });
      const store = await openStore(opts.db);
      try {
        const counts = store.upsert(entries, kind);
        const result = { kind, path: path ?? null, read: entries.length, ...counts, entries: store.stats().entries, ms: Math.round(performance.now() - start) };
        process.stdout.write(opts.json ? `${JSON.stringify(result)}\n` : `imported ${result.read} ${kind} entries (${result.added} new, ${result.updated} updated, ${result.unchanged} unchanged) in ${result.ms} ms; the catalog now holds ${result.entries}\n`);
      } finally {
        store.close();
      }
      setExit(0);
    });
}
