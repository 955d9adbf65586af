import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCatalog } from '../app/default-catalog.js';
import { materialWords, takesMaterial } from './material-words.js';
import { analyzeRequest } from './request-analysis.js';
import { planWithoutLlm } from './builtin-planner.js';
import { planRequest } from '../app/run-request.js';
import { BuiltinController } from '../controller/builtin-controller.js';

const catalog = defaultCatalog();
const material = (request: string, type: string) => materialWords(analyzeRequest(request).clauses[0]!, catalog.taskType(type)!);

describe('the text a request gives in its own words, unquoted', () => {
  it('is the clause less what to do with it, the language it goes into, and the words for a piece of text', () => {
    assert.equal(material('say hello world', 'text-to-speech'), 'hello world');
    assert.equal(material('translate good morning into French', 'translation'), 'good morning');
    assert.equal(material('how do you say thank you very much in Catalan', 'translation'), 'thank you very much');
    assert.equal(material("what's good morning in Spanish", 'translation'), 'good morning');
    assert.equal(material('what language is bonjour mon ami', 'language-identification'), 'bonjour mon ami');
    assert.equal(material('speak the words thank you', 'text-to-speech'), 'thank you');
    // Function words that are the material's own stay.
    assert.equal(material('say i love you out loud', 'text-to-speech'), 'i love you');
    // What follows a colon is the text.
    assert.equal(material('Read the following out loud: the train leaves at nine', 'text-to-speech'), 'the train leaves at nine');
  });

  it('is nothing when no word names what to do with it, or nothing is left', () => {
    assert.equal(material("what's the weather like tomorrow", 'language-identification'), undefined);
    assert.equal(material('read it aloud', 'text-to-speech'), undefined);
    // Words about a file not given describe it; they are not the text ("read the sign in this photo" with no photo).
    assert.equal(material('read the sign in this photo', 'text-to-speech'), undefined);
  });

  it('is taken only by a type that takes the text itself, not a prompt for something to make', () => {
    assert.equal(takesMaterial(catalog.taskType('translation')!.inputs[0]!), true);
    assert.equal(takesMaterial({ name: 'text', modality: 'text', required: true, description: 'what the picture should show' }), false);
  });

  it('makes a request with no file and no quote a plan (before: "say hello world" planned speech recognition with no recording)', () => {
    const plan = planWithoutLlm('say hello world', catalog, new Map()).plan.tasks;
    assert.deepEqual(plan.map((t) => [t.task, t.args.text]), [['text-to-speech', 'hello world']]);
    const translated = planWithoutLlm('translate good morning into french', catalog, new Map()).plan.tasks;
    assert.deepEqual(translated.map((t) => [t.task, t.args.text, t.args.target_language]), [['translation', 'good morning', 'fr']]);
  });

  it('leaves a prompt for something to make to the request\'s words: a refusal names what was asked', async () => {
    // Before: "email" matched the answerer's documentation, which had no text to answer from.
    // As the built-in controller plans, meaning included.
    const plan = (request: string) => planRequest(request, [], new BuiltinController(), catalog);
    await assert.rejects(() => plan('send an email to my boss'), /asks for text generation/);
    await assert.rejects(() => plan('read the sign in this photo'), /required image input "image" is missing/);
  });
});
