import { ErrorCode, TroupeError } from '../../errors.js';
import type { ExpertEntry } from '../expert.js';
import { importApiBench } from './import-apibench.js';
import { importHfHub } from './import-hf-hub.js';
import { importHuggingGpt } from './import-hugginggpt.js';
import { importLocal } from './import-local.js';
import { importMcp } from './import-mcp.js';
import { importOpenApi } from './import-openapi.js';
import { importTaskBench } from './import-taskbench.js';

/** The catalog importers by the name `troupe catalog import <kind>` takes. */
export interface ImportOptions {
  authEnv?: string;
  task?: string;
  limit?: number;
  hubUrl?: string;
}

export const IMPORTERS: Record<string, { describe: string; needsPath: boolean; run: (path: string, options: ImportOptions) => Promise<ExpertEntry[]> }> = {
  apibench: { describe: 'APIBench API docs: ../shared/data/apibench/api/<hub>_api.jsonl', needsPath: true, run: importApiBench },
  hugginggpt: { describe: "HuggingGPT's model metadata: ../shared/data/hugginggpt/p0_models.jsonl", needsPath: true, run: importHuggingGpt },
  taskbench: { describe: 'a TaskBench tool list: ../shared/data/taskbench/<domain>/tool_desc.json', needsPath: true, run: importTaskBench },
  local: { describe: "Troupe's own local experts (no path)", needsPath: false, run: () => importLocal() },
  openapi: { describe: 'the operations of an OpenAPI 3 spec (JSON or YAML, file or URL); --auth-env VAR names its credential', needsPath: true, run: importOpenApi },
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
