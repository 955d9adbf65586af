import { open } from 'node:fs/promises';
import type { Artifact } from '../core/artifact.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import { signatureOf } from '../core/modality.js';

/**
 * What an expert says it wrote is checked before anyone uses it: the file exists and is not
 * empty, an image or a sound starts as its kind does, and the common formats end where they
 * should (a PNG with its IEND chunk, a JPEG with its end marker, a WAV as long as its header
 * says). A program that crashed halfway or wrote garbage is then a failure — the next expert
 * is tried — and never a result handed to the next step. Cheap: a few hundred bytes read.
 */
export async function verifyOutput(artifact: Artifact, expert: string): Promise<void> {
  if (!artifact.path) return;
  const bad = (why: string) => new TroupeError(ErrorCode.ExpertFailed, `${expert} wrote ${artifact.path}, but ${why}`, { hint: 'the expert is broken or was interrupted; another one is tried if there is one' });
  let handle;
  try {
    handle = await open(artifact.path, 'r');
  } catch {
    throw bad('the file is not there');
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) throw bad('the file is empty');
    if (artifact.kind !== 'image' && artifact.kind !== 'audio' && artifact.kind !== 'video') return;
    const head = Buffer.alloc(Math.min(size, 64));
    await handle.read(head, 0, head.length, 0);
    const signed = signatureOf(head);
    if (!signed || signed.modality !== artifact.kind) throw bad(`its content is not ${artifact.kind === 'image' ? 'an image' : artifact.kind}`);
    const tail = Buffer.alloc(Math.min(size, 16));
    await handle.read(tail, 0, tail.length, size - tail.length);
    if (signed.mime === 'image/png' && !tail.includes(Buffer.from('IEND'))) throw bad('the PNG is cut off (no IEND chunk)');
    if (signed.mime === 'image/jpeg' && !(tail[tail.length - 2] === 0xff && tail[tail.length - 1] === 0xd9)) throw bad('the JPEG is cut off (no end marker)');
    if (signed.mime === 'audio/wav' && head.length >= 8) {
      const declared = head.readUInt32LE(4) + 8;
      // Sizes of 2 GiB and more are what streaming writers put when the length is unknown; anything else must be there.
      if (declared < 0x7fffffff && declared > size) throw bad(`the WAV is cut off (${size} of ${declared} bytes)`);
    }
  } finally {
    await handle.close();
  }
}
