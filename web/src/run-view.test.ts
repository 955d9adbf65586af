import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StreamEvent } from './run-events.js';
import { applyEvent, isRunning, pendingView, viewFromRecord } from './run-view.js';

const plan = { tasks: [{ id: 't1', task: 'ocr', args: { image: { file: '/d/1-0-sign.png' } }, deps: [] }, { id: 't2', task: 'text-to-speech', args: { text: { ref: 't1' } }, deps: ['t1'] }] };
const start = pendingView({ runId: 'r1', request: 'read it aloud', at: '', status: 'planning' });

describe('a run as the page shows it', () => {
  it('a stream replayed from its start rebuilds the graph: statuses, experts, approvals, the end', () => {
    const events: StreamEvent[] = [
      { type: 'plan-ready', plan, controller: 'builtin' },
      { type: 'task-started', taskId: 't1', expert: 'local/tesseract-ocr', attempt: 1 },
      { type: 'task-succeeded', taskId: 't1', expert: 'local/tesseract-ocr', note: 'eng' },
      { type: 'approval-needed', taskId: 't2', expert: 'x', action: 'POST /pets' },
    ];
    let view = events.reduce(applyEvent, start);
    assert.deepEqual(view.tasks.map((t) => [t.id, t.status, t.expert]), [['t1', 'succeeded', 'local/tesseract-ocr'], ['t2', 'waiting', null]]);
    assert.equal(view.approvals.length, 1);
    assert.ok(isRunning(view));
    view = applyEvent(view, { type: 'approval-given', taskId: 't2', allowed: false });
    view = applyEvent(view, { type: 'task-skipped', taskId: 't2', reason: 'denied' });
    view = applyEvent(view, { type: 'run-finished', status: 'failed' });
    assert.equal(view.approvals.length, 0);
    assert.equal(view.tasks[1]!.status, 'skipped');
    assert.ok(!isRunning(view));
  });

  it('a run that could not be planned ends with its error', () => {
    const view = applyEvent(start, { type: 'run-error', error: { code: 'NO_PLAN', message: 'nothing here can do that' } });
    assert.equal(view.error?.code, 'NO_PLAN');
    assert.ok(!isRunning(view));
  });

  it('the record gives each output file its URL and name, in the record\'s order', () => {
    const record = {
      runId: 'r1',
      status: 'succeeded',
      plan,
      answer: 'Done',
      inputs: [{ path: '/d/1-0-sign.png', modality: 'image', mime: 'image/png' }],
      tasks: [
        { id: 't1', task: 'ocr', expert: 'e', status: 'succeeded' as const, startedAt: null, endedAt: null, attempts: [], outputs: [{ kind: 'text' as const, mime: 'text/plain', value: 'CLOSED', path: '/o/t1-ocr.txt' }] },
        { id: 't2', task: 'text-to-speech', expert: 'e', status: 'succeeded' as const, startedAt: null, endedAt: null, attempts: [], outputs: [{ kind: 'audio' as const, mime: 'audio/wav', path: '/o/t2-text-to-speech.wav' }] },
      ],
      artifacts: [
        { taskId: 't1', kind: 'text', mime: 'text/plain', artifact: 'a1', url: '/artifacts/a1' },
        { taskId: 't2', kind: 'audio', mime: 'audio/wav', artifact: 'a2', url: '/artifacts/a2' },
      ],
    };
    const view = viewFromRecord(record, start);
    assert.deepEqual(view.inputs, [{ name: 'sign.png', modality: 'image' }]);
    assert.deepEqual(view.tasks.map((t) => t.outputs.map((o) => [o.url, o.name])), [[['/artifacts/a1', 't1-ocr.txt']], [['/artifacts/a2', 't2-text-to-speech.wav']]]);
    assert.equal(view.answer, 'Done');
    assert.deepEqual(view.tasks[1]!.deps, ['t1']);
  });
});
