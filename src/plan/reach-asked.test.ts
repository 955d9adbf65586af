import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCatalog } from '../app/default-catalog.js';
import type { Plan } from '../core/plan.js';
import { askedProperties } from './asked-properties.js';
import { reachAsked } from './reach-asked.js';

const catalog = defaultCatalog();
const ocr: Plan = { tasks: [{ id: 't1', task: 'ocr', args: { image: { file: 'sign.png' } }, deps: [] }] };

describe('reachAsked: every question answered by a step', () => {
  it('reads the thing a question asks for, not the quoted words', () => {
    assert.deepEqual(askedProperties("Which language is the text on this sign written in? And what's 'what colour'?").map((a) => a.words), [['language']]);
  });

  it('adds the step that gives the thing asked about, fed by the result it is about', () => {
    const { plan, notes } = reachAsked(ocr, catalog, 'which language is the text on this sign written in?');
    assert.deepEqual(plan.tasks.map((t) => t.task), ['ocr', 'language-identification']);
    assert.deepEqual(plan.tasks[1]!.args, { text: { ref: 't1' } });
    assert.match(notes[0]!, /asks for the language/);
  });

  it('asks the language of the text read, not of the translation that sets it', () => {
    const translated: Plan = { tasks: [...ocr.tasks, { id: 't2', task: 'translation', args: { text: { ref: 't1' }, target_language: 'en' }, deps: ['t1'] }] };
    const { plan } = reachAsked(translated, catalog, 'tell me what language this sign is written in and translate it to english');
    assert.deepEqual(plan.tasks.map((t) => t.task), ['ocr', 'translation', 'language-identification']);
    assert.deepEqual(plan.tasks[2]!.args, { text: { ref: 't1' } });
  });

  it('finds what a type gives in its output description, and not in the words for what it takes', () => {
    const faces = reachAsked({ tasks: [{ id: 't1', task: 'object-detection', args: { image: { file: 'p.jpg' } }, deps: [] }] }, catalog, 'what emotion does the person show?');
    assert.deepEqual(faces.plan.tasks.map((t) => t.task), ['object-detection']);
    // "what text" is not a request to speak: Text-to-speech takes text, it gives speech.
    assert.deepEqual(reachAsked(ocr, catalog, 'what text is in the picture').plan, ocr);
  });

  it('leaves a plan alone when the step is there already or nothing can feed it', () => {
    const lid: Plan = { tasks: [{ id: 't1', task: 'language-identification', args: { text: 'Ich habe keine Zeit' }, deps: [] }] };
    assert.deepEqual(reachAsked(lid, catalog, "What language is this: 'Ich habe keine Zeit'?").plan, lid);
    assert.deepEqual(reachAsked({ tasks: [] }, catalog, 'which language is it?').plan, { tasks: [] });
  });
});
