import { open } from 'node:fs/promises';
import { extname } from 'node:path';

/** What flows along the plan's edges. Every task input and output has one. */
export const MODALITIES = ['text', 'image', 'audio', 'video', 'json'] as const;
export type Modality = (typeof MODALITIES)[number];

/** Whether an output of one modality may feed a slot of another: JSON is text to a text consumer. */
export function accepts(slot: Modality, given: Modality): boolean {
  return slot === given || (slot === 'text' && given === 'json');
}

export interface SniffedFile {
  modality: Modality;
  mime: string;
}

// Magic numbers first: an extension can lie, the first bytes rarely do.
const SIGNATURES: Array<{ test: (b: Buffer) => boolean; modality: Modality; mime: string }> = [
  { test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), modality: 'image', mime: 'image/png' },
  { test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff, modality: 'image', mime: 'image/jpeg' },
  { test: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8', modality: 'image', mime: 'image/gif' },
  { test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP', modality: 'image', mime: 'image/webp' },
  { test: (b) => ['II*\0', 'MM\0*'].includes(b.subarray(0, 4).toString('latin1')), modality: 'image', mime: 'image/tiff' },
  { test: (b) => b.subarray(0, 2).toString('latin1') === 'BM', modality: 'image', mime: 'image/bmp' },
  { test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WAVE', modality: 'audio', mime: 'audio/wav' },
  { test: (b) => b.subarray(0, 4).toString('latin1') === 'fLaC', modality: 'audio', mime: 'audio/flac' },
  { test: (b) => b.subarray(0, 4).toString('latin1') === 'OggS', modality: 'audio', mime: 'audio/ogg' },
  { test: (b) => b.subarray(0, 3).toString('latin1') === 'ID3' || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0), modality: 'audio', mime: 'audio/mpeg' },
  // ISO media: an MP4 or QuickTime movie, unless its brand says audio only (M4A).
  { test: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' && /^M4[AB] /.test(b.subarray(8, 12).toString('latin1')), modality: 'audio', mime: 'audio/mp4' },
  { test: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' && b.subarray(8, 12).toString('latin1') === 'qt  ', modality: 'video', mime: 'video/quicktime' },
  { test: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp', modality: 'video', mime: 'video/mp4' },
  { test: (b) => b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])), modality: 'video', mime: 'video/webm' },
  { test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'AVI ', modality: 'video', mime: 'video/x-msvideo' },
];

const BY_EXTENSION: Record<string, SniffedFile> = {
  '.png': { modality: 'image', mime: 'image/png' },
  '.jpg': { modality: 'image', mime: 'image/jpeg' },
  '.jpeg': { modality: 'image', mime: 'image/jpeg' },
  '.gif': { modality: 'image', mime: 'image/gif' },
  '.webp': { modality: 'image', mime: 'image/webp' },
  '.tif': { modality: 'image', mime: 'image/tiff' },
  '.tiff': { modality: 'image', mime: 'image/tiff' },
  '.bmp': { modality: 'image', mime: 'image/bmp' },
  '.wav': { modality: 'audio', mime: 'audio/wav' },
  '.flac': { modality: 'audio', mime: 'audio/flac' },
  '.ogg': { modality: 'audio', mime: 'audio/ogg' },
  '.mp3': { modality: 'audio', mime: 'audio/mpeg' },
  '.m4a': { modality: 'audio', mime: 'audio/mp4' },
  '.mp4': { modality: 'video', mime: 'video/mp4' },
  '.m4v': { modality: 'video', mime: 'video/mp4' },
  '.mov': { modality: 'video', mime: 'video/quicktime' },
  '.webm': { modality: 'video', mime: 'video/webm' },
  '.mkv': { modality: 'video', mime: 'video/x-matroska' },
  '.avi': { modality: 'video', mime: 'video/x-msvideo' },
  '.txt': { modality: 'text', mime: 'text/plain' },
  '.md': { modality: 'text', mime: 'text/markdown' },
  '.json': { modality: 'json', mime: 'application/json' },
};

/** The format the first bytes show, if they show one. */
export function signatureOf(head: Buffer): SniffedFile | undefined {
  for (const s of SIGNATURES) if (head.length >= 4 && s.test(head)) return { modality: s.modality, mime: s.mime };
  return undefined;
}

/** The format the file's name claims, if it claims one. */
export function formatByName(fileName: string): SniffedFile | undefined {
  return BY_EXTENSION[extname(fileName).toLowerCase()];
}

export function sniffBytes(head: Buffer, fileName: string): SniffedFile | undefined {
  const signed = signatureOf(head);
  if (signed) return signed;
  const byExt = BY_EXTENSION[extname(fileName).toLowerCase()];
  if (byExt) return byExt;
  // Unknown extension: treat valid UTF-8 without control bytes as text.
  return looksLikeText(head) ? { modality: 'text', mime: 'text/plain' } : undefined;
}

/**
 * Valid UTF-8 without control bytes. Decoded as a stream, so that a character cut at the end
 * of a sample is held back, not taken for binary data ("días" read 9 bytes in is half an "í").
 */
export function looksLikeText(bytes: Buffer): boolean {
  const sample = new TextDecoder('utf-8').decode(bytes, { stream: true });
  return !sample.includes('\uFFFD') && !/[\x00-\x08\x0e-\x1f]/.test(sample);
}

/** The first 512 bytes of a file: what its kind is told by. */
export async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
