import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { runExpert, textArtifact } from '../../test-support/run-expert.js';
import { encoderAnswerSentence, questionProper } from './encoder-answer-sentence.js';

// A notice written for this test (not one of src/bench/answers); the encoder is the real model from its npm package.
const NOTICE =
  'Dear tenants, the heating will be off on Monday from 8 am to noon while the boiler is serviced. ' +
  'Please keep your windows closed to save heat. The caretaker, Ms Duarte, can be reached on 555 0199. ' +
  'Rubbish bins are now collected on Wednesdays instead of Thursdays.';

const ARTICLE =
  'The city council met on Tuesday to discuss the new library. Maria Lopez, the mayor, said the building would open in March. ' +
  'Residents from Lisbon Street asked for longer opening hours. The council agreed to open the library on Sundays. Everyone left the meeting pleased with the plan.';

const answer = async (question: string) => String((await runExpert(encoderAnswerSentence, { text: textArtifact(NOTICE) }, { question })).output.value);

describe('answer-sentence selection (sentence encoder)', () => {
  it('quotes the sentence of the text that answers the question, worded differently from it', async () => {
    assert.match(await answer('When will the radiators not work?'), /heating will be off on Monday/);
    assert.match(await answer('Who do I phone?'), /caretaker, Ms Duarte/);
    assert.match(await answer('According to this notice, which day is the garbage picked up?'), /collected on Wednesdays/);
  });

  it('says so, naming the nearest sentences, when none answers more clearly than another', async () => {
    await assert.rejects(
      runExpert(encoderAnswerSentence, { text: textArtifact(ARTICLE) }, { question: 'What colour is the library?' }),
      (e) => TroupeError.is(e, ErrorCode.NothingFound) && /no sentence of the text clearly answers "What colour is the library\?"/.test(e.message) && /the nearest two are as near .*"[^"]*library[^"]*"/.test(e.message),
    );
  });

  it('asks the question without the words that point at the text', () => {
    assert.equal(questionProper('According to this article, when will the library open?'), 'when will the library open?');
    assert.equal(questionProper('in the email: who should I call?'), 'who should I call?');
    assert.equal(questionProper('Who wrote it?'), 'Who wrote it?');
    assert.equal(questionProper('which street were the residents from, according to the text'), 'which street were the residents from');
    assert.equal(questionProper('tell me when the library is closed'), 'when the library is closed');
  });

  it('needs a question and a text', async () => {
    await assert.rejects(runExpert(encoderAnswerSentence, { text: textArtifact(NOTICE) }, {}), (e) => TroupeError.is(e, ErrorCode.InvalidPlan));
    await assert.rejects(runExpert(encoderAnswerSentence, { text: textArtifact('  ') }, { question: 'who?' }), (e) => TroupeError.is(e, ErrorCode.InputEmpty));
  });
});
