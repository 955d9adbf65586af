import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asksWhatIsReported, withoutReporting } from './reported-speech.js';
import { analyzeRequest, followsUp } from './request-analysis.js';

describe('a question about what is said in a file', () => {
  it('reports with its verb, which names no operation', () => {
    assert.ok(asksWhatIsReported('does she say where she lives'));
    assert.ok(asksWhatIsReported('when is the deadline he talks about'));
    assert.equal(withoutReporting('does she say where she lives').replace(/\s+/g, ' '), 'does she where she lives');
  });

  it('asking for the words themselves keeps the verb', () => {
    for (const q of ['what does she say', 'what does the person in the video say', "what's it say", 'me want know what he say']) {
      assert.ok(!asksWhatIsReported(q), q);
      assert.equal(withoutReporting(q), q);
    }
  });

  it('"mention" reports in a yes/no question only: asked who, the names mentioned are the answer', () => {
    assert.ok(asksWhatIsReported('does he mention the deadline'));
    assert.ok(!asksWhatIsReported('who does he mention'));
  });

  it('talking and speaking report only what they are about: "when does he talk" asks when the speech is', () => {
    assert.ok(!asksWhatIsReported('when does he talk'));
    assert.equal(withoutReporting('when is the party she talks about').replace(/\s+/g, ' '), 'when is the party she ');
  });

  it('no question, no report: "say it aloud" asks for speech', () => {
    assert.ok(!asksWhatIsReported('say it aloud'));
  });
});

describe('a short question that asks the detail of a yes/no question', () => {
  it('is one clause with it', () => {
    assert.ok(followsUp('is there an address on this poster?', 'which one'));
    assert.deepEqual(analyzeRequest('is there an address on this poster? which one').clauses.map((c) => c.text), ['is there an address on this poster? which one']);
  });

  it('not after an open question, nor a long one', () => {
    assert.ok(!followsUp('what is the price?', 'how much'));
    assert.equal(analyzeRequest('is it in French? what does it say about the weather tomorrow').clauses.length, 2);
  });
});
