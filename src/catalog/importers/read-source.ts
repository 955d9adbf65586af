import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ErrorCode, TroupeError } from '../../core/errors.js';

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
  return parseLines(text, path, (json) => json);
}

/** A JSON Lines file, each line checked against `schema`; a bad line is an error naming file and line. */
export async function readJsonl<T>(path: string, schema: z.ZodType<T>): Promise<T[]> {
  return parseLines(await readSource(path), path, (json, line) => {
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new TroupeError(ErrorCode.InputCorrupt, `${path}:${line}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
}

function parseLines<T>(text: string, path: string, each: (json: unknown, line: number) => T): T[] {
  return text.split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      try {
        json = JSON.parse(line.replace(PYTHON_NUMBERS, 'null'));
      } catch {
        throw new TroupeError(ErrorCode.InputCorrupt, `${path}:${i + 1} is not valid JSON`, { hint: 'expected JSON Lines: one object per line' });
      }
    }
    return [each(json, i + 1)];
  });
}
