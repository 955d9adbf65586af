import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCatalog } from '../../app/default-catalog.js';
import { readEverydayRequests } from './everyday-requests.js';
import { planMatches } from './requests-bench.js';

describe('the everyday request table (npm run bench requests)', () => {
  const table = readEverydayRequests();

  it('holds at least 100 requests with unique ids, a third of them or more held out (aside or fresh)', () => {
    assert.ok(table.length >= 100, `${table.length} requests`);
    assert.equal(new Set(table.map((r) => r.id)).size, table.length);
    const heldOut = table.filter((r) => r.split !== 'dev').length;
    assert.ok(heldOut >= table.length / 3 - 1, `${heldOut} held out`);
  });

  it('expects only task types of the local catalog, and parameters of types it expects', () => {
    const catalog = defaultCatalog();
    for (const r of table) {
      for (const type of r.expect) assert.ok(catalog.taskType(type), `${r.id}: unknown task type ${type}`);
      for (const type of Object.keys(r.params ?? {})) assert.ok(r.expect.includes(type), `${r.id}: parameters for ${type}, which it does not expect`);
    }
  });

  it('scores a plan by its task types in order and the named parameters', () => {
    const want = { id: 'e001', split: 'dev' as const, request: '', input: null, expect: ['ocr', 'translation'], params: { translation: { target_language: 'es' } } };
    const plan = (lang: string) => ({ tasks: [{ id: 't1', task: 'ocr', args: {}, deps: [] }, { id: 't2', task: 'translation', args: { text: { ref: 't1' }, target_language: lang }, deps: ['t1'] }] });
    assert.equal(planMatches(plan('es'), want), true);
    assert.equal(planMatches(plan('ca'), want), false);
    assert.equal(planMatches({ tasks: [] }, { ...want, expect: [], params: {} }), true);
    assert.equal(planMatches(plan('es'), { ...want, expect: ['translation', 'ocr'] }), false);
  });
});
