import { runProgram } from './run-program.js';

/** One voice of `espeak-ng --voices`: its tag, gender, name, file, and the languages it speaks with espeak's priority for each. */
export interface EspeakVoice {
  tag: string;
  gender: string;
  name: string;
  file: string;
  /** Language → espeak's own priority for this voice in it (lower is preferred). */
  speaks: Map<string, number>;
}

/** Parses `espeak-ng --voices`: `Pty Language Age/Gender VoiceName File Other Languages`. */
export function parseEspeakVoices(listing: string): EspeakVoice[] {
  return listing
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 5)
    .map(([pty, tag, ageGender, name, file, ...other]) => {
      const speaks = new Map<string, number>([[tag!, Number(pty)]]);
      for (const m of other.join(' ').matchAll(/\(([\w-]+)\s+(\d+)\)/g)) speaks.set(m[1]!, Number(m[2]));
      return { tag: tag!, gender: ageGender!.split('/')[1] ?? '', name: name!.replace(/_/g, ' '), file: file!, speaks };
    });
}

export async function installedVoices(signal?: AbortSignal): Promise<EspeakVoice[]> {
  const { stdout } = await runProgram('espeak-ng', ['--voices'], { expert: 'local/espeak-ng-tts', ...(signal ? { signal } : {}) });
  return parseEspeakVoices(stdout);
}

/** Words an accent is asked for by, as they appear in espeak's voice names ("English (Great Britain)"). */
const ACCENT_NAMES: Record<string, RegExp> = {
  british: /great britain|received pronunciation/i,
  american: /america/i,
  scottish: /scotland/i,
  'latin-american': /latin america/i,
  brazilian: /brazil/i,
};

export interface VoiceWish {
  accent?: string;
  gender?: 'female' | 'male';
}

/**
 * The voice for an ISO 639-1 language, chosen as espeak-ng itself ranks its voices for
 * that language (the priority it lists beside each), among those that need no MBROLA
 * database; an accent asked for picks the voice whose name says it. A female voice is the
 * chosen voice with one of espeak's female variants (`+f3`), since its language voices are
 * male. Undefined when no voice speaks the language.
 */
export function voiceFor(voices: readonly EspeakVoice[], language: string, wish: VoiceWish = {}): string | undefined {
  const speaking = voices
    .filter((v) => !v.file.startsWith('mb/') && v.speaks.has(language))
    .sort((a, b) => a.speaks.get(language)! - b.speaks.get(language)!);
  const accent = wish.accent ? ACCENT_NAMES[wish.accent] : undefined;
  const chosen = (accent && speaking.find((v) => accent.test(v.name))) ?? speaking[0];
  if (!chosen) return undefined;
  return wish.gender === 'female' ? `${chosen.tag}+f3` : chosen.tag;
}
