import { Catalog } from '../catalog.js';
import { TaskTypeSchema, type TaskType } from '../../core/task-type.js';
import { modality as toModality, parameterProperties, type Tool } from './import-taskbench.js';
import { kebab } from './kebab.js';

/** A TaskBench tool list as a catalog of task types: the planner sees only this documentation. */
export function toolCatalog(tools: Tool[]): { catalog: Catalog; toolName: Map<string, string> } {
  const toolName = new Map<string, string>();
  const types: TaskType[] = tools.map((tool) => {
    const id = kebab(tool.id) || 'tool';
    toolName.set(id, tool.id);
    const seen = new Map<string, number>();
    const inputs = (tool['input-type'] ?? []).map((t) => {
      const modality = toModality(t);
      // An address is text to the planner, but a slot named for it (see fetcherFor in the planner).
      const kind = t.toLowerCase() === 'url' ? 'url' : modality;
      const n = (seen.get(kind) ?? 0) + 1;
      seen.set(kind, n);
      return { name: n > 1 ? `${kind}${n}` : kind, modality, required: true, description: '' };
    });
    const params = tool.parameters
      ? {
          type: 'object',
          properties: parameterProperties(tool.parameters),
        }
      : { type: 'object', properties: {} };
    return TaskTypeSchema.parse({
      id,
      name: tool.id,
      description: tool.desc,
      inputs,
      output: { modality: tool['output-type']?.[0] ? toModality(tool['output-type'][0]) : 'json' },
      params,
      examples: [],
    });
  });
  return { catalog: new Catalog(types, []), toolName };
}
