import type { Command } from 'commander';
import { defaultCatalog } from '../../app/default-catalog.js';
import { warmPlanner } from '../../app/warm-planner.js';
import { aptInstall, canInstallHere, installCommand, missingPackages } from '../../system/debian.js';
import type { SetExit } from '../options.js';

/** What the tests need beyond the experts' packages: the browser the web page's tests drive, the Redis the queue's tests start. */
const FOR_TESTS = ['chromium', 'redis-server'];

/** The planner's documentation vectors, made once here rather than on the first request. */
async function warm(): Promise<void> {
  const warmed = await warmPlanner();
  process.stderr.write(warmed.ok ? "setup: the planner's documentation vectors are ready\n" : `setup: note: the planner's documentation vectors were not made (${warmed.reason}); the first request will make them\n`);
}

/** `troupe setup`: the Debian packages the local experts need (`--tests`: and what the tests need). */
export function registerSetup(program: Command, setExit: SetExit): void {
  program
    .command('setup')
    .description("install the Debian packages the local experts need (as root with apt; otherwise prints the command)")
    .option('--tests', `also what \`npm test\` needs: ${FOR_TESTS.join(', ')} (the browser and queue tests)`)
    .action(async (opts: { tests?: boolean }) => {
      const wanted = [...new Set([...defaultCatalog().experts.flatMap((e) => e.entry.requires.debian), ...(opts.tests ? FOR_TESTS : [])])];
      const missing = missingPackages(wanted);
      if (missing.length === 0) {
        process.stderr.write(`setup: all ${wanted.length} Debian packages are installed (${wanted.join(', ')})\n`);
        await warm();
        return setExit(0);
      }
      if (!canInstallHere()) {
        process.stderr.write(`setup: missing Debian packages: ${missing.join(', ')}\nInstall them with:\n  ${installCommand(missing)}\n`);
        return setExit(1);
      }
      process.stderr.write(`setup: installing ${missing.join(', ')} with apt-get…\n`);
      const status = aptInstall(missing);
      const still = missingPackages(wanted);
      if (status !== 0 || still.length) {
        process.stderr.write(`setup: apt-get failed (exit ${status}); still missing: ${still.join(', ') || 'none'}\n`);
        return setExit(1);
      }
      await warm();
      process.stderr.write('setup: done. `npx troupe doctor` shows what can run.\n');
      setExit(0);
    });
}
