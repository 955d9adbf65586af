import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { measureLanguageId } from './language-id-bench.js';

describe('language identification on the written sentences (npm run bench language-id)', () => {
  it('tells at least 98 % of the English sentences and 95 % of all 212 in seven languages', async () => {
    const { rows, wrong } = await measureLanguageId();
    const en = rows.get('en')!;
    const all = [...rows.values()].reduce((a, r) => ({ n: a.n + r.n, best: a.best + r.best }), { n: 0, best: 0 });
    assert.equal(rows.size, 7);
    assert.ok(all.n >= 200, `${all.n} sentences`);
    assert.ok(en.best / en.n >= 0.98, `English ${en.best} of ${en.n}: ${wrong.join('; ')}`);
    assert.ok(all.best / all.n >= 0.95, `all ${all.best} of ${all.n}: ${wrong.join('; ')}`);
  });
});
