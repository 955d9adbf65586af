import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkFiles, shown, tableOf } from './results.js';

describe('results as the page shows them', () => {
  it('a structured result becomes a table: a list of records, or the one list an object holds', () => {
    assert.deepEqual(tableOf({ faces: [{ box: [1, 2, 3.456, 4], age: 29 }, { box: [5, 6, 7, 8], gender: 'f' }] }), {
      caption: 'faces',
      columns: ['box', 'age', 'gender'],
      rows: [['1, 2, 3.46, 4', '29', ''], ['5, 6, 7, 8', '', 'f']],
    });
    assert.deepEqual(tableOf([{ start: 0.45, end: 1.89 }])?.rows, [['0.45', '1.89']]);
    assert.equal(tableOf({ a: [{ x: 1 }], b: [{ y: 2 }] }), undefined, 'two lists: no one table');
    assert.equal(tableOf({ label: 'POSITIVE' }), undefined);
  });

  it('each kind of output is shown as what it is; JSON text is parsed', () => {
    assert.deepEqual(shown({ kind: 'image', mime: 'image/png', url: '/artifacts/x' }), { as: 'image', url: '/artifacts/x' });
    assert.equal(shown({ kind: 'audio', mime: 'audio/wav' }), undefined, 'no URL yet: nothing to play');
    assert.equal(shown({ kind: 'json', mime: 'application/json', value: '[{"label":"cup","score":0.9}]' })?.as, 'table');
    assert.deepEqual(shown({ kind: 'text', mime: 'text/plain', value: 'hola' }), { as: 'text', text: 'hola' });
  });

  it('file paths in an answer become links named by the file', () => {
    const files = [{ url: '/artifacts/a1', name: 't1-ocr.txt' }];
    const parts = linkFiles('Result: "CLOSED" [../data/runs/r1/t1-ocr.txt]\nEverything is in ../data/runs/r1/', files);
    assert.deepEqual(parts, ['Result: "CLOSED" [', files[0], ']\nEverything is in ../data/runs/r1/']);
    assert.deepEqual(linkFiles('no files', files), ['no files']);
  });
});
