import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { choicesIn } from './choices.js';

describe('the labels a request offers to choose from', () => {
  it('reads lists ended by "or", from the word that introduces them', () => {
    assert.deepEqual(choicesIn('is this review about food or service?'), ['food', 'service']);
    assert.deepEqual(choicesIn('is this article about sports, politics or technology'), ['sports', 'politics', 'technology']);
    assert.deepEqual(choicesIn('classify this email as spam or not spam'), ['spam', 'not spam']);
    assert.deepEqual(choicesIn('which is it: a complaint, a question or a compliment?'), ['complaint', 'question', 'compliment']);
  });
  it('offers nothing without a choice', () => {
    assert.equal(choicesIn('summarize this article'), undefined);
    assert.equal(choicesIn("translate 'tea or coffee' into French"), undefined);
  });
});
