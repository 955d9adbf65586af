import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Catalog } from '../catalog/catalog.js';
import { defaultCatalog } from '../app/default-catalog.js';
import { BUILTIN_TASK_TYPES } from '../catalog/builtin-task-types.js';
import { OPENAI_TASK_TYPES } from '../catalog/model-task-types.js';
import type { SniffedFile } from '../core/modality.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import { planWithoutLlm } from './builtin-planner.js';
import { convertedFrom, wantedOutput } from './output-words.js';
import { analyzeRequest } from './request-analysis.js';
import { validatePlan } from './validate-plan.js';

const catalog = defaultCatalog();
const image = new Map<string, SniffedFile>([['photo.jpg', { modality: 'image', mime: 'image/jpeg' }]]);
const none = new Map<string, SniffedFile>();
const audio = new Map<string, SniffedFile>([['talk.wav', { modality: 'audio', mime: 'audio/wav' }]]);

function plan(request: string, files = image) {
  const drafted = planWithoutLlm(request, catalog, files);
  return validatePlan(drafted.plan, catalog, files).plan.tasks;
}

describe('analyzeRequest', () => {
  it('splits at step connectors, keeps quotes verbatim, and does not split "black and white"', () => {
    const a = analyzeRequest(`Read the sign, then translate it into Spanish and read it aloud. Also say "stop, and go" please`);
    assert.deepEqual(a.quotes, ['stop, and go']);
    assert.deepEqual(a.clauses.map((c) => c.text), ['Read the sign', 'translate it into Spanish', 'read it aloud', 'Also say ⟦0⟧ please']);
    assert.deepEqual(analyzeRequest('make this photo black and white').clauses.map((c) => c.text), ['make this photo black and white']);
    // Nor "and" before a phrase that opens with a word that can only be a noun: one step, two things
    // (before: "city in the text" was a step of its own).
    assert.deepEqual(analyzeRequest('find every person and city in the text').clauses.map((c) => c.text), ['find every person and city in the text']);
    assert.deepEqual(analyzeRequest('find the faces and tell me their age').clauses.map((c) => c.text), ['find the faces', 'tell me their age']);
    // "etc." before a word in lower case ends no sentence: the last piece still asks, in its sentence.
    const list = analyzeRequest('Could you separate the cars, trees etc. in this image for me?').clauses.at(-1)!;
    assert.equal(list.sentence, 'Could you separate the cars, trees etc in this image for me?');
    assert.equal(list.asks, true);
  });

  it('reads a lone word after "and" that can only be a verb as a step of its own', () => {
    const texts = (request: string) => analyzeRequest(request).clauses.map((c) => c.text);
    assert.deepEqual(texts('extract the entities and summarize'), ['extract the entities', 'summarize']);
    assert.deepEqual(texts('transcribe and translate'), ['transcribe', 'translate']);
    // Not a word that is also a noun or an adjective: "black and white", "crop and rotate it" stay one clause.
    assert.deepEqual(texts('make it black and white'), ['make it black and white']);
    assert.deepEqual(texts('crop and flip'), ['crop and flip']);
    // A noun left after "give me" is a thing asked for, not a verb sharing the next object.
    assert.deepEqual(texts('give me the transcript and its sentiment'), ['give me the transcript', 'its sentiment']);
    // An amount said as a sentence of its own belongs to the step before.
    assert.deepEqual(texts('What is this document about? Three sentences max.'), ['What is this document about? Three sentences max']);
  });

  it('tells the clauses that ask from those that set the scene', () => {
    const asks = (request: string) => analyzeRequest(request).clauses.map((c) => [c.text, c.asks]);
    assert.deepEqual(asks("I've been working on a project and I have an image 'x.jpg'. Unfortunately, it is blurry. Could you sharpen it?"), [
      ["I've been working on a project", false],
      ['I have an image x.jpg', false],
      ['Unfortunately', false],
      ['it is blurry', false],
      ['Could you sharpen it', true],
    ]);
    assert.deepEqual(asks('I have a bill, the corresponding image is bill.png, could you read it?').map(([, a]) => a), [false, false, true]);
    assert.deepEqual(asks("Assuming I have an image x.jpg, could you segment it?").map(([, a]) => a), [false, true]);
    assert.deepEqual(asks("I've taken a photo named x.jpg, I'm using it for a poster, could you caption it?").map(([, a]) => a), [false, false, true]);
  });

  it('keeps one step whole around a quote, before "into", and across "identify and label"', () => {
    const texts = (request: string) => analyzeRequest(request).clauses.map((c) => c.text);
    assert.deepEqual(texts("Could you turn this welcome text, 'Hello, welcome!', into speech?"), ['Could you turn this welcome text, ⟦0⟧, into speech']);
    assert.deepEqual(texts("Could you help me identify and label the objects in 'x.jpg'?"), ['Could you help me identify and label the objects in x.jpg']);
    // A quote that ends its sentence ends it.
    assert.deepEqual(texts("It reads: 'Guten Morgen.' Can you translate it?"), ['It reads: ⟦0⟧', 'Can you translate it']);
    // "and" before a second file joins two objects of one step.
    assert.deepEqual(texts("Combine 'intro.wav' and 'outro.wav' into one file and add a reverb effect to it."), ['Combine intro.wav and outro.wav into one file', 'add a reverb effect to it']);
    // A quote that ends a step does not swallow the next one.
    assert.deepEqual(texts("Could you list topics about 'solar power', expand the first into a paragraph?"), ['Could you list topics about ⟦0⟧', 'expand the first into a paragraph']);
  });

  it('keeps a list of choices ending in "or" in one clause, commas restored', () => {
    const texts = (request: string) => analyzeRequest(request).clauses.map((c) => c.text);
    assert.deepEqual(texts('is this email about billing, shipping or returns?'), ['is this email about billing, shipping or returns']);
    assert.deepEqual(texts('classify it as sports, politics, or science'), ['classify it as sports, politics, or science']);
    // Steps joined by commas are still steps.
    assert.deepEqual(texts('read the sign, translate it to Spanish and read it aloud'), ['read the sign', 'translate it to Spanish', 'read it aloud']);
  });

  it('keeps apostrophes inside words out of quotes', () => {
    assert.deepEqual(analyzeRequest(`don't translate 'hola amigo' into English`).quotes, ['hola amigo']);
    // A quoted file name with the sentence's comma inside the quotes is still a file.
    const comma = analyzeRequest("I found one, named 'example.jpg,' with many objects. Segment it.");
    assert.deepEqual([comma.quotes, comma.resources], [[], [{ name: 'example.jpg', modality: 'image' }]]);
  });
});

describe('planWithoutLlm', () => {
  it('fills a question with the whole sentence of the user, when a language model serves question answering', () => {
    const withLlm = new Catalog([...BUILTIN_TASK_TYPES, ...OPENAI_TASK_TYPES], []);
    const files = new Map<string, SniffedFile>([['notice.txt', { modality: 'text', mime: 'text/plain' }]]);
    const drafted = planWithoutLlm('According to this text, when is the library closed?', withLlm, files);
    const tasks = validatePlan(drafted.plan, withLlm, files).plan.tasks;
    assert.deepEqual(tasks.map((t) => [t.task, t.args]), [['question-answering', { text: { file: 'notice.txt' }, question: 'According to this text, when is the library closed?' }]]);
    assert.deepEqual(planWithoutLlm('How many cups are in this picture?', withLlm, image).plan.tasks.map((t) => t.task), ['visual-question-answering']);
  });

  it('plans the demo request as a chain of three', () => {
    const tasks = plan('Read the sign in this photo, translate it into Spanish and read it aloud');
    assert.deepEqual(tasks.map((t) => [t.task, t.deps]), [['ocr', []], ['translation', ['t1']], ['text-to-speech', ['t2']]]);
    assert.deepEqual(tasks[0]!.args, { image: { file: 'photo.jpg' } });
    assert.deepEqual(tasks[1]!.args, { text: { ref: 't1' }, target_language: 'es' });
  });

  it('identifies a language from quoted text, with no file', () => {
    const tasks = plan(`what language is this text in: 'Bonjour tout le monde, comment allez-vous?'`, none);
    assert.deepEqual(tasks.map((t) => t.task), ['language-identification']);
    assert.equal(tasks[0]!.args.text, 'Bonjour tout le monde, comment allez-vous?');
  });

  it('inserts the converting step a task needs (image → text before translation)', () => {
    const drafted = planWithoutLlm('Translate the text in this picture into Catalan', catalog, image);
    assert.deepEqual(drafted.plan.tasks.map((t) => t.task), ['ocr', 'translation']);
    assert.equal(drafted.plan.tasks[1]!.args.target_language, 'ca');
    assert.match(drafted.notes[0]!, /added ocr/);
  });

  it('reads a source language after "from" and a target after "into"', () => {
    const tasks = plan(`translate "el gato duerme" from Spanish into English`, none);
    assert.deepEqual(tasks[0]!.args, { text: 'el gato duerme', source_language: 'es', target_language: 'en' });
  });

  it('gives speech the language the request names', () => {
    const tasks = plan(`say 'buenos días a todos' out loud in Spanish`, none);
    assert.deepEqual(tasks.map((t) => t.task), ['text-to-speech']);
    assert.equal(tasks[0]!.args.language, 'es');
  });

  it('reads image operations and numbers off the words (enum synonyms, "90 degrees", "300x200", "50%")', () => {
    const ops = (r: string) => plan(r).map((t) => { const { image: _image, ...rest } = t.args; return rest; });
    assert.deepEqual(ops('make this photo black and white'), [{ operation: 'grayscale' }]);
    assert.deepEqual(ops('rotate the picture 90 degrees and then make it black and white'), [{ operation: 'rotate', angle: 90 }, { operation: 'grayscale' }]);
    // Shrinking is making smaller: the percentage said, half when none is.
    assert.deepEqual(ops('shrink this photo to 50%'), [{ operation: 'smaller', scale: 50 }]);
    assert.deepEqual(ops('crop it to 300x200'), [{ operation: 'crop', width: 300, height: 200 }]);
    assert.deepEqual(ops('resize the image to 400 pixels wide'), [{ operation: 'resize', width: 400 }]);
  });

  it('chains a transformed image into the next step when the clause points back at it', () => {
    const tasks = plan('blur the photo, then read the text in it');
    assert.deepEqual(tasks.map((t) => [t.task, t.args.image]), [['image-to-image', { file: 'photo.jpg' }], ['ocr', { ref: 't1' }]]);
  });

  it('gives a clause that asks a property to the type that gives it, and reads text where text is', () => {
    // "Detect" and "audio" matched voice activity; the clause asks for a language. The translation
    // reads the transcript, not the language label identified from it.
    const tasks = plan('can you detect what language is in this audio and then translate what is said to english', audio);
    assert.deepEqual(tasks.map((t) => [t.task, t.deps]), [['automatic-speech-recognition', []], ['language-identification', ['t1']], ['translation', ['t1']]]);
  });

  it('says plainly when the words for what to do name only a type that cannot take what is given', () => {
    // Before: text-to-speech, the nearest in meaning, for "count the words in this text".
    const text = new Map<string, SniffedFile>([['article.txt', { modality: 'text', mime: 'text/plain' }]]);
    assert.throws(() => plan('count the words in this text', text), (e: unknown) => e instanceof TroupeError && e.code === ErrorCode.NoPlan && /^nothing here can do "count the words in this text" with a text: .* would, but it takes an? (image|video)$/.test(e.message));
  });

  it('answers a question asked before the clause that names its source, from that source\'s text', () => {
    // Before: the notice read and the question left unanswered.
    const tasks = plan('when does it close, going by the sign');
    assert.deepEqual(tasks.map((t) => [t.task, t.deps]), [['ocr', []], ['question-answering', ['t1']]]);
  });

  it('reads "sound" before an adjective as how a text comes across, not as speech', () => {
    // Before: text-to-speech. Rewording is nothing this catalog does (the CLI's names text generation).
    const text = new Map<string, SniffedFile>([['letter.txt', { modality: 'text', mime: 'text/plain' }]]);
    assert.throws(() => plan('make the letter sound more formal', text), (e: unknown) => TroupeError.is(e, ErrorCode.NoPlan));
  });

  it('plans one task when two clauses ask for the same thing on the same input', () => {
    const tasks = plan('how old does the person in this photo look and what is their emotion');
    assert.deepEqual(tasks.map((t) => t.task), ['face-analysis']);
  });

  it('does not read a picture through OCR for a sense only inferred from the words', () => {
    // "What's in this picture" reads as classifying, which a text's classifiers do: not through OCR.
    let tasks: string[] = [];
    try {
      tasks = plan("what's in this picture").map((t) => t.task);
    } catch {
      // A plain refusal is a right answer too.
    }
    assert.ok(!tasks.includes('ocr'), tasks.join(' → '));
  });

  it('refuses a request no task type serves, with NO_PLAN and a hint', () => {
    assert.throws(
      () => planWithoutLlm('book me a flight to Lisbon next Tuesday', catalog, none),
      (e) => TroupeError.is(e, ErrorCode.NoPlan) && /no expert can serve/.test(e.message) && Boolean(e.hint),
    );
  });
});

describe('wantedOutput', () => {
  it('reads the kind of result a clause asks to be made, and not the kind it starts from', () => {
    assert.equal(wantedOutput('Could you help me convert this thought into an image'), 'image');
    assert.equal(wantedOutput('turn the text in this photo into speech'), 'audio');
    assert.equal(wantedOutput('create a short video of the summary'), 'video');
    assert.equal(wantedOutput('read the sign in this photo'), undefined);
    assert.equal(wantedOutput('translate it into Spanish'), undefined);
    assert.equal(wantedOutput('could you write me a short story about it'), 'text');
    assert.equal(wantedOutput('convert the audio into written text'), 'text');
    // A conversion said with no verb: from the kind named first to the kind named last.
    assert.equal(wantedOutput('speech in the video to text'), 'text');
    assert.equal(wantedOutput('text to speech'), 'audio');
    assert.equal(wantedOutput('this text to catalan'), undefined);
    // "In audio", "in voice" at a clause's end is the form wanted; "in the audio" is where (before: neither).
    assert.equal(wantedOutput('give me the summary in audio'), 'audio');
    assert.equal(wantedOutput('say me the words of this sign in voice'), 'audio');
    assert.equal(wantedOutput('what is said in the audio'), undefined);
    assert.equal(convertedFrom('speech in the video to text'), 'audio');
    // A request that opens with "say" wants it heard; "say me if", "say, 'X'" (for example) do not.
    assert.equal(wantedOutput('say good night in french'), 'audio');
    assert.equal(wantedOutput('say me if it is positive'), undefined);
    assert.equal(wantedOutput('say, ⟦0⟧'), undefined);
  });
});
