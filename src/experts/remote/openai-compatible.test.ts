import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { OpenAiServerSchema, type OpenAiServer } from '../../config/config.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { startOpenAiServer, type RecordedRequest, type Reply } from '../../test-support/openai-server.js';
import { runExpert, textArtifact } from '../../test-support/run-expert.js';
import { openAiCompatibleExpert, tasksOf } from './openai-compatible-expert.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../../test-fixtures/${name}`, import.meta.url));

/** What the scripted server answers depends on what it was asked, like a real model. */
function answer(request: RecordedRequest): Reply {
  if (request.authorization !== 'Bearer sk-test') return { status: 401, body: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } } };
  if (request.path.endsWith('/audio/transcriptions')) return { content: 'go forward ten meters' };
  const messages = request.body.messages ?? [];
  const system = String(messages.find((m) => m.role === 'system')?.content ?? '');
  const user = messages.find((m) => m.role === 'user')?.content;
  if (/Summarize/.test(system)) return { content: 'The library is closed on Sundays.' };
  if (/Translate the user's text into Spanish/.test(system)) return { content: 'La biblioteca está cerrada.' };
  if (/Answer the question using only the text/.test(system)) return { content: /When/.test(String(user)) ? 'On Sunday.' : 'The text does not say.' };
  if (Array.isArray(user) && user.some((p: { type: string }) => p.type === 'image_url')) return { content: /colour/.test(JSON.stringify(user)) ? 'Brown.' : 'A cup of coffee on a table.' };
  return { status: 400, body: { error: { message: 'unexpected request' } } };
}

describe('OpenAI-compatible servers as experts (AI SDK against a loopback server in the OpenAI protocol)', () => {
  let server: Awaited<ReturnType<typeof startOpenAiServer>>;
  let config: OpenAiServer;
  const saved = { ...process.env };
  before(async () => {
    server = await startOpenAiServer(answer);
    Object.assign(process.env, { TROUPE_ALLOW_HOSTS: '127.0.0.1', LOCAL_LLM_KEY: 'sk-test' });
    config = OpenAiServerSchema.parse({ name: 'local-llm', baseURL: server.url, model: 'qwen2.5', visionModel: 'llava', transcriptionModel: 'whisper-1', apiKeyEnv: 'LOCAL_LLM_KEY' });
  });
  after(async () => {
    process.env = saved;
    await server.close();
  });

  it('serves the tasks its models allow, and only those the config lists', () => {
    assert.deepEqual(tasksOf(config), ['summarization', 'translation', 'question-answering', 'image-captioning', 'visual-question-answering', 'automatic-speech-recognition']);
    assert.deepEqual(tasksOf({ ...config, visionModel: undefined, transcriptionModel: undefined, tasks: ['translation', 'image-captioning'] }), ['translation']);
  });

  it('summarizes, translates and answers questions about a text with the chat model', async () => {
    const summary = await runExpert(openAiCompatibleExpert(config, 'summarization'), { text: textArtifact('The library is closed on Sunday. The garden is closed for repairs.') }, { sentences: 1 });
    assert.equal(summary.output.value, 'The library is closed on Sundays.');
    const translated = await runExpert(openAiCompatibleExpert(config, 'translation'), { text: textArtifact('The library is closed.') }, { target_language: 'es' });
    assert.equal(translated.output.value, 'La biblioteca está cerrada.');
    assert.equal(translated.output.language, 'es');
    const answered = await runExpert(openAiCompatibleExpert(config, 'question-answering'), { text: textArtifact('The library is closed on Sunday.') }, { question: 'When is the library closed?' });
    assert.equal(answered.output.value, 'On Sunday.');
    const chat = server.requests.filter((r) => r.path.endsWith('/chat/completions'));
    assert.ok(chat.every((r) => r.body.model === 'qwen2.5'));
    assert.match(JSON.stringify(chat.at(-1)!.body.messages), /Question: When is the library closed\?/);
  });

  it('sends the picture to the vision model as an image part, and the audio to /audio/transcriptions', async () => {
    const caption = await runExpert(openAiCompatibleExpert(config, 'image-captioning'), { image: { kind: 'image', mime: 'image/jpeg', path: fixture('coffee.jpg') } });
    assert.equal(caption.output.value, 'A cup of coffee on a table.');
    const sent = server.requests.at(-1)!;
    assert.equal(sent.body.model, 'llava');
    assert.match(JSON.stringify(sent.body.messages), /"url":"data:image\/jpeg;base64,\/9j\//);
    const vqa = await runExpert(openAiCompatibleExpert(config, 'visual-question-answering'), { image: { kind: 'image', mime: 'image/jpeg', path: fixture('coffee.jpg') } }, { question: 'what colour is the coffee' });
    assert.equal(vqa.output.value, 'Brown.');
    const heard = await runExpert(openAiCompatibleExpert(config, 'automatic-speech-recognition'), { audio: { kind: 'audio', mime: 'audio/wav', path: fixture('goforward.wav') } });
    assert.equal(heard.output.value, 'go forward ten meters');
    const upload = server.requests.at(-1)!;
    assert.equal(upload.body.model, 'whisper-1');
    assert.ok(upload.file && upload.file.bytes > 10_000, 'the WAV was uploaded');
  });

  it('names the missing or refused key, and asks for a target language', async () => {
    delete process.env.LOCAL_LLM_KEY;
    const expert = openAiCompatibleExpert(config, 'summarization');
    assert.deepEqual(await expert.check(), { runnable: false, reason: 'local-llm needs the API key in LOCAL_LLM_KEY, which is not set', fix: 'export LOCAL_LLM_KEY=...' });
    process.env.LOCAL_LLM_KEY = 'sk-wrong';
    await assert.rejects(runExpert(expert, { text: textArtifact('x') }), (e) => TroupeError.is(e, ErrorCode.MissingCredential) && /local-llm \(http:\/\/127\.0\.0\.1:\d+\/v1\) refused the request \(401\)/.test(e.message));
    process.env.LOCAL_LLM_KEY = 'sk-test';
    await assert.rejects(runExpert(openAiCompatibleExpert(config, 'translation'), { text: textArtifact('x') }), (e) => TroupeError.is(e, ErrorCode.InvalidPlan) && /no target_language/.test(e.message));
  });
});
