import type { Metadata } from 'sharp';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import type { Artifact } from '../../core/artifact.js';

/** Decompression-bomb guard: sharp refuses images with more pixels than this. */
export const MAX_PIXELS = 100_000_000;
const FORMATS_HINT = 'pass a valid PNG, JPEG, WebP, GIF or TIFF image';

// sharp (libvips) loads on first use: text-only runs never pay for it.
export async function loadSharp() {
  return (await import('sharp')).default;
}

/**
 * Checks an image input with sharp: an empty or corrupt file fails here with a message
 * naming the expert, instead of deep inside a program or a library.
 */
export async function inspectImage(input: Artifact | undefined, expert: string): Promise<{ path: string; meta: Metadata }> {
  if (!input?.path) throw new TroupeError(ErrorCode.InvalidPlan, `${expert}: no image input was given`);
  if ((await stat(input.path)).size === 0) throw new TroupeError(ErrorCode.InputEmpty, `${expert}: the image ${input.path} is empty (0 bytes)`, { hint: FORMATS_HINT });
  const sharp = await loadSharp();
  try {
    const meta = await sharp(input.path, { limitInputPixels: MAX_PIXELS }).metadata();
    if (!meta.width || !meta.height) throw new Error('no dimensions');
    return { path: input.path, meta };
  } catch (error) {
    throw new TroupeError(ErrorCode.InputCorrupt, `${expert}: ${input.path} is not a readable image (${(error as Error).message})`, { hint: FORMATS_HINT });
  }
}

/** Wraps a decode failure part-way through (a truncated file) in a clear error. */
export function decodeError(expert: string, path: string, error: unknown): TroupeError {
  return new TroupeError(ErrorCode.InputCorrupt, `${expert}: ${path} could not be decoded (${(error as Error).message})`, {
    hint: 'the file may be truncated; pass a complete image',
  });
}

/**
 * Writes a normalised grayscale PNG for programs that read files (tesseract). Only small
 * images are enlarged: on text that is already legible, a 2× enlargement made tesseract
 * misread "is" as "ts" on examples/sign.png.
 */
export async function prepareImage(input: Artifact | undefined, expert: string, scratchDir: string): Promise<{ path: string; width: number; height: number }> {
  const { path, meta } = await inspectImage(input, expert);
  const sharp = await loadSharp();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const out = join(scratchDir, 'input.png');
  try {
    let pipeline = sharp(path, { limitInputPixels: MAX_PIXELS }).rotate().flatten({ background: '#ffffff' }).grayscale();
    if (Math.max(width, height) < 500) pipeline = pipeline.resize({ width: width * 2 });
    await pipeline.png().toFile(out);
  } catch (error) {
    throw decodeError(expert, path, error);
  }
  return { path: out, width, height };
}
