import { ExpertEntrySchema, type Expert } from '../../core/expert.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { checkPrograms } from './debian-fix.js';
import { FFMPEG, ffmpeg, readVideo, seconds } from './ffmpeg.js';

const entry = ExpertEntrySchema.parse({
  id: 'local/ffmpeg-frame',
  name: 'FFmpeg frame and GIF',
  task: 'video-to-image',
  description: 'Takes a still frame of a video at a given second (PNG or JPEG; the middle by default), or makes an animated GIF of its first seconds (10 frames a second, 480 pixels wide; 10 seconds unless asked, at most 30), with FFmpeg.',
  usage: 'ffmpeg -ss 3 -i clip.mp4 -frames:v 1 frame.png',
  popularity: 50,
  ...FFMPEG,
});

const FORMATS = ['png', 'jpg', 'gif'] as const;
/** An animated GIF of a long video would be tens of megabytes: the first seconds stand for it, unless asked. */
const GIF_SECONDS = 10;

export const ffmpegFrame: Expert = {
  entry,
  check: () => checkPrograms(entry),
  async run(ctx) {
    const video = await readVideo(ctx.inputs.video, entry.id, ctx.signal);
    const format = String(ctx.params.format ?? 'png').toLowerCase().replace('jpeg', 'jpg');
    if (!(FORMATS as readonly string[]).includes(format)) throw new TroupeError(ErrorCode.UnsupportedFormat, `${entry.id}: cannot make a ${format}`, { hint: `choose one of ${FORMATS.join(', ')}` });
    const out = ctx.outputPath(format);
    if (format === 'gif') {
      const asked = ctx.params.duration !== undefined ? Number(ctx.params.duration) : GIF_SECONDS;
      if (!(asked > 0)) throw new TroupeError(ErrorCode.InvalidPlan, `${entry.id}: a GIF needs a length above 0 seconds`);
      const length = Math.min(video.duration || asked, asked, 30);
      // One palette for the whole animation: GIF's 256 colours chosen from the clip itself.
      const filter = 'fps=10,scale=480:-2:flags=lanczos,split[a][b];[a]palettegen=stats_mode=diff[p];[b][p]paletteuse';
      await ffmpeg(['-t', String(length), '-i', video.path, '-filter_complex', filter, '-loop', '0', out], entry.id, ctx.signal);
      return { output: { kind: 'image', mime: 'image/gif', path: out }, note: `an animated GIF of the first ${seconds(length)}` };
    }
    const at = ctx.params.at !== undefined ? Number(ctx.params.at) : video.duration / 2;
    if (!(at >= 0) || (video.duration && at > video.duration)) {
      throw new TroupeError(ErrorCode.InvalidPlan, `${entry.id}: there is no frame at ${seconds(at)}; the video lasts ${seconds(video.duration)}`, { hint: `choose a time between 0 and ${Math.floor(video.duration)} seconds` });
    }
    await ffmpeg(['-ss', String(at), '-i', video.path, '-frames:v', '1', ...(format === 'jpg' ? ['-q:v', '3'] : []), out], entry.id, ctx.signal);
    return { output: { kind: 'image', mime: format === 'jpg' ? 'image/jpeg' : 'image/png', path: out }, note: `the frame at ${seconds(at)} of ${seconds(video.duration)}` };
  },
};
