import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutPlan } from './graph-layout.js';
import { pendingView, type RunView, type TaskView } from './run-view.js';

const task = (id: string, args: Record<string, unknown>, deps: string[]): TaskView => ({ id, task: id, args, deps, expert: null, status: 'waiting', attempts: [], outputs: [] });

describe('the plan laid out as a graph (dagre)', () => {
  const view: RunView = {
    ...pendingView({ runId: 'r', request: '', at: '', status: 'running' }),
    inputs: [{ name: 'sign.png', modality: 'image' }],
    tasks: [task('t1', { image: { file: '/x/1-0-sign.png' } }, []), task('t2', { text: { ref: 't1' }, target_language: 'es' }, ['t1']), task('t3', { text: { ref: 't2' } }, ['t2'])],
  };

  it('files and tasks are nodes, the data passed are edges named by the argument, each rank further along', () => {
    const g = layoutPlan(view, 'LR');
    assert.deepEqual(g.edges.map((e) => `${e.from}>${e.to}:${e.label}`).sort(), ['in0>t1:image', 't1>t2:text', 't2>t3:text']);
    const x = (id: string) => g.nodes.find((n) => n.id === id)!.x;
    assert.ok(x('in0') < x('t1') && x('t1') < x('t2') && x('t2') < x('t3'), 'left to right in the order data flows');
    for (const e of g.edges) assert.ok(e.points.length >= 2);
    assert.ok(g.width > 0 && g.height > 0);
  });

  it('top to bottom on a narrow screen', () => {
    const g = layoutPlan(view, 'TB');
    const y = (id: string) => g.nodes.find((n) => n.id === id)!.y;
    assert.ok(y('in0') < y('t1') && y('t2') < y('t3'));
  });
});
