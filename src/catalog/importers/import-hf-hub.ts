import { ErrorCode, TroupeError } from '../../core/errors.js';
import { defaultPolicy, policyFetch } from '../../net/http-policy.js';
import type { ExpertEntry } from '../../core/expert.js';
import { popularity } from './kebab.js';

export interface HfHubOptions {
  task: string;
  limit: number;
  /** Another Hub (or a test server); default https://huggingface.co. */
  hubUrl?: string;
}

/**
 * Models of one pipeline tag from the Hugging Face Hub, most downloaded first
 * (@huggingface/hub listModels, which follows the Hub's Link-header pages), with the card
 * fields the catalog needs. Needs the network; offline it fails with a message saying so.
 */
export async function importHfHub(options: HfHubOptions): Promise<ExpertEntry[]> {
  const { listModels } = await import('@huggingface/hub');
  const hubUrl = options.hubUrl ?? 'https://huggingface.co';
  const policy = defaultPolicy();
  const fetch = policyFetch(`the Hugging Face Hub at ${hubUrl}`, policy);
  const entries: ExpertEntry[] = [];
  try {
    for await (const m of listModels({
      search: { task: options.task as never },
      limit: options.limit,
      sort: 'downloads',
      additionalFields: ['cardData', 'tags', 'library_name'],
      hubUrl,
      fetch,
      ...(process.env.HF_TOKEN ? { accessToken: process.env.HF_TOKEN } : {}),
    })) {
      const card = (m.cardData ?? {}) as { license?: unknown; language?: unknown; tags?: unknown };
      const tags = (m.tags ?? []).filter((t: string) => !t.includes(':'));
      const task = m.task ?? options.task;
      entries.push({
        id: `huggingface/${m.name}`,
        name: m.name,
        task,
        description: `${task.replace(/-/g, ' ')} model ${m.name}${m.library_name ? ` (${m.library_name})` : ''}${tags.length ? `; ${tags.slice(0, 12).join(', ')}` : ''}`,
        domain: tags.slice(0, 8).join(', ') || undefined,
        inputs: [],
        outputs: [],
        usage: `pipeline('${task}', model='${m.name}')`,
        composition: '',
        provider: { kind: 'huggingface', call: `pipeline('${task}', model='${m.name}')`, ...(m.library_name ? { framework: m.library_name } : {}) },
        languages: [card.language].flat().filter((l): l is string => typeof l === 'string'),
        license: typeof card.license === 'string' ? card.license : 'see the model card',
        source: `${hubUrl}/${m.name}`,
        popularity: popularity(m.downloads, m.likes),
        downloads: m.downloads,
        likes: m.likes,
        requires: { debian: [], commands: [] },
      });
    }
  } catch (error) {
    if (error instanceof TroupeError && /cannot resolve/.test(error.message)) {
      throw new TroupeError(ErrorCode.ExpertFailed, `the Hugging Face Hub (${hubUrl}) cannot be reached from here: ${error.message}`, { hint: 'hf-hub imports need the network; the other importers work offline' });
    }
    throw error;
  }
  return entries;
}
