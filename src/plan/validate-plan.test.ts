import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCatalog } from '../app/default-catalog.js';
import { Catalog } from '../catalog/catalog.js';
import { TaskTypeSchema, type TaskType } from '../core/task-type.js';
import type { SniffedFile } from '../core/modality.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import type { Plan } from '../core/plan.js';
import { InvalidPlanError, validatePlan } from './validate-plan.js';

const catalog = defaultCatalog();
const files = new Map<string, SniffedFile>([
  ['sign.png', { modality: 'image', mime: 'image/png' }],
  ['notes.txt', { modality: 'text', mime: 'text/plain' }],
]);

function problems(plan: Plan): string[] {
  try {
    validatePlan(plan, catalog, files);
  } catch (error) {
    assert.ok(error instanceof InvalidPlanError, `expected InvalidPlanError, got ${error}`);
    return error.problems.map((p) => `${p.task ?? '-'}: ${p.problem}`);
  }
  assert.fail('the plan was accepted');
}

describe('validatePlan', () => {
  it('accepts the demo chain and rebuilds deps from references', () => {
    const { plan, repairs } = validatePlan(
      {
        tasks: [
          { id: 't1', task: 'ocr', args: { image: { file: 'sign.png' } }, deps: [] },
          { id: 't2', task: 'translation', args: { text: { ref: 't1' }, target_language: 'es' }, deps: [] },
          { id: 't3', task: 'text-to-speech', args: { text: { ref: 't2' } }, deps: ['t1'] },
        ],
      },
      catalog,
      files,
    );
    assert.deepEqual(plan.tasks.map((t) => t.deps), [[], ['t1'], ['t2']]);
    assert.equal(repairs.length, 2, repairs.join('\n'));
  });

  it('drops a self-reference and orders tasks by dependencies', () => {
    const { plan, repairs } = validatePlan(
      {
        tasks: [
          { id: 'b', task: 'text-to-speech', args: { text: { ref: 'a' }, extra: { ref: 'b' } }, deps: [] },
          { id: 'a', task: 'ocr', args: { image: { file: 'sign.png' } }, deps: [] },
        ],
      },
      catalog,
      files,
    );
    assert.deepEqual(plan.tasks.map((t) => t.id), ['a', 'b']);
    assert.ok(!('extra' in plan.tasks[1]!.args));
    assert.ok(repairs.some((r) => r.includes('itself')));
    assert.ok(repairs.includes('tasks put in dependency order'));
  });

  it('moves an input given under an unknown name to the only slot of its modality', () => {
    const { plan } = validatePlan({ tasks: [{ id: 't1', task: 'ocr', args: { img: { file: 'sign.png' } }, deps: [] }] }, catalog, files);
    assert.deepEqual(plan.tasks[0]!.args, { image: { file: 'sign.png' } });
  });

  it('reports a cycle naming its tasks', () => {
    const [p] = problems({
      tasks: [
        { id: 't1', task: 'translation', args: { text: { ref: 't2' }, target_language: 'es' }, deps: [] },
        { id: 't2', task: 'translation', args: { text: { ref: 't1' }, target_language: 'en' }, deps: [] },
      ],
    });
    assert.match(p!, /t1, t2 depend on each other in a cycle/);
  });

  it('reports unknown task types, missing references and files not given', () => {
    const ps = problems({
      tasks: [
        { id: 't1', task: 'telepathy', args: {}, deps: [] },
        { id: 't2', task: 'translation', args: { text: { ref: 't9' }, target_language: 'es' }, deps: [] },
        { id: 't3', task: 'ocr', args: { image: { file: 'other.png' } }, deps: [] },
      ],
    });
    assert.ok(ps.some((p) => p.startsWith('t1: unknown task type "telepathy"')), ps.join('\n'));
    assert.ok(ps.some((p) => p.startsWith('t2: argument "text" refers to task "t9"')), ps.join('\n'));
    assert.ok(ps.some((p) => p.startsWith('t3: argument "image" names the file "other.png"')), ps.join('\n'));
  });

  it('names a required choice the request did not make, with its values (before: "must have required property")', () => {
    const ps = problems({ tasks: [{ id: 't1', task: 'image-to-image', args: { image: { file: 'sign.png' } }, deps: [] }] });
    assert.ok(ps.some((p) => /^t1: the request does not say which operation of image transformation it wants: one of grayscale, rotate/.test(p)), ps.join('\n'));
  });

  it('reads a choice given in another form of its word, and names the choices once when it is none of them', () => {
    // Before: the plural was invalid, and each of the 80 labels was a line "must be equal to constant".
    const { plan, repairs } = validatePlan({ tasks: [{ id: 't1', task: 'object-detection', args: { image: { file: 'sign.png' }, find: 'dogs' }, deps: [] }] }, catalog, files);
    assert.equal(plan.tasks[0]!.args.find, 'dog');
    assert.deepEqual(repairs, ['task t1: "dogs" read as the find "dog"']);
    const ps = problems({ tasks: [{ id: 't1', task: 'object-detection', args: { image: { file: 'sign.png' } , find: 'dragon' }, deps: [] }] });
    assert.equal(ps.length, 1, ps.join('\n'));
    assert.match(ps[0]!, /^t1: parameter "find" is "dragon", which is none of: person, bicycle, car/);
  });

  it('reports an input of the wrong modality', () => {
    const ps = problems({
      tasks: [
        { id: 't1', task: 'translation', args: { text: 'hello', target_language: 'es' }, deps: [] },
        { id: 't2', task: 'ocr', args: { image: { ref: 't1' } }, deps: [] },
        { id: 't3', task: 'ocr', args: { image: { file: 'notes.txt' } }, deps: [] },
      ],
    });
    assert.ok(ps.includes('t2: input "image" needs image but gets text (the output of t1)'), ps.join('\n'));
    assert.ok(ps.includes('t3: input "image" needs image but gets text (the file notes.txt)'), ps.join('\n'));
  });

  it('reports missing required inputs and parameters', () => {
    const ps = problems({ tasks: [{ id: 't1', task: 'ocr', args: {}, deps: [] }, { id: 't2', task: 'translation', args: {}, deps: ['t1', 't3'] }, { id: 't3', task: 'ocr', args: { image: { file: 'sign.png' } }, deps: [] }] });
    assert.ok(ps.includes('t2: the required text input "text" is missing'), ps.join('\n'));
    assert.ok(ps.some((p) => p.includes("target_language")), ps.join('\n'));
  });

  it('fills a missing input from its one source: the only dependency named, else the only file of its kind', () => {
    const { plan, repairs } = validatePlan(
      { tasks: [{ id: 't1', task: 'ocr', args: {}, deps: [] }, { id: 't2', task: 'translation', args: { target_language: 'es' }, deps: ['t1'] }] },
      catalog,
      files,
    );
    assert.deepEqual(plan.tasks.map((t) => t.args), [{ image: { file: 'sign.png' } }, { text: { ref: 't1' }, target_language: 'es' }]);
    assert.deepEqual(repairs, ['task t1: the missing input "image" taken from the file sign.png', 'task t2: the missing input "text" taken from the output of t1']);
  });

  it('reads a task type written in other case, punctuation or with a typo, and guesses nothing further', () => {
    const plan = (task: string) => validatePlan({ tasks: [{ id: 't1', task, args: { text: 'hello', target_language: 'es' }, deps: [] }] }, catalog, files);
    assert.equal(plan('Translation').plan.tasks[0]!.task, 'translation');
    assert.equal(plan('translaton').plan.tasks[0]!.task, 'translation');
    assert.deepEqual(plan('TRANSLATION').repairs, ['task t1: unknown task type "TRANSLATION" read as "translation"']);
    assert.equal(validatePlan({ tasks: [{ id: 't1', task: 'Text_To_Speech', args: { text: 'hi' }, deps: [] }] }, catalog, files).plan.tasks[0]!.task, 'text-to-speech');
    assert.ok(problems({ tasks: [{ id: 't1', task: 'image-ocr-reader', args: { image: { file: 'sign.png' } }, deps: [] }] })[0]!.includes('unknown task type "image-ocr-reader"'));
  });

  it('rejects an empty plan with NO_PLAN', () => {
    assert.throws(() => validatePlan({ tasks: [] }, catalog, files), (e) => TroupeError.is(e, ErrorCode.NoPlan));
  });
});

describe('validatePlan with two catalogs that share a task type id', () => {
  const strict: TaskType = TaskTypeSchema.parse({
    id: 'translation',
    name: 'Translation',
    description: 'Translate text',
    inputs: [{ name: 'text', modality: 'text' }],
    output: { modality: 'text' },
    params: { type: 'object', properties: { target_language: { type: 'string' } }, additionalProperties: false },
  });
  const plan: Plan = { tasks: [{ id: 't1', task: 'translation', args: { text: 'hello', target_language: 'es', politeness: 'formal' }, deps: [] }] };

  it("checks each catalog's parameters against its own schema, whichever was validated first", () => {
    // The local catalog's translation allows parameters that the strict one forbids.
    validatePlan({ tasks: [{ id: 't1', task: 'translation', args: { text: 'hello', target_language: 'es' }, deps: [] }] }, catalog, files);
    assert.throws(() => validatePlan(plan, new Catalog([strict], []), files), (e) => e instanceof InvalidPlanError && /politeness/.test(e.message + JSON.stringify(e.problems)));
  });
});
