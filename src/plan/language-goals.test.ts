import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { languageGoals } from './language-goals.js';

describe('languageGoals: the languages a request names as properties', () => {
  it('reads the wanted language from "in", "into" and "to"', () => {
    assert.deepEqual(languageGoals('what does this notice say in spanish'), { target: 'es' });
    assert.deepEqual(languageGoals('Summarize this article and read the summary aloud in Catalan.'), { target: 'ca' });
    assert.deepEqual(languageGoals('Turn the transcript into Portuguese'), { target: 'pt' });
    assert.deepEqual(languageGoals('sign text -> french pls'), { target: 'fr' });
    assert.deepEqual(languageGoals('english → german'), { target: 'de', source: 'en' });
    // An indefinite article before the language asks for a thing in it; "this Spanish text" is given.
    assert.deepEqual(languageGoals('give me a Spanish audio version of this text'), { target: 'es' });
    // "The French for …" is the words wanted in French (before: no language, and no plan).
    assert.deepEqual(languageGoals('the spanish word for cheese'), { target: 'es' });
    assert.deepEqual(languageGoals('what is the French for it'), { target: 'fr' });
    assert.deepEqual(languageGoals('read it in a French voice'), { target: 'fr' });
    assert.deepEqual(languageGoals('book a table in a Spanish restaurant'), { source: 'es' });
    // A language said alone is the one wanted.
    assert.deepEqual(languageGoals('spanish pls'), { target: 'es' });
    // With no "into", a language before a result noun and after no determiner is wanted too.
    assert.deepEqual(languageGoals('english subtitles for this spanish speech'), { target: 'en', source: 'es' });
    assert.deepEqual(languageGoals('spanish speech into english'), { target: 'en', source: 'es' });
  });

  it('tells the language of what is given from the one wanted', () => {
    // A thing said to be in a language is in it: "this is in Spanish" is no goal (before: translated into Spanish).
    assert.deepEqual(languageGoals('this is in spanish, put it in english'), { target: 'en', source: 'es' });
    assert.deepEqual(languageGoals("it's written in german. translate to english"), { target: 'en', source: 'de' });
    // Of two languages said with "in", the other than the last is the source's.
    assert.deepEqual(languageGoals('My grandmother sent this voice message in Spanish, what does she say in English?'), { target: 'en', source: 'es' });
    assert.deepEqual(languageGoals("Translate this Spanish text into English: 'La biblioteca está cerrada.'"), { target: 'en', source: 'es' });
    assert.deepEqual(languageGoals('Translate it from French to Spanish'), { target: 'es', source: 'fr' });
    assert.deepEqual(languageGoals('the letter is in French; put it into English'), { target: 'en', source: 'fr' });
  });

  it('names no goal for a language offered as the answer to a yes-or-no question', () => {
    // Before: "is it in French?" translated the text into French, then identified its language.
    assert.deepEqual(languageGoals('is it in French?'), {});
    assert.deepEqual(languageGoals('is this text in Spanish or English'), {});
    assert.deepEqual(languageGoals('is there a way to read it in French'), { target: 'fr' });
  });

  it('names no goal for a language that qualifies a person, or one inside a quote', () => {
    assert.deepEqual(languageGoals('I want to share this with my Spanish speaking friend'), {});
    assert.deepEqual(languageGoals("Say 'speak to me in French' out loud"), {});
  });

  it('reads a language the user does not know as the source, and wants the one they write in', () => {
    // Before: no goal; the sign was read and not translated.
    assert.deepEqual(languageGoals("i want to know what this says, i don't speak chinese"), { target: 'en', source: 'zh' });
    assert.deepEqual(languageGoals('what this paper say? i not understand german'), { target: 'en', source: 'de' });
    // A language named as the one wanted still wins.
    assert.deepEqual(languageGoals("I don't speak English, translate to Spanish please"), { target: 'es', source: 'en' });
    // A text said to be in another language, when what it says is asked; not when it is to be read aloud.
    assert.deepEqual(languageGoals("Can you help me understand what this sign says? I think it's in French."), { target: 'en', source: 'fr' });
    assert.deepEqual(languageGoals('the text is written in spanish, read it aloud'), { source: 'es' });
  });

  it('reads the language the user says they read as the one to have the result in', () => {
    // Before: no goal, and "speak" asked for speech synthesis.
    assert.deepEqual(languageGoals('help me understand this sign, I only speak english'), { target: 'en' });
    assert.deepEqual(languageGoals('I read spanish only. translate this'), { target: 'es' });
    assert.deepEqual(languageGoals('I speak French and this is in German, what does it say'), { target: 'fr', source: 'de' });
  });
});
