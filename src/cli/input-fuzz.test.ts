import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { main } from './main.js';

/**
 * Malformed files of every modality through `troupe run`, in this process (main() as the
 * binary calls it, stdout and stderr captured): each ends with exit 0, 1 or 2, a named error
 * and no stack trace; with exit 1 the run's record is on disk.
 */
const COUNT = Number(process.env.TROUPE_INPUT_FUZZ) || 1_000;
const fixture = (name: string) => fileURLToPath(new URL(`../../test-fixtures/${name}`, import.meta.url));

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sample { ext: string; bytes: Buffer; request: string }

let dir: string;
let samples: Sample[];
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'troupe-input-fuzz-'));
  process.env.TROUPE_RUNS = join(dir, 'runs.db');
  const jpeg = await readFile(fixture('coffee.jpg'));
  const small = sharp(jpeg).resize(64, 48);
  const wav = await readFile(fixture('goforward.wav'));
  const grey = 'make this photo grayscale';
  samples = [
    { ext: 'jpg', bytes: await small.clone().jpeg().toBuffer(), request: grey },
    { ext: 'png', bytes: await small.clone().png().toBuffer(), request: grey },
    { ext: 'webp', bytes: await small.clone().webp().toBuffer(), request: grey },
    { ext: 'gif', bytes: await small.clone().gif().toBuffer(), request: grey },
    { ext: 'tiff', bytes: await small.clone().tiff().toBuffer(), request: grey },
    { ext: 'wav', bytes: wav.subarray(0, 44 + 16000), request: 'convert this recording to flac' },
    { ext: 'txt', bytes: Buffer.from('The library is closed on Sunday. The garden is closed for repairs. Tickets are sold at the door.'), request: 'summarize this text' },
    { ext: 'json', bytes: Buffer.from(JSON.stringify({ note: 'The library is closed on Sunday.' })), request: 'summarize this text' },
  ];
});

/** One malformed variant of a sample: the kinds of damage files meet in the wild. */
function damage(r: () => number, sample: Sample, all: Sample[]): { name: string; bytes: Buffer; kind: string } {
  const b = sample.bytes;
  const kinds = ['truncated', 'random', 'wrong-extension', 'empty', 'corrupt-body', 'bit-flips', 'huge-dimensions', 'text-as-binary'] as const;
  const kind = kinds[Math.floor(r() * kinds.length)]!;
  const random = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256)));
  switch (kind) {
    case 'truncated':
      return { kind, name: sample.ext, bytes: b.subarray(0, Math.floor(r() * b.length)) };
    case 'random':
      return { kind, name: sample.ext, bytes: random(1 + Math.floor(r() * 4096)) };
    case 'wrong-extension':
      return { kind, name: all[Math.floor(r() * all.length)]!.ext, bytes: b };
    case 'empty':
      return { kind, name: sample.ext, bytes: Buffer.alloc(0) };
    case 'corrupt-body': {
      const keep = Math.min(b.length, 16 + Math.floor(r() * 48));
      return { kind, name: sample.ext, bytes: Buffer.concat([b.subarray(0, keep), random(Math.max(0, b.length - keep))]) };
    }
    case 'bit-flips': {
      const copy = Buffer.from(b);
      for (let k = 0; k < 1 + Math.floor(r() * 8); k++) copy[Math.floor(r() * copy.length)]! ^= 1 << Math.floor(r() * 8);
      return { kind, name: sample.ext, bytes: copy };
    }
    case 'huge-dimensions': {
      // A PNG header that claims 100,000 × 100,000 pixels over a tiny body.
      const png = Buffer.from(all.find((s) => s.ext === 'png')!.bytes);
      png.writeUInt32BE(100_000, 16);
      png.writeUInt32BE(100_000, 20);
      return { kind, name: 'png', bytes: png };
    }
    case 'text-as-binary':
      return { kind, name: ['wav', 'png', 'jpg', 'mp3', 'flac', 'ogg'][Math.floor(r() * 6)]!, bytes: Buffer.from('just some words, not a picture or a sound\n'.repeat(1 + Math.floor(r() * 20))) };
  }
}

async function capture(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  process.stdout.write = ((chunk: string | Uint8Array) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (err.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    const code = await main(argv);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}

describe('malformed input files through troupe run', () => {
  it(`${COUNT} damaged files of every modality: exit 0, 1 or 2, a named error, no stack trace`, { timeout: 900_000 }, async () => {
    const byKind: Record<string, Record<number, number>> = {};
    for (let seed = 0; seed < COUNT; seed++) {
      const r = prng(seed);
      const sample = samples[seed % samples.length]!;
      const { name, bytes, kind } = damage(r, sample, samples);
      const file = join(dir, `in-${seed}.${name}`);
      await writeFile(file, bytes);
      const out = join(dir, `out-${seed}`);
      const { code, stdout, stderr } = await capture(['run', sample.request, '-i', file, '--json', '--out', out]);
      const where = `seed ${seed} (${kind}, .${name} from .${sample.ext})`;
      assert.ok([0, 1, 2].includes(code), `${where}: exit ${code}\n${stderr}`);
      assert.doesNotMatch(stderr, /\n\s+at .*:\d+:\d+/, `${where}: a stack trace\n${stderr}`);
      const printed = JSON.parse(stdout);
      if (code === 2) assert.match(printed.error.code, /^[A-Z_]+$/, `${where}: exit 2 without a named error`);
      if (code === 1) {
        const failed = printed.tasks.filter((t: { status: string }) => t.status === 'failed');
        assert.ok(failed.length > 0 && failed.every((t: { error?: { code: string } }) => /^[A-Z_]+$/.test(t.error?.code ?? '')), `${where}: a failed task without a named error`);
        assert.equal(JSON.parse(await readFile(join(out, 'run.json'), 'utf8')).runId, printed.runId, `${where}: the record is on disk`);
      }
      if (code === 1 && process.env.TROUPE_FUZZ_SHOW) process.stderr.write(`${where}: ${printed.tasks.map((t: { error?: { code: string; message: string } }) => t.error ? `${t.error.code} ${t.error.message}` : "").join(" / ")}\n`);
      ((byKind[kind] ??= {})[code] ??= 0), (byKind[kind]![code]! += 1);
    }
    const summary = Object.entries(byKind).map(([kind, codes]) => `${kind} ${Object.entries(codes).map(([c, n]) => `exit ${c}: ${n}`).join(', ')}`).join('; ');
    process.stderr.write(`# input fuzz: ${COUNT} files, 0 stack traces; ${summary}\n`);
  });
});
