import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCatalog } from '../app/default-catalog.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import type { Plan } from '../core/plan.js';
import { reachLanguageGoal } from './reach-language-goal.js';

const catalog = defaultCatalog();
const types = (plan: Plan) => plan.tasks.map((t) => t.task);

describe('reachLanguageGoal: the plan made to reach the language the request wants', () => {
  it('translates the text a voice was to speak, and sets the voice to the language it will speak', () => {
    const plan: Plan = { tasks: [{ id: 't1', task: 'ocr', args: { image: { file: 'sign.png' } }, deps: [] }, { id: 't2', task: 'text-to-speech', args: { text: { ref: 't1' }, language: 'es' }, deps: ['t1'] }] };
    const { plan: reached, notes } = reachLanguageGoal(plan, catalog, { target: 'es' });
    assert.deepEqual(types(reached), ['ocr', 'translation', 'text-to-speech']);
    assert.deepEqual(reached.tasks[1]!.args, { text: { ref: 't1' }, target_language: 'es' });
    assert.deepEqual(reached.tasks[2]!.args, { text: { ref: 't2' }, language: 'es' });
    assert.match(notes.join('\n'), /added translation into Spanish/);
  });

  it('does not take the wanted language for the language spoken, and translates the transcript', () => {
    const plan: Plan = { tasks: [{ id: 't1', task: 'automatic-speech-recognition', args: { audio: { file: 'a.wav' }, language: 'es' }, deps: [] }] };
    const reached = reachLanguageGoal(plan, catalog, { target: 'es' }).plan;
    assert.deepEqual(types(reached), ['automatic-speech-recognition', 'translation']);
    assert.equal(reached.tasks[0]!.args.language, undefined);
    assert.deepEqual(reached.tasks[1]!.args, { text: { ref: 't1' }, target_language: 'es' });
  });

  it('does not take a reader\'s default language for the language of the sign ("what does the notice say, in English")', () => {
    const plan: Plan = { tasks: [{ id: 't1', task: 'ocr', args: { image: { file: 'sign.png' } }, deps: [] }] };
    const reached = reachLanguageGoal(plan, catalog, { target: 'en' }).plan;
    assert.deepEqual(types(reached), ['ocr', 'translation']);
    assert.deepEqual(reached.tasks[1]!.args, { text: { ref: 't1' }, target_language: 'en' });
    // Before, OCR's default (English) was taken for the sign's language and nothing was translated.
    // A sign said to be in English needs no translation.
    assert.deepEqual(types(reachLanguageGoal(plan, catalog, { target: 'en', source: 'en' }).plan), ['ocr']);
  });

  it('translates the English words of what a picture was found to show ("what objects are here, in Spanish")', () => {
    const plan: Plan = { tasks: [{ id: 't1', task: 'object-detection', args: { image: { file: 'table.jpg' } }, deps: [] }] };
    const reached = reachLanguageGoal(plan, catalog, { target: 'es' }).plan;
    assert.deepEqual(types(reached), ['object-detection', 'translation']);
    assert.deepEqual(reached.tasks[1]!.args, { text: { ref: 't1' }, target_language: 'es' });
    // Before, a structured result had no language, and the plan was left without the translation.
  });

  it('sets the target and source of a translation the request names both of', () => {
    const plan: Plan = { tasks: [{ id: 't1', task: 'translation', args: { text: 'La biblioteca está cerrada.', target_language: 'es' }, deps: [] }] };
    assert.deepEqual(reachLanguageGoal(plan, catalog, { target: 'en', source: 'es' }).plan.tasks[0]!.args, { text: 'La biblioteca está cerrada.', target_language: 'en', source_language: 'es' });
  });

  it('leaves a text already in the wanted language alone', () => {
    const plan: Plan = { tasks: [{ id: 't1', task: 'text-to-speech', args: { text: 'hola, ¿cómo estás?', language: 'es' }, deps: [] }] };
    assert.deepEqual(reachLanguageGoal(plan, catalog, { target: 'es' }, (t) => (t.startsWith('hola') ? 'es' : undefined)).plan, plan);
  });

  it('says plainly when no expert here serves the wanted language', () => {
    const plan: Plan = { tasks: [{ id: 't1', task: 'automatic-speech-recognition', args: { audio: { file: 'a.wav' }, language: 'zh' }, deps: [] }] };
    assert.throws(() => reachLanguageGoal(plan, catalog, { target: 'zh' }), (e) => TroupeError.is(e, ErrorCode.NoExpert) && /nothing here can give the result in Chinese/.test(e.message));
    const translating: Plan = { tasks: [{ id: 't1', task: 'translation', args: { text: 'Good morning', target_language: 'ja' }, deps: [] }] };
    assert.throws(() => reachLanguageGoal(translating, catalog, { target: 'ja' }), (e) => TroupeError.is(e, ErrorCode.NoExpert) && /in Japanese/.test(e.message));
  });
});
