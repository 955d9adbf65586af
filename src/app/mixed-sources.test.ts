import assert from 'node:assert/strict';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startOpenAiServer, type RecordedRequest, type Reply } from '../test-support/openai-server.js';
import { startPetStore } from '../test-support/petstore.js';
import { EXAMPLE_SIGN } from '../test-support/run-expert.js';
import { troupe } from '../test-support/troupe-cli.js';

const TSX = import.meta.resolve('tsx');
const MCP_SERVER = fileURLToPath(new URL('../test-support/mcp-server.ts', import.meta.url));

/**
 * HuggingGPT's hybrid mode and TaskMatrix.AI's API platform in one run: an LLM controller
 * (a loopback server in the OpenAI protocol) plans a request over a local OCR expert, a
 * Hugging Face model it chooses over the local summarizer, an MCP tool, an OpenAPI
 * operation and a question answered by an OpenAI-compatible server, all from the config
 * file and the catalog, all over real protocols on loopback.
 */
describe('one plan mixing local experts, Hugging Face, OpenAPI, MCP and an OpenAI-compatible server', () => {
  let dir: string;
  let llm: Awaited<ReturnType<typeof startOpenAiServer>>;
  let store: Awaited<ReturnType<typeof startPetStore>>;
  let hfUrl: string;
  const hf = createServer(async (req, res) => {
    for await (const _ of req);
    const ok = req.headers.authorization === 'Bearer hf_test' && req.url === '/models/acme/bart-summarizer';
    res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(ok ? [{ summary_text: 'The library is closed on Sunday.' }] : { error: 'no such model' }));
  });

  const plan = [
    { task: 'ocr', id: 0, dep: [-1], args: { image: 'sign.png' } },
    { task: 'summarization', id: 1, dep: [0], args: { text: '<GENERATED>-0' } },
    { task: 'mcp-text-tools-word-count', id: 2, dep: [1], args: { text: '<GENERATED>-1' } },
    { task: 'openapi-pet-store-createpet', id: 3, dep: [1], args: { name: '<GENERATED>-1', tag: 'sign' } },
    { task: 'question-answering', id: 4, dep: [0], args: { text: '<GENERATED>-0', question: 'When is the library closed?' } },
  ];
  function controllerAndExpert(request: RecordedRequest): Reply {
    const said = JSON.stringify(request.body.messages ?? []);
    if (/Request: /.test(said)) return { content: JSON.stringify({ tasks: plan }) };
    if (/Choose the most suitable expert/.test(said)) return { content: JSON.stringify({ id: 'huggingface/acme/bart-summarizer', reason: 'an abstractive model' }) };
    if (/Answer the question using only the text/.test(said)) return { content: 'On Sunday.' };
    return { content: 'The sign says the library is closed on Sunday.' };
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'troupe-mixed-'));
    await copyFile(EXAMPLE_SIGN, join(dir, 'sign.png'));
    llm = await startOpenAiServer(controllerAndExpert);
    store = await startPetStore();
    await new Promise<void>((resolve) => hf.listen(0, '127.0.0.1', resolve));
    hfUrl = `http://127.0.0.1:${(hf.address() as AddressInfo).port}`;
    // HuggingGPT's model metadata format, one documented model.
    await writeFile(join(dir, 'models.jsonl'), `${JSON.stringify({ id: 'acme/bart-summarizer', task: 'summarization', pipeline_tag: 'summarization', downloads: 1000, likes: 10, meta: {}, description: 'An abstractive summarizer.' })}\n`);
    await writeFile(
      join(dir, 'config.yaml'),
      `allowHosts: [127.0.0.1]
mcpServers:
  - command: ${process.execPath} --import ${TSX} ${MCP_SERVER}
openapi:
  - spec: ${store.url}/openapi.json
    authEnv: PETSTORE_TOKEN
openaiCompatible:
  - name: local-llm
    baseURL: ${llm.url}
    model: qwen2.5
    tasks: [question-answering]
`,
    );
  });
  after(async () => {
    await llm.close();
    await store.close();
    hf.close();
  });

  it('runs the plan end to end, each task by the source it belongs to', async () => {
    const db = join(dir, 'catalog.db');
    const env = { TROUPE_ALLOW_HOSTS: '', HF_TOKEN: 'hf_test', TROUPE_HF_ENDPOINT: hfUrl, PETSTORE_TOKEN: 's3cret' };
    const imported = await troupe(['catalog', 'import', 'hugginggpt', 'models.jsonl', '--db', db], dir, env);
    assert.equal(imported.code, 0, imported.stderr);

    const args = ['run', 'Read the sign, summarize it, count its words, add a pet named after it, and tell me when the library is closed', '-i', 'sign.png', '--db', db, '--config', 'config.yaml', '--llm', `openai-compatible:${llm.url}#planner`, '--json', '--yes'];
    const run = await troupe(args, dir, env);
    assert.equal(run.code, 0, run.stderr + run.stdout);
    const record = JSON.parse(run.stdout) as { tasks: Array<{ task: string; expert: string; status: string; outputs: Array<{ value?: unknown }> }>; answer: string };
    const byTask = Object.fromEntries(record.tasks.map((t) => [t.task, t]));
    assert.deepEqual(record.tasks.map((t) => t.status), ['succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded']);
    assert.equal(byTask.ocr!.expert, 'local/tesseract-ocr');
    assert.match(String(byTask.ocr!.outputs[0]!.value), /library is closed on Sunday/i);
    assert.equal(byTask.summarization!.expert, 'huggingface/acme/bart-summarizer');
    assert.equal(byTask['mcp-text-tools-word-count']!.expert, 'mcp/text-tools/word_count');
    assert.equal(byTask['mcp-text-tools-word-count']!.outputs[0]!.value, '6');
    assert.equal(byTask['openapi-pet-store-createpet']!.expert, 'openapi/pet-store/createpet');
    assert.deepEqual(JSON.parse(String(byTask['openapi-pet-store-createpet']!.outputs[0]!.value)), { id: 2, name: 'The library is closed on Sunday.', tag: 'sign' });
    assert.equal(byTask['question-answering']!.expert, 'openai-compatible/local-llm/question-answering');
    assert.equal(byTask['question-answering']!.outputs[0]!.value, 'On Sunday.');
    assert.doesNotMatch(run.stdout, /s3cret|hf_test/, 'credentials never reach the record');
  });

  it('keeps running when a configured source is down, and says so', async () => {
    await writeFile(join(dir, 'broken.yaml'), 'mcpServers:\n  - command: /no/such/mcp-server\n');
    const run = await troupe(['run', "what language is this: 'Bonjour tout le monde'", '--config', 'broken.yaml', '--json'], dir);
    assert.equal(run.code, 0, run.stderr);
    const record = JSON.parse(run.stdout) as { notes: string[] };
    assert.ok(record.notes.some((n) => /the config's MCP server \/no\/such\/mcp-server could not be read/.test(n)), record.notes.join('\n'));
  });
});
