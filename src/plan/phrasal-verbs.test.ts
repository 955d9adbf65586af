import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainVerbs } from './phrasal-verbs.js';

describe('phrasal verbs', () => {
  it('reads a phrasal verb as the one verb documentation would use', () => {
    assert.equal(plainVerbs('could you come up with a few slogans'), 'could you generate a few slogans');
    assert.equal(plainVerbs('figure out what it says'), 'determine what it says');
    assert.equal(plainVerbs('Sum it up for me, then look for videos about it'), 'summarize for me, then search videos about it');
    assert.equal(plainVerbs('read it aloud'), 'speak aloud');
    assert.equal(plainVerbs('read the sign out').trim(), 'speak aloud the sign');
    // Speeding up is faster, not a speed factor; the word "speed" stays for tools named by it.
    assert.equal(plainVerbs('speed up the video').replace(/\s+/g, ' '), 'speed faster the video');
    assert.equal(plainVerbs('slow it down').trim(), 'slow slower it');
    // Turning off or on is switching, not turning text into speech (before: "turn off the lights" spoke "off the lights").
    assert.equal(plainVerbs('turn off the lights'), 'switch off the lights');
    // Typing out is writing down (before: "type out this audio for me" was an audio conversion).
    assert.equal(plainVerbs('type out this audio for me').replace(/\s+/g, ' '), 'write down this audio for me');
    // Turning something into something else is no turning: what it becomes says the step.
    assert.equal(plainVerbs('turn the text into speech'), 'the text into speech');
    assert.equal(plainVerbs('turn the image to the left'), 'turn the image to the left');
  });

  it('reads figuring out "it" as no verb at all: the object would say the task, and there is none', () => {
    assert.equal(plainVerbs('Can you figure it out for me').replace(/\s+/g, ' '), 'Can you for me');
    assert.equal(plainVerbs('After figuring out this').trim(), 'After');
    assert.equal(plainVerbs('figure out this image’s category'), 'determine this image’s category');
  });

  it('leaves other uses of the same words alone', () => {
    assert.equal(plainVerbs('come with me, look at the picture, read the sign'), 'come with me, look at the picture, read the sign');
  });
});
