import { stat } from 'node:fs/promises';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import type { ExpertEntry } from '../../core/expert.js';
import { importApiBench } from './import-apibench.js';
import { importHfHub } from './import-hf-hub.js';
import { importHuggingGpt } from './import-hugginggpt.js';
import { importMcp } from './import-mcp.js';
import { importOpenApi } from './import-openapi.js';
import { importOpenApiDirectory } from './import-openapi-dir.js';
import { importTaskBench } from './import-taskbench.js';

const isDirectory = async (path: string) => !/^https?:\/\//.test(path) && Boolean((await stat(path).catch(() => undefined))?.isDirectory());

export interface ImportOptions {
  authEnv?: string;
  task?: string;
  limit?: number;
  hubUrl?: string;
  /** Progress and skipped sources, for the person watching (stderr). */
  onNote?: (line: string) => void;
}

export interface Importer {
  describe: string;
  needsPath: boolean;
  run(path: string, options: ImportOptions): Promise<ExpertEntry[]>;
}

/** The importers of outside sources by the name `troupe catalog import <kind>` takes (the local experts are added by the app). */
export const IMPORTERS: Record<string, Importer> = {
  apibench: { describe: 'APIBench API docs: ../shared/data/apibench/api/<hub>_api.jsonl', needsPath: true, run: importApiBench },
  hugginggpt: { describe: "HuggingGPT's model metadata: ../shared/data/hugginggpt/p0_models.jsonl", needsPath: true, run: importHuggingGpt },
  taskbench: { describe: 'a TaskBench tool list: ../shared/data/taskbench/<domain>/tool_desc.json', needsPath: true, run: importTaskBench },
  openapi: {
    describe: 'the operations of an OpenAPI 3 spec (JSON or YAML, file or URL), or of every spec under a folder; --auth-env VAR names its credential',
    needsPath: true,
    run: async (path, o) => {
      if (!(await isDirectory(path))) return importOpenApi(path, o.authEnv ? { authEnv: o.authEnv } : {});
      let shown = 0;
      const result = await importOpenApiDirectory(path, {
        ...(o.authEnv ? { authEnv: o.authEnv } : {}),
        onProgress: (done, total) => {
          if (done === total || done - shown >= 250) (shown = done), o.onNote?.(`read ${done} of ${total} specs`);
        },
      });
      o.onNote?.(`${result.specs} specs gave ${result.entries.length} operations; ${result.skipped.length} skipped${result.skipped.length ? `, e.g. ${result.skipped.slice(0, 3).map((s) => `${s.file} (${s.reason})`).join('; ')}` : ''}`);
      return result.entries;
    },
  },
  'hf-hub': {
    describe: 'models of one pipeline tag from the Hugging Face Hub, most downloaded first: --task T --limit N (needs the network)',
    needsPath: false,
    run: (_path, o) => {
      if (!o.task) return Promise.reject(new TroupeError(ErrorCode.BadUsage, 'catalog import hf-hub needs --task (a pipeline tag, e.g. summarization)'));
      return importHfHub({ task: o.task, limit: o.limit ?? 100, ...(o.hubUrl ? { hubUrl: o.hubUrl } : {}) });
    },
  },
  mcp: { describe: 'the tools of an MCP server: a command started over stdio, or a streamable-HTTP URL', needsPath: true, run: (path) => importMcp(path) },
};
