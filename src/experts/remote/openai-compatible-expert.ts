import { readFile } from 'node:fs/promises';
import type { ExpertContext, Expert, ExpertEntry, ExpertResult } from '../../core/expert.js';
import type { OpenAiServer } from '../../config/config.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import type { Artifact } from '../../core/artifact.js';
import { languageName } from '../../text/languages.js';
import { requireText } from '../shared/require-text.js';
import { textOutput } from '../shared/write-output.js';
import { defaultPolicy, policyFetch, type NetAccess } from '../../net/http-policy.js';
import { requireCredential } from '../../config/credential.js';

type Kind = 'chat' | 'vision' | 'transcription';

/** What each task asks of the server, and which of its models does it. */
const TASKS: Record<string, { kind: Kind; describe: string }> = {
  summarization: { kind: 'chat', describe: 'Summarizes a text with a language model' },
  translation: { kind: 'chat', describe: 'Translates a text into another language with a language model' },
  'question-answering': { kind: 'chat', describe: 'Answers a question from a text with a language model' },
  'image-captioning': { kind: 'vision', describe: 'Describes an image with a vision language model' },
  'visual-question-answering': { kind: 'vision', describe: 'Answers a question about an image with a vision language model' },
  'automatic-speech-recognition': { kind: 'transcription', describe: 'Transcribes speech through the server\'s /audio/transcriptions' },
};

/** The task types a configured server can serve with the models it names. */
export function tasksOf(server: OpenAiServer): string[] {
  const model = (kind: Kind) => (kind === 'chat' ? server.model : kind === 'vision' ? server.visionModel : server.transcriptionModel);
  return Object.entries(TASKS)
    .filter(([task, t]) => model(t.kind) && (!server.tasks || server.tasks.includes(task)))
    .map(([task]) => task);
}

const INSTRUCTIONS = {
  summarization: (sentences?: number) => `Summarize the user's text${sentences ? ` in ${sentences} sentence${sentences > 1 ? 's' : ''}` : ' in a few sentences'}. Reply with the summary only, in the text's language.`,
  translation: (target: string) => `Translate the user's text into ${target}. Reply with the translation only.`,
  qa: 'Answer the question using only the text given. If the text does not say, reply "The text does not say." Reply with the answer only.',
  caption: 'Describe this image in one sentence. Reply with the caption only.',
  vqa: 'Answer the question about this image briefly. Reply with the answer only.',
};

/**
 * A task served by an OpenAI-compatible server (Ollama, llama.cpp, vLLM, OpenAI) through
 * the AI SDK: chat completions for text, image parts for vision, /audio/transcriptions for
 * speech. Every request goes through the outbound HTTP policy (timeouts, retries with
 * Retry-After, no private hosts unless allowed); the key is read from the environment
 * variable the config names and never recorded.
 */
export function openAiCompatibleExpert(server: OpenAiServer, task: string, access: NetAccess = {}): Expert {
  const spec = TASKS[task];
  if (!spec) throw new TroupeError(ErrorCode.BadUsage, `an OpenAI-compatible server cannot serve ${task}`);
  const modelId = (spec.kind === 'chat' ? server.model : spec.kind === 'vision' ? server.visionModel : server.transcriptionModel)!;
  const entry: ExpertEntry = {
    id: `openai-compatible/${server.name}/${task}`,
    name: `${modelId} on ${server.name}`,
    task,
    description: `${spec.describe} (${modelId} at ${server.baseURL}).`,
    inputs: [spec.kind === 'chat' ? 'text' : spec.kind === 'vision' ? 'image' : 'audio'],
    outputs: ['text'],
    usage: `${spec.kind === 'transcription' ? 'POST /audio/transcriptions' : 'POST /chat/completions'} model=${modelId}`,
    composition: '',
    provider: { kind: 'openai-compatible', call: JSON.stringify({ baseURL: server.baseURL, model: modelId }) },
    languages: [],
    license: 'unknown',
    source: `config: openaiCompatible ${server.name}`,
    popularity: 0,
    requires: { debian: [], commands: [] },
  };
  const endpoint = `${server.name} (${server.baseURL})`;

  return {
    entry,
    async check() {
      if (server.apiKeyEnv && !process.env[server.apiKeyEnv]) return { runnable: false, reason: `${server.name} needs the API key in ${server.apiKeyEnv}, which is not set`, fix: `export ${server.apiKeyEnv}=...` };
      return { runnable: true };
    },
    async run(ctx) {
      const apiKey = server.apiKeyEnv ? requireCredential(server.apiKeyEnv, endpoint) : undefined;
      const policy = { ...defaultPolicy(access), signal: ctx.signal };
      const viaPolicy = policyFetch(endpoint, policy);
      const note = `${modelId} on ${server.name}`;
      if (spec.kind === 'transcription') return transcribe(ctx, { apiKey, policyFetch: viaPolicy, note });
      return chat(ctx, { apiKey, policyFetch: viaPolicy, note });
    },
  };

  async function chat(ctx: ExpertContext, o: { apiKey: string | undefined; policyFetch: typeof fetch; note: string }): Promise<ExpertResult> {
    const [{ generateText }, { createOpenAICompatible }] = await Promise.all([import('ai'), import('@ai-sdk/openai-compatible')]);
    const model = createOpenAICompatible({ name: server.name, baseURL: server.baseURL, fetch: o.policyFetch, ...(o.apiKey ? { apiKey: o.apiKey } : {}) })(modelId);
    // The HTTP policy retries; the SDK's own retries would multiply them.
    const common = { model, abortSignal: ctx.signal, maxRetries: 0, temperature: 0 } as const;
    const question = typeof ctx.params.question === 'string' ? ctx.params.question : undefined;
    let text: string;
    let language: string | undefined;
    switch (task) {
      case 'summarization': {
        const input = await requireText(ctx.inputs.text, entry.id);
        const sentences = typeof ctx.params.sentences === 'number' ? ctx.params.sentences : undefined;
        text = (await generateText({ ...common, system: INSTRUCTIONS.summarization(sentences), prompt: input })).text;
        language = ctx.inputs.text?.language;
        break;
      }
      case 'translation': {
        const target = typeof ctx.params.target_language === 'string' ? ctx.params.target_language : undefined;
        if (!target) throw new TroupeError(ErrorCode.InvalidPlan, `${entry.id}: no target_language was given`, { hint: 'say which language to translate into, e.g. "into Spanish"' });
        const input = await requireText(ctx.inputs.text, entry.id);
        text = (await generateText({ ...common, system: INSTRUCTIONS.translation(languageName(target)), prompt: input })).text;
        language = target;
        break;
      }
      case 'question-answering': {
        if (!question) throw new TroupeError(ErrorCode.InvalidPlan, `${entry.id}: no question was given`);
        const input = await requireText(ctx.inputs.text, entry.id);
        text = (await generateText({ ...common, system: INSTRUCTIONS.qa, prompt: `Text:\n${input}\n\nQuestion: ${question}` })).text;
        break;
      }
      default: {
        if (task === 'visual-question-answering' && !question) throw new TroupeError(ErrorCode.InvalidPlan, `${entry.id}: no question was given`);
        const image = await fileOf(ctx.inputs.image, 'image');
        const instruction = task === 'image-captioning' ? INSTRUCTIONS.caption : `${INSTRUCTIONS.vqa}\nQuestion: ${question}`;
        text = (await generateText({ ...common, messages: [{ role: 'user', content: [{ type: 'text', text: instruction }, { type: 'image', image: image.bytes, mediaType: image.mime }] }] })).text;
      }
    }
    if (!text.trim()) throw new TroupeError(ErrorCode.ExpertFailed, `${endpoint} returned an empty answer for ${task}`, { transient: true });
    return textOutput(ctx, text.trim(), o.note, language);
  }

  async function transcribe(ctx: ExpertContext, o: { apiKey: string | undefined; policyFetch: typeof fetch; note: string }): Promise<ExpertResult> {
    const [{ experimental_transcribe }, { createOpenAI }] = await Promise.all([import('ai'), import('@ai-sdk/openai')]);
    const audio = await fileOf(ctx.inputs.audio, 'audio');
    const model = createOpenAI({ baseURL: server.baseURL, apiKey: o.apiKey ?? 'not-needed', fetch: o.policyFetch }).transcription(modelId);
    const result = await experimental_transcribe({ model, audio: audio.bytes, abortSignal: ctx.signal, maxRetries: 0 });
    return textOutput(ctx, result.text.trim(), o.note, result.language ?? undefined);
  }

  async function fileOf(input: Artifact | undefined, kind: string): Promise<{ bytes: Uint8Array; mime: string }> {
    if (!input?.path) throw new TroupeError(ErrorCode.InvalidPlan, `${entry.id}: no ${kind} file was given`);
    return { bytes: await readFile(input.path), mime: input.mime };
  }
}
