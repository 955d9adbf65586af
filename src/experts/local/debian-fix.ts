import type { Availability, ExpertEntry } from '../../core/expert.js';
import { hasProgram } from './run-program.js';

/** The command that installs Debian packages, as shown in `troupe doctor`. */
export function aptFix(packages: string[]): string {
  return `sudo apt-get install -y ${packages.join(' ')}   (or: npx troupe setup)`;
}

/** Runnable when every program the entry requires is on PATH; otherwise why not, and the fix. */
export async function checkPrograms(entry: ExpertEntry): Promise<Availability> {
  for (const program of entry.requires.commands) {
    if (!(await hasProgram(program))) return { runnable: false, reason: `the ${program} program is not installed`, fix: aptFix(entry.requires.debian) };
  }
  return { runnable: true };
}
