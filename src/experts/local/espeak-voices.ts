import { runProgram } from './run-program.js';

/** Language tags of the installed espeak-ng voices, parsed from `espeak-ng --voices`. */
export function parseEspeakVoices(listing: string): string[] {
  return listing
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/)[1])
    .filter((tag): tag is string => Boolean(tag));
}

export async function installedVoices(signal?: AbortSignal): Promise<string[]> {
  const { stdout } = await runProgram('espeak-ng', ['--voices'], { expert: 'local/espeak-ng-tts', ...(signal ? { signal } : {}) });
  return parseEspeakVoices(stdout);
}

/** The voice for an ISO 639-1 language: the plain tag, else its first regional variant. */
export function voiceFor(voices: string[], language: string): string | undefined {
  return voices.find((v) => v === language) ?? voices.find((v) => v.startsWith(`${language}-`));
}
