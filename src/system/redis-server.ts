import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's redis-server, if installed (`npx troupe setup --tests`). */
export const REDIS_SERVER = spawnSync('which', ['redis-server'], { encoding: 'utf8' }).stdout.trim();

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  url: string;
  /** Stops it as a crash would (SIGKILL) or cleanly (its data kept on disk either way: append-only file). */
  stop(how?: 'kill' | 'shutdown'): Promise<void>;
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>;
}

/**
 * A real redis-server (Debian's) on a free loopback port, its data in a temporary folder with the
 * append-only file on (every write synced), so that a restart keeps the queues. For the
 * queue's tests and its benchmark; a deployment runs its own Redis.
 */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'troupe-redis-'));
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (d) => {
        out += d;
        if (/Ready to accept connections/.test(out)) resolve();
      });
      child!.on('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out.slice(-500)}`)));
    });
  };
  const stop = async (how: 'kill' | 'shutdown' = 'shutdown') => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((resolve) => c.on('exit', resolve));
    c.kill(how === 'kill' ? 'SIGKILL' : 'SIGTERM');
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, stop, start };
}
