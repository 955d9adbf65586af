import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findLanguage, languageMentions } from './languages.js';

describe('languages named in a request', () => {
  it('finds a language by code, English name or its own name, accents or not', () => {
    assert.equal(findLanguage('es')?.name, 'Spanish');
    assert.equal(findLanguage('Spanish')?.code, 'es');
    assert.equal(findLanguage('Español')?.code, 'es');
    assert.equal(findLanguage('français')?.code, 'fr');
    assert.equal(findLanguage('Klingon'), undefined);
  });

  it('reads the word before a name as what the language is to the request', () => {
    const said = (text: string) => languageMentions(text).map((m) => [m.language.code, m.preposition]);
    assert.deepEqual(said('translate this into French'), [['fr', 'into']]);
    assert.deepEqual(said('sign text -> french'), [['fr', 'into']]);
    // "En" is "in" in French and Spanish (before: "en español" named no language, an invalid plan).
    assert.deepEqual(said('en español'), [['es', 'in']]);
    assert.deepEqual(said('is it English?'), [['en', undefined]]);
    // Codes are not names: "is" and "an" are words.
    assert.deepEqual(said('it is an apple'), []);
  });
});
