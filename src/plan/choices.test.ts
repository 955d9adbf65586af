import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { choicesIn, introducedChoices } from './choices.js';

describe('the labels a request offers to choose from', () => {
  it('reads lists ended by "or", from the word that introduces them', () => {
    assert.deepEqual(choicesIn('is this review about food or service?'), ['food', 'service']);
    assert.deepEqual(choicesIn('is this article about sports, politics or technology'), ['sports', 'politics', 'technology']);
    assert.deepEqual(choicesIn('classify this email as spam or not spam'), ['spam', 'not spam']);
    assert.deepEqual(choicesIn('which is it: a complaint, a question or a compliment?'), ['complaint', 'question', 'compliment']);
  });
  it('reads a list after "one of:" or "from:" as labels, with no "or" (before: each item its own clause)', () => {
    assert.deepEqual(introducedChoices('sort this text into one of: sports, politics, business'), ['sports', 'politics', 'business']);
    assert.deepEqual(choicesIn('pick from these labels: billing, shipping and returns'), ['billing', 'shipping', 'returns']);
    // Not a list after any colon, nor one that points at the material: those are steps.
    assert.equal(choicesIn('steps: blur, rotate, grayscale'), undefined);
    assert.equal(choicesIn('do one of these: translate it, read it'), undefined);
  });
  it('reads "X or not" as X and its denial (before: "not" was a label)', () => {
    assert.deepEqual(choicesIn('is this message junk or not'), ['junk', 'not junk']);
  });
  it('tells labels introduced as such from things named to look for', () => {
    assert.deepEqual(introducedChoices('is it fiction or not'), ['fiction', 'not fiction']);
    assert.equal(introducedChoices('any names or dates in it?'), undefined);
  });
  it('offers nothing without a choice', () => {
    assert.equal(choicesIn('summarize this article'), undefined);
    assert.equal(choicesIn("translate 'tea or coffee' into French"), undefined);
  });
});
