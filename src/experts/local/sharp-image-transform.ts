import { ExpertEntrySchema, type Expert } from '../../core/expert.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { decodeError, inspectImage, loadSharp, MAX_PIXELS } from './prepare-image.js';

const entry = ExpertEntrySchema.parse({
  id: 'local/sharp-image-transform',
  name: 'sharp image transforms',
  task: 'image-to-image',
  description: 'Grayscale, rotate (either way), flip, mirror, blur, sharpen, brighten or darken, resize (or simply smaller or larger), crop, invert and format conversion of images with sharp (libvips); offline, fast.',
  provider: { kind: 'local' },
  resourceClass: 'vision',
  license: 'Apache-2.0',
  source: 'https://sharp.pixelplumbing.com (npm sharp)',
  usage: "sharp('in.png').grayscale().toFile('out.png')",
  popularity: 90,
});

const OUTPUT_FORMATS = ['png', 'jpeg', 'webp', 'gif', 'tiff'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];
const EXTENSION: Record<OutputFormat, string> = { png: 'png', jpeg: 'jpg', webp: 'webp', gif: 'gif', tiff: 'tiff' };

function num(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new TroupeError(ErrorCode.InvalidPlan, `${entry.id}: ${name} must be a number from ${min} to ${max}, not ${String(value)}`);
  }
  return n;
}

export const sharpImageTransform: Expert = {
  entry,
  async check() {
    try {
      await loadSharp();
      return { runnable: true };
    } catch (error) {
      return { runnable: false, reason: `sharp cannot load: ${(error as Error).message}`, fix: 'npm ci' };
    }
  },
  async run(ctx) {
    const { path, meta } = await inspectImage(ctx.inputs.image, entry.id);
    const sharp = await loadSharp();
    const op = String(ctx.params.operation ?? 'convert');
    const width = num(ctx.params.width, 'width', 1, 20_000);
    const height = num(ctx.params.height, 'height', 1, 20_000);
    const requested = typeof ctx.params.format === 'string' ? ctx.params.format.toLowerCase().replace('jpg', 'jpeg') : undefined;
    if (requested !== undefined && !(OUTPUT_FORMATS as readonly string[]).includes(requested)) {
      throw new TroupeError(ErrorCode.UnsupportedFormat, `${entry.id}: cannot write ${requested.toUpperCase()} images`, { hint: `ask for one of ${OUTPUT_FORMATS.map((f) => f.toUpperCase()).join(', ')}` });
    }
    const format: OutputFormat = (OUTPUT_FORMATS as readonly string[]).includes(requested ?? '')
      ? (requested as OutputFormat)
      : (OUTPUT_FORMATS as readonly string[]).includes(meta.format ?? '') ? (meta.format as OutputFormat) : 'png';

    let image = sharp(path, { limitInputPixels: MAX_PIXELS, animated: false }).rotate(); // .rotate() first: honour EXIF orientation
    let done: string;
    switch (op) {
      case 'grayscale':
        image = image.grayscale();
        done = 'converted to grayscale';
        break;
      case 'rotate':
      case 'rotate-left': {
        // To the left is anticlockwise, whatever sign the angle was given with.
        const given = num(ctx.params.angle, 'angle', -360, 360) ?? 90;
        const angle = op === 'rotate-left' ? -Math.abs(given) : given;
        image = sharp(await image.toBuffer()).rotate(angle, { background: '#ffffff' });
        done = `rotated ${angle}°`;
        break;
      }
      case 'flip':
        image = image.flip();
        done = 'flipped upside down';
        break;
      case 'mirror':
        image = image.flop();
        done = 'mirrored left to right';
        break;
      case 'blur': {
        const sigma = num(ctx.params.sigma, 'sigma', 0.3, 1000) ?? 4;
        image = image.blur(sigma);
        done = `blurred (sigma ${sigma})`;
        break;
      }
      case 'sharpen':
        image = image.sharpen();
        done = 'sharpened';
        break;
      case 'invert':
        image = image.negate({ alpha: false });
        done = 'colours inverted';
        break;
      case 'brighten':
      case 'darken': {
        const brightness = op === 'brighten' ? 1.3 : 0.7;
        image = image.modulate({ brightness });
        done = op === 'brighten' ? 'brightened (×1.3)' : 'darkened (×0.7)';
        break;
      }
      case 'resize':
      case 'smaller':
      case 'larger': {
        // Smaller or larger with no size said: half or twice the size; a percentage said goes the way asked.
        const given = num(ctx.params.scale, 'scale', 1, 1000);
        const scale = op === 'smaller' ? Math.min(given ?? 50, 10_000 / (given ?? 50)) : op === 'larger' ? Math.max(given ?? 200, 10_000 / (given ?? 200)) : given;
        const w = width ?? (scale && !height ? Math.round(((meta.width ?? 0) * scale) / 100) : undefined);
        if (!w && !height) throw new TroupeError(ErrorCode.InvalidPlan, `${entry.id}: resize needs a width, a height or a scale`, { hint: 'say e.g. "resize it to 400 pixels wide" or "to 50%"' });
        image = image.resize({ ...(w ? { width: w } : {}), ...(height ? { height } : {}), fit: 'inside' });
        done = `resized to fit ${w ?? '…'}×${height ?? '…'}`;
        break;
      }
      case 'crop': {
        const side = Math.min(meta.width ?? 0, meta.height ?? 0);
        const w = Math.min(width ?? side, meta.width ?? 0);
        const h = Math.min(height ?? (width ? width : side), meta.height ?? 0);
        image = image.resize({ width: w, height: h, fit: 'cover', position: 'centre' });
        done = `cropped to ${w}×${h} around the centre`;
        break;
      }
      case 'convert':
        done = `converted to ${format.toUpperCase()}`;
        break;
      default:
        throw new TroupeError(ErrorCode.InvalidPlan, `${entry.id}: unknown operation "${op}"`, { hint: 'one of grayscale, rotate, rotate-left, flip, mirror, blur, sharpen, brighten, darken, resize, smaller, larger, crop, invert, convert' });
    }
    const out = ctx.outputPath(EXTENSION[format]);
    let info;
    try {
      info = await image.toFormat(format).toFile(out);
    } catch (error) {
      throw decodeError(entry.id, path, error);
    }
    return {
      output: { kind: 'image', mime: `image/${format}`, path: out },
      note: `${done}, ${info.width}×${info.height} ${format.toUpperCase()}`,
    };
  },
};
