import { TaskTypeSchema, type TaskType } from '../../core/task-type.js';
import type { ExpertEntry } from '../../core/expert.js';

type Schema = { properties?: Record<string, { type?: string; description?: string }>; required?: string[] };

/** The operation's one required string argument, if it has exactly one: it takes text from the plan. */
export function textArgument(entry: ExpertEntry): string | undefined {
  const schema = (entry.parameters ?? {}) as Schema;
  const strings = (schema.required ?? []).filter((k) => schema.properties?.[k]?.type === 'string');
  return strings.length === 1 ? strings[0] : undefined;
}

/**
 * A remote operation (MCP tool, OpenAPI operation) as a task type the planners can use,
 * documented by its own description and parameter schema; its text result is the output.
 */
export function remoteTaskType(entry: ExpertEntry): TaskType {
  const schema = (entry.parameters ?? {}) as Schema;
  const text = textArgument(entry);
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([k]) => k !== text));
  return TaskTypeSchema.parse({
    id: entry.task,
    name: `${entry.name} (${entry.domain ?? entry.provider.kind})`,
    description: entry.description,
    inputs: text ? [{ name: text, modality: 'text', description: schema.properties?.[text]?.description ?? '' }] : [],
    output: { modality: 'text', description: 'the result' },
    params: { type: 'object', properties, required: (schema.required ?? []).filter((k) => k !== text) },
    examples: [],
  });
}
