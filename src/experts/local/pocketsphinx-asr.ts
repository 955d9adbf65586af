import { ExpertEntrySchema, type Expert } from '../../core/expert.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { aptFix, checkPrograms } from './debian-fix.js';
import { decodeAudio } from './prepare-audio.js';
import { runProgram } from './run-program.js';
import { textOutput } from '../shared/write-output.js';
import { access } from 'node:fs/promises';
import { askedLanguage } from '../shared/params.js';

const MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';

const entry = ExpertEntrySchema.parse({
  id: 'local/pocketsphinx-asr',
  name: 'CMU PocketSphinx speech recognition',
  task: 'automatic-speech-recognition',
  description: 'Transcribes US English speech with CMU PocketSphinx (HMM acoustic model, trigram language model); any recording sox reads is converted to 16 kHz mono first. Offline, about real time on one core.',
  provider: { kind: 'local', program: 'pocketsphinx_continuous' },
  resourceClass: 'speech',
  languages: ['en'],
  license: 'BSD-2-Clause',
  source: 'https://github.com/cmusphinx/pocketsphinx (Debian pocketsphinx, pocketsphinx-en-us)',
  usage: 'pocketsphinx_continuous -infile speech16k.wav',
  popularity: 60,
  requires: { debian: ['pocketsphinx', 'pocketsphinx-en-us', 'sox'], commands: ['pocketsphinx_continuous', 'sox'] },
});

export const pocketsphinxAsr: Expert = {
  entry,
  async check() {
    const programs = await checkPrograms(entry);
    if (!programs.runnable) return programs;
    try {
      await access(MODEL_DIR);
    } catch {
      return { runnable: false, reason: 'the US English model is not installed', fix: aptFix(['pocketsphinx-en-us']) };
    }
    return { runnable: true };
  },
  async run(ctx) {
    const asked = askedLanguage(ctx.params) ?? 'en';
    if (asked !== 'en') {
      throw new TroupeError(ErrorCode.UnsupportedLanguage, `${entry.id}: only English speech can be recognised here, not "${asked}"`, { hint: 'configure a remote speech-recognition expert for other languages' });
    }
    const wav = await decodeAudio(ctx.inputs.audio, entry.id, ctx.scratchDir, { rate: 16000, channels: 1, signal: ctx.signal });
    const { stdout } = await runProgram('pocketsphinx_continuous', ['-infile', wav, '-logfn', '/dev/null'], { expert: entry.id, signal: ctx.signal });
    const text = stdout.split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
    if (!text) throw new TroupeError(ErrorCode.ExpertFailed, `${entry.id}: heard no words in the recording`, { hint: 'check that the recording contains clear English speech' });
    return textOutput(ctx, text, 'pocketsphinx en-us', 'en');
  },
};
