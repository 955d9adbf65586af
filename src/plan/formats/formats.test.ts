import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCatalog } from '../../app/default-catalog.js';
import { fromHuggingGpt, toHuggingGpt } from './hugginggpt.js';
import { fromTaskBench, toTaskBench } from './taskbench.js';

describe('HuggingGPT format', () => {
  it('imports <GENERATED>-k and the <GENERATED-k> typo as references, file names as files', () => {
    const plan = fromHuggingGpt(
      [
        { task: 'ocr', id: 0, dep: [-1], args: { image: 'sign.png' } },
        { task: 'translation', id: 1, dep: [0], args: { text: '<GENERATED>-0', target_language: 'es' } },
        { task: 'text-to-speech', id: 2, dep: [1], args: { text: '<GENERATED-1>' } },
      ],
      ['examples/sign.png'],
    );
    assert.deepEqual(plan.tasks, [
      { id: 't1', task: 'ocr', args: { image: { file: 'examples/sign.png' } }, deps: [] },
      { id: 't2', task: 'translation', args: { text: { ref: 't1' }, target_language: 'es' }, deps: ['t1'] },
      { id: 't3', task: 'text-to-speech', args: { text: { ref: 't2' } }, deps: ['t2'] },
    ]);
  });

  it('round-trips through export', () => {
    const hg = [
      { task: 'ocr', id: 0, dep: [-1], args: { image: 'a.png' } },
      { task: 'translation', id: 1, dep: [0], args: { text: '<GENERATED>-0', target_language: 'es' } },
    ];
    assert.deepEqual(toHuggingGpt(fromHuggingGpt(hg, ['a.png'])), hg);
  });
});

describe('TaskBench format', () => {
  it('imports <node-j> references and places positional arguments by modality', () => {
    const plan = fromTaskBench(
      {
        task_nodes: [
          { task: 'ocr', arguments: ['sign.png'] },
          { task: 'translation', arguments: ['<node-0>', { name: 'target_language', value: 'es' }] },
        ],
        task_links: [{ source: 'ocr', target: 'translation' }],
      },
      defaultCatalog(),
      new Map([['sign.png', 'image']]),
    );
    assert.deepEqual(plan.tasks[0]!.args, { image: { file: 'sign.png' } });
    assert.deepEqual(plan.tasks[1]!.args, { text: { ref: 't1' }, target_language: 'es' });
  });

  it('exports nodes, <node-j> arguments and links', () => {
    const out = toTaskBench({
      tasks: [
        { id: 't1', task: 'ocr', args: { image: { file: 'sign.png' } }, deps: [] },
        { id: 't2', task: 'translation', args: { text: { ref: 't1' }, target_language: 'es' }, deps: ['t1'] },
      ],
    });
    assert.deepEqual(out.task_nodes, [
      { task: 'ocr', arguments: ['sign.png'] },
      { task: 'translation', arguments: ['<node-0>', 'es'] },
    ]);
    assert.deepEqual(out.task_links, [{ source: 'ocr', target: 'translation' }]);
  });
});
