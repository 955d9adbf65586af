import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { EXAMPLE_SIGN, runExpert } from '../../test-support/run-expert.js';
import { sharpImageTransform } from './sharp-image-transform.js';

const sign = { kind: 'image' as const, mime: 'image/png', path: EXAMPLE_SIGN };

describe('sharp image transforms', () => {
  it('makes a colour image grayscale', async () => {
    const { output, note } = await runExpert(sharpImageTransform, { image: sign }, { operation: 'grayscale' });
    const stats = await sharp(output.path!).stats();
    // Grayscale output: the colour channels are identical (alpha, if any, aside).
    const colour = stats.channels.slice(0, 3);
    assert.ok(colour.every((c) => c.mean === colour[0]!.mean), JSON.stringify(colour.map((c) => c.mean)));
    const before = (await sharp(EXAMPLE_SIGN).stats()).channels.slice(0, 3);
    assert.notEqual(before[0]!.mean, before[1]!.mean, 'the example is in colour to begin with');
    assert.match(note!, /grayscale, 900×340 PNG/);
  });

  it('rotates by the angle given, swapping width and height at 90°', async () => {
    const { output } = await runExpert(sharpImageTransform, { image: sign }, { operation: 'rotate', angle: 90 });
    const meta = await sharp(output.path!).metadata();
    assert.deepEqual([meta.width, meta.height], [340, 900]);
  });

  it('goes the way asked: to the left is anticlockwise, smaller halves, larger doubles, brighter is brighter', async () => {
    const run = (params: Record<string, unknown>) => runExpert(sharpImageTransform, { image: sign }, params);
    // A marker in the top-left corner ends up bottom-left after turning left, top-right after turning right.
    const marked = join(await mkdtemp(join(tmpdir(), 'troupe-sharp-')), 'marked.png');
    await sharp({ create: { width: 40, height: 20, channels: 3, background: '#ffffff' } }).composite([{ input: { create: { width: 10, height: 10, channels: 3, background: '#000000' } }, left: 0, top: 0 }]).png().toFile(marked);
    const darkAt = async (path: string, x: number, y: number) => (await sharp(path).extract({ left: x, top: y, width: 1, height: 1 }).raw().toBuffer())[0]! < 128;
    const left = await runExpert(sharpImageTransform, { image: { kind: 'image', mime: 'image/png', path: marked } }, { operation: 'rotate-left' });
    assert.equal(await darkAt(left.output.path!, 2, 37), true, 'turned left: the corner goes to the bottom left');
    const right = await runExpert(sharpImageTransform, { image: { kind: 'image', mime: 'image/png', path: marked } }, { operation: 'rotate' });
    assert.equal(await darkAt(right.output.path!, 17, 2), true, 'turned right: the corner goes to the top right');
    assert.equal((await sharp((await run({ operation: 'smaller' })).output.path!).metadata()).width, 450);
    assert.equal((await sharp((await run({ operation: 'larger' })).output.path!).metadata()).width, 1800);
    // "shrink it to 200 %" still shrinks: the direction asked wins over a number read the other way.
    assert.equal((await sharp((await run({ operation: 'smaller', scale: 200 })).output.path!).metadata()).width, 450);
    const mean = async (path: string) => (await sharp(path).stats()).channels.slice(0, 3).reduce((a, c) => a + c.mean, 0);
    const original = await mean(EXAMPLE_SIGN);
    assert.ok((await mean((await run({ operation: 'brighten' })).output.path!)) > original);
    assert.ok((await mean((await run({ operation: 'darken' })).output.path!)) < original);
  });

  it('resizes by width or percentage, and converts format', async () => {
    const byWidth = await runExpert(sharpImageTransform, { image: sign }, { operation: 'resize', width: 450 });
    assert.equal((await sharp(byWidth.output.path!).metadata()).width, 450);
    const byScale = await runExpert(sharpImageTransform, { image: sign }, { operation: 'resize', scale: 50, format: 'webp' });
    const meta = await sharp(byScale.output.path!).metadata();
    assert.deepEqual([meta.format, meta.width], ['webp', 450]);
    assert.equal(byScale.output.mime, 'image/webp');
  });

  it('writes JPEG when asked for jpg, and says plainly that a format it cannot write is not supported', async () => {
    const jpg = await runExpert(sharpImageTransform, { image: sign }, { operation: 'convert', format: 'jpg' });
    assert.equal((await sharp(jpg.output.path!).metadata()).format, 'jpeg');
    assert.match(jpg.output.path!, /\.jpg$/);
    await assert.rejects(runExpert(sharpImageTransform, { image: sign }, { operation: 'convert', format: 'bmp' }), (e) => TroupeError.is(e, ErrorCode.UnsupportedFormat) && /cannot write BMP/.test(e.message));
  });

  it('crops to the size asked around the centre', async () => {
    const { output } = await runExpert(sharpImageTransform, { image: sign }, { operation: 'crop', width: 300, height: 200 });
    const meta = await sharp(output.path!).metadata();
    assert.deepEqual([meta.width, meta.height], [300, 200]);
  });

  it('fails clearly on an empty or corrupt image and on a bad parameter', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'troupe-img-'));
    await writeFile(join(dir, 'empty.png'), '');
    await writeFile(join(dir, 'junk.png'), 'this is not an image at all');
    const at = (p: string) => ({ kind: 'image' as const, mime: 'image/png', path: join(dir, p) });
    await assert.rejects(runExpert(sharpImageTransform, { image: at('empty.png') }, { operation: 'blur' }), (e) => TroupeError.is(e, ErrorCode.InputEmpty));
    await assert.rejects(runExpert(sharpImageTransform, { image: at('junk.png') }, { operation: 'blur' }), (e) => TroupeError.is(e, ErrorCode.InputCorrupt) && /sharp-image-transform/.test(e.message));
    await assert.rejects(runExpert(sharpImageTransform, { image: sign }, { operation: 'rotate', angle: 9000 }), /angle must be a number from -360 to 360/);
    await assert.rejects(runExpert(sharpImageTransform, { image: sign }, { operation: 'resize' }), /resize needs a width/);
  });
});
