import { spawnSync } from 'node:child_process';

/**
 * For tests that need a Debian program: skip with a reason on a developer's machine that
 * has not run `npx troupe setup`, but fail in CI, where setup always runs first.
 */
export function requireProgram(program: string): string | false {
  const found = spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
  if (found) return false;
  if (process.env.CI) throw new Error(`${program} is not installed in CI; .ci/run should have run \`npx troupe setup\``);
  return `${program} is not installed: run \`npx troupe setup\``;
}
