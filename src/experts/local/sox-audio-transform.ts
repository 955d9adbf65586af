import { stat } from 'node:fs/promises';
import { ExpertEntrySchema, type Expert } from '../../core/expert.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { checkPrograms } from './debian-fix.js';
import { runProgram } from './run-program.js';
import { speedFactor } from '../shared/speed-factor.js';

const entry = ExpertEntrySchema.parse({
  id: 'local/sox-audio-transform',
  name: 'SoX audio conversion',
  task: 'audio-to-audio',
  description: 'Converts and edits recordings with SoX: another format (WAV, FLAC, OGG, MP3 input), sample rate, mono, louder, quieter or normalised volume, cut to a part, silence trimmed, faster or slower.',
  provider: { kind: 'local', program: 'sox' },
  resourceClass: 'speech',
  license: 'GPL-2.0',
  source: 'https://sourceforge.net/projects/sox (Debian sox, libsox-fmt-mp3)',
  usage: 'sox in.mp3 -r 16000 -c 1 out.wav',
  popularity: 50,
  requires: { debian: ['sox', 'libsox-fmt-mp3'], commands: ['sox'] },
});

// MP3 through libsox-fmt-mp3 (Debian), which `troupe setup` installs with sox.
const FORMATS = ['wav', 'flac', 'ogg', 'mp3'] as const;
const MIME: Record<string, string> = { wav: 'audio/wav', flac: 'audio/flac', ogg: 'audio/ogg', mp3: 'audio/mpeg' };

export const soxAudioTransform: Expert = {
  entry,
  check: () => checkPrograms(entry),
  async run(ctx) {
    const input = ctx.inputs.audio;
    if (!input?.path) throw new TroupeError(ErrorCode.InvalidPlan, `${entry.id}: no audio input was given`);
    if ((await stat(input.path)).size === 0) throw new TroupeError(ErrorCode.InputEmpty, `${entry.id}: the recording ${input.path} is empty (0 bytes)`);
    const format = String(ctx.params.format ?? 'wav').toLowerCase();
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new TroupeError(ErrorCode.UnsupportedFormat, `${entry.id}: cannot write ${format}`, { hint: `choose one of ${FORMATS.join(', ')}` });
    }
    const op = String(ctx.params.operation ?? 'convert');
    const effects: string[] = [];
    const done: string[] = [];
    if (ctx.params.sample_rate !== undefined) {
      effects.push('rate', String(Number(ctx.params.sample_rate)));
      done.push(`${ctx.params.sample_rate} Hz`);
    }
    if (op === 'mono' || ctx.params.channels === 1) {
      effects.push('channels', '1');
      done.push('mono');
    }
    if (op === 'normalize') (effects.push('norm', '-1'), done.push('normalised to -1 dBFS'));
    // Louder with a limiter, so that the peaks do not clip; quieter by the same 6 dB.
    if (op === 'louder') (effects.push('gain', '-l', '6'), done.push('6 dB louder'));
    if (op === 'quieter') (effects.push('gain', '-6'), done.push('6 dB quieter'));
    if (op === 'trim-silence') (effects.push('silence', '1', '0.1', '1%', 'reverse', 'silence', '1', '0.1', '1%', 'reverse'), done.push('silence trimmed'));
    if (op === 'cut' || ctx.params.start !== undefined || ctx.params.duration !== undefined) {
      const start = Number(ctx.params.start ?? 0);
      const length = ctx.params.duration !== undefined ? Number(ctx.params.duration) : undefined;
      if (!(start >= 0) || (length !== undefined && !(length > 0))) throw new TroupeError(ErrorCode.InvalidPlan, `${entry.id}: a cut needs a start of 0 or more seconds and a length above 0`);
      effects.push('trim', String(start), ...(length !== undefined ? [String(length)] : []));
      done.push(length !== undefined ? `${start}–${start + length} s` : `from ${start} s`);
    }
    if (op === 'speed' || op === 'faster' || op === 'slower') {
      const factor = Math.round(speedFactor(op, ctx.params.factor, 1.5, entry.id) * 1000) / 1000;
      if (!(factor > 0.1 && factor < 10)) throw new TroupeError(ErrorCode.InvalidPlan, `${entry.id}: speed factor must be between 0.1 and 10`);
      effects.push('tempo', String(factor));
      done.push(`tempo ×${factor}`);
    }
    const out = ctx.outputPath(format);
    try {
      await runProgram('sox', ['-V1', input.path, out, ...effects], { expert: entry.id, signal: ctx.signal });
    } catch (error) {
      if (TroupeError.is(error, ErrorCode.ExpertFailed) && /sox failed/.test(error.message)) {
        throw new TroupeError(ErrorCode.InputCorrupt, `${entry.id}: ${input.path} is not a readable recording (${error.message.replace(/^.*?sox failed: /, '')})`, { hint: 'pass a WAV, FLAC, OGG or MP3 recording' });
      }
      throw error;
    }
    return { output: { kind: 'audio', mime: MIME[format]!, path: out }, note: [`${format.toUpperCase()}`, ...done].join(', ') };
  },
};
