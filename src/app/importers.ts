import { BUILTIN_TASK_TYPES } from '../catalog/builtin-task-types.js';
import { IMPORTERS as SOURCE_IMPORTERS, type Importer } from '../catalog/importers/index.js';
import type { ExpertEntry } from '../core/expert.js';
import { LOCAL_EXPERTS } from '../experts/local/index.js';

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

/** Every importer `troupe catalog import <kind>` takes: the outside sources and the local experts. */
export const IMPORTERS: Record<string, Importer> = {
  ...SOURCE_IMPORTERS,
  local: { describe: "Troupe's own local experts (no path)", needsPath: false, run: () => importLocal() },
};
