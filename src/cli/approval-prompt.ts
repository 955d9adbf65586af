import { createInterface } from 'node:readline/promises';
import type { Approver } from '../execute/scheduler.js';

/**
 * Asks on the terminal before an operation that may change state runs ("y" to allow).
 * Questions are asked one at a time even when tasks run in parallel; `around` lets the
 * live progress display stand aside while the question is on screen.
 */
export function terminalApprover(around: { pause: () => void; resume: () => void }, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Approver {
  let queue: Promise<unknown> = Promise.resolve();
  return (request) => {
    const asked = queue.then(async () => {
      around.pause();
      const rl = createInterface({ input, output });
      try {
        const answer = await rl.question(`\n${request.taskId}: ${request.expert} may change state: ${request.action}.\nAllow it? [y/N] `);
        return /^y(es)?$/i.test(answer.trim());
      } finally {
        rl.close();
        around.resume();
      }
    });
    queue = asked.catch(() => {});
    return asked;
  };
}
