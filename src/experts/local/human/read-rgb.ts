import { decodeError, inspectImage, loadSharp, MAX_PIXELS } from '../prepare-image.js';
import type { Artifact } from '../../../core/artifact.js';

/** Largest side fed to the detectors; larger photos are scaled down (the models work at ≤ 512 px anyway). */
const MAX_SIDE = 1600;

/** Decodes an image input to RGB pixels (EXIF orientation applied), checking it first. */
export async function readRgb(input: Artifact | undefined, expert: string) {
  const { path } = await inspectImage(input, expert);
  const sharp = await loadSharp();
  try {
    const { data, info } = await sharp(path, { limitInputPixels: MAX_PIXELS })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { path, data, width: info.width, height: info.height };
  } catch (error) {
    throw decodeError(expert, path, error);
  }
}
