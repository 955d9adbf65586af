import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ErrorCode, TroupeError } from '../core/errors.js';
import { checkContent, wavProblem } from './check-content.js';

describe('input content checks', () => {
  it('takes short texts with accents as text (a character is not cut in two)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'troupe-check-'));
    for (const [name, text] of [['es.txt', 'Buenos días\n'], ['fr.txt', 'Déjà vu.'], ['ja.txt', '図書館は日曜日に閉まっています。']] as const) {
      await writeFile(join(dir, name), text);
      await checkContent(join(dir, name), name, { modality: 'text', mime: 'text/plain' });
    }
    await writeFile(join(dir, 'bin.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x41]));
    await assert.rejects(checkContent(join(dir, 'bin.txt'), 'bin.txt', { modality: 'text', mime: 'text/plain' }), (e) => TroupeError.is(e, ErrorCode.InputCorrupt));
  });

  it('reads WAV chunks: a format that makes sense, then sound', () => {
    const header = (channels: number, dataBytes: number) => {
      const b = Buffer.alloc(44 + dataBytes);
      b.write('RIFF', 0, 'latin1');
      b.writeUInt32LE(36 + dataBytes, 4);
      b.write('WAVEfmt ', 8, 'latin1');
      b.writeUInt32LE(16, 16);
      b.writeUInt16LE(1, 20);
      b.writeUInt16LE(channels, 22);
      b.writeUInt32LE(16000, 24);
      b.writeUInt32LE(32000, 28);
      b.writeUInt16LE(2, 32);
      b.writeUInt16LE(16, 34);
      b.write('data', 36, 'latin1');
      b.writeUInt32LE(dataBytes, 40);
      return b;
    };
    assert.equal(wavProblem(header(1, 100)), undefined);
    assert.match(wavProblem(header(1, 0))!, /holds no sound/);
    assert.match(wavProblem(header(0, 100))!, /makes no sense/);
  });
});
