import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExpertEntrySchema, type Expert } from '../../core/expert.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { detectLanguage } from '../../text/detect-language.js';
import { languageName } from '../../text/languages.js';
import { checkPrograms } from './debian-fix.js';
import { installedVoices, voiceFor, type VoiceWish } from './espeak-voices.js';
import { wavSeconds } from './prepare-audio.js';
import { requireText } from '../shared/require-text.js';
import { runProgram } from './run-program.js';
import { askedLanguage } from '../shared/params.js';

const entry = ExpertEntrySchema.parse({
  id: 'local/espeak-ng-tts',
  name: 'eSpeak NG speech synthesis',
  task: 'text-to-speech',
  description: 'Formant speech synthesis in about 100 languages with eSpeak NG; the voice follows the language of the text. Writes a 22 kHz mono WAV.',
  provider: { kind: 'local', program: 'espeak-ng' },
  resourceClass: 'speech',
  languages: ['en', 'es', 'ca', 'fr', 'pt', 'it', 'de'],
  license: 'GPL-3.0',
  source: 'https://github.com/espeak-ng/espeak-ng (Debian espeak-ng)',
  usage: 'espeak-ng -v es -w speech.wav -f text.txt',
  popularity: 70,
  requires: { debian: ['espeak-ng'], commands: ['espeak-ng'] },
});

export const espeakTts: Expert = {
  entry,
  check: () => checkPrograms(entry),
  async run(ctx) {
    const text = await requireText(ctx.inputs.text, entry.id, 50_000);
    const voices = await installedVoices(ctx.signal);
    const asked = askedLanguage(ctx.params);
    // The producer's word (a translation knows its target) beats a guess from the letters.
    const known = ctx.inputs.text?.language;
    const detected = asked ?? known ? undefined : (await detectLanguage(text))?.code;
    const language = asked ?? known ?? detected ?? 'en';
    const why = asked ? 'as asked' : known ? 'language of the input' : detected ? 'detected from the text' : 'default; the language could not be told';
    const gender = ctx.params.gender === 'female' || ctx.params.gender === 'male' ? ctx.params.gender : undefined;
    const wish: VoiceWish = { ...(typeof ctx.params.accent === 'string' ? { accent: ctx.params.accent } : {}), ...(gender ? { gender } : {}) };
    const voice = voiceFor(voices, language, wish);
    if (!voice) {
      throw new TroupeError(ErrorCode.UnsupportedLanguage, `${entry.id}: espeak-ng has no voice for ${languageName(language)} (${language})`, {
        hint: 'ask for another language, or configure a remote text-to-speech expert',
      });
    }
    const textFile = join(ctx.scratchDir, 'speech.txt');
    await writeFile(textFile, text);
    const path = ctx.outputPath('wav');
    await runProgram('espeak-ng', ['-v', voice, '-w', path, '-f', textFile], { expert: entry.id, signal: ctx.signal });
    const bytes = (await stat(path)).size;
    if (bytes <= 44) throw new TroupeError(ErrorCode.ExpertFailed, `${entry.id}: espeak-ng wrote no audio`);
    // espeak-ng writes 16-bit mono PCM at 22,050 Hz: the duration follows from the size.
    const seconds = Math.round(wavSeconds(bytes, 22050) * 10) / 10;
    return {
      output: { kind: 'audio', mime: 'audio/wav', path },
      note: `voice ${voice} (${languageName(language)}, ${why}), ${seconds} s`,
    };
  },
};
