import { findLanguage } from '../../text/languages.js';
import { runProgram } from './run-program.js';

export interface ApertiumMode {
  mode: string;
  source: string;
  target: string;
}

/**
 * Parses `apertium -l`: one mode per line, e.g. "eng-spa", "fr-es", "spa-eng_US". Modes
 * with a variant suffix are kept only when no plain mode covers the same pair.
 */
export function parseApertiumModes(listing: string): ApertiumMode[] {
  const modes = new Map<string, ApertiumMode>();
  for (const line of listing.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const m = /^([a-z]{2,3})-([a-z]{2,3})(?:[_-].+)?$/.exec(line);
    if (!m) continue;
    const source = findLanguage(m[1]!)?.code;
    const target = findLanguage(m[2]!)?.code;
    if (!source || !target) continue;
    const key = `${source}>${target}`;
    const plain = line === `${m[1]}-${m[2]}`;
    if (!modes.has(key) || plain) modes.set(key, { mode: line, source, target });
  }
  return [...modes.values()];
}

export async function installedModes(signal?: AbortSignal): Promise<ApertiumMode[]> {
  const { stdout } = await runProgram('apertium', ['-l'], { expert: 'local/apertium-translation', ...(signal ? { signal } : {}) });
  return parseApertiumModes(stdout);
}

/** The modes to chain from source to target: direct, or through one shared pivot language. */
export function route(modes: ApertiumMode[], source: string, target: string): ApertiumMode[] | undefined {
  const direct = modes.find((m) => m.source === source && m.target === target);
  if (direct) return [direct];
  for (const first of modes.filter((m) => m.source === source)) {
    const second = modes.find((m) => m.source === first.target && m.target === target);
    if (second) return [first, second];
  }
  return undefined;
}
