import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asksQuestion, asksSomething, asksWhatIs, FRAMING, politeRequest, setsScene } from './speech-act.js';

describe('what a sentence of a request does', () => {
  it('reads what the user can barely do as the reason for asking, not a request', () => {
    assert.ok(setsScene('i can barely hear anything in this recording'));
    assert.ok(!setsScene('can you boost it'));
  });

  it('reads "do a …" as an imperative, not a question: a singular subject would take "does"', () => {
    assert.ok(!asksQuestion('do a french version of this sign'));
    assert.ok(asksQuestion('do the people look happy'));
    assert.ok(asksQuestion('does a man speak in this recording'));
  });

  it('asks: wishes, questions, pleas and bare imperatives', () => {
    for (const s of [
      'Could you transcribe it?',
      'Translate this into French.',
      'I would also like a segmented image of the living room.',
      "I'm trying to learn French and would love to translate a phrase from English to French.",
      'I am wondering if I could convert it into a depth-estimated image.',
      "I'm curious about the formal entities in it.",
      'We are really interested in the objects in this photo.',
      // What a colon introduces is asked (before: "the poster" opened a statement).
      'the poster: who is performing and when',
      // A wish with an adverb before its verb (before: a statement, and the request asked nothing).
      'the audio is 10 minutes, I only need the first minute',
      'i just want the text',
    ])
      assert.ok(asksSomething(s), s);
    assert.ok(!asksSomething('I have an image: example.jpg'));
  });

  it('sets the scene: what the user has, did or is doing', () => {
    for (const s of ["I've got this image named example.jpg.", 'I recorded a lecture last week.', 'The audio quality is poor.']) {
      assert.ok(!asksSomething(s) || setsScene(s), s);
    }
    // Supposing is no imperative: the pieces of "find one, named 'example.jpg,' teeming with…" ask for nothing.
    assert.ok(!asksSomething("Imagine you are going through my photo collection and find one, named 'example.jpg,' teeming with different elements."));
    assert.ok(!asksSomething("Let's say I have a photo titled 'example.jpg'."));
    assert.ok(!asksSomething("Let's consider that I have an 'example.wav' audio file which has a noisy conversation in it."));
    assert.ok(asksSomething("Let's transcribe 'example.wav'."));
    assert.ok(asksSomething('Imagine the photo in sepia, could you do that?'));
    assert.ok(asksSomething("Say 'good morning' in Spanish."));
    assert.ok(!asksSomething('Say, you generated an image of the sky.'));
    assert.ok(setsScene("I've been working on an image-analysis project"));
    // Presenting the file, or what the user cannot do, is the reason for asking (before: "Attached
    // is a picture of a street sign" read the sign, and "what it says" then spoke it; "I don't have
    // time to read it" spoke the article).
    assert.ok(setsScene('Attached is a picture of a street sign from my trip'));
    assert.ok(setsScene('Here is an article I found'));
    assert.ok(setsScene("I don't have time to read it"));
    assert.ok(!setsScene('here is my question: what does it say, please'));
    assert.ok(!setsScene("I'm curious about what it represents"));
  });

  it('sets the framing of a request aside, "give me" and "let me know" included', () => {
    const framed = (s: string) => s.replace(FRAMING, ' ').replace(/\s+/g, ' ').trim();
    assert.equal(framed('Could you please give me a short summary'), 'a short summary');
    assert.equal(framed('let me know what the speaker says'), 'what the speaker says');
    assert.equal(framed('Would it be possible for you to assist me in extracting the text'), 'in extracting the text');
    assert.equal(framed('would you be able to segment it'), 'segment it');
  });

  it('tells a question about what is from an action asked in question form', () => {
    for (const q of ['what color is the cup?', 'where are the silent parts?', 'are there parts without speech?', 'tell me if she sounds happy', 'Can u tell what ppl say in this clip and if they happy', 'how many seconds of speech are there']) {
      assert.equal(asksWhatIs(q), true, q);
    }
    for (const q of ['can you make it brighter?', 'what would it look like in black and white?', 'how do I make it brighter?', 'Can we try transforming it into a cityscape?', 'How about we change the color to blue?', 'If I give you instructions, can you edit the image?', 'rotate it']) {
      assert.equal(asksWhatIs(q), false, q);
    }
  });

  it('reads a polite request as asking for an action, unless it asks whether', () => {
    assert.equal(politeRequest('can you make it brighter?'), true);
    assert.equal(politeRequest('Could you condense it?'), true);
    assert.equal(politeRequest('could you tell me if she sounds happy?'), false);
    assert.equal(politeRequest('could you tell me what he says?'), false);
    assert.equal(politeRequest('make it brighter'), false);
  });
});
