import { readFile } from 'node:fs/promises';
import { ExpertEntrySchema, type Expert } from '../../core/expert.js';
import { checkPrograms } from './debian-fix.js';
import { decodeAudio } from './prepare-audio.js';
import { jsonOutput } from '../shared/write-output.js';
import { listed } from '../../text/counted.js';

const RATE = 16000;
const FRAME = 480; // 30 ms

const entry = ExpertEntrySchema.parse({
  id: 'local/energy-vad',
  name: 'Energy voice activity detector',
  task: 'voice-activity-detection',
  description: 'Finds the stretches of speech in a recording: 30 ms frames whose energy rises above a threshold adapted to the noise floor, with hangover and a minimum length. Times in seconds.',
  provider: { kind: 'local', program: 'sox' },
  resourceClass: 'speech',
  license: 'MIT',
  source: 'implemented in Troupe; decoding by sox (Debian sox)',
  usage: 'segments of speech: [{start, end}]',
  popularity: 40,
  requires: { debian: ['sox'], commands: ['sox'] },
});

export interface Segment {
  start: number;
  end: number;
}

/**
 * Speech segments of 16 kHz mono PCM. The threshold sits between the noise floor (10th
 * percentile of frame energy) and the loud frames (90th), at least 12 dB over the floor,
 * so a quiet room and a noisy one both work.
 */
export function detectSpeech(pcm: Int16Array, options: { minSpeech?: number; hangover?: number } = {}): Segment[] {
  const frames = Math.floor(pcm.length / FRAME);
  const db: number[] = [];
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let i = f * FRAME; i < (f + 1) * FRAME; i++) sum += pcm[i]! * pcm[i]!;
    db.push(10 * Math.log10(sum / FRAME + 1));
  }
  if (frames === 0) return [];
  const sorted = [...db].sort((a, b) => a - b);
  const floor = sorted[Math.floor(frames * 0.1)]!;
  const loud = sorted[Math.floor(frames * 0.9)]!;
  const threshold = Math.max(floor + 12, floor + (loud - floor) * 0.35);
  const hangover = Math.round((options.hangover ?? 0.2) / 0.03);
  const minFrames = Math.round((options.minSpeech ?? 0.15) / 0.03);
  const segments: Segment[] = [];
  let start = -1;
  let quiet = 0;
  for (let f = 0; f <= frames; f++) {
    const voiced = f < frames && db[f]! > threshold;
    if (voiced) {
      if (start < 0) start = f;
      quiet = 0;
    } else if (start >= 0 && (++quiet > hangover || f === frames)) {
      const end = f - quiet + 1;
      if (end - start >= minFrames) segments.push({ start: round(start * 0.03), end: round(end * 0.03) });
      start = -1;
      quiet = 0;
    }
  }
  return segments;
}

const round = (x: number) => Math.round(x * 100) / 100;

export const energyVad: Expert = {
  entry,
  check: () => checkPrograms(entry),
  async run(ctx) {
    const raw = await decodeAudio(ctx.inputs.audio, entry.id, ctx.scratchDir, { rate: RATE, channels: 1, raw: true, signal: ctx.signal });
    const bytes = await readFile(raw);
    const pcm = new Int16Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.length / 2));
    const segments = detectSpeech(pcm);
    const duration = round(pcm.length / RATE);
    const speech = round(segments.reduce((s, x) => s + x.end - x.start, 0));
    // The times themselves, which are what "when does someone talk" asks for.
    const spans = segments.slice(0, 8).map((g) => `${g.start}–${g.end} s`);
    const note = segments.length ? `speech at ${spans.join(', ')}${segments.length > 8 ? `, … (${segments.length} segments)` : ''}; ${speech} s of ${duration} s` : `no speech in ${duration} s`;
    const words = segments.length ? `Someone speaks ${listed(segments.slice(0, 8).map((g) => `from ${g.start} to ${g.end} seconds`))}.` : 'No one speaks in this recording.';
    return jsonOutput(ctx, { duration, speech, segments }, note, words);
  },
};
