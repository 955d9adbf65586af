import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunRecord } from './run-record.js';
import { composeAnswer } from './compose-answer.js';

const record = (request: string, tasks: RunRecord['tasks']): RunRecord => ({
  runId: 'r', request, controller: 'builtin', inputs: [], plan: { tasks: [] }, notes: [], repairs: [], tasks, answer: '', outDir: '/tmp/r', status: 'cancelled', startedAt: '', endedAt: null,
});

describe('the built-in answer', () => {
  it('says why a step did not finish, even when it has no error of its own', () => {
    const answer = composeAnswer(record('summarize this', [{ id: 't1', task: 'summarization', expert: null, status: 'cancelled', startedAt: null, endedAt: null, outputs: [], attempts: [] }]));
    assert.match(answer, /1\. summarization \(t1\) cancelled: the run was cancelled before this step finished/);
    assert.doesNotMatch(answer, /: $/m, 'no line ends in a bare colon');
  });

  it('repeats a long request only as a reminder, not in full', () => {
    const long = `summarize this: '${'word '.repeat(7000)}'`;
    const first = composeAnswer(record(long, [])).split('\n')[0]!;
    assert.ok(first.length < 250, `${first.length} characters`);
    assert.match(first, /…"\.$/);
  });
});
