import { stat } from 'node:fs/promises';
import type { Artifact } from '../../core/artifact.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { runProgram } from './run-program.js';

/** What every ffmpeg expert documents about where it comes from. */
export const FFMPEG = {
  provider: { kind: 'local' as const, program: 'ffmpeg' },
  resourceClass: 'vision' as const,
  license: 'LGPL-2.1+ / GPL-2+ (FFmpeg as Debian builds it)',
  source: 'https://ffmpeg.org (Debian ffmpeg)',
  requires: { debian: ['ffmpeg'], commands: ['ffmpeg', 'ffprobe'] },
};

export interface VideoInfo {
  path: string;
  duration: number;
  hasVideo: boolean;
  hasAudio: boolean;
}

/** The video input, checked and measured: a missing, empty or unreadable file is the input's fault, said plainly. */
export async function readVideo(input: Artifact | undefined, expert: string, signal: AbortSignal): Promise<VideoInfo> {
  if (!input?.path) throw new TroupeError(ErrorCode.InvalidPlan, `${expert}: no video input was given`);
  if ((await stat(input.path)).size === 0) throw new TroupeError(ErrorCode.InputEmpty, `${expert}: the video ${input.path} is empty (0 bytes)`);
  let out: string;
  try {
    ({ stdout: out } = await runProgram('ffprobe', ['-v', 'error', '-show_entries', 'format=duration:stream=codec_type', '-of', 'json', input.path], { expert, signal }));
  } catch (error) {
    if (TroupeError.is(error, ErrorCode.ExpertFailed)) throw new TroupeError(ErrorCode.InputCorrupt, `${expert}: ${input.path} is not a readable video`, { hint: 'pass an MP4, WebM, MOV, MKV or AVI video' });
    throw error;
  }
  const info = JSON.parse(out) as { format?: { duration?: string }; streams?: Array<{ codec_type?: string }> };
  const kinds = new Set((info.streams ?? []).map((s) => s.codec_type));
  if (!kinds.has('video')) throw new TroupeError(ErrorCode.InputCorrupt, `${expert}: ${input.path} has no picture (no video stream)`, { hint: 'pass a video; a recording alone is audio' });
  return { path: input.path, duration: Number(info.format?.duration ?? 0), hasVideo: true, hasAudio: kinds.has('audio') };
}

/** ffmpeg, quiet but for errors, overwriting its output; its failure on the input is the input's. */
export async function ffmpeg(args: string[], expert: string, signal: AbortSignal): Promise<string> {
  try {
    return (await runProgram('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args], { expert, signal })).stderr;
  } catch (error) {
    if (TroupeError.is(error, ErrorCode.ExpertFailed)) throw new TroupeError(ErrorCode.InputCorrupt, `${expert}: ffmpeg could not read or write the video (${error.message.replace(/^.*?failed: /, '').slice(0, 300)})`, { hint: 'pass an intact MP4, WebM, MOV, MKV or AVI video' });
    throw error;
  }
}

/** Seconds as people read them: "2.5 s". */
export const seconds = (s: number) => `${Math.round(s * 10) / 10} s`;
