import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadDocumentVectors, saveDocumentVectors } from './document-vectors.js';

describe('documentation vectors kept between processes', () => {
  it('gives back what was saved, for the same model only', () => {
    const env = { TROUPE_CACHE: mkdtempSync(join(tmpdir(), 'troupe-vectors-')) };
    const vectors = new Map([['Translate text.', Float32Array.from([0.25, -1.5, 3])], ['read the sign', Float32Array.from([1, 2, 3])]]);
    saveDocumentVectors('model-a 1.0', vectors, env);
    assert.deepEqual(loadDocumentVectors('model-a 1.0', env), vectors);
    assert.equal(loadDocumentVectors('model-a 1.1', env).size, 0);
    assert.deepEqual(readdirSync(env.TROUPE_CACHE).filter((f) => f.endsWith('.tmp')), []);
  });

  it('treats a damaged or unwritable cache as empty, without an error', () => {
    const env = { TROUPE_CACHE: mkdtempSync(join(tmpdir(), 'troupe-vectors-')) };
    saveDocumentVectors('m', new Map([['x', Float32Array.from([1])]]), env);
    const [file] = readdirSync(env.TROUPE_CACHE);
    writeFileSync(join(env.TROUPE_CACHE, file!), '{"model": "m", "vect');
    assert.equal(loadDocumentVectors('m', env).size, 0);
    saveDocumentVectors('m', new Map([['x', Float32Array.from([1])]]), { TROUPE_CACHE: '/proc/no-such-place' });
  });
});
