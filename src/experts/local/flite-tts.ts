import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExpertEntrySchema, type Expert } from '../../core/expert.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { detectLanguage } from '../../text/detect-language.js';
import { languageName } from '../../text/languages.js';
import { checkPrograms } from './debian-fix.js';
import { wavSeconds } from './prepare-audio.js';
import { requireText } from '../shared/require-text.js';
import { runProgram } from './run-program.js';
import { askedLanguage } from '../shared/params.js';

const entry = ExpertEntrySchema.parse({
  id: 'local/flite-tts',
  name: 'Flite speech synthesis',
  task: 'text-to-speech',
  description: 'English speech synthesis with CMU Flite (diphone/cluster-unit voices, the slt voice by default): a more natural English voice than formant synthesis. English only.',
  provider: { kind: 'local', program: 'flite' },
  resourceClass: 'speech',
  languages: ['en'],
  license: 'BSD-style (CMU)',
  source: 'http://www.festvox.org/flite (Debian flite)',
  usage: 'flite -voice slt -f text.txt -o speech.wav',
  popularity: 40,
  requires: { debian: ['flite'], commands: ['flite'] },
});

export const fliteTts: Expert = {
  entry,
  check: () => checkPrograms(entry),
  async run(ctx) {
    const text = await requireText(ctx.inputs.text, entry.id, 50_000);
    const asked = askedLanguage(ctx.params);
    // The producer's word (a translation knows its target) beats a guess from the letters.
    const language = asked ?? ctx.inputs.text?.language ?? (await detectLanguage(text))?.code ?? 'en';
    if (language !== 'en') {
      throw new TroupeError(ErrorCode.UnsupportedLanguage, `${entry.id}: flite speaks only English, and the text is ${languageName(language)}`);
    }
    const voice = typeof ctx.params.voice === 'string' ? ctx.params.voice : 'slt';
    const { stdout } = await runProgram('flite', ['-lv'], { expert: entry.id, signal: ctx.signal });
    const voices = stdout.replace(/^.*?:/, '').trim().split(/\s+/);
    if (!voices.includes(voice)) {
      throw new TroupeError(ErrorCode.InvalidPlan, `${entry.id}: flite has no voice "${voice}"`, { hint: `choose one of ${voices.join(', ')}` });
    }
    const file = join(ctx.scratchDir, 'speech.txt');
    await writeFile(file, text);
    const path = ctx.outputPath('wav');
    await runProgram('flite', ['-voice', voice, '-f', file, '-o', path], { expert: entry.id, signal: ctx.signal });
    const bytes = (await stat(path)).size;
    if (bytes <= 44) throw new TroupeError(ErrorCode.ExpertFailed, `${entry.id}: flite wrote no audio`);
    return { output: { kind: 'audio', mime: 'audio/wav', path }, note: `voice ${voice} (English), ${wavSeconds(bytes, 16000).toFixed(1)} s` };
  },
};
