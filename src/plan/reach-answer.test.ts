import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCatalog } from '../app/default-catalog.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import type { SniffedFile } from '../core/modality.js';
import { draftPlan } from './draft-plan.js';

const catalog = defaultCatalog();
const given = (path: string, modality: SniffedFile['modality']) => new Map<string, SniffedFile>([[path, { modality, mime: 'application/octet-stream' }]]);
const text = given('article.txt', 'text');
const photo = given('table.jpg', 'image');
const types = (request: string, files: Map<string, SniffedFile>) => draftPlan(request, catalog, files).plan.tasks.map((t) => t.task);

describe('questions about a given text: answer-sentence selection as the last resort', () => {
  it('answers an open question about a text that no other step answers, in the user words', () => {
    const drafted = draftPlan('who is the mayor?', catalog, text);
    assert.deepEqual(drafted.plan.tasks.map((t) => [t.task, t.args]), [['question-answering', { text: { file: 'article.txt' }, question: 'who is the mayor?' }]]);
    assert.match(drafted.notes.join(' '), /a question that no type's words answer/);
    assert.deepEqual(types('according to this article, when will the library open?', text), ['question-answering']);
    // Nor is a thing made up from the words looked at (before: the text spoken aloud for its pauses, for "time").
    assert.deepEqual(types('what time does the bakery open, going by this?', text), ['question-answering']);
  });

  it('answers a question asked after another step, of that step\'s text, in the words that ask it', () => {
    const sign = draftPlan('read the sign and tell me when the library is closed', catalog, given('sign.png', 'image'));
    assert.deepEqual(sign.plan.tasks.map((t) => [t.task, t.args]), [
      ['ocr', { image: { file: 'sign.png' } }],
      ['question-answering', { text: { ref: 't1' }, question: 'tell me when the library is closed' }],
    ]);
    // One question in two clauses is one step, asked the whole sentence.
    const split = draftPlan('which street were the residents from, according to the text', catalog, text);
    assert.deepEqual(split.plan.tasks.map((t) => [t.task, t.args.question]), [['question-answering', 'which street were the residents from, according to the text']]);
    // A clause that asks for the answer in other words still answers the request's question.
    const spanish = draftPlan('who is the mayor? answer in Spanish', catalog, text);
    assert.deepEqual(spanish.plan.tasks.map((t) => [t.task, t.args.question ?? t.args.target_language]), [['question-answering', 'who is the mayor?'], ['translation', 'es']]);
  });

  it('leaves the question to the step that gives what it asks for', () => {
    // A feeling offered as the answer is sentiment; a text's answerer is not a step before it.
    assert.deepEqual(types('is this document happy or sad in tone', text), ['sentiment-analysis']);
    assert.deepEqual(types('does this text sound angry?', text), ['sentiment-analysis']);
    assert.deepEqual(types('which language is this text in?', text), ['language-identification']);
    // "Answer in Spanish" asks for the reply's language, not another question about the faces found.
    assert.deepEqual(types('what emotion does she show? answer in Spanish', photo), ['face-analysis', 'translation']);
    assert.deepEqual(types('who is named in this article?', text), ['token-classification']);
    assert.deepEqual(types('summarize it', text), ['summarization']);
    // The main idea is the gist (before: a sentence of the text answering "what is the main idea").
    assert.deepEqual(types('what is the main idea', text), ['summarization']);
  });

  it('answers an open question about a recording or a video from what is said in it', () => {
    // Before: no plan. The reading is speech recognition by its effects (it reads words), not a list of scenes.
    const heard = draftPlan('what was agreed about the new office?', catalog, given('call.wav', 'audio'));
    assert.deepEqual(heard.plan.tasks.map((t) => [t.task, t.deps]), [['automatic-speech-recognition', []], ['question-answering', ['t1']]]);
    assert.equal(heard.plan.tasks[1]!.args.question, 'what was agreed about the new office?');
    assert.deepEqual(types('what price did they agree on?', given('match.mp4', 'video')), ['video-to-audio', 'automatic-speech-recognition', 'question-answering']);
    // What it is about is the gist of what is said, read in two steps from a video (before: its scenes).
    assert.deepEqual(types('what is this film about?', given('film.mp4', 'video')), ['video-to-audio', 'automatic-speech-recognition', 'summarization']);
    // A feeling asked of a speaker is in what is said: read from the sound track, or from the recording (before: the sound track alone; voice activity).
    assert.deepEqual(types("find the speaker's emotions", given('talk.wav', 'audio')), ['automatic-speech-recognition', 'sentiment-analysis']);
    assert.deepEqual(types('how does the speaker in the video feel', given('talk.mp4', 'video')), ['video-to-audio', 'automatic-speech-recognition', 'sentiment-analysis']);
    // Opening hours asked of a photo are in its writing (before: refused).
    assert.deepEqual(types('what are the opening hours on this door', photo), ['ocr', 'question-answering']);
    // A question after a comma, the sentence opening by telling (before: no plan).
    const boss = draftPlan('my boss sent me this voice message but i am in meeting, what he want?', catalog, given('msg.wav', 'audio'));
    assert.deepEqual(boss.plan.tasks.map((t) => [t.task, t.args.question]), [['automatic-speech-recognition', undefined], ['question-answering', 'what he want?']]);
  });

  it('answers a question about what someone says from the words, whatever type "say" or "when" names', () => {
    // Before: speech recognition alone; voice activity for "when"; a sign's refused as a caption.
    const call = given('call.wav', 'audio');
    assert.deepEqual(types('does he say where the meeting is', call), ['automatic-speech-recognition', 'question-answering']);
    assert.deepEqual(types('when is the party she talks about', call), ['automatic-speech-recognition', 'question-answering']);
    assert.deepEqual(types('does the notice say when the office opens', given('notice.png', 'image')), ['ocr', 'question-answering']);
    // The short question after it is its detail, and asked with it.
    assert.deepEqual(draftPlan('did she say where she lives? where', catalog, call).plan.tasks.map((t) => t.args.question).filter(Boolean), ['did she say where she lives? where']);
  });

  it('answers who did something from the text, not by doing it again', () => {
    // Before: refused as text generation for "wrote"; a translation with no language (an invalid plan).
    assert.deepEqual(types('this letter, who wrote it?', text), ['question-answering']);
    assert.deepEqual(types('who translated this book', text), ['question-answering']);
  });

  it('reads a language the user says they cannot read as the one to translate from', () => {
    // Before: the sign read and not translated; with "in english", the first clause planned a translation into Korean.
    const sign = given('sign.png', 'image');
    assert.deepEqual(draftPlan("i can't read korean, what does this say in english", catalog, sign).plan.tasks.map((t) => [t.task, t.args.target_language]), [['ocr', undefined], ['translation', 'en']]);
    // "Know what this says" asks for the words (before: refused as a caption, then spoken in Greek for "speak").
    assert.deepEqual(draftPlan("i want to know what this says, i don't speak greek", catalog, sign).plan.tasks.map((t) => [t.task, t.args.target_language]), [['ocr', undefined], ['translation', 'en']]);
  });

  it('reads a picture for a number asked of it, not the detector of what the number is on', () => {
    // Before: object detection of buses, the nearest in meaning.
    assert.deepEqual(types('what number is on the bus', photo), ['ocr', 'question-answering']);
  });

  it('reads a picture for a question whose answer only writing could show: a time, a price, a number', () => {
    // Before: no plan. "What colour" stays a question about the picture (below).
    assert.deepEqual(types('when does the bakery close on sundays?', photo), ['ocr', 'question-answering']);
    assert.deepEqual(types('how much are the tickets?', photo), ['ocr', 'question-answering']);
  });

  it('does not answer a question about a photo from the text read off it, nor take the question as its own text', () => {
    // Before: OCR, then question answering over the (absent) text of the photo.
    assert.deepEqual(types('how many cups are on the table', photo), ['object-detection']);
    // Before: the question answered from its own words.
    assert.throws(() => draftPlan("What's the weather in Madrid today?", catalog, new Map()), (e) => TroupeError.is(e, ErrorCode.NoPlan));
  });
});
