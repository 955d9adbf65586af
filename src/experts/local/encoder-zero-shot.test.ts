import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { runExpert, textArtifact } from '../../test-support/run-expert.js';
import { encoderZeroShot } from './encoder-zero-shot.js';

// Texts written for this test; the encoder is the real model from its npm package.
const best = async (text: string, labels: string[]) => ((await runExpert(encoderZeroShot, { text: textArtifact(text) }, { labels })).output.value as { best: string | null }).best;

describe('topic classification by similarity to the labels (sentence encoder, not entailment)', () => {
  it('tells what a text is about among the labels the request names', async () => {
    assert.equal(await best('The pasta was cold and the sauce tasted of nothing.', ['food', 'service']), 'food');
    assert.equal(await best('Our server was friendly and quick.', ['food', 'service']), 'service');
    assert.equal(await best('The striker scored twice in the second half and the home team won the cup.', ['sports', 'politics', 'technology']), 'sports');
    assert.equal(await best('The new phone has a faster chip and a better camera sensor.', ['sports', 'politics', 'technology']), 'technology');
  });

  it('says when the text is about as near to two labels, instead of picking one', async () => {
    const { output, note } = await runExpert(encoderZeroShot, { text: textArtifact('The waiter ignored us for half an hour and never brought the bill.') }, { labels: ['food', 'service'] });
    assert.equal((output.value as { best: string | null }).best, null);
    assert.match(note!, /no clear answer/);
  });

  it('names the method and the scores, and needs two labels', async () => {
    const { output, note } = await runExpert(encoderZeroShot, { text: textArtifact('Parliament passed the budget after a long debate.') }, { labels: ['sports', 'politics'] });
    assert.match(String((output.value as { method: string }).method), /not entailment/);
    assert.match(note!, /about politics more than sports \(similarity politics 0\.\d+, sports 0\.\d+\)/);
    await assert.rejects(runExpert(encoderZeroShot, { text: textArtifact('anything') }, { labels: ['only one'] }), (e) => TroupeError.is(e, ErrorCode.InvalidPlan));
  });
});
