import type { Command } from 'commander';
import { catalogFor } from '../../app/catalog-for.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { RESOURCE_CLASSES, type ResourceClass } from '../../core/resource-class.js';
import { configOption, positiveInteger, type SetExit } from '../options.js';

interface WorkerCommandOptions { queue: string; classes: string; concurrency: number; name?: string; db?: string; config?: string; attempts: number; lockMs?: number }

/** How long a job's lock lasts (TROUPE_QUEUE_LOCK_MS): a dead worker's job goes to another after about this long. */
const LOCK_MS = Number(process.env.TROUPE_QUEUE_LOCK_MS) || 30_000;

function classesOf(value: string): ResourceClass[] {
  const classes = value.split(',').map((c) => c.trim()).filter(Boolean);
  const unknown = classes.filter((c) => !(RESOURCE_CLASSES as readonly string[]).includes(c));
  if (unknown.length || classes.length === 0) throw new TroupeError(ErrorCode.BadUsage, `unknown resource class ${unknown.join(', ') || '(none)'}`, { hint: `choose from ${RESOURCE_CLASSES.join(', ')}` });
  return classes as ResourceClass[];
}

/** `troupe worker`: runs the tasks a server or `troupe run --queue` puts on the queues of its classes. */
export function registerWorker(program: Command, setExit: SetExit): void {
  program
    .command('worker')
    .description('take tasks from the queues of some resource classes (BullMQ on Redis) and run them with this machine\'s experts')
    .requiredOption('--queue <redis-url>', 'the Redis the server puts tasks on, e.g. redis://127.0.0.1:6379')
    .option('--classes <list>', `resource classes to take, comma-separated (${RESOURCE_CLASSES.join(', ')})`, RESOURCE_CLASSES.join(','))
    .option('--concurrency <n>', 'tasks at once, per class', positiveInteger, 1)
    .option('--attempts <n>', 'workers a task may take down (killed, crashed) before it fails for good', positiveInteger, 3)
    .option('--name <name>', 'how this worker is listed by `troupe queue stats` (default host:pid)')
    .option('--db <file>', 'catalog database, as the server\'s')
    .addOption(configOption())
    .action(async (opts: WorkerCommandOptions) => {
      const classes = classesOf(opts.classes);
      const catalog = await catalogFor(opts);
      const { startWorker } = await import('../../queue/worker.js');
      const worker = await startWorker({
        url: opts.queue,
        expert: (id) => catalog.expertById(id),
        classes,
        concurrency: opts.concurrency,
        attempts: opts.attempts,
        lockMs: LOCK_MS,
        ...(opts.name ? { name: opts.name } : {}),
        onJob: (e) => process.stderr.write(`worker: ${e.state} ${e.expert} (job ${e.jobId})${e.error ? `: ${e.error}` : ''}\n`),
      });
      process.stdout.write(`troupe worker ${worker.name}: taking ${classes.join(', ')} from ${opts.queue}\n`);
      await new Promise<void>((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          process.stderr.write(`troupe worker: ${signal}, finishing the tasks in hand\n`);
          void worker.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      setExit(0);
    });
}

/** `troupe queue stats`: the queues' jobs by state and the workers connected, per class. */
export function registerQueue(program: Command, setExit: SetExit): void {
  const queue = program.command('queue').description('the task queues (BullMQ on Redis) of `troupe serve --queue` and `troupe worker`');
  queue
    .command('stats')
    .description('waiting, active, failed and completed tasks per resource class, and the workers seen')
    .requiredOption('--queue <redis-url>', 'the Redis, e.g. redis://127.0.0.1:6379')
    .option('--json', 'print [{class, waiting, active, completed, failed, delayed, workers}]')
    .action(async (opts: { queue: string; json?: boolean }) => {
      const { queueStats, formatStats } = await import('../../queue/stats.js');
      const stats = await queueStats(opts.queue);
      process.stdout.write(opts.json ? `${JSON.stringify(stats)}\n` : `${formatStats(stats)}\n`);
      setExit(0);
    });
}
