import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionTerms, terms } from './tokenize.js';

describe('terms', () => {
  it('takes irregular forms back to their verb before stemming', () => {
    assert.deepEqual(terms('the spoken words'), terms('speak words'));
    assert.deepEqual(terms('a drawing she drew'), terms('drawing draw'));
  });

  it('matches British spellings to American ones', () => {
    assert.deepEqual(terms('summarise the colour, analysing and colourising it'), terms('summarize the color, analyzing and colorizing it'));
    assert.deepEqual(terms('noise exercise'), ['nois', 'exercis']);
  });

  it('reads nouns of action as their verb where Porter leaves them apart', () => {
    assert.deepEqual(actionTerms('transcription descriptions classification identification recognition'), actionTerms('transcribe describe classify identify recognize'));
    assert.deepEqual(actionTerms('a comparison, an analysis, the production, its conversion, an explanation'), actionTerms('compare analyze produce convert explain'));
    assert.deepEqual(actionTerms('translation segmentation versions'), ['translat', 'segment', 'version']);
    assert.notDeepEqual(terms('transcription'), terms('transcribe'), 'plain terms (API retrieval) keep Porter\'s stems');
  });

  it('keeps "news" apart from "new" and drops function words', () => {
    assert.notDeepEqual(terms('news'), terms('new'));
    assert.deepEqual(terms('the photo of a cat'), terms('photo cat'));
    assert.deepEqual(terms('it could possibly belong to a class, perhaps'), terms('belong class'));
  });

  it('reads a one-letter prefix as part of its word ("e-mail" is "email"), and nothing longer', () => {
    assert.deepEqual(terms('an e-mail or an x-ray'), terms('an email or an xray'));
    assert.deepEqual(terms('text-to-speech'), ['text', 'speech']);
    // The "'s" of "what's" or a possessive is no word (it matched "person's" in documentation).
    assert.deepEqual(terms("what's in the speaker's voice"), terms('what in the speaker voice'));
  });

  it('reads users\' short words for kinds as the documentation\'s, for the planner only', () => {
    assert.deepEqual(actionTerms('this pic, that vid'), actionTerms('this picture, that video'));
    assert.deepEqual(terms('pic'), ['pic']);
    // "ppl" are people (before: an unknown word, and "the mood of the ppl in this pic" was a text's sentiment, read off the photo).
    assert.deepEqual(actionTerms('the ppl in this msg'), actionTerms('the people in this message'));
  });
});
