import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Catalog } from '../catalog/catalog.js';
import { TaskTypeSchema } from '../core/task-type.js';
import { planWithoutLlm } from './builtin-planner.js';
import { pickSlot, slotKind, slotValues } from './slot-values.js';

describe('slot values', () => {
  it('reads dates, times, addresses, numbers, URLs and names with their prepositions', () => {
    const v = slotValues('Book a flight from New York to London on 2024-01-03 at 7:30 pm, mail bob@example.com, call +1 415 555 0100 and check www.example.com');
    assert.deepEqual(v.dates, ['2024-01-03']);
    assert.deepEqual(v.times, ['7:30 pm']);
    assert.deepEqual(v.emails, ['bob@example.com']);
    assert.deepEqual(v.phones, ['+1 415 555 0100']);
    assert.deepEqual(v.urls, ['www.example.com']);
    assert.deepEqual(v.names, [{ name: 'New York', after: 'from' }, { name: 'London', after: 'to' }]);
    assert.deepEqual(slotValues('What is the weather in Paris on May 12th?').dates, ['May 12th']);
  });

  it('matches parameters by their names, each value used once', () => {
    const v = slotValues('from New York to London', []);
    const taken = new Set<string>();
    assert.equal(pickSlot(v, slotKind('from'), taken), 'New York');
    assert.equal(pickSlot(v, slotKind('to'), taken), 'London');
    assert.equal(slotKind('email_address'), 'emails');
    assert.equal(slotKind('phone_number'), 'phones');
    assert.equal(slotKind('social_network'), 'names');
    assert.equal(slotKind('colour'), undefined, 'an unknown kind of value is not guessed');
  });

  it('fills an API tool\'s free-text parameters in a plan, and orders a call that points back after its source', () => {
    const api = (id: string, description: string, params: string[]) =>
      TaskTypeSchema.parse({ id, name: id.replace(/-/g, ' '), description, inputs: [], output: { modality: 'text' }, params: { type: 'object', properties: Object.fromEntries(params.map((p) => [p, { type: 'string' }])) } });
    const catalog = new Catalog([api('get-weather', 'Get the weather for a specific city and a specific day', ['location', 'date']), api('share-by-social-network', 'Share a specific content by a specific social network', ['content', 'social_network'])], []);
    const { plan } = planWithoutLlm('Get the weather in Paris on 2023-05-12 and share it on Twitter', catalog, new Map());
    assert.deepEqual(plan.tasks.map((t) => [t.task, t.args, t.deps]), [
      ['get-weather', { location: 'Paris', date: '2023-05-12' }, []],
      ['share-by-social-network', { social_network: 'Twitter' }, ['t1']],
    ]);
    const sequence = planWithoutLlm("Get the weather in Rome, then share 'sunny all week' on Facebook", catalog, new Map()).plan;
    assert.deepEqual(sequence.tasks.map((t) => [t.args, t.deps]), [[{ location: 'Rome' }, []], [{ content: 'sunny all week', social_network: 'Facebook' }, ['t1']]]);
    const parallel = planWithoutLlm("Get the weather in Rome and share 'hello' on Facebook", catalog, new Map()).plan;
    assert.deepEqual(parallel.tasks.map((t) => t.deps), [[], []], '"and" alone is not a sequence');
  });
});
