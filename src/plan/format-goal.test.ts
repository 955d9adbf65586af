import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCatalog } from '../app/default-catalog.js';
import type { Modality } from '../core/modality.js';
import { draftedSteps } from '../test-support/drafted-steps.js';
import { formatGoal } from './format-goal.js';

const catalog = defaultCatalog();
const steps = (request: string, kind: Modality) => draftedSteps(request, kind, catalog);

describe('the file format a request wants, as a goal', () => {
  it('reads a documented format after "as", "to", "into" or before "format", never from a file name or a quote', () => {
    assert.deepEqual(formatGoal('extract the soundtrack as an mp3', catalog), { word: 'mp3', modality: 'audio' });
    assert.deepEqual(formatGoal('save it in webp format', catalog), { word: 'webp', modality: 'image' });
    assert.deepEqual(formatGoal('give me a .jpg', catalog), undefined);
    assert.equal(formatGoal("transcribe 'song.mp3' to text", catalog), undefined);
    assert.equal(formatGoal("say 'as an mp3' out loud", catalog), undefined);
    assert.equal(formatGoal('translate it to Spanish', catalog), undefined);
  });

  it('adds a conversion after a step that cannot write the format, and sets it on one that can', () => {
    // Before: the extraction alone, a WAV, for "as an mp3".
    assert.deepEqual(steps('extract the soundtrack as an mp3', 'video'), ['video-to-audio', 'audio-to-audio:mp3']);
    assert.deepEqual(steps('read it aloud and save it as an mp3', 'text'), ['text-to-speech', 'audio-to-audio:mp3']);
    // A step documented as writing the format needs no conversion (the sound track is a WAV).
    assert.deepEqual(steps('get the audio out as a wav', 'video'), ['video-to-audio']);
    // The frame grabber writes JPEG itself ("jpg" is its own word for it).
    assert.deepEqual(steps('grab a frame from the video as a jpg', 'video'), ['video-to-image:jpg']);
    assert.deepEqual(steps('make it louder as a flac', 'audio'), ['audio-to-audio:flac']);
    // A format said alone converts the file given (before: "png" matched image segmentation's documentation).
    assert.deepEqual(steps('png', 'image'), ['image-to-image:png']);
    assert.deepEqual(steps('mp3 pls', 'audio'), ['audio-to-audio:mp3']);
    // A result that is read by a later step is not the one the format is for.
    assert.deepEqual(steps('convert it to mp3', 'audio'), ['audio-to-audio:mp3']);
  });
});
