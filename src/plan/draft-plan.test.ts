import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCatalog } from '../app/default-catalog.js';
import type { Modality } from '../core/modality.js';
import { draftedSteps } from '../test-support/drafted-steps.js';
import { fileURLToPath } from 'node:url';
import { planRequest } from '../app/run-request.js';
import { BuiltinController } from '../controller/builtin-controller.js';
import { draftPlan } from './draft-plan.js';

const catalog = defaultCatalog();
const steps = (request: string, kind: Modality) => draftedSteps(request, kind, catalog);

describe('one question about what is, asking what a type gives of the file', () => {
  it('is answered by that type, not by the one its subject names', () => {
    // Before: speech recognition ("speech"), object detection ("people").
    assert.deepEqual(steps('how long is the speech in this audio', 'audio'), ['voice-activity-detection']);
    assert.deepEqual(steps("what's the mood of the people in this photo", 'image'), ['face-analysis']);
    // "Detect if" asks whether (before: voice activity detection, for "detect" and "voice").
    assert.deepEqual(steps('please detect if the voice in this audio is happy or sad', 'audio'), ['automatic-speech-recognition', 'sentiment-analysis']);
    // A plan that already gives it stays: the message on a sign is read, then judged.
    assert.deepEqual(steps('is the message on this sign positive or negative', 'image'), ['ocr', 'sentiment-analysis']);
  });
});

describe('the answer to one question', () => {
  it('needs only the steps on the way to it', () => {
    // Before: the transcript was also spoken aloud ("speak" named text to speech).
    assert.deepEqual(steps('what language do they speak in this video', 'video'), ['video-to-audio', 'automatic-speech-recognition', 'language-identification']);
    // A clause that only names the file given is no step (before: an audio conversion first).
    assert.deepEqual(steps('this recording, what language he speak?', 'audio'), ['automatic-speech-recognition', 'language-identification']);
  });
});

describe('a question about a quoted text', () => {
  it('is answered from the quote (before: no plan for "is \'bonjour\' French?")', () => {
    const tasks = draftPlan("is 'bonjour' French?", catalog, new Map()).plan.tasks;
    assert.deepEqual(tasks.map((t) => [t.task, t.args.text]), [['language-identification', 'bonjour']]);
  });
});

describe('converting steps tied on the words', () => {
  it('go the way nearer in meaning (before: a frame read by OCR for "summarize this video")', async () => {
    const clip = fileURLToPath(new URL('../../test-fixtures/clip.mp4', import.meta.url));
    const planned = await planRequest('summarize this video', [clip], new BuiltinController(), catalog);
    assert.deepEqual(planned.outcome.plan.tasks.map((t) => t.task), ['video-to-audio', 'automatic-speech-recognition', 'summarization']);
  });
});

describe('a sentence that says who sent the file, and a question after a comma', () => {
  it('sets the scene: its language is the recording\'s, and the question wants English', () => {
    // Before: a translation into Spanish, a second transcription and language identification.
    assert.deepEqual(steps('My grandmother sent this voice message in Spanish, what does she say in English?', 'audio'), ['automatic-speech-recognition', 'translation']);
  });
});

describe('questions and wishes joined in one sentence', () => {
  it('answers a second question joined by "and", and hears what is wanted heard', () => {
    // Before: no sentiment ("is the speaker happy" had no question mark of its own).
    assert.deepEqual(steps('what language is spoken and is the speaker happy', 'audio'), ['automatic-speech-recognition', 'language-identification', 'sentiment-analysis']);
    // Before: the sign read and translated, not spoken.
    assert.deepEqual(steps("I'd like to hear the sign in Spanish", 'image'), ['ocr', 'translation', 'text-to-speech']);
  });
});

describe('a feeling asked of someone who talks in a video', () => {
  it('is in what is said, not on a frame\'s faces', () => {
    // Before: a frame's faces (fewest steps); the sound track alone.
    assert.deepEqual(steps('does the woman speaking in this clip sound angry', 'video'), ['video-to-audio', 'automatic-speech-recognition', 'sentiment-analysis']);
    assert.deepEqual(steps('is the man in the video happy', 'video'), ['video-to-image', 'face-analysis']);
  });
});

describe('a translation that names no language to translate into', () => {
  const sign = new Map([['menu.png', { modality: 'image' as const, mime: 'image/png' }]]);
  const text = new Map([['note.txt', { modality: 'text' as const, mime: 'text/plain' }]]);

  it('is into the language the request is written in', () => {
    // Before: an invalid plan (exit 2), no target language.
    const drafted = draftPlan('translate the menu and tell me which dishes are vegetarian', catalog, sign);
    assert.deepEqual(drafted.plan.tasks.map((t) => [t.task, t.args.target_language]), [['ocr', undefined], ['translation', 'en'], ['question-answering', undefined]]);
    assert.match(drafted.notes.join(' '), /into English, the request's own/);
  });

  it('is left to ask for one when the text given is in that language already', () => {
    const english = draftPlan('translate this', catalog, text, { languageOf: () => 'en' });
    assert.equal(english.plan.tasks[0]!.args.target_language, undefined);
    const spanish = draftPlan('translate this', catalog, text, { languageOf: () => 'es' });
    assert.equal(spanish.plan.tasks[0]!.args.target_language, 'en');
  });
});
