import { BUILTIN_TASK_TYPES } from '../builtin-task-types.js';
import type { ExpertEntry } from '../expert.js';
import { LOCAL_EXPERTS } from '../../experts/local/index.js';

/** Troupe's own local experts, with the inputs and outputs of their task types. */
export async function importLocal(): Promise<ExpertEntry[]> {
  return LOCAL_EXPERTS.map(({ entry }) => {
    const type = BUILTIN_TASK_TYPES.find((t) => t.id === entry.task);
    return {
      ...entry,
      inputs: entry.inputs.length ? entry.inputs : (type?.inputs.map((i) => i.modality) ?? []),
      outputs: entry.outputs.length ? entry.outputs : type ? [type.output.modality] : [],
      ...(type && !entry.parameters ? { parameters: type.params } : {}),
    };
  });
}
