import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCatalog } from '../app/default-catalog.js';
import { askedProperties, withoutJudging } from './asked-properties.js';
import { reachAsked } from './reach-asked.js';

// Phrasings written for these tests, none of them in the everyday request tables.
const words = (request: string) => askedProperties(request).map((a) => a.words.join('|'));

describe('what a question asks to know, by lexicon rather than by verb', () => {
  it('a feeling offered as an answer, any word rated as carrying one, asks for sentiment or emotion', () => {
    assert.deepEqual(words('does the caller sound angry?'), ['sentiment|emotion']);
    assert.deepEqual(words('check whether the review is negative'), ['sentiment|emotion']);
    assert.deepEqual(words('is she cheerful or rude in this letter?'), ['sentiment|emotion']);
    assert.deepEqual(words('what is the tone of this email?'), ['sentiment|emotion']);
    // A noun for feeling named as the thing to tell (before: the word "mood", which no type gives).
    assert.deepEqual(words('give me the mood of this note'), ['sentiment|emotion']);
    assert.deepEqual(words("what's the mood of the people in this photo"), ['sentiment|emotion']);
    // "What is" is no "what X" (before: "is" was taken for the thing asked, and the mood lost).
    assert.deepEqual(words('what is the mood of the people in this picture'), ['sentiment|emotion']);
    // How long something lasts is its duration.
    assert.deepEqual(words('how many seconds of speech are there'), ['duration']);
  });
  it('a noun rated as carrying a feeling names a kind of thing, not a feeling (before: sentiment for "spam")', () => {
    assert.deepEqual(words('is this mail a fraud or not'), []);
    assert.deepEqual(words('is the writer furious or not'), ['sentiment|emotion']);
    // A question for a thing offers no feeling as its answer (before: sentiment, for "agreed").
    assert.deepEqual(words('what was agreed at the meeting?'), []);
    // How someone feels asks a feeling; a yes-or-no question ending on one offers it (before: nothing asked).
    assert.deepEqual(words('how is the old man feeling'), ['sentiment|emotion']);
    assert.deepEqual(words('is the note on the fridge door friendly?'), ['sentiment|emotion']);
    // What a thing is about is its gist (before: nothing asked).
    // A contraction links too ("it's positive"), and "give me a …" asks for the thing.
    assert.deepEqual(words("tell me if it's cheerful"), ['sentiment|emotion']);
    assert.deepEqual(words('give me a transcript'), ['transcript']);
    assert.deepEqual(words('what is this lecture about?'), ['summary']);
    assert.deepEqual(words('what did the guests talk about'), ['summary']);
    // Not what is said about one thing: that is a question for the text.
    assert.deepEqual(words('what did she say about the rent'), []);
  });

  it('a thing asked for at the end of a clause, with no "of", is asked too', () => {
    // Before: "summarise and tell me the mood" asked nothing, and planned the summary alone.
    assert.deepEqual(words('summarise and tell me the mood'), ['sentiment|emotion']);
    assert.deepEqual(words('tell me the language, please'), ['language']);
    assert.deepEqual(words('tell me the way to go home'), []);
  });

  it('what someone is talking about is the gist, and a clause split off at "and whether" still asks', () => {
    assert.deepEqual(words('what are they talking about in this recording, roughly?'), ['summary']);
    assert.deepEqual(words('whether they look happy'), ['sentiment|emotion']);
  });

  it('a feeling asked of what something is about, and the gist said with an adverb', () => {
    assert.deepEqual(words('is the person talking in the video positive about it'), ['sentiment|emotion']);
    assert.deepEqual(words('what is the lecture mainly about'), ['summary']);
  });

  it('what someone feels, asked with "what", is their feeling too', () => {
    // Before: no property, and a photo's people were counted.
    assert.deepEqual(words('what do the people feel'), ['sentiment|emotion']);
  });

  it('"how" before an adjective asks what the adjective measures; "how many" is a count', () => {
    assert.deepEqual(words('how old is she'), ['age']);
    assert.deepEqual(words('how many cars are there'), []);
  });

  it('a language offered as an answer asks for the language; one to translate into does not', () => {
    assert.deepEqual(words('is this paragraph in French?'), ['language']);
    assert.deepEqual(words('tell me whether the caption is Dutch'), ['language']);
    assert.deepEqual(words('could you put this into French?'), []);
    // A how-question asks for a way of saying it, in that language.
    assert.deepEqual(words("how do you say 'good night' in Catalan?"), []);
    assert.deepEqual(words('what is said in this video, in Spanish?'), []);
  });

  it('a part of a thing is no property of it, and a second question joined by "and" is asked too', () => {
    // Before: "parts" asked for parts of speech (transcribed and tagged).
    assert.deepEqual(askedProperties('show me the sections of the audio where someone talks'), []);
    assert.deepEqual(askedProperties('what language is spoken and is the speaker happy').map((a) => a.words[0]), ['language', 'sentiment']);
  });

  it('an action asked in question form asks nothing (before: "brighter" asked for a sentiment)', () => {
    assert.deepEqual(words('can you make it brighter?'), []);
    assert.deepEqual(words('how do I make it brighter?'), []);
  });

  it('courtesy, statements and quoted words ask nothing', () => {
    assert.deepEqual(words('please summarize this, I would love a short version'), []);
    assert.deepEqual(words("say 'I am so happy' out loud"), []);
    assert.deepEqual(words('make the picture brighter'), []);
  });

  it('a verb that judges how something comes across is no operation; one that acts keeps its place', () => {
    assert.equal(withoutJudging('tell me if it sounds cheerful'), 'tell me if it cheerful');
    assert.equal(withoutJudging('make it look sharper'), 'make it look sharper');
    // "Sound" before an adjective links it (before: speech synthesis, for "sound"); a noun after a determiner keeps it.
    assert.equal(withoutJudging('make the letter sound less stiff'), 'make the letter less stiff');
    assert.equal(withoutJudging('improve the sound quality'), 'improve the sound quality');
  });
});

describe('a question reached from the file it is about, by the fewest steps', () => {
  const catalog = defaultCatalog();
  const plan = (request: string, modality: 'audio' | 'image' | 'text') => reachAsked({ tasks: [] }, catalog, request, [{ path: `/f.${modality}`, modality }]).plan.tasks.map((t) => t.task);

  it('a feeling: of a recording, its words\' sentiment; of a photo, its faces\' emotion; of a text, its sentiment', () => {
    assert.deepEqual(plan('is the caller annoyed?', 'audio'), ['automatic-speech-recognition', 'sentiment-analysis']);
    assert.deepEqual(plan('does the man look sad?', 'image'), ['face-analysis']);
    assert.deepEqual(plan('is this letter rude?', 'text'), ['sentiment-analysis']);
  });

  it('a language: of a picture, of the text read off it', () => {
    assert.deepEqual(plan('is the writing on this Dutch?', 'image'), ['ocr', 'language-identification']);
  });

  it('nothing given, nothing reached', () => {
    assert.deepEqual(reachAsked({ tasks: [] }, catalog, 'does it sound angry?').plan.tasks, []);
  });
});
