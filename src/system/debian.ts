import { spawnSync } from 'node:child_process';

/** Debian packages from the list that dpkg does not report as installed. */
export function missingPackages(packages: readonly string[]): string[] {
  if (packages.length === 0) return [];
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\n', ...packages], { encoding: 'utf8' });
  if (result.error) return [...packages]; // no dpkg: not Debian, or not visible; report all
  const installed = new Set(
    result.stdout.split('\n').filter((l) => l.endsWith(' installed')).map((l) => l.split(' ')[0]!.split(':')[0]),
  );
  return packages.filter((p) => !installed.has(p));
}

export function installCommand(packages: readonly string[]): string {
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

export function canInstallHere(): boolean {
  return process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Installs with apt-get as root, streaming its output to stderr; returns apt's exit status. */
export function aptInstall(packages: readonly string[]): number {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 2, 2], env });
  if (update.status !== 0) return update.status ?? 1;
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: ['ignore', 2, 2], env });
  return install.status ?? 1;
}
