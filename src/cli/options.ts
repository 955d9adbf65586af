import { InvalidArgumentError, Option } from 'commander';

/** Options several commands share, so that each says the same thing everywhere. */

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a positive number');
  return n;
}

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a whole number above 0');
  return n;
}

/** A value that must say something: `--llm ''` is a mistake, not a request for the default. */
export function nonEmpty(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('must not be empty (leave the option out for the default)');
  return value;
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export const memoryOption = () => new Option('--memory <file>', 'plan memory of confirmed plans (default: $TROUPE_MEMORY or ~/.local/share/troupe/memory.db, if it exists)');

export const configOption = () =>
  new Option('--config <file>', 'config file: MCP servers, OpenAPI specs, OpenAI-compatible servers, allowed hosts (default: $TROUPE_CONFIG or ~/.config/troupe/config.yaml, if it exists)');

export const llmOption = () =>
  new Option('--llm <spec>', 'LLM controller: openai:<model>, anthropic:<model>, ollama:<model>, openai-compatible:<baseURL>#<model> (env TROUPE_LLM); default: the built-in controller, no LLM').argParser(nonEmpty);

export const dbOption = () => new Option('--db <file>', 'catalog database (default: $TROUPE_CATALOG or ~/.local/share/troupe/catalog.db)');

/** Sets the process's exit code; each command's action ends by calling it. */
export type SetExit = (code: number) => void;
