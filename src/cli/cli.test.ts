import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startOpenAiServer } from '../test-support/openai-server.js';
import { requireProgram } from '../test-support/programs.js';
import { troupe } from '../test-support/troupe-cli.js';

const SIGN = fileURLToPath(new URL('../../examples/sign.png', import.meta.url));
const DEMO = 'Read the sign in this photo, translate it into Spanish and read it aloud';


let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'troupe-cli-'));
  await copyFile(SIGN, join(dir, 'sign.png'));
});

const tools = requireProgram('tesseract') || requireProgram('apertium') || requireProgram('espeak-ng');

describe('troupe run (the demo, end to end)', { skip: tools }, () => {
  it('answers with the sign text and its Spanish translation, writes a WAV and run.json, and --json follows the contract', async () => {
    const { code, stdout, stderr } = await troupe(['run', DEMO, '--input', 'sign.png', '--json'], dir);
    assert.equal(code, 0, stderr);
    const lines = stdout.trim().split('\n');
    assert.equal(lines.length, 1, 'exactly one JSON object on stdout');
    const record = JSON.parse(lines[0]!);
    for (const key of ['runId', 'request', 'controller', 'plan', 'tasks', 'answer', 'outDir']) assert.ok(key in record, `missing ${key}`);
    assert.equal(record.controller, 'builtin');
    assert.deepEqual(record.plan.tasks.map((t: { task: string }) => t.task), ['ocr', 'translation', 'text-to-speech']);
    for (const t of record.tasks) {
      assert.equal(t.status, 'succeeded');
      for (const key of ['id', 'task', 'expert', 'startedAt', 'endedAt', 'outputs']) assert.ok(key in t, `task misses ${key}`);
    }
    assert.match(record.answer, /The library is closed on Sunday/);
    assert.match(record.answer, /La biblioteca está cerrada el domingo/);
    assert.match(record.outDir, new RegExp(`troupe-runs/${record.runId}$`));
    const files = (await readdir(record.outDir)).sort();
    assert.deepEqual(files, ['run.json', 't1-ocr.txt', 't2-translation.txt', 't3-text-to-speech.wav']);
    const wav = await readFile(join(record.outDir, 't3-text-to-speech.wav'));
    assert.equal(wav.subarray(8, 12).toString('latin1'), 'WAVE');
    const saved = JSON.parse(await readFile(join(record.outDir, 'run.json'), 'utf8'));
    assert.equal(saved.status, 'succeeded');
    assert.equal(saved.answer, record.answer);
  });

  it('refuses a damaged image before any work, with exit 2 and the error as JSON on stdout', async () => {
    await writeFile(join(dir, 'broken.png'), (await readFile(SIGN)).subarray(0, 300));
    const { code, stdout, stderr } = await troupe(['run', DEMO, '--input', 'broken.png', '--json', '--out', 'broken-run'], dir);
    assert.equal(code, 2);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    assert.match(stderr, /broken\.png is a damaged image\/png image/);
    const { error, exitCode } = JSON.parse(stdout);
    assert.equal(error.code, 'INPUT_CORRUPT');
    assert.equal(exitCode, 2);
    assert.deepEqual(await readdir(dir).then((names) => names.includes('broken-run')), false, 'no empty output folder left behind');
  });
});

describe('falling back to the next expert', { skip: tools }, () => {
  it('hands OCR to tesseract.js when the tesseract program crashes, and records both attempts', async () => {
    // A broken install, simulated by a tesseract first on PATH that fails the way a damaged one does.
    const bin = join(dir, 'broken-bin');
    await (await import('node:fs/promises')).mkdir(bin, { recursive: true });
    await writeFile(join(bin, 'tesseract'), '#!/bin/sh\ncase "$1" in --list-langs) echo "List of available languages (1):"; echo eng;; *) echo "Error opening data file" >&2; exit 1;; esac\n', { mode: 0o755 });
    const { code, stdout, stderr } = await troupe(['run', 'read the sign in this photo', '-i', 'sign.png', '--json', '--out', 'fallback-run'], dir, { PATH: `${bin}:${process.env.PATH}` });
    assert.equal(code, 0, stderr);
    const task = JSON.parse(stdout).tasks[0];
    assert.equal(task.expert, 'local/tesseractjs-ocr');
    assert.deepEqual(task.attempts.map((a: { expert: string; error?: { message: string } }) => [a.expert, Boolean(a.error)]), [['local/tesseract-ocr', true], ['local/tesseractjs-ocr', false]]);
    assert.match(task.attempts[0].error.message, /Error opening data file/);
    assert.match(task.outputs[0].value, /The library is closed on Sunday/);
  });

  it('does not hand over a true "no text here": a photo with none is answered so, by the first OCR expert alone', async () => {
    await copyFile(fileURLToPath(new URL('../../test-fixtures/coffee.jpg', import.meta.url)), join(dir, 'cups.jpg'));
    const { code, stdout } = await troupe(['run', 'read the text in this photo', '-i', 'cups.jpg', '--json', '--out', 'no-text-run'], dir);
    assert.equal(code, 1);
    const record = JSON.parse(stdout);
    assert.equal(record.tasks[0].error.code, 'NOTHING_FOUND');
    assert.deepEqual(record.tasks[0].attempts.map((a: { expert: string }) => a.expert), ['local/tesseract-ocr']);
    assert.match(record.answer, /found no text in the image/);
  });
});

describe('troupe run with an LLM controller over the OpenAI protocol', { skip: tools }, () => {
  let server: Awaited<ReturnType<typeof startOpenAiServer>>;
  before(async () => {
    server = await startOpenAiServer([
      { content: JSON.stringify({ tasks: [{ task: 'ocr', id: 0, dep: [-1], args: { image: 'sign.png' } }, { task: 'translation', id: 1, dep: [0], args: { text: '<GENERATED>-0', target_language: 'es' } }] }) },
      { content: 'The sign reads "The library is closed on Sunday." In Spanish: "La biblioteca está cerrada el domingo."' },
    ]);
  });
  after(() => server.close());

  it('plans with the LLM, runs the real experts, and answers with the LLM', async () => {
    const { code, stdout, stderr } = await troupe(['run', 'Read this sign and translate it into Spanish', '-i', 'sign.png', '--json', '--llm', `openai-compatible:${server.url}#m`], dir);
    assert.equal(code, 0, stderr);
    const record = JSON.parse(stdout);
    assert.equal(record.controller, `llm:openai-compatible:${server.url}#m`);
    assert.equal(record.planner, record.controller);
    assert.equal(record.tasks[1].outputs[0].value, 'La biblioteca está cerrada el domingo.\nEl jardín está cerrado para reparaciones.');
    assert.match(record.answer, /^The sign reads/);
    assert.match(record.answer, /translation \(t2\) by local\/apertium-translation/, 'the per-step account is kept under the model\'s text');
  });

  it('says the hand-over to the built-in planner on stderr, --json or not', async () => {
    const down = await startOpenAiServer([{ status: 500 }]);
    try {
      const { code, stdout, stderr } = await troupe(['run', 'Read this sign', '-i', 'sign.png', '--json', '--llm', `openai-compatible:${down.url}#m`], dir);
      assert.equal(code, 0, stderr);
      assert.match(stderr, /note: the LLM could not be reached .*the built-in planner made the plan/);
      assert.equal(JSON.parse(stdout).planner, 'builtin');
    } finally {
      await down.close();
    }
  });
});

describe('multi-step requests across experts, built-in controller, real media', { skip: tools || requireProgram('pocketsphinx_continuous') }, () => {
  const fixture = (name: string) => fileURLToPath(new URL(`../../test-fixtures/${name}`, import.meta.url));
  const runJson = async (request: string, input: string) => {
    const { code, stdout, stderr } = await troupe(['run', request, '-i', input, '--json'], dir);
    assert.equal(code, 0, stderr);
    return JSON.parse(stdout) as { tasks: Array<{ task: string; outputs: Array<{ value?: unknown; path?: string; mime: string }> }>; answer: string };
  };

  it('transcribes a recording, translates it into Spanish and reads it aloud', async () => {
    const r = await runJson('transcribe this recording, translate it into Spanish and read it aloud', fixture('goforward.wav'));
    assert.deepEqual(r.tasks.map((t) => t.task), ['automatic-speech-recognition', 'translation', 'text-to-speech']);
    assert.equal(r.tasks[0]!.outputs[0]!.value, 'go forward ten meters');
    assert.match(String(r.tasks[1]!.outputs[0]!.value), /diez metros/);
    assert.equal(r.tasks[2]!.outputs[0]!.mime, 'audio/wav');
  });

  it('finds the faces in a photo and says how old they look', async () => {
    const r = await runJson('find the faces in this photo and tell me how old they look', fixture('astronaut.jpg'));
    assert.deepEqual(r.tasks.map((t) => t.task), ['face-analysis']);
    assert.match(r.answer, /1 face: (female|male), ~\d+/);
    assert.deepEqual(r.tasks[0]!.outputs.map((o) => o.mime), ['application/json', 'image/png']);
  });

  it('summarizes a text and gives its sentiment', async () => {
    await writeFile(join(dir, 'review.txt'), 'The new library is wonderful and the staff are very friendly. The reading room is bright and quiet. Sadly the cafe closes far too early, which is annoying. Overall it is a great place to study and I will come back often.\n');
    const r = await runJson('summarize this text and tell me its sentiment', 'review.txt');
    assert.deepEqual(r.tasks.map((t) => t.task), ['summarization', 'sentiment-analysis']);
    assert.match(r.answer, /sentiment-analysis \(t2\) by local\/vader-sentiment: positive/);
  });
});

describe('troupe plan', () => {
  it('prints the demo plan as three tasks in a chain', async () => {
    const { code, stdout } = await troupe(['plan', DEMO, '--input', 'sign.png', '--json'], dir);
    assert.equal(code, 0);
    const out = JSON.parse(stdout);
    assert.deepEqual(out.plan.tasks.map((t: { id: string; deps: string[] }) => [t.id, t.deps]), [['t1', []], ['t2', ['t1']], ['t3', ['t2']]]);
  });

  it('exports HuggingGPT format', async () => {
    const { stdout } = await troupe(['plan', DEMO, '-i', 'sign.png', '--json', '--format', 'hugginggpt'], dir);
    assert.equal(JSON.parse(stdout).plan[2].args.text, '<GENERATED>-1');
  });
});

describe('bad input and usage', () => {
  const cases: Array<[string, string[], number, RegExp]> = [
    ['a missing input file', ['run', DEMO, '--input', 'nope.png'], 2, /input file not found: nope\.png/],
    ['an empty input file', ['run', DEMO, '--input', 'empty.png'], 2, /input file is empty/],
    ['an unknown --llm provider', ['run', DEMO, '--input', 'sign.png', '--llm', 'gemini:pro'], 2, /unknown LLM provider "gemini"/],
    ['a request no expert can serve', ['run', 'book me a flight to Lisbon'], 2, /no expert can serve this request/],
    ['a missing credential', ['plan', DEMO, '--llm', 'anthropic:claude'], 2, /ANTHROPIC_API_KEY/],
    ['an unknown option', ['run', DEMO, '--frobnicate'], 2, /unknown option/],
    ['an image task with no image', ['plan', 'read the sign in this photo'], 2, /required image input "image" is missing/],
  ];
  before(() => writeFile(join(dir, 'empty.png'), ''));
  for (const [what, args, exit, message] of cases) {
    it(`exits ${exit} with a clear message for ${what}`, async () => {
      const { code, stderr } = await troupe(args, dir, { ANTHROPIC_API_KEY: '' });
      assert.equal(code, exit, stderr);
      assert.match(stderr, message);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    });
  }
});

describe('troupe catalog and run with a catalog database', () => {
  it('imports, searches, and lets a run consider the documented entries of a task type', async () => {
    await writeFile(
      join(dir, 'torchhub_api.jsonl'),
      JSON.stringify({ domain: 'Object Detection', framework: 'PyTorch', api_name: 'torch.hub.load', api_call: "torch.hub.load(repo_or_dir='ultralytics/yolov5', model='yolov5s', pretrained=True)", description: 'YOLOv5 detects objects in photos in real time' }) + '\n',
    );
    const db = join(dir, 'catalog.db');
    const imported = await troupe(['catalog', 'import', 'apibench', 'torchhub_api.jsonl', '--db', db, '--json'], dir);
    assert.equal(imported.code, 0, imported.stderr);
    assert.equal(JSON.parse(imported.stdout).added, 1);
    const found = await troupe(['catalog', 'search', 'detect objects in photos', '--db', db, '--json'], dir);
    assert.equal(JSON.parse(found.stdout).results[0].id, 'apibench/torchhub/torch.hub.load:yolov5s');
    const plan = await troupe(['plan', 'detect the objects in this photo', '-i', 'sign.png', '--json'], dir);
    assert.equal(JSON.parse(plan.stdout).plan.tasks[0].task, 'object-detection');
    const missing = await troupe(['run', 'detect the objects in this photo', '-i', 'sign.png', '--db', 'nope.db'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /catalog database not found: nope\.db/);
  });
});

describe('troupe doctor and --help', () => {
  it('lists every expert with runnable, reason and fix', async () => {
    const { code, stdout } = await troupe(['doctor', '--json'], dir);
    assert.equal(code, 0);
    const { experts } = JSON.parse(stdout);
    const tasks = experts.map((e: { task: string }) => e.task);
    for (const t of ['ocr', 'translation', 'text-to-speech', 'language-identification', 'image-to-image']) assert.ok(tasks.includes(t), `no expert for ${t}`);
    for (const e of experts) {
      assert.equal(typeof e.runnable, 'boolean');
      if (!e.runnable) assert.ok(e.reason && e.fix, `${e.id} says why it cannot run and how to fix it`);
    }
  });

  it('prints help with the commands', async () => {
    const { code, stdout } = await troupe(['--help'], dir);
    assert.equal(code, 0);
    for (const c of ['run', 'plan', 'doctor', 'setup']) assert.match(stdout, new RegExp(`\\b${c}\\b`));
  });
});
