import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { senseWords } from './word-senses.js';

describe('word senses', () => {
  it('adds the documentation word for each sense a clause carries, and nothing otherwise', () => {
    assert.equal(senseWords('figure out its category'), ' classify');
    assert.equal(senseWords('condense it and compare it with the phrase'), ' similar summarize');
    assert.equal(senseWords('translate this letter'), '');
    assert.equal(senseWords("help me figure out what's in the image"), ' classify');
    assert.equal(senseWords('tell me its main subject'), ' classify');
    assert.equal(senseWords("change the main subject's color to red"), '');
    assert.equal(senseWords('identify distinct elements within the image'), ' segment');
    assert.equal(senseWords('find some pictures of golden retrievers online'), ' internet search');
  });
});
