import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCatalog } from '../app/default-catalog.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import type { SniffedFile } from '../core/modality.js';
import { draftPlan } from './draft-plan.js';
import { intoGoal, intoGoalTerms } from './into-goal.js';

const catalog = defaultCatalog();
const photo = new Map<string, SniffedFile>([['photo.jpg', { modality: 'image', mime: 'image/jpeg' }]]);

describe('what a thing is to become, after "into"', () => {
  it('is a goal of its own when it is no kind, language or format', () => {
    assert.deepEqual(intoGoal('turn this photo into a cartoon', catalog), { said: 'a cartoon', terms: ['cartoon'] });
    assert.deepEqual(intoGoalTerms('make it into a negative', catalog), ['neg']);
    for (const kind of ['turn this into an mp3', 'put this into French', 'turn the voice into text', 'turn it into an interesting video', 'turn this into an audiobook', 'summarize it into three sentences']) {
      assert.deepEqual(intoGoalTerms(kind, catalog), [], kind);
    }
  });

  it('a goal no type documents is refused plainly, not planned as the nearest picture tool', () => {
    // Before: "turn" read as rotating; then image segmentation, the nearest in meaning.
    assert.throws(
      () => draftPlan('turn this photo into a cartoon', catalog, photo),
      (e: unknown) => e instanceof TroupeError && e.code === ErrorCode.NoPlan && /into a cartoon/.test(e.message),
    );
    assert.deepEqual(draftPlan('turn it into a negative', catalog, photo).plan.tasks.map((t) => [t.task, t.args.operation]), [['image-to-image', 'invert']]);
  });
});
