import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCatalog } from '../app/default-catalog.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import type { SentenceEncoder } from '../retrieval/sentence-encoder.js';
import { BuiltinController } from './builtin-controller.js';

const REQUEST = "Translate 'good morning' into Spanish and read it aloud";

describe('BuiltinController', () => {
  it('plans with each step checked by meaning (the local encoder)', async () => {
    const outcome = await new BuiltinController().plan({ request: REQUEST, catalog: defaultCatalog(), files: new Map() });
    assert.deepEqual(outcome.plan.tasks.map((t) => t.task), ['translation', 'text-to-speech']);
    assert.ok(!outcome.notes.some((n) => n.includes('words alone')));
  });

  it('plans by words alone, and says why, when the encoder fails', async () => {
    const broken: SentenceEncoder = {
      model: 'broken',
      embed: async () => {
        throw new TroupeError(ErrorCode.ExpertFailed, 'the local sentence encoder failed: no weights');
      },
    };
    const outcome = await new BuiltinController(undefined, broken).plan({ request: REQUEST, catalog: defaultCatalog(), files: new Map() });
    assert.deepEqual(outcome.plan.tasks.map((t) => t.task), ['translation', 'text-to-speech']);
    assert.ok(outcome.notes.includes('planned by words alone: the local sentence encoder failed: no weights'), outcome.notes.join('; '));
  });
});
