import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cosine } from './cosine.js';
import { localSentenceEncoder } from './sentence-encoder.js';

describe('local sentence encoder (Universal Sentence Encoder lite from its npm package, in a worker)', () => {
  it('places a request nearer the documentation of the task it asks for', async () => {
    const [request, translation, depth] = await localSentenceEncoder().embed([
      'decipher the German note for me',
      'Translation is the task of converting text from one language to another.',
      'Depth estimation is the task of predicting depth of the objects present in an image.',
    ]);
    assert.equal(request!.length, 512);
    assert.ok(cosine(request!, translation!) > cosine(request!, depth!) + 0.1);
  });

  it('embeds more texts than one batch, blank ones included, in order', async () => {
    const texts = Array.from({ length: 70 }, (_, i) => (i === 3 ? '  ' : `sentence number ${i} about ${i % 2 ? 'cats' : 'rockets'}`));
    const vectors = await localSentenceEncoder().embed(texts);
    assert.equal(vectors.length, 70);
    const [again] = await localSentenceEncoder().embed([texts[69]!]);
    assert.ok(cosine(vectors[69]!, again!) > 0.999);
    assert.ok(cosine(vectors[69]!, vectors[68]!) < cosine(vectors[69]!, vectors[67]!));
  });
});
