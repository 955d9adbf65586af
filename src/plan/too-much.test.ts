import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { oppositeOfTooMuch } from './too-much.js';

describe('oppositeOfTooMuch: a complaint asks for the opposite of what it names', () => {
  it('reads "too" and an adjective as the adjective\'s opposites', () => {
    assert.equal(oppositeOfTooMuch('the video is too slow'), 'the video is fast');
    assert.equal(oppositeOfTooMuch('photo too dark, fix'), 'photo light lighten, fix');
    assert.match(oppositeOfTooMuch('the picture is too big'), /small/);
  });

  it('reads the opposite of the verb that makes a thing so, and what that verb makes ("too bright": darken, dark)', () => {
    assert.match(oppositeOfTooMuch('this photo is too bright'), /\bdarken dark\b/);
    assert.match(oppositeOfTooMuch('the audio is too quiet'), /\bloud\b/);
  });

  it('leaves an adjective with no opposite, and everything without "too", alone', () => {
    assert.equal(oppositeOfTooMuch('it is too xyzzy'), 'it is too xyzzy');
    assert.equal(oppositeOfTooMuch('make the video slow'), 'make the video slow');
  });
});
