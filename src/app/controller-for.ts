import { existsSync } from 'node:fs';
import { BuiltinController } from '../controller/builtin-controller.js';
import type { Controller } from '../controller/controller.js';
import { ErrorCode, TroupeError } from '../core/errors.js';
import type { PlanMemory } from '../memory/plan-memory.js';

/** The plan memory, when one exists (a run never creates it; `troupe feedback` does). */
export async function memoryFor(path: string | undefined): Promise<PlanMemory | undefined> {
  const { PlanMemory, defaultMemoryPath } = await import('../memory/plan-memory.js');
  const file = path ?? defaultMemoryPath();
  if (!existsSync(file)) {
    if (path) throw new TroupeError(ErrorCode.InputNotFound, `plan memory not found: ${path}`, { hint: 'it is created by `troupe feedback <runId> good|bad`' });
    return undefined;
  }
  return new PlanMemory(file);
}

/** The built-in controller (no LLM), with the plan memory when one exists: what a server offers beside an LLM. */
export async function builtinController(memoryPath?: string): Promise<Controller> {
  return new BuiltinController(await memoryFor(memoryPath));
}

/**
 * The controller a run plans and answers with: the LLM one when a spec is given (or
 * TROUPE_LLM), else the built-in one. The AI SDK loads only when an LLM is asked for, so
 * the built-in path and --help stay quick.
 */
export async function controllerFor(llm: string | undefined, memoryPath?: string): Promise<Controller> {
  const spec = llm ?? process.env.TROUPE_LLM;
  const memory = await memoryFor(memoryPath);
  if (!spec) return new BuiltinController(memory);
  const [{ LlmController }, { parseLlmSpec }] = await Promise.all([import('../controller/llm/llm-controller.js'), import('../controller/llm/llm-spec.js')]);
  return new LlmController(parseLlmSpec(spec), memory ? { memory } : {});
}
