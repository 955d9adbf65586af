import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCatalog } from '../app/default-catalog.js';
import { TaskTypeSchema } from '../core/task-type.js';
import { languageEffects, servedLanguages } from './effects.js';

describe('language effects, read off the documentation schema', () => {
  const catalog = defaultCatalog();
  const of = (id: string) => languageEffects(catalog.taskType(id)!);

  it('translation sets the language, OCR and speech recognition read one, text-to-speech voices one, summarization keeps it', () => {
    assert.deepEqual(of('translation').sets, { target: 'target_language', source: 'source_language' });
    assert.deepEqual(of('ocr').reads, { param: 'language', default: 'en' });
    assert.deepEqual(of('automatic-speech-recognition').reads, { param: 'language', default: 'en' });
    assert.equal(of('text-to-speech').voice, 'language');
    assert.equal(of('summarization').keeps, true);
    // A structured result of a picture names what it found in English words.
    assert.deepEqual(of('object-detection'), { labels: 'en' });
  });

  it('gives an imported type documented the same way the same effects, with no hand work', () => {
    const imported = TaskTypeSchema.parse({
      id: 'deepl-translate',
      name: 'DeepL translate',
      description: 'Translate a text',
      inputs: [{ name: 'text', modality: 'text' }],
      output: { modality: 'text' },
      params: { type: 'object', properties: { from: { type: 'string', format: 'language', description: 'the language it is written in, from' }, to: { type: 'string', format: 'language' } } },
    });
    assert.deepEqual(languageEffects(imported).sets, { target: 'to', source: 'from' });
  });

  it("knows which languages a type's experts serve, and that a tool list without experts says nothing", () => {
    assert.ok(servedLanguages(catalog, 'translation')?.has('es'));
    assert.equal(servedLanguages(catalog, 'translation')?.has('zh'), false);
    assert.equal(servedLanguages(catalog, 'no-such-type'), undefined);
  });
});
