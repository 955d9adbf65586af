import { ExpertEntrySchema, type Expert } from '../../core/expert.js';
import { checkPrograms } from './debian-fix.js';
import { FFMPEG, ffmpeg, readVideo, seconds } from './ffmpeg.js';
import { runProgram } from './run-program.js';
import { jsonOutput } from '../shared/write-output.js';

/** Frames of scene changes kept at most: a long film's hundreds of cuts are in the JSON. */
const MAX_FRAMES = 12;

const entry = ExpertEntrySchema.parse({
  id: 'local/ffmpeg-scenes',
  name: 'FFmpeg scene detection',
  task: 'scene-detection',
  description: "Finds a video's scenes with FFmpeg's scene-change score: a cut wherever two frames differ by more than the threshold (0.3 by default), as time segments, with a still frame of each scene's start (at most 12).",
  usage: "ffmpeg -i clip.mp4 -vf \"select='gt(scene,0.3)',showinfo\" -f null -",
  popularity: 50,
  ...FFMPEG,
});

export const ffmpegScenes: Expert = {
  entry,
  check: () => checkPrograms(entry),
  async run(ctx) {
    const video = await readVideo(ctx.inputs.video, entry.id, ctx.signal);
    const threshold = Math.min(0.95, Math.max(0.05, Number(ctx.params.threshold ?? 0.3)));
    // showinfo prints each selected frame's time on stderr; nothing is written.
    const { stderr } = await runProgram('ffmpeg', ['-hide_banner', '-nostdin', '-i', video.path, '-an', '-vf', `select='gt(scene,${threshold})',showinfo`, '-f', 'null', '-'], { expert: entry.id, signal: ctx.signal });
    const cuts = [...stderr.matchAll(/pts_time:([\d.]+)/g)].map((m) => Number(m[1])).filter((t) => t > 0 && t < video.duration);
    const bounds = [0, ...cuts, video.duration];
    const scenes = bounds.slice(1).map((end, i) => ({ start: Math.round(bounds[i]! * 100) / 100, end: Math.round(end * 100) / 100 }));
    const words = scenes.length === 1 ? `one scene of ${seconds(video.duration)}, no cut` : `${scenes.length} scenes: ${scenes.map((s) => `${s.start}–${s.end} s`).join(', ')}`;
    const result = await jsonOutput(ctx, { duration: Math.round(video.duration * 100) / 100, threshold, scenes }, words);
    // A frame at each scene change (a little after the cut, where the new picture has settled), for a person to see the scenes.
    const frames = [];
    for (const [i, scene] of scenes.slice(0, MAX_FRAMES).entries()) {
      const path = ctx.outputPath(`scene${i + 1}.png`);
      await ffmpeg(['-ss', String(Math.min(scene.start + 0.1, scene.end)), '-i', video.path, '-frames:v', '1', path], entry.id, ctx.signal);
      frames.push({ kind: 'image' as const, mime: 'image/png', path });
    }
    return { ...result, extra: frames };
  },
};
