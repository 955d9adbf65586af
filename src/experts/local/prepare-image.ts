import type { Metadata } from 'sharp';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCode, TroupeError } from '../../errors.js';
import type { Artifact } from '../../execute/artifact.js';

const MAX_PIXELS = 100_000_000;

/**
 * Checks an image input with sharp and writes a normalised PNG for programs that read
 * files: an empty or corrupt file fails here with a clear message instead of deep inside
 * the program. Only small images are enlarged: on text that is already legible, a 2×
 * enlargement made tesseract misread "is" as "ts" on examples/sign.png.
 */
export async function prepareImage(input: Artifact | undefined, expert: string, scratchDir: string): Promise<{ path: string; width: number; height: number }> {
  if (!input?.path) throw new TroupeError(ErrorCode.InvalidPlan, `${expert}: no image input was given`);
  const size = (await stat(input.path)).size;
  const { default: sharp } = await import('sharp'); // loaded on first use: text-only runs never pay for libvips
  if (size === 0) throw new TroupeError(ErrorCode.InputEmpty, `${expert}: the image ${input.path} is empty (0 bytes)`, { hint: 'pass a PNG, JPEG, WebP, GIF or TIFF image' });
  let meta: Metadata;
  try {
    meta = await sharp(input.path, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch (error) {
    throw new TroupeError(ErrorCode.InputCorrupt, `${expert}: ${input.path} is not a readable image (${(error as Error).message})`, {
      hint: 'pass a valid PNG, JPEG, WebP, GIF or TIFF image',
    });
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const out = join(scratchDir, 'input.png');
  try {
    let pipeline = sharp(input.path, { limitInputPixels: MAX_PIXELS }).rotate().flatten({ background: '#ffffff' }).grayscale();
    if (Math.max(width, height) < 500) pipeline = pipeline.resize({ width: width * 2 });
    await pipeline.png().toFile(out);
  } catch (error) {
    throw new TroupeError(ErrorCode.InputCorrupt, `${expert}: ${input.path} could not be decoded (${(error as Error).message})`, {
      hint: 'the file may be truncated; pass a complete image',
    });
  }
  return { path: out, width, height };
}
