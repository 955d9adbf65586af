import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { benchPlans, PROBES_PATH } from './plans-bench.js';

describe('bench plans: a probe list planned, one line each', () => {
  it('prints each request with its plan, and refuses a line whose input is no kind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-test-'));
    const file = join(dir, 'probes.txt');
    writeFileSync(file, "# a comment\nconvert this recording to flac|recording\ntranslate 'good morning' into Spanish|\n");
    const out: string[] = [];
    assert.equal(await benchPlans(['--file', file], (line) => out.push(line)), 0);
    assert.deepEqual(out.join('').trim().split('\n'), [
      'convert this recording to flac|recording → audio-to-audio{"operation":"convert","format":"flac"}',
      'translate \'good morning\' into Spanish| → translation{"text":"good morning","target_language":"es"}',
    ]);
    writeFileSync(file, 'read the sign|poster\n');
    const warned: string[] = [];
    assert.equal(await benchPlans(['--file', file], () => {}, (line) => warned.push(line)), 2);
    assert.match(warned.join(''), /"poster" is no input kind/);
  });

  it('ships a probe list of request|input lines', () => {
    const lines = readFileSync(PROBES_PATH, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    assert.ok(lines.length > 300);
    for (const line of lines) assert.match(line, /^[^|]+\|(?:photo|sign|recording|text|video)?$/, line);
  });
});
