/** The command that installs Debian packages, as shown in `troupe doctor`. */
export function aptFix(packages: string[]): string {
  return `sudo apt-get install -y ${packages.join(' ')}   (or: npx troupe setup)`;
}
