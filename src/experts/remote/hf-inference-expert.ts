import { readFile, writeFile } from 'node:fs/promises';
import { ExpertEntrySchema, type Expert, type ExpertContext, type ExpertEntry } from '../../core/expert.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { artifactText, type Artifact } from '../../core/artifact.js';
import { jsonOutput, textOutput } from '../shared/write-output.js';
import { defaultPolicy, policyFetch, type NetAccess } from '../../net/http-policy.js';

/** Task types a Hugging Face model can serve here, through @huggingface/inference. */
export const HF_TASKS = new Set(['summarization', 'automatic-speech-recognition', 'object-detection', 'token-classification', 'text-to-speech']);

/** File extensions of the audio a speech model may send back. */
const AUDIO_EXT: Record<string, string> = { 'audio/wav': 'wav', 'audio/x-wav': 'wav', 'audio/wave': 'wav', 'audio/flac': 'flac', 'audio/mpeg': 'mp3', 'audio/ogg': 'ogg', 'audio/webm': 'webm' };

/** The model id of an imported entry: HuggingGPT entries are named by it, APIBench ones too. */
function modelOf(entry: ExpertEntry): string {
  return entry.name;
}

async function blobOf(input: Artifact | undefined, expert: string): Promise<Blob> {
  if (!input?.path) throw new TroupeError(ErrorCode.InvalidPlan, `${expert}: no file input was given`);
  return new Blob([await readFile(input.path)], { type: input.mime });
}

/**
 * A Hugging Face model as a remote expert (HuggingGPT's hybrid mode): runnable when HF_TOKEN
 * is set. Requests go to TROUPE_HF_ENDPOINT/models/<model> when that is set (a dedicated
 * endpoint or a compatible server), else to Hugging Face's router; always through the
 * outbound HTTP policy (timeouts, retries, no private addresses unless allowed).
 */
export function hfInferenceExpert(raw: ExpertEntry, access: NetAccess = {}): Expert {
  const entry = ExpertEntrySchema.parse(raw);
  const model = modelOf(entry);
  return {
    entry,
    async check() {
      if (!HF_TASKS.has(entry.task)) return { runnable: false, reason: `task ${entry.task} is not wired to Hugging Face inference here` };
      if (!process.env.HF_TOKEN) return { runnable: false, reason: 'remote Hugging Face model: needs HF_TOKEN', fix: 'export HF_TOKEN=hf_...' };
      return { runnable: true };
    },
    async run(ctx: ExpertContext) {
      const { InferenceClient } = await import('@huggingface/inference');
      const name = `Hugging Face model ${model}`;
      const policy = { ...defaultPolicy(access), signal: ctx.signal };
      const client = new InferenceClient(process.env.HF_TOKEN, {
        fetch: policyFetch(name, policy),
      });
      const base = process.env.TROUPE_HF_ENDPOINT?.replace(/\/+$/, '');
      // An inference provider by name (TROUPE_HF_PROVIDER, e.g. hf-inference), else the router's choice.
      const provider = process.env.TROUPE_HF_PROVIDER as 'hf-inference' | undefined;
      const target = { model, ...(base ? { endpointUrl: `${base}/models/${model}` } : provider ? { provider } : {}) };
      const note = `${model} via Hugging Face inference${base ? ` at ${base}` : ''}`;
      switch (entry.task) {
        case 'summarization': {
          const text = artifactText(ctx.inputs.text ?? ({} as Artifact)) ?? '';
          const out = await client.summarization({ ...target, inputs: text });
          return textOutput(ctx, out.summary_text, note, ctx.inputs.text?.language);
        }
        case 'automatic-speech-recognition': {
          const out = await client.automaticSpeechRecognition({ ...target, data: await blobOf(ctx.inputs.audio, entry.id) });
          return textOutput(ctx, out.text, note);
        }
        case 'object-detection': {
          const out = await client.objectDetection({ ...target, data: await blobOf(ctx.inputs.image, entry.id) });
          const objects = out.map((o) => ({ label: o.label, score: Math.round(o.score * 100) / 100, box: [o.box.xmin, o.box.ymin, o.box.xmax - o.box.xmin, o.box.ymax - o.box.ymin] }));
          return jsonOutput(ctx, { objects }, `${objects.length} objects; ${note}`);
        }
        case 'token-classification': {
          const text = artifactText(ctx.inputs.text ?? ({} as Artifact)) ?? '';
          const out = await client.tokenClassification({ ...target, inputs: text });
          const entities = out.map((e) => ({ type: e.entity_group, text: e.word, start: e.start, score: Math.round(e.score * 100) / 100 }));
          return jsonOutput(ctx, { scheme: 'entities', entities }, `${entities.length} entities; ${note}`);
        }
        case 'text-to-speech': {
          const text = artifactText(ctx.inputs.text ?? ({} as Artifact)) ?? '';
          const audio = await client.textToSpeech({ ...target, inputs: text });
          const mime = audio.type.split(';')[0]!.trim();
          const ext = AUDIO_EXT[mime];
          if (!ext) throw new TroupeError(ErrorCode.ExpertFailed, `${model} sent back ${mime || 'an untyped body'}, not audio`);
          const path = ctx.outputPath(ext);
          await writeFile(path, Buffer.from(await audio.arrayBuffer()));
          return { output: { kind: 'audio', mime, path }, note: `${audio.size} bytes of ${mime}; ${note}` };
        }
        default:
          throw new TroupeError(ErrorCode.NoExpert, `${entry.id}: task ${entry.task} is not wired to Hugging Face inference`);
      }
    },
  };
}

