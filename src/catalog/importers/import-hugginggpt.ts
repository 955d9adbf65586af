import { z } from 'zod';
import type { Modality } from '../../core/modality.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import type { ExpertEntry } from '../../core/expert.js';
import { popularity } from './kebab.js';
import { jsonLines, readSource } from './read-source.js';

const ModelLine = z.object({
  id: z.string(),
  task: z.string().optional(),
  pipeline_tag: z.string().nullish(),
  downloads: z.coerce.number().optional(),
  likes: z.coerce.number().optional(),
  meta: z.record(z.string(), z.unknown()).nullish(),
  description: z.string().nullish(),
});

/** Inputs and outputs of Hugging Face pipeline tags (those HuggingGPT uses). */
const IO: Record<string, [Modality[], Modality[]]> = {
  'audio-classification': [['audio'], ['json']],
  'audio-to-audio': [['audio'], ['audio']],
  'automatic-speech-recognition': [['audio'], ['text']],
  conversational: [['text'], ['text']],
  'depth-estimation': [['image'], ['image']],
  'document-question-answering': [['image', 'text'], ['text']],
  'image-classification': [['image'], ['json']],
  'image-segmentation': [['image'], ['image']],
  'image-to-image': [['image'], ['image']],
  'image-to-text': [['image'], ['text']],
  'object-detection': [['image'], ['json']],
  'question-answering': [['text'], ['text']],
  'sentence-similarity': [['text'], ['json']],
  summarization: [['text'], ['text']],
  'tabular-classification': [['json'], ['json']],
  'text-classification': [['text'], ['json']],
  'text-generation': [['text'], ['text']],
  'text-to-image': [['text'], ['image']],
  'text-to-speech': [['text'], ['audio']],
  'text-to-video': [['text'], ['video']],
  'text2text-generation': [['text'], ['text']],
  'token-classification': [['text'], ['json']],
  translation: [['text'], ['text']],
  'visual-question-answering': [['image', 'text'], ['text']],
};

/** Markdown model card → plain prose, for indexing and prompts. */
function plain(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[#*_`>|-]{2,}|^#+\s*/gm, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** HuggingGPT's model metadata (`p0_models.jsonl`): Hugging Face models with their cards. */
export async function importHuggingGpt(path: string): Promise<ExpertEntry[]> {
  return jsonLines(await readSource(path), path).map((raw, i) => {
    const parsed = ModelLine.safeParse(raw);
    if (!parsed.success) throw new TroupeError(ErrorCode.InputCorrupt, `${path}:${i + 1}: ${z.prettifyError(parsed.error)}`);
    const m = parsed.data;
    const task = m.pipeline_tag ?? m.task ?? 'unknown';
    const tags = Array.isArray(m.meta?.tags) ? (m.meta.tags as unknown[]).map(String) : [];
    const languages = [m.meta?.language].flat().filter((l): l is string => typeof l === 'string');
    const [inputs, outputs] = IO[task] ?? [[], []];
    return {
      id: `huggingface/${m.id}`,
      name: m.id,
      task,
      description: plain(m.description ?? '').slice(0, 1500),
      domain: tags.slice(0, 8).join(', ') || undefined,
      inputs,
      outputs,
      usage: `pipeline('${task}', model='${m.id}')`,
      composition: '',
      provider: { kind: 'huggingface', call: `pipeline('${task}', model='${m.id}')`, framework: 'transformers' },
      languages,
      license: typeof m.meta?.license === 'string' ? m.meta.license : 'see the model card',
      source: `https://huggingface.co/${m.id} (HuggingGPT p0_models)`,
      popularity: popularity(m.downloads, m.likes),
      ...(m.downloads !== undefined ? { downloads: m.downloads } : {}),
      ...(m.likes !== undefined ? { likes: m.likes } : {}),
      requires: { debian: [], commands: [] },
    } satisfies ExpertEntry;
  });
}
