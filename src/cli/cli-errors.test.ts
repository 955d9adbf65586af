import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { troupe } from '../test-support/troupe-cli.js';

const COFFEE = fileURLToPath(new URL('../../test-fixtures/coffee.jpg', import.meta.url));
const SPEECH = fileURLToPath(new URL('../../test-fixtures/goforward.wav', import.meta.url));

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'troupe-cli-errors-'));
});

/** Exit 2, a message on stderr naming what was wrong, no stack trace, and with --json the error object on stdout. */
async function refused(args: string[], code: string, message: RegExp, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const result = await troupe([...args, '--json'], dir, env);
  assert.equal(result.code, 2, `${args.join(' ')}\n${result.stderr}`);
  assert.match(result.stderr, message);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  const printed = JSON.parse(result.stdout);
  assert.equal(printed.error.code, code);
  assert.equal(printed.exitCode, 2);
}

describe('bad input is refused before any work, with exit 2', () => {
  it('a text file named .wav, random bytes named .jpg, a cut-off image, a WAV with no sound, invalid JSON', async () => {
    await writeFile(join(dir, 'notes.wav'), 'this is a shopping list, not a recording\n');
    await refused(['run', 'transcribe this recording', '-i', 'notes.wav'], 'INPUT_CORRUPT', /notes\.wav is named as audio\/wav but is not: it looks like text/);

    await writeFile(join(dir, 'noise.jpg'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    await refused(['run', 'find the objects in this photo', '-i', 'noise.jpg'], 'INPUT_CORRUPT', /noise\.jpg is named as image\/jpeg but is not/);

    const photo = await readFile(COFFEE);
    await writeFile(join(dir, 'cut.jpg'), photo.subarray(0, Math.floor(photo.length / 3)));
    await refused(['run', 'find the objects in this photo', '-i', 'cut.jpg'], 'INPUT_CORRUPT', /cut\.jpg is a damaged image\/jpeg image/);

    const wav = await readFile(SPEECH);
    await writeFile(join(dir, 'silent.wav'), wav.subarray(0, 44));
    await refused(['run', 'transcribe this recording', '-i', 'silent.wav'], 'INPUT_CORRUPT', /silent\.wav is a damaged WAV file: it holds no sound/);

    await writeFile(join(dir, 'broken.json'), '{"a": [1, 2');
    await refused(['run', 'summarize this', '-i', 'broken.json'], 'INPUT_CORRUPT', /broken\.json is not valid JSON/);
  });

  it('an intact photo and recording pass the check', async () => {
    await copyFile(COFFEE, join(dir, 'coffee.jpg'));
    await copyFile(SPEECH, join(dir, 'speech.wav'));
    const planned = await troupe(['plan', 'find the objects in this photo', '-i', 'coffee.jpg', '--json'], dir);
    assert.equal(planned.code, 0, planned.stderr);
    const heard = await troupe(['plan', 'transcribe this recording', '-i', 'speech.wav', '--json'], dir);
    assert.equal(heard.code, 0, heard.stderr);
  });

  it('option values that make no sense, an empty --llm, and a request too long to plan', async () => {
    await refused(['run', 'what language is this: hola', '--concurrency', '1.5'], 'BAD_USAGE', /--concurrency.*whole number/);
    await refused(['run', 'what language is this: hola', '--llm', ''], 'BAD_USAGE', /--llm.*must not be empty/);
    await refused(['plan', `summarize this: '${'word '.repeat(12_000)}'`], 'REQUEST_TOO_LONG', /over the 50,000 limit/);
  });

  it('an output folder that is a file, holds another run, or cannot be made', async () => {
    await writeFile(join(dir, 'taken'), 'x');
    await refused(['run', 'what language is this: hola', '--out', 'taken'], 'OUTPUT_UNUSABLE', /is a file, not a folder/);
    await mkdir(join(dir, 'used'));
    await writeFile(join(dir, 'used', 'run.json'), '{}');
    await refused(['run', 'what language is this: hola', '--out', 'used'], 'OUTPUT_UNUSABLE', /already holds 1 file/);
    await refused(['run', 'what language is this: hola', '--out', '/proc/nope'], 'OUTPUT_UNUSABLE', /cannot use \/proc\/nope/);
  });
});

describe('read-only commands create nothing', () => {
  it('catalog stats and search, and feedback on a run that does not exist', async () => {
    const db = join(dir, 'none', 'catalog.db');
    const memory = join(dir, 'none', 'memory.db');
    const stats = await troupe(['catalog', 'stats', '--db', db, '--json'], dir);
    assert.equal(stats.code, 0, stats.stderr);
    assert.equal(JSON.parse(stats.stdout).entries, 0);
    await refused(['catalog', 'search', 'translate', '--db', db], 'INPUT_NOT_FOUND', /no catalog database at/);
    await refused(['feedback', 'no-such-run', 'good', '--memory', memory], 'INPUT_NOT_FOUND', /no run "no-such-run"/);
    assert.equal(existsSync(join(dir, 'none')), false, 'nothing was created');
  });
});

describe('output', () => {
  it('the answer starts on the first line of stdout', async () => {
    const { code, stdout, stderr } = await troupe(['run', "what language is this text in: 'Bonjour tout le monde'", '--out', 'lid-run'], dir);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^Done: 1 step for "what language/);
    const files = await readdir(join(dir, 'lid-run'));
    assert.ok(files.includes('run.json') && !files.includes('.troupe-lock'), files.join(', '));
  });

  it('a reader that stops early (troupe --help | head -1) is not an error', async () => {
    const tsx = import.meta.resolve('tsx');
    const entry = fileURLToPath(new URL('./entry.ts', import.meta.url));
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn('bash', ['-c', `set -o pipefail; "${process.execPath}" --import "${tsx}" "${entry}" --help | head -c 1 >/dev/null`], { cwd: dir });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.on('close', (c) => resolve({ code: c, stderr: err }));
    });
    assert.equal(code, 0);
    assert.doesNotMatch(stderr, /EPIPE|Unhandled/);
  });
});
