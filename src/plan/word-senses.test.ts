import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { senseWords } from './word-senses.js';

describe('word senses', () => {
  it('adds the documentation word for each sense a clause carries, and nothing otherwise', () => {
    assert.equal(senseWords('figure out its category'), ' classify');
    assert.equal(senseWords('condense it and compare it with the phrase'), ' similar summarize');
    assert.equal(senseWords('translate this letter'), '');
  });
});
