import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Artifact } from '../../core/artifact.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { requireProgram } from '../../test-support/programs.js';
import { runExpert } from '../../test-support/run-expert.js';
import { ffmpegAudioExtract } from './ffmpeg-audio-extract.js';
import { ffmpegFrame } from './ffmpeg-frame.js';
import { ffmpegScenes } from './ffmpeg-scenes.js';
import { ffmpegVideoTransform } from './ffmpeg-video-transform.js';
import { pocketsphinxAsr } from './pocketsphinx-asr.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../../test-fixtures/${name}`, import.meta.url));
const duration = (path: string) => Number(spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path], { encoding: 'utf8' }).stdout);
const streams = (path: string) => spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type', '-of', 'csv=p=0', path], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);

describe('FFmpeg video experts, on a video made here from two real photos and a real recording', { skip: requireProgram('ffmpeg') || requireProgram('ffprobe') }, () => {
  let clip: Artifact;
  let silent: Artifact;
  before(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'troupe-video-'));
    // Two seconds of the coffee photo, two of the astronaut (a cut at 2 s), the "go forward" recording as its sound.
    const make = (out: string, withSound: boolean) =>
      spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-loop', '1', '-t', '2', '-i', fixture('coffee.jpg'), '-loop', '1', '-t', '2', '-i', fixture('astronaut.jpg'), ...(withSound ? ['-i', fixture('goforward.wav')] : []), '-filter_complex', '[0:v]scale=320:240,setsar=1[a];[1:v]scale=320:240,setsar=1[b];[a][b]concat=n=2:v=1:a=0[v]', '-map', '[v]', ...(withSound ? ['-map', '2:a', '-c:a', 'aac'] : []), '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-r', '10', '-shortest', out]).status;
    assert.equal(make(join(dir, 'clip.mp4'), true), 0);
    assert.equal(make(join(dir, 'silent.mp4'), false), 0);
    clip = { kind: 'video', mime: 'video/mp4', path: join(dir, 'clip.mp4') };
    silent = { kind: 'video', mime: 'video/mp4', path: join(dir, 'silent.mp4') };
  });

  it('extracts the sound track, which speech recognition then reads', { skip: requireProgram('pocketsphinx_continuous') }, async () => {
    const { output, note } = await runExpert(ffmpegAudioExtract, { video: clip });
    assert.equal(output.mime, 'audio/wav');
    assert.equal((await readFile(output.path!)).subarray(0, 4).toString(), 'RIFF');
    assert.match(note!, /sound track, 4(\.\d)? s/);
    const heard = await runExpert(pocketsphinxAsr, { audio: output });
    assert.match(String(heard.output.value), /forward/i);
  });

  it('says a video without sound has nothing to hear, instead of an empty recording', async () => {
    await assert.rejects(runExpert(ffmpegAudioExtract, { video: silent }), (e) => TroupeError.is(e, ErrorCode.NothingFound) && /no sound track/.test(e.message));
  });

  it('takes the frame at a second (the astronaut after the cut), a thumbnail in the middle, and an animated GIF', async () => {
    const frame = await runExpert(ffmpegFrame, { video: clip }, { at: 3 });
    assert.equal((await readFile(frame.output.path!)).subarray(1, 4).toString(), 'PNG');
    assert.match(frame.note!, /frame at 3 s of 4(\.\d)? s/);
    const gif = await runExpert(ffmpegFrame, { video: clip }, { format: 'gif', duration: 3 });
    assert.equal((await readFile(gif.output.path!)).subarray(0, 6).toString(), 'GIF89a');
    assert.ok(Math.abs(duration(gif.output.path!) - 3) < 0.3, `a GIF of ${duration(gif.output.path!)} s`);
    await assert.rejects(runExpert(ffmpegFrame, { video: clip }, { at: 60 }), (e) => TroupeError.is(e, ErrorCode.InvalidPlan) && /lasts 4(\.\d)? s/.test(e.message));
  });

  it('cuts, mutes, speeds up and converts, each checked on the written file', async () => {
    const cut = await runExpert(ffmpegVideoTransform, { video: clip }, { operation: 'trim', duration: 1.5 });
    assert.ok(Math.abs(duration(cut.output.path!) - 1.5) < 0.25, `cut to ${duration(cut.output.path!)} s`);
    const muted = await runExpert(ffmpegVideoTransform, { video: clip }, { operation: 'mute' });
    assert.deepEqual(streams(muted.output.path!), ['video']);
    const fast = await runExpert(ffmpegVideoTransform, { video: clip }, { operation: 'speed', factor: 2 });
    assert.ok(Math.abs(duration(fast.output.path!) - 2) < 0.3, `twice as fast: ${duration(fast.output.path!)} s`);
    // Slowing down never speeds up: "slower" with no factor, or "two times slower", doubles the length (before: ×2 faster).
    for (const params of [{ operation: 'slower' }, { operation: 'slower', factor: 2 }]) {
      const slow = await runExpert(ffmpegVideoTransform, { video: clip }, params);
      assert.ok(Math.abs(duration(slow.output.path!) - 8) < 0.5, `half as fast: ${duration(slow.output.path!)} s`);
    }
    const webm = await runExpert(ffmpegVideoTransform, { video: clip }, { format: 'webm' });
    assert.equal(webm.output.mime, 'video/webm');
    assert.deepEqual([...(await readFile(webm.output.path!)).subarray(0, 4)], [0x1a, 0x45, 0xdf, 0xa3]);
    await assert.rejects(runExpert(ffmpegVideoTransform, { video: clip }, { format: 'avi' }), (e) => TroupeError.is(e, ErrorCode.UnsupportedFormat));
  });

  it('finds the cut between the two photos as two scenes, in words too, with a frame of each', async () => {
    const { output, extra } = await runExpert(ffmpegScenes, { video: clip });
    assert.equal(extra?.length, 2);
    for (const frame of extra!) assert.equal((await readFile(frame.path!)).subarray(1, 4).toString(), 'PNG');
    const { scenes } = output.value as { scenes: Array<{ start: number; end: number }> };
    assert.equal(scenes.length, 2);
    assert.ok(Math.abs(scenes[0]!.end - 2) <= 0.3, `cut at ${scenes[0]!.end}`);
    assert.match(output.words!, /^2 scenes: 0–2(\.\d+)? s, 2(\.\d+)?–4(\.\d+)? s$/);
  });

  it('refuses a file that is not a video, saying what to pass', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'troupe-video-bad-'));
    await writeFile(join(dir, 'fake.mp4'), Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(200, 3)]));
    await assert.rejects(runExpert(ffmpegScenes, { video: { kind: 'video', mime: 'video/mp4', path: join(dir, 'fake.mp4') } }), (e) => TroupeError.is(e, ErrorCode.InputCorrupt) && /not a readable video/.test(e.message));
  });
});
