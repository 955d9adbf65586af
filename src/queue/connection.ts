import type { ConnectionOptions } from 'bullmq';
import { ErrorCode, TroupeError } from '../core/errors.js';
import type { ResourceClass } from '../core/resource-class.js';

/** The Redis a queue lives on, from `redis://[user:password@]host:port[/db]`. */
export function redisConnection(url: string): ConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TroupeError(ErrorCode.BadUsage, `not a Redis address: ${url}`, { hint: 'give --queue redis://HOST:PORT (for example redis://127.0.0.1:6379)' });
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new TroupeError(ErrorCode.BadUsage, `not a Redis address: ${url}`, { hint: 'give --queue redis://HOST:PORT (for example redis://127.0.0.1:6379)' });
  }
  return {
    host: parsed.hostname,
    port: Number(parsed.port) || 6379,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.pathname.length > 1 ? { db: Number(parsed.pathname.slice(1)) || 0 } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ's workers block on Redis; a command must wait for a reconnect rather than fail.
    maxRetriesPerRequest: null,
  };
}

/** One BullMQ queue per resource class. */
export const queueName = (cls: ResourceClass) => `troupe-${cls}`;

/** Where a server asks the workers to stop a job that is running (Redis pub/sub). */
export const CANCEL_CHANNEL = 'troupe:cancel';

/** Fails with what to do when nothing answers at the address, rather than waiting on it for ever. */
export async function reachRedis(url: string, timeoutMs = 3000): Promise<void> {
  const { Redis } = await import('ioredis');
  const options = redisConnection(url);
  const client = new Redis({ ...(options as object), lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new TroupeError(ErrorCode.BadUsage, `cannot reach Redis at ${url}: ${(error as Error).message}`, { hint: 'start it (redis-server --port PORT) or check the address given to --queue' });
  } finally {
    client.disconnect();
  }
}
