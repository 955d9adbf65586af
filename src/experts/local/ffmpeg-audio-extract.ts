import { ExpertEntrySchema, type Expert } from '../../core/expert.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { checkPrograms } from './debian-fix.js';
import { FFMPEG, ffmpeg, readVideo, seconds } from './ffmpeg.js';

const entry = ExpertEntrySchema.parse({
  id: 'local/ffmpeg-audio-extract',
  name: 'FFmpeg sound track extraction',
  task: 'video-to-audio',
  description: 'Extracts the sound track of a video (MP4, WebM, MOV, MKV, AVI) as a 16 kHz mono WAV recording with FFmpeg: what speech recognition reads.',
  usage: 'ffmpeg -i clip.mp4 -vn -ac 1 -ar 16000 clip.wav',
  popularity: 50,
  ...FFMPEG,
});

export const ffmpegAudioExtract: Expert = {
  entry,
  check: () => checkPrograms(entry),
  async run(ctx) {
    const video = await readVideo(ctx.inputs.video, entry.id, ctx.signal);
    // A silent video has no words to find: said, not answered with an empty recording.
    if (!video.hasAudio) throw new TroupeError(ErrorCode.NothingFound, `${entry.id}: the video has no sound track`, { hint: 'nothing in it can be heard or transcribed' });
    const out = ctx.outputPath('wav');
    await ffmpeg(['-i', video.path, '-vn', '-ac', '1', '-ar', '16000', '-c:a', 'pcm_s16le', out], entry.id, ctx.signal);
    return { output: { kind: 'audio', mime: 'audio/wav', path: out }, note: `the sound track, ${seconds(video.duration)} (16 kHz mono WAV)` };
  },
};
