import { Queue } from 'bullmq';
import { RESOURCE_CLASSES, type ResourceClass } from '../core/resource-class.js';
import { queueName, reachRedis, redisConnection } from './connection.js';

export interface ClassStats {
  class: ResourceClass;
  waiting: number;
  active: number;
  completed: number;
  failed: number;
  delayed: number;
  /** The workers taking this class's jobs now, by name. */
  workers: string[];
}

/** `troupe queue stats`: each class's jobs by state, and the workers connected to it. */
export async function queueStats(url: string, classes: readonly ResourceClass[] = RESOURCE_CLASSES): Promise<ClassStats[]> {
  await reachRedis(url);
  const connection = redisConnection(url);
  return Promise.all(
    classes.map(async (cls) => {
      const queue = new Queue(queueName(cls), { connection });
      queue.on('error', () => undefined);
      try {
        const [counts, workers] = await Promise.all([queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed'), queue.getWorkers()]);
        return {
          class: cls,
          waiting: counts.waiting ?? 0,
          active: counts.active ?? 0,
          completed: counts.completed ?? 0,
          failed: counts.failed ?? 0,
          delayed: counts.delayed ?? 0,
          // BullMQ lists a worker's client as bull:<queue>:w:<name>.
          workers: [...new Set(workers.map((w) => String(w.rawname ?? w.name ?? w.addr).split(':w:').pop()!))].sort(),
        };
      } finally {
        await queue.close();
      }
    }),
  );
}

export function formatStats(stats: readonly ClassStats[]): string {
  const rows = stats.map((s) => `${s.class.padEnd(7)} ${String(s.waiting).padStart(7)} ${String(s.active).padStart(6)} ${String(s.completed).padStart(9)} ${String(s.failed).padStart(6)}  ${s.workers.join(', ') || '(no worker)'}`);
  return [`class   waiting active completed failed  workers`, ...rows].join('\n');
}
