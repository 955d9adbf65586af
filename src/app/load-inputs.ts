import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readHead, sniffBytes, type SniffedFile } from '../core/modality.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import { checkContent } from './check-content.js';

export type InputFile = SniffedFile & { absolutePath: string };

/** Largest input accepted; larger files are refused before any work starts. */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

/** Checks every --input before planning: exists, is a file, non-empty, of a kind Troupe handles. */
export async function loadInputs(paths: readonly string[]): Promise<Map<string, InputFile>> {
  const files = new Map<string, InputFile>();
  for (const path of paths) {
    const absolutePath = resolve(path);
    let info;
    try {
      info = await stat(absolutePath);
    } catch {
      throw new TroupeError(ErrorCode.InputNotFound, `input file not found: ${path}`, { hint: 'check the path given to --input' });
    }
    if (!info.isFile()) throw new TroupeError(ErrorCode.InputUnreadable, `input is not a file: ${path}`, { hint: '--input takes a file, not a folder' });
    if (info.size === 0) throw new TroupeError(ErrorCode.InputEmpty, `input file is empty (0 bytes): ${path}`, { hint: 'pass a file with content' });
    if (info.size > MAX_INPUT_BYTES) {
      throw new TroupeError(ErrorCode.InputCorrupt, `input file is ${(info.size / 2 ** 20).toFixed(0)} MiB, over the ${MAX_INPUT_BYTES / 2 ** 20} MiB limit: ${path}`, { hint: 'pass a smaller file' });
    }
    let sniffed: SniffedFile | undefined;
    let head: Buffer;
    try {
      head = await readHead(absolutePath);
      sniffed = sniffBytes(head, absolutePath);
    } catch (error) {
      throw new TroupeError(ErrorCode.InputUnreadable, `cannot read input file ${path}: ${(error as Error).message}`);
    }
    if (!sniffed) {
      throw new TroupeError(ErrorCode.UnsupportedFormat, `unsupported input format: ${path}`, { hint: 'Troupe takes images (PNG, JPEG, WebP, GIF, TIFF, BMP), audio (WAV, FLAC, OGG, MP3), text and JSON files' });
    }
    await checkContent(absolutePath, path, sniffed, head);
    files.set(path, { ...sniffed, absolutePath });
  }
  return files;
}
