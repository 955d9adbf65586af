import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCatalog } from '../app/default-catalog.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import type { SniffedFile } from '../core/modality.js';
import { draftPlan } from './draft-plan.js';

const catalog = defaultCatalog();
const given = (path: string, modality: SniffedFile['modality']) => new Map<string, SniffedFile>([[path, { modality, mime: 'application/octet-stream' }]]);
const text = given('article.txt', 'text');
const photo = given('table.jpg', 'image');
const types = (request: string, files: Map<string, SniffedFile>) => draftPlan(request, catalog, files).plan.tasks.map((t) => t.task);

describe('questions about a given text: answer-sentence selection as the last resort', () => {
  it('answers an open question about a text that no other step answers, in the user words', () => {
    const drafted = draftPlan('who is the mayor?', catalog, text);
    assert.deepEqual(drafted.plan.tasks.map((t) => [t.task, t.args]), [['question-answering', { text: { file: 'article.txt' }, question: 'who is the mayor?' }]]);
    assert.match(drafted.notes.join(' '), /asks a question about article\.txt/);
    assert.deepEqual(types('according to this article, when will the library open?', text), ['question-answering']);
  });

  it('leaves the question to the step that gives what it asks for', () => {
    // A feeling offered as the answer is sentiment; a text's answerer is not a step before it.
    assert.deepEqual(types('is this document happy or sad in tone', text), ['sentiment-analysis']);
    assert.deepEqual(types('who is named in this article?', text), ['token-classification']);
    assert.deepEqual(types('summarize it', text), ['summarization']);
  });

  it('does not answer a question about a photo from the text read off it, nor take the question as its own text', () => {
    // Before: OCR, then question answering over the (absent) text of the photo.
    assert.deepEqual(types('how many cups are on the table', photo), ['object-detection']);
    // Before: the question answered from its own words.
    assert.throws(() => draftPlan("What's the weather in Madrid today?", catalog, new Map()), (e) => TroupeError.is(e, ErrorCode.NoPlan));
  });
});
