import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import type { Artifact } from '../../core/artifact.js';
import { runProgram } from './run-program.js';

const FORMATS_HINT = 'pass a WAV, FLAC, OGG or MP3 recording';

/**
 * Decodes any recording sox can read into 16-bit PCM at the rate and channel count a
 * program needs (pocketsphinx: 16 kHz mono), as WAV or raw. An empty or undecodable file
 * fails here, naming the expert.
 */
export async function decodeAudio(
  input: Artifact | undefined,
  expert: string,
  scratchDir: string,
  options: { rate?: number; channels?: number; raw?: boolean; signal?: AbortSignal } = {},
): Promise<string> {
  if (!input?.path) throw new TroupeError(ErrorCode.InvalidPlan, `${expert}: no audio input was given`);
  if ((await stat(input.path)).size === 0) throw new TroupeError(ErrorCode.InputEmpty, `${expert}: the recording ${input.path} is empty (0 bytes)`, { hint: FORMATS_HINT });
  const out = join(scratchDir, options.raw ? 'audio.raw' : 'audio.wav');
  const format = options.raw ? ['-t', 'raw', '-e', 'signed-integer', '-b', '16', '-L'] : ['-t', 'wav', '-e', 'signed-integer', '-b', '16'];
  try {
    await runProgram('sox', ['-V1', input.path, ...format, out, 'rate', String(options.rate ?? 16000), 'channels', String(options.channels ?? 1)], {
      expert,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (TroupeError.is(error, ErrorCode.ExpertFailed) && !/not installed/.test(error.message)) {
      throw new TroupeError(ErrorCode.InputCorrupt, `${expert}: ${input.path} is not a readable recording (${error.message.replace(/^.*?sox failed: /, '')})`, { hint: FORMATS_HINT });
    }
    throw error;
  }
  return out;
}

/** Seconds of 16-bit PCM in a WAV written by sox (44-byte header). */
export function wavSeconds(bytes: number, rate: number, channels = 1): number {
  return Math.max(0, bytes - 44) / (rate * channels * 2);
}
