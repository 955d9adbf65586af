import type { ExpertEntry } from '../expert.js';
import { importApiBench } from './import-apibench.js';
import { importHuggingGpt } from './import-hugginggpt.js';
import { importLocal } from './import-local.js';
import { importMcp } from './import-mcp.js';
import { importOpenApi } from './import-openapi.js';
import { importTaskBench } from './import-taskbench.js';

/** The catalog importers by the name `troupe catalog import <kind>` takes. */
export const IMPORTERS: Record<string, { describe: string; needsPath: boolean; run: (path: string, options: { authEnv?: string }) => Promise<ExpertEntry[]> }> = {
  apibench: { describe: 'APIBench API docs: ../shared/data/apibench/api/<hub>_api.jsonl', needsPath: true, run: importApiBench },
  hugginggpt: { describe: "HuggingGPT's model metadata: ../shared/data/hugginggpt/p0_models.jsonl", needsPath: true, run: importHuggingGpt },
  taskbench: { describe: 'a TaskBench tool list: ../shared/data/taskbench/<domain>/tool_desc.json', needsPath: true, run: importTaskBench },
  local: { describe: "Troupe's own local experts (no path)", needsPath: false, run: () => importLocal() },
  openapi: { describe: 'the operations of an OpenAPI 3 spec (JSON or YAML, file or URL); --auth-env VAR names its credential', needsPath: true, run: importOpenApi },
  mcp: { describe: 'the tools of an MCP server: a command started over stdio, or a streamable-HTTP URL', needsPath: true, run: importMcp },
};
