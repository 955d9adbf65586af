import { resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { catalogFor } from '../../app/catalog-for.js';
import { builtinController, controllerFor } from '../../app/controller-for.js';
import { queueFor } from '../run-session.js';
import { configOption, llmOption, memoryOption, positiveInteger, type SetExit } from '../options.js';

/** How long SIGTERM lets runs in progress finish before cancelling them (TROUPE_SERVE_GRACE_MS). */
const GRACE_MS = Number(process.env.TROUPE_SERVE_GRACE_MS) || 30_000;

interface ServeOptions { host: string; port: number; data: string; llm?: string; db?: string; config?: string; memory?: string; queue?: string; artifacts?: string }

/** `troupe serve`: the HTTP server; prints its address when it is ready, stops on SIGINT/SIGTERM. */
export function registerServe(program: Command, setExit: SetExit): void {
  program
    .command('serve')
    .description('serve threads and runs over HTTP (LangGraph-style threads, runs and resumable event streams; OpenAPI at /openapi.json)')
    .option('--host <host>', 'address to listen on; any but loopback needs TROUPE_SERVER_TOKEN', '127.0.0.1')
    .option('--port <port>', 'port (0: any free one)', (v) => (v === '0' ? 0 : positiveInteger(v)), 7860)
    .option('--data <dir>', 'where threads, uploads, run outputs and the run store are kept', 'troupe-data')
    .addOption(llmOption())
    .option('--db <file>', 'catalog database to select from as well')
    .addOption(configOption())
    .addOption(memoryOption())
    .option('--queue <redis-url>', 'run each task on a worker of its class (troupe worker) through BullMQ on this Redis; the --data folder must be shared with the workers at the same path')
    .option('--artifacts <s3-url>', 'with --queue: files go through this S3-compatible bucket (s3://BUCKET/PREFIX) instead of a shared folder')
    .action(async (opts: ServeOptions) => {
      const token = process.env.TROUPE_SERVER_TOKEN || undefined;
      // Anyone who can reach the port can run experts and read every thread: beyond this machine, only with a token.
      if (!['127.0.0.1', '::1', 'localhost'].includes(opts.host) && !token) {
        throw new TroupeError(ErrorCode.BadUsage, `refusing to listen on ${opts.host} without a token: anyone who can reach it could run requests and read every thread`, { hint: 'set TROUPE_SERVER_TOKEN (clients send Authorization: Bearer <token>), or keep the default --host 127.0.0.1' });
      }
      const { buildServer } = await import('../../serve/server.js');
      const controller = await controllerFor(opts.llm, opts.memory);
      // Beside an LLM, the page's settings may choose the built-in controller.
      const otherControllers = controller.name === 'builtin' ? [] : [await builtinController(opts.memory)];
      const queue = await queueFor(opts);
      const server = await buildServer({ dataDir: resolvePath(opts.data), controller, otherControllers, ...(queue ? { dispatch: queue.dispatch } : {}), catalog: await catalogFor(opts), ...(token ? { token } : {}), ...(opts.memory ? { memoryPath: opts.memory } : {}) });
      const address = await server.app.listen({ host: opts.host, port: opts.port });
      process.stdout.write(`troupe serve: listening on ${address} — open ${address}/ in a browser (data in ${opts.data}; API at ${address}/openapi.json)\n`);
      await new Promise<void>((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          // SIGTERM (a service manager): runs in progress get a while to finish. Ctrl-C: stop now, keeping what is done.
          const graceMs = signal === 'SIGTERM' ? GRACE_MS : 0;
          process.stderr.write(`troupe serve: ${signal}, stopping${graceMs && server.hub.size ? ` (waiting up to ${graceMs / 1000} s for ${server.hub.size} run${server.hub.size > 1 ? 's' : ''})` : ''}\n`);
          void server.close({ graceMs }).then(() => queue?.close()).then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      setExit(0);
    });
}
