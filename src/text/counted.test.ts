import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { artifactWords } from '../core/artifact.js';
import { counted, listed } from './counted.js';

describe('results in words', () => {
  it('counts things as people say them', () => {
    assert.equal(listed([counted(2, 'cup'), counted(1, 'dining table'), counted(3, 'person'), counted(1, 'orange')]), '2 cups, a dining table, 3 people and an orange');
    assert.equal(counted(2, 'bus'), '2 buses');
  });

  it('gives a step that reads text the words of a structured result, not its JSON', () => {
    assert.equal(artifactWords({ kind: 'json', mime: 'application/json', value: { objects: [] }, words: 'I see 2 cups.' }), 'I see 2 cups.');
    assert.equal(artifactWords({ kind: 'json', mime: 'application/json', value: { a: 1 } }), '{"a":1}');
  });
});
