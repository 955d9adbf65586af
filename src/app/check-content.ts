import { open, readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { ErrorCode, TroupeError } from '../core/errors.js';
import { formatByName, looksLikeText, readHead, signatureOf, type SniffedFile } from '../core/modality.js';

/**
 * Checks that an input is what it claims to be before any work starts, so that a corrupt
 * file is a clear input error (exit 2) rather than an expert's failure halfway through a run.
 * Images are decoded (small, so it is cheap); WAV headers are read; text must be text and
 * JSON must parse. Compressed audio is trusted to its signature: decoding it needs sox.
 */
export async function checkContent(path: string, shownAs: string, sniffed: SniffedFile, head?: Buffer): Promise<void> {
  const corrupt = (why: string, hint = 'pass an intact file of a supported kind') => new TroupeError(ErrorCode.InputCorrupt, `${shownAs} ${why}`, { hint });
  head ??= await readHead(path);
  const signed = signatureOf(head);
  const named = formatByName(path);

  if ((sniffed.modality === 'image' || sniffed.modality === 'audio' || sniffed.modality === 'video') && !signed) {
    const looks = looksLikeText(head) ? 'it looks like text' : 'its first bytes match no image, audio or video format';
    throw corrupt(`is named as ${named?.mime ?? sniffed.mime} but is not: ${looks}`, 'check that this is the file you meant; a renamed file is not converted');
  }
  if (sniffed.modality === 'image') {
    try {
      // As strict as the experts' own decoding (sharp's default failOn), so that what passes here decodes there; the resize keeps it small.
      await sharp(path).resize(256, 256, { fit: 'inside' }).toBuffer();
    } catch (error) {
      throw corrupt(`is a damaged ${sniffed.mime} image: ${(error as Error).message.split('\n')[0]}`);
    }
  } else if (sniffed.mime === 'audio/wav') {
    const problem = wavProblem(await readWavHead(path));
    if (problem) throw corrupt(`is a damaged WAV file: ${problem}`);
  } else if (sniffed.modality === 'json') {
    try {
      JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw corrupt(`is not valid JSON: ${(error as Error).message}`, 'fix the JSON, or name the file .txt to pass it as plain text');
    }
  } else if (sniffed.modality === 'text' && !looksLikeText(head)) {
    throw corrupt('is named as text but holds binary data', 'pass a text file in UTF-8');
  }
}

async function readWavHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** What is wrong with a WAV file's chunks, or undefined: a format chunk that makes sense and sound data. */
export function wavProblem(bytes: Buffer): string | undefined {
  let format: { channels: number; rate: number; bits: number } | undefined;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = bytes.toString('latin1', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    if (id === 'fmt ') {
      if (at + 24 > bytes.length) return 'its format chunk is cut off';
      format = { channels: bytes.readUInt16LE(at + 10), rate: bytes.readUInt32LE(at + 12), bits: bytes.readUInt16LE(at + 22) };
      if (format.channels === 0 || format.rate === 0 || format.bits === 0) return `its format makes no sense (${format.channels} channels, ${format.rate} Hz, ${format.bits} bits)`;
    } else if (id === 'data') {
      if (!format) return 'its sound data comes before its format';
      if (size === 0 || at + 8 >= bytes.length) return 'it holds no sound';
      return undefined;
    }
    at += 8 + size + (size % 2);
  }
  return format ? 'it holds no sound data' : 'it has no format chunk';
}
