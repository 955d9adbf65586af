import { readFile } from 'node:fs/promises';
import { ErrorCode, TroupeError } from '../../errors.js';

/** Reads an import source; a missing or unreadable file is a usage error naming it. */
export async function readSource(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new TroupeError(ErrorCode.InputNotFound, `cannot read the import source ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { hint: 'check the path' });
  }
}

// Python's json writes bare NaN and Infinity (HuggingGPT's model cards have them); JSON has no such values.
const PYTHON_NUMBERS = /(?<=[:,[]\s*)(?:NaN|-?Infinity)(?=\s*[,\]}])/g;

/** Each non-empty line as JSON (Python's NaN/Infinity read as null), with the line number in any error. */
export function jsonLines(text: string, path: string): unknown[] {
  return text.split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    try {
      return [JSON.parse(line)];
    } catch {
      try {
        return [JSON.parse(line.replace(PYTHON_NUMBERS, 'null'))];
      } catch {
        throw new TroupeError(ErrorCode.InputCorrupt, `${path}:${i + 1} is not valid JSON`, { hint: 'the importer expects JSON Lines: one object per line' });
      }
    }
  });
}
