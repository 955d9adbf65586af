import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { Artifact } from '../../../core/artifact.js';
import { ErrorCode, TroupeError } from '../../../core/errors.js';
import { runExpert } from '../../../test-support/run-expert.js';
import { humanFaceAnalysis, humanObjectDetection, humanPoseEstimation } from './human-experts.js';

const photo = (name: string): Artifact => ({ kind: 'image', mime: 'image/jpeg', path: fileURLToPath(new URL(`../../../../test-fixtures/${name}`, import.meta.url)) });
const ASTRONAUT = photo('astronaut.jpg');
const COFFEE = photo('coffee.jpg');

describe('Human vision experts on the tfjs WASM backend (models from the npm package)', () => {
  it('all three report runnable', async () => {
    for (const e of [humanObjectDetection, humanFaceAnalysis, humanPoseEstimation]) assert.deepEqual(await e.check(), { runnable: true });
  });

  it('finds the one face on the astronaut portrait, with age, gender and emotion, and draws it', async () => {
    const r = await runExpert(humanFaceAnalysis, { image: ASTRONAUT });
    const { faces } = r.output.value as { faces: Array<{ box: number[]; age: number; gender: string; emotion: string }> };
    assert.equal(faces.length, 1);
    const [x, y, w, h] = faces[0]!.box as [number, number, number, number];
    // The face is in the upper middle of the 512×512 portrait.
    assert.ok(x > 100 && x + w < 350 && y > 20 && y + h < 260, JSON.stringify(faces[0]));
    assert.ok(faces[0]!.age > 15 && faces[0]!.age < 60);
    assert.ok(['female', 'male'].includes(faces[0]!.gender));
    assert.equal(typeof faces[0]!.emotion, 'string');
    const drawn = r.extra![0]!;
    assert.equal(drawn.mime, 'image/png');
    const meta = await sharp(drawn.path!).metadata();
    assert.deepEqual([meta.width, meta.height], [512, 512]);
  });

  it('finds every face and person on a wide photo of three people side by side (1536×512), each once', async () => {
    const portrait = await readFile(ASTRONAUT.path!);
    const wide = await sharp({ create: { width: 1536, height: 512, channels: 3, background: '#808080' } })
      .composite([0, 512, 1024].map((left) => ({ input: portrait, left, top: 0 })))
      .jpeg()
      .toBuffer();
    const dir = await mkdtemp(join(tmpdir(), 'troupe-wide-'));
    const path = join(dir, 'three.jpg');
    await writeFile(path, wide);
    const image: Artifact = { kind: 'image', mime: 'image/jpeg', path };
    const { faces } = (await runExpert(humanFaceAnalysis, { image })).output.value as { faces: Array<{ box: number[] }> };
    assert.equal(faces.length, 3, JSON.stringify(faces.map((f) => f.box)));
    const lefts = faces.map((f) => f.box[0]!).sort((a, b) => a - b);
    assert.ok(lefts[0]! < 512 && lefts[1]! > 512 && lefts[1]! < 1024 && lefts[2]! > 1024, `one face in each third: ${lefts.join(', ')}`);
    const { objects } = (await runExpert(humanObjectDetection, { image })).output.value as { objects: Array<{ label: string }> };
    assert.equal(objects.filter((o) => o.label === 'person').length, 3, JSON.stringify(objects));
  });

  it('detects the person in the portrait and the cup on the coffee photo', async () => {
    const people = await runExpert(humanObjectDetection, { image: ASTRONAUT });
    assert.ok((people.output.value as { objects: Array<{ label: string }> }).objects.some((o) => o.label === 'person'), people.note);
    const cup = await runExpert(humanObjectDetection, { image: COFFEE });
    assert.ok((cup.output.value as { objects: Array<{ label: string }> }).objects.some((o) => o.label === 'cup'), cup.note);
  });

  it('puts the object asked about first, and says plainly when there is none', async () => {
    const cup = await runExpert(humanObjectDetection, { image: COFFEE }, { find: 'cup' });
    const value = cup.output.value as { find: string; found: number };
    assert.equal(value.find, 'cup');
    assert.ok(value.found >= 1, cup.note);
    assert.match(cup.output.words ?? '', /^I see (a|\d+) cups?\b/);
    // None found is said, with what was seen instead (before: the cup alone, as if it answered "find the cat").
    const cat = await runExpert(humanObjectDetection, { image: COFFEE }, { find: 'cat' });
    assert.equal((cat.output.value as { found: number }).found, 0);
    assert.match(cat.note ?? '', /^no cat found; .*cup/);
    assert.match(cat.output.words ?? '', /^I see no cat, but .*cup/);
  });

  it('estimates a pose with the head keypoints on the face', async () => {
    const r = await runExpert(humanPoseEstimation, { image: ASTRONAUT });
    const { people } = r.output.value as { people: Array<{ keypoints: Array<{ part: string; x: number; y: number }> }> };
    assert.equal(people.length, 1);
    const nose = people[0]!.keypoints.find((k) => k.part === 'nose');
    assert.ok(nose && nose.x > 150 && nose.x < 300 && nose.y > 50 && nose.y < 200, JSON.stringify(nose));
  });

  it('finds no pose on a photo with nobody in it, rather than a person made of noise', async () => {
    const none = await runExpert(humanPoseEstimation, { image: COFFEE });
    assert.deepEqual((none.output.value as { people: unknown[] }).people, []);
    assert.equal(none.note, 'no person found');
  });

  it('finds no faces on a photo without people, and fails clearly on a corrupt file', async () => {
    const none = await runExpert(humanFaceAnalysis, { image: COFFEE });
    assert.deepEqual((none.output.value as { faces: unknown[] }).faces, []);
    assert.equal(none.note, 'no faces found');
    const dir = await mkdtemp(join(tmpdir(), 'troupe-human-'));
    await writeFile(join(dir, 'half.jpg'), (await readFile(ASTRONAUT.path!)).subarray(0, 2000));
    await assert.rejects(runExpert(humanFaceAnalysis, { image: { ...ASTRONAUT, path: join(dir, 'half.jpg') } }), (e) => TroupeError.is(e, ErrorCode.InputCorrupt) && /human-face-analysis/.test(e.message));
  });
});
