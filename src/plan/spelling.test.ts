import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCatalog } from '../app/default-catalog.js';
import { Catalog } from '../catalog/catalog.js';
import { TaskTypeSchema } from '../core/task-type.js';
import { correctSpelling } from './spelling.js';

const catalog = defaultCatalog();
const read = (request: string) => correctSpelling(request, catalog).text;

describe('misspelt words read as the documentation\'s words', () => {
  it('corrects a typo in the word that names the task', () => {
    assert.equal(read('transcibe the audio'), 'transcribe the audio');
    assert.equal(read('sumarize this please'), 'summarize this please');
    assert.equal(read('detct the objcts'), 'detect the objects');
    assert.deepEqual(correctSpelling('make the recordng louder', catalog).notes, ['read "recordng" as "recording"']);
  });

  it('reads a misspelt language name as the language, capitalised or not, and leaves real words and names alone', () => {
    assert.equal(read('translate to portugese'), 'translate to portuguese');
    assert.equal(read('put it in Portugese please'), 'put it in Portuguese please');
    assert.equal(read('translate it into germn'), 'translate it into german');
    assert.equal(read('a letter from Dane to Greet'), 'a letter from Dane to Greet');
    assert.equal(read('read it in Spanish'), 'read it in Spanish');
  });

  it('takes a rare English word one edit from a common documented one for its typo', () => {
    // "Summerize" (to ready for summer) and "summery" are in WordNet, but no tagged text uses them (before: left alone, and refused).
    assert.equal(correctSpelling('summerize pls', catalog).text, 'summarize pls');
    // British spelling is measured as the documentation's: "summerise" is one edit from summarize, as "summerize" is.
    assert.equal(correctSpelling('can you summerise the article', catalog).text, 'can you summarize the article');
    assert.equal(correctSpelling('summarise this', catalog).text, 'summarise this');
    // Of several words one edit away, the one that doubles a letter ("writen": written, not write or writer).
    assert.equal(correctSpelling('whats writen on this thing', catalog).text, "what's written on this thing");
    assert.equal(correctSpelling('give me a summery', catalog).text, 'give me a summary');
    assert.equal(correctSpelling('make the photo sepia', catalog).text, 'make the photo sepia');
  });

  it('puts back the apostrophe of a contraction typed without it, outside quotes', () => {
    assert.equal(read('whats in the image'), "what's in the image");
    assert.equal(read("say 'whats up'"), "say 'whats up'");
  });

  it('leaves English words, irregular forms, short words, names, quoted text and file names alone', () => {
    for (const request of ['Maria Lopez wrote the letter', 'Can u tell what ppl say', "Translate 'Bonjor tout le monde' into Spanish", 'convert sign.png to jpg', 'the children spoke better', 'Read "recieve the parcell" aloud']) {
      assert.equal(read(request), request);
    }
  });

  it('guesses nothing when two documented words are equally near, and learns the words of imported tools', () => {
    const tiny = new Catalog([TaskTypeSchema.parse({ id: 'grader', name: 'Grader', description: 'grades a text or a test', inputs: [{ name: 'text', modality: 'text' }], output: { modality: 'text' } })], []);
    assert.deepEqual(correctSpelling('grade this tezt', tiny).notes, [], 'text and test are both one edit away');
    assert.equal(correctSpelling('gradre this', tiny).text, 'grader this');
  });
});
