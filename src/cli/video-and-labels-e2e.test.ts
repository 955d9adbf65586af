import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { requireProgram } from '../test-support/programs.js';
import { troupe } from '../test-support/troupe-cli.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../test-fixtures/${name}`, import.meta.url));

// The requests issue 18 names, each through `troupe run` as a person would type them.
describe('troupe run on a video, a portrait and a review', { skip: requireProgram('ffmpeg') || requireProgram('pocketsphinx_continuous') }, () => {
  const run = async (request: string, input: string) => {
    const dir = await mkdtemp(join(tmpdir(), 'troupe-e2e-'));
    const result = await troupe(['run', request, '-i', input, '-o', join(dir, 'out'), '--json'], dir);
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as { tasks: Array<{ task: string; outputs: Array<{ path?: string; value?: unknown }>; note?: string }>; answer: string };
  };

  it('"Transcribe this video": the sound track, then speech recognition', async () => {
    const record = await run('Transcribe this video', fixture('clip.mp4'));
    assert.deepEqual(record.tasks.map((t) => t.task), ['video-to-audio', 'automatic-speech-recognition']);
    assert.match(record.answer, /go forward/i);
  });

  it('"make a GIF of the first three seconds of this clip"', async () => {
    const record = await run('make a GIF of the first three seconds of this clip', fixture('clip.mp4'));
    const [task] = record.tasks;
    assert.equal(task!.task, 'video-to-image');
    assert.equal((await readFile(task!.outputs[0]!.path!)).subarray(0, 6).toString(), 'GIF89a');
    assert.match(task!.note!, /first 3 s/);
  });

  it('"cut the person out of this photo": a PNG with a transparent background', async () => {
    const record = await run('cut the person out of this photo', fixture('astronaut.jpg'));
    assert.equal(record.tasks[0]!.task, 'image-segmentation');
    assert.match(record.answer, /one person kept/);
  });

  it('"is this review about food or service?": the labels read off the request', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'troupe-review-'));
    await writeFile(join(dir, 'review.txt'), 'The pasta was cold and the sauce tasted of nothing.');
    const record = await run('is this review about food or service?', join(dir, 'review.txt'));
    assert.equal(record.tasks[0]!.task, 'zero-shot-classification');
    assert.match(record.answer, /about food more than service/);
  });

  it('"according to this notice, who do I call?": the sentence of the text that answers, quoted', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'troupe-notice-'));
    await writeFile(join(dir, 'notice.txt'), 'The heating will be off on Monday morning. The caretaker, Ms Duarte, can be reached on 555 0199. Bins are collected on Wednesdays.');
    const record = await run('according to this notice, who do I call?', join(dir, 'notice.txt'));
    assert.equal(record.tasks[0]!.task, 'question-answering');
    assert.match(record.answer, /"The caretaker, Ms Duarte, can be reached on 555 0199\."/);
    assert.match(record.answer, /selected from the text, not written/);
  });

  it('"read the sign and tell me when the library is closed": the text read, then the sentence that answers', { skip: requireProgram('tesseract') }, async () => {
    const record = await run('read the sign and tell me when the library is closed', fileURLToPath(new URL('../../examples/sign.png', import.meta.url)));
    assert.deepEqual(record.tasks.map((t) => t.task), ['ocr', 'question-answering']);
    assert.match(record.answer, /Result: "The library is closed on Sunday\."/);
  });
});
