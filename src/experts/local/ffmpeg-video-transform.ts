import { ExpertEntrySchema, type Expert } from '../../core/expert.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { checkPrograms } from './debian-fix.js';
import { FFMPEG, ffmpeg, readVideo, seconds } from './ffmpeg.js';
import { speedFactor } from '../shared/speed-factor.js';

const entry = ExpertEntrySchema.parse({
  id: 'local/ffmpeg-video-transform',
  name: 'FFmpeg video editing',
  task: 'video-to-video',
  description: 'Edits videos with FFmpeg: cut to a part (from a second, for a length), converted to MP4 (H.264) or WebM (VP9), muted, or played faster or slower (0.25 to 4 times, the sound kept in step).',
  usage: 'ffmpeg -ss 2 -t 5 -i clip.mp4 part.mp4',
  popularity: 50,
  ...FFMPEG,
});

const FORMATS = { mp4: { mime: 'video/mp4', codecs: ['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-c:a', 'aac'] }, webm: { mime: 'video/webm', codecs: ['-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-c:a', 'libopus'] } } as const;

/** atempo takes 0.5 to 2 per stage: a factor outside is a chain of them. */
function atempo(factor: number): string {
  const stages: number[] = [];
  let left = factor;
  while (left > 2) (stages.push(2), (left /= 2));
  while (left < 0.5) (stages.push(0.5), (left /= 0.5));
  stages.push(left);
  return stages.map((s) => `atempo=${s}`).join(',');
}

export const ffmpegVideoTransform: Expert = {
  entry,
  check: () => checkPrograms(entry),
  async run(ctx) {
    const video = await readVideo(ctx.inputs.video, entry.id, ctx.signal);
    const format = String(ctx.params.format ?? 'mp4').toLowerCase() as keyof typeof FORMATS;
    if (!(format in FORMATS)) throw new TroupeError(ErrorCode.UnsupportedFormat, `${entry.id}: cannot write ${format}`, { hint: 'choose mp4 or webm' });
    const op = String(ctx.params.operation ?? 'convert');
    const before: string[] = [];
    const after: string[] = [];
    const done: string[] = [format.toUpperCase()];
    if (op === 'trim' || ctx.params.start !== undefined || ctx.params.duration !== undefined) {
      const start = Number(ctx.params.start ?? 0);
      const length = ctx.params.duration !== undefined ? Number(ctx.params.duration) : undefined;
      if (start >= video.duration) throw new TroupeError(ErrorCode.InvalidPlan, `${entry.id}: the video lasts ${seconds(video.duration)}, so it cannot start at ${seconds(start)}`);
      before.push('-ss', String(start));
      if (length !== undefined) after.push('-t', String(length));
      done.push(`${seconds(start)} to ${seconds(length !== undefined ? Math.min(video.duration, start + length) : video.duration)}`);
    }
    if (op === 'mute') (after.push('-an'), done.push('muted'));
    if (op === 'speed' || op === 'faster' || op === 'slower') {
      const factor = Math.round(speedFactor(op, ctx.params.factor, 2, entry.id) * 1000) / 1000;
      if (!(factor >= 0.25 && factor <= 4)) throw new TroupeError(ErrorCode.InvalidPlan, `${entry.id}: the speed factor must be between 0.25 and 4`);
      after.push('-filter:v', `setpts=PTS/${factor}`, ...(video.hasAudio ? ['-filter:a', atempo(factor)] : []));
      done.push(`×${factor} speed`);
    }
    const out = ctx.outputPath(format);
    await ffmpeg([...before, '-i', video.path, ...after, ...FORMATS[format].codecs, out], entry.id, ctx.signal);
    return { output: { kind: 'video', mime: FORMATS[format].mime, path: out }, note: done.join(', ') };
  },
};
