import type { Command } from 'commander';
import { buildCatalog } from '../../app/build-catalog.js';
import { loadConfig } from '../../config/config.js';
import { localSentenceEncoder } from '../../retrieval/sentence-encoder.js';
import { configOption, type SetExit } from '../options.js';
import { diagnose } from '../../app/diagnose.js';
import { diagnoseEncoder, formatDoctor, formatEncoder } from './doctor-report.js';

/** `troupe doctor`: which experts can run here, and the command that fixes each that cannot. */
export function registerDoctor(program: Command, setExit: SetExit): void {
  program
    .command('doctor')
    .description('which experts can run here, why not, and the command that fixes each')
    .option('--json', 'print {experts: [{id, task, runnable, reason?, fix?}], encoder: {model, ready, reason?}}')
    .addOption(configOption())
    .action(async (opts: { json?: boolean; config?: string }) => {
      const config = await loadConfig(opts.config);
      // The local experts and what the config adds; the store's thousands of documented models are not diagnosed.
      const catalog = await buildCatalog({ db: null, config });
      const [rows, encoder] = await Promise.all([diagnose(catalog), diagnoseEncoder(localSentenceEncoder())]);
      for (const note of catalog.notes) process.stderr.write(`note: ${note}\n`);
      process.stdout.write(opts.json ? JSON.stringify({ experts: rows, encoder }) + '\n' : `${formatDoctor(rows)}\n${formatEncoder(encoder)}\n`);
      setExit(0);
    });
}
