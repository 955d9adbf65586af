import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCatalog } from '../app/default-catalog.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import type { SniffedFile } from '../core/modality.js';
import type { SentenceEncoder } from '../retrieval/sentence-encoder.js';
import { BuiltinController } from './builtin-controller.js';

const REQUEST = "Translate 'good morning' into Spanish and read it aloud";

describe('BuiltinController', () => {
  it('plans with each step checked by meaning (the local encoder)', async () => {
    const outcome = await new BuiltinController().plan({ request: REQUEST, catalog: defaultCatalog(), files: new Map() });
    assert.deepEqual(outcome.plan.tasks.map((t) => t.task), ['translation', 'text-to-speech']);
    assert.ok(!outcome.notes.some((n) => n.includes('words alone')));
  });

  it('plans by words alone, and says why, when the encoder fails', async () => {
    const broken: SentenceEncoder = {
      model: 'broken',
      embed: async () => {
        throw new TroupeError(ErrorCode.ExpertFailed, 'the local sentence encoder failed: no weights');
      },
    };
    const outcome = await new BuiltinController(undefined, broken).plan({ request: REQUEST, catalog: defaultCatalog(), files: new Map() });
    assert.deepEqual(outcome.plan.tasks.map((t) => t.task), ['translation', 'text-to-speech']);
    assert.ok(outcome.notes.includes('planned by words alone: the local sentence encoder failed: no weights'), outcome.notes.join('; '));
  });

  it('says plainly that nothing here does what a request asks, naming it, instead of planning the nearest expert', async () => {
    const photo = new Map([['photo.jpg', { modality: 'image' as const, mime: 'image/jpeg' }]]);
    const refused = (request: string, files: ReadonlyMap<string, SniffedFile> = photo) => new BuiltinController().plan({ request, catalog: defaultCatalog(), files });
    await assert.rejects(refused('write a caption for this photo'), (e) => TroupeError.is(e, ErrorCode.NoPlan) && /nothing here can do that: .*image captioning/.test(e.message));
    await assert.rejects(refused('remove the person from this photo'), (e) => TroupeError.is(e, ErrorCode.NoPlan) && /image editing by content/.test(e.message));
    await assert.rejects(refused('draw me a house by a lake', new Map()), (e) => TroupeError.is(e, ErrorCode.NoPlan) && /image generation/.test(e.message));
    // A text corrected is a text rewritten (before: part-of-speech tagging for "grammar", speech for "proofread").
    const letter = new Map([['letter.txt', { modality: 'text' as const, mime: 'text/plain' }]]);
    for (const request of ['fix the grammar in this', 'proofread this for me', 'correct the spelling mistakes']) {
      await assert.rejects(refused(request, letter), (e) => TroupeError.is(e, ErrorCode.NoPlan) && /text generation/.test(e.message), request);
    }
    assert.deepEqual((await refused('what part of speech is each word', letter)).plan.tasks.map((t) => t.task), ['token-classification']);
    // A question about a picture is no request to edit it, however near in meaning the edit (before: sharpened for "is this picture blurry").
    await assert.rejects(refused('is this picture blurry'), (e) => TroupeError.is(e, ErrorCode.NoPlan));
    // "Tell me the colours" asks what is, and takes no edit (before: turned grey).
    await assert.rejects(refused('tell me the colours in this photo'), (e) => TroupeError.is(e, ErrorCode.NoPlan));
    // "In spanish language" names the language (before: language identification, for "language").
    assert.deepEqual((await refused('put this text in spanish language', letter)).plan.tasks.map((t) => t.task), ['translation']);
    // Words and meaning agree when the nearest in meaning is the step on the way to the words' best (before: the transcript alone).
    assert.deepEqual((await refused('key points of this voice note pls', new Map([['note.wav', { modality: 'audio' as const, mime: 'audio/wav' }]]))).plan.tasks.map((t) => t.task), ['automatic-speech-recognition', 'summarization']);
    // Writing given words in a language is translating them (before: refused as text generation); a poem to write is still refused.
    assert.deepEqual((await refused("write this in spanish for me: 'the meeting is cancelled'", new Map())).plan.tasks.map((t) => t.task), ['translation']);
    await assert.rejects(refused('write a poem about the sea in spanish', new Map()), (e) => TroupeError.is(e, ErrorCode.NoPlan) && /text generation/.test(e.message));
    // What a served expert does is still planned, the same words around it notwithstanding.
    assert.deepEqual((await refused('make this photo black and white')).plan.tasks.map((t) => t.task), ['image-to-image']);
    // "Too bright" asks to darken; "tone it down" names nothing served, by meaning (by words, a text's tone).
    assert.deepEqual((await refused('this photo is way too bright, tone it down')).plan.tasks.map((t) => [t.task, t.args.operation]), [['image-to-image', 'darken']]);
    assert.deepEqual((await refused('how many cups are on the table')).plan.tasks.map((t) => t.task), ['object-detection']);
    // "What X": a detector of horses does not tell a horse's breed (before: object detection, for "horse").
    await assert.rejects(refused('what breed is this horse'), (e) => TroupeError.is(e, ErrorCode.NoPlan));
    // Who sings, which song, which instrument: audio classification, which nothing here serves
    // (before: speech recognition, the nearest in meaning, as if "who" were what is said).
    const recording = new Map([['song.wav', { modality: 'audio' as const, mime: 'audio/wav' }]]);
    await assert.rejects(refused('who is singing this', recording), (e) => TroupeError.is(e, ErrorCode.NoPlan) && /audio classification/.test(e.message));
    await assert.rejects(refused('what instrument is playing', recording), (e) => TroupeError.is(e, ErrorCode.NoPlan) && /audio classification/.test(e.message));
    // So is whether a man or a woman speaks, and their accent (before: voice activity; a question answered from the transcript).
    await assert.rejects(refused('is this a man or woman speaking', recording), (e) => TroupeError.is(e, ErrorCode.NoPlan) && /audio classification/.test(e.message));
    await assert.rejects(refused('what accent does she have', recording), (e) => TroupeError.is(e, ErrorCode.NoPlan) && /audio classification/.test(e.message));
    // Knowing it moves no served type further away in meaning: the gist is still a summary.
    assert.deepEqual((await refused('give me the gist of this recording', recording)).plan.tasks.map((t) => t.task), ['automatic-speech-recognition', 'summarization']);
    // An audio edit the request does not name is asked for, not guessed (before: converted to WAV and called done).
    await assert.rejects(refused('clean up the recording', recording), (e) => TroupeError.is(e, ErrorCode.InvalidPlan) && /which operation of audio conversion/.test(e.message));
    // Changing what a recording sounds like is audio editing by content, which nothing here does (before: a WAV conversion; speech found, then spoken).
    for (const request of ['reverse the audio', 'make my voice sound deeper', 'add reverb']) {
      await assert.rejects(refused(request, recording), (e) => TroupeError.is(e, ErrorCode.NoPlan) && /audio editing by content/.test(e.message), request);
    }
    assert.deepEqual((await refused('trim the silence', recording)).plan.tasks.map((t) => [t.task, t.args.operation]), [['audio-to-audio', 'trim-silence']]);
    assert.deepEqual((await refused('resample the audio to 16000 hz', recording)).plan.tasks.map((t) => [t.task, t.args.operation]), [['audio-to-audio', 'convert']]);
    // Who they talk about is in what is said (before: voice activity, for "recording").
    assert.deepEqual((await refused('who are they talking about in the recording', recording)).plan.tasks.map((t) => t.task), ['automatic-speech-recognition', 'question-answering']);
    // An open question about what was said is answered from the transcript, while who sings is still refused above.
    assert.deepEqual((await refused('what was agreed about the new office?', recording)).plan.tasks.map((t) => t.task), ['automatic-speech-recognition', 'question-answering']);
    assert.deepEqual((await refused('what did she tell the driver?', recording)).plan.tasks.map((t) => t.task), ['automatic-speech-recognition', 'question-answering']);
    // Not a photo's question, about the text read off it (before: OCR, then an answer from its text);
    // nor an edit of it, the nearest in meaning (before: turned grey): nothing here tells colours.
    await assert.rejects(refused('what colour is the scarf'), (e) => TroupeError.is(e, ErrorCode.NoPlan));
    // "Identify the X" asks what X it is, as "what X" does (before: the text read off the photo, and its language identified).
    assert.deepEqual((await refused('identify the bird')).plan.tasks.map((t) => [t.task, t.args.find]), [['object-detection', 'bird']]);
    await assert.rejects(refused('identify the font'), (e) => TroupeError.is(e, ErrorCode.NoPlan) && /tell the font asked/.test(e.message));
    // A question word with a word for a kind names nothing: "where was this photo taken" is no pose (poses say where the arms are).
    await assert.rejects(refused('where was this photo taken'), (e) => TroupeError.is(e, ErrorCode.NoPlan) && !/keypoint/i.test(e.message));
    // A measure no type gives is not planned on the nearest in meaning (before: poses, for "how tall"), and "what is X like" asks X.
    await assert.rejects(refused('how tall is the building'), (e) => TroupeError.is(e, ErrorCode.NoPlan) && /can tell the stature or height asked/.test(e.message));
    await assert.rejects(refused("what's the weather like in the picture"), (e) => TroupeError.is(e, ErrorCode.NoPlan) && /tell the weather asked/.test(e.message));
    // A feeling adjective after "how" asks the feeling (before: a question answered from the transcript).
    assert.deepEqual((await refused('how happy is the speaker', recording)).plan.tasks.map((t) => t.task), ['automatic-speech-recognition', 'sentiment-analysis']);
    await assert.rejects(refused('how loud is it', recording), (e) => TroupeError.is(e, ErrorCode.NoPlan) && /tell the volume or loudness asked/.test(e.message));
    // A word that names an operation weakly, the type near in meaning, is planned before the nearest in meaning by the file's kind alone
    // (before: a person cut out of a photo of a page); a verb many types share names none ("identify the items": objects, not a language).
    assert.deepEqual((await refused('photo of a page: give me the short version')).plan.tasks.map((t) => t.task), ['ocr', 'summarization']);
    assert.deepEqual((await refused('Identify the items on the desk in this image.')).plan.tasks.map((t) => t.task), ['object-detection']);
    // A yes/no question asks its predicate: a finder of people does not tell glasses (before: poses).
    await assert.rejects(refused('is the person in the photo wearing glasses'), (e) => TroupeError.is(e, ErrorCode.NoPlan) && /tells whether something is "wearing glasses"/.test(e.message));
    assert.deepEqual((await refused('does she look happy')).plan.tasks.map((t) => t.task), ['face-analysis']);
    // Nor a detector, the nearest in meaning, that finds the car but not its colour; the refusal names what was asked.
    await assert.rejects(refused('what colour is the car in this photo'), (e) => TroupeError.is(e, ErrorCode.NoPlan) && /nothing here can tell the colour asked/.test(e.message));
    // The mood of the people in a photo is on their faces, not in a text read off it.
    assert.deepEqual((await refused("what's the mood of the people in this photo")).plan.tasks.map((t) => t.task), ['face-analysis']);
    // A video edit the request names no operation of is not guessed (before: converted to MP4 and called done).
    const video = new Map([['clip.mp4', { modality: 'video' as const, mime: 'video/mp4' }]]);
    const guessed = (outcome: Awaited<ReturnType<typeof refused>>) => outcome.plan.tasks.some((t) => t.task === 'video-to-video' && t.args.operation === undefined);
    await refused('edit my video to add music', video).then(
      (outcome) => assert.ok(!guessed(outcome), JSON.stringify(outcome.plan)),
      (e: unknown) => assert.ok(TroupeError.is(e, ErrorCode.InvalidPlan) && /operation of video editing/.test(e.message), String(e)),
    );
    // A speaker's feelings are in what is said: the sound track taken, then its words (before: the sound track alone).
    assert.deepEqual((await refused("find the speaker's emotions in the video", video)).plan.tasks.map((t) => t.task), ['video-to-audio', 'automatic-speech-recognition', 'sentiment-analysis']);
    // Two edits of one type, the second another operation, are two steps (before: the second read as the sound track taken out).
    assert.deepEqual((await refused('make the clip twice as fast and without sound', video)).plan.tasks.map((t) => [t.task, t.args.operation]), [['video-to-video', 'faster'], ['video-to-video', 'mute']]);
    // Whether anyone talks is voice activity, of the sound track (before: a question answered from the transcript).
    assert.deepEqual((await refused('is anybody talking in the clip', video)).plan.tasks.map((t) => t.task), ['video-to-audio', 'voice-activity-detection']);
    // What a video shows, nothing here tells (before: scene detection, for "describe the video").
    await assert.rejects(refused('describe the video', video), (e) => TroupeError.is(e, ErrorCode.NoPlan) && /video understanding/.test(e.message));
    // A video named as changed must come back a video: a grey frame is no black-and-white video.
    await assert.rejects(refused('make the video black and white', video), (e) => TroupeError.is(e, ErrorCode.NoPlan) && /to a video: Image transformation would, but it gives an image/.test(e.message));
    assert.deepEqual((await refused('get me a still image at 3 seconds and make it black and white', video)).plan.tasks.map((t) => t.task), ['video-to-image', 'image-to-image']);
    // So must a video edited with any verb: a frame rotated is no rotated video, a sound track made louder no louder video
    // (before: a frame taken, mirrored, and called done); a frame named, or a format of the kind made, is asked for.
    await assert.rejects(refused('mirror the video', video), (e) => TroupeError.is(e, ErrorCode.NoPlan) && /to a video: Image transformation would, but it gives an image/.test(e.message));
    await assert.rejects(refused('make the video louder', video), (e) => TroupeError.is(e, ErrorCode.NoPlan) && /to a video: Audio conversion would/.test(e.message));
    assert.deepEqual((await refused('take a frame and rotate it', video)).plan.tasks.map((t) => t.task), ['video-to-image', 'image-to-image']);
    assert.deepEqual((await refused('give me an mp3 of this text', new Map([['note.txt', { modality: 'text' as const, mime: 'text/plain' }]]))).plan.tasks.map((t) => t.task), ['text-to-speech', 'audio-to-audio']);
    // No round trip: a text is not made speech to be transcribed back (before: TTS → ASR).
    const text = new Map([['note.txt', { modality: 'text' as const, mime: 'text/plain' }]]);
    assert.deepEqual((await refused('make it so I can listen to this text', text)).plan.tasks.map((t) => t.task), ['text-to-speech']);
    // An unserved type that would only convert the input of a served step gives way to a served one.
    assert.deepEqual((await refused('translate what is written on this picture into Catalan')).plan.tasks.map((t) => t.task), ['ocr', 'translation']);
    // Generating what a served type gives is that type's step, not a picture to generate (before: "generate a summary" refused as image generation);
    // a thing no served type gives is still refused.
    assert.deepEqual((await refused('generate a summary and a list of names from this article', text)).plan.tasks.map((t) => t.task), ['summarization', 'token-classification']);
    await assert.rejects(refused('compose a tweet about this article', text), (e) => TroupeError.is(e, ErrorCode.NoPlan) && /text generation/.test(e.message));
    // What a text says, asked by someone who does not read its language, is its words translated, not spoken
    // (before: speech synthesis, by "say"); the language a user says they read is the one wanted.
    assert.deepEqual((await refused("I don't understand french, what does this say", text)).plan.tasks.map((t) => [t.task, t.args.target_language]), [['translation', 'en']]);
    assert.deepEqual((await refused('help me understand this sign, I only speak english')).plan.tasks.map((t) => [t.task, t.args.target_language]), [['ocr', undefined], ['translation', 'en']]);
    // A yes/no question offers its predicate and its denial as the labels (before: no labels, an invalid plan).
    assert.deepEqual((await refused('is this spam', text)).plan.tasks.map((t) => [t.task, t.args.labels]), [['zero-shot-classification', ['spam', 'not spam']]]);
    // What a text said to be in another language means is its words in the user's (before: a sentence of it, or a sentiment, for "mean").
    assert.deepEqual((await refused('the sign is in spanish, what does it mean')).plan.tasks.map((t) => [t.task, t.args.target_language]), [['ocr', undefined], ['translation', 'en']]);
    assert.deepEqual((await refused('the note is in catalan, what does it mean', text)).plan.tasks.map((t) => [t.task, t.args.target_language]), [['translation', 'en']]);
    // The text named by what it is, in a clause that wants it in a language, is the material (before: a question answered from the email first).
    assert.deepEqual((await refused('turn this email into spanish and read it to me slowly', text)).plan.tasks.map((t) => t.task), ['translation', 'text-to-speech']);
    // "Do a …" tells to do (before: a question whether the text is French, answered by language identification).
    assert.deepEqual((await refused('do a french version of this text', text)).plan.tasks.map((t) => [t.task, t.args.target_language]), [['translation', 'fr']]);
    // The people a text names are its entities, not a picture drawn from it to find poses in (before: an invalid plan, exit 2).
    assert.deepEqual((await refused('which people and organisations come up in this article', text)).plan.tasks.map((t) => t.task), ['token-classification']);
  });

  it('reads a misspelt task word as the documented one, and notes it', async () => {
    const outcome = await new BuiltinController().plan({ request: 'sumarize this: \'The library is closed on Sunday. It opens on Monday.\'', catalog: defaultCatalog(), files: new Map() });
    assert.deepEqual(outcome.plan.tasks.map((t) => t.task), ['summarization']);
    assert.ok(outcome.notes.includes('read "sumarize" as "summarize"'), outcome.notes.join('; '));
  });
});
