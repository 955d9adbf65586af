import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DefaultChatTransport, readUIMessageStream, type UIMessage } from 'ai';
import { catalogFor } from '../app/catalog-for.js';
import { BuiltinController } from '../controller/builtin-controller.js';
import { petStoreCatalog, type startPetStore } from '../test-support/petstore.js';
import { buildServer, type TroupeServer } from './server.js';

const SIGN = fileURLToPath(new URL('../../examples/sign.png', import.meta.url));

describe("the chat in the AI SDK's UI message stream protocol, read by the ai package's own transport and reader", () => {
  let server: TroupeServer;
  let pets: Awaited<ReturnType<typeof startPetStore>>;
  let base = '';
  let headers: Headers | undefined;
  let transport: DefaultChatTransport<UIMessage>;

  before(async () => {
    const catalog = await petStoreCatalog();
    pets = catalog.pets;
    server = await buildServer({ dataDir: join(catalog.dir, 'data'), controller: new BuiltinController(), catalog: await catalogFor({ db: catalog.db }) });
    base = await server.app.listen({ host: '127.0.0.1', port: 0 });
    transport = new DefaultChatTransport({
      api: `${base}/api/chat`,
      fetch: async (url, init) => {
        const response = await fetch(url, init);
        headers = response.headers;
        return response;
      },
    });
  });
  after(async () => {
    await server.close();
    await pets.close();
  });

  /** Sends the messages as useChat would and reads the reply to its last state. */
  async function send(chatId: string, messages: UIMessage[], continuing?: UIMessage): Promise<UIMessage> {
    const stream = await transport.sendMessages({ chatId, messages, trigger: 'submit-message', messageId: undefined, abortSignal: undefined });
    let last: UIMessage | undefined;
    for await (const message of readUIMessageStream({ stream, ...(continuing ? { message: continuing } : {}), terminateOnError: true })) last = message;
    assert.ok(last, 'the stream carried a message');
    return last;
  }

  it('a photo as a file part: the plan as a data part, each task re-sent until it succeeded, the speech as a file part, the answer as text', async () => {
    const photo = `data:image/png;base64,${(await readFile(SIGN)).toString('base64')}`;
    const reply = await send('chat-sign', [{ id: 'u1', role: 'user', parts: [{ type: 'file', mediaType: 'image/png', filename: 'sign.png', url: photo }, { type: 'text', text: 'Read the sign in this photo, translate it into Spanish and read it aloud' }] }]);
    assert.equal(headers?.get('x-vercel-ai-ui-message-stream'), 'v1');
    const plan = reply.parts.find((p) => p.type === 'data-plan') as { data: { plan: { tasks: Array<{ task: string }> } } } | undefined;
    assert.deepEqual(plan?.data.plan.tasks.map((t) => t.task), ['ocr', 'translation', 'text-to-speech']);
    // One part per task (re-sent under the task's id, so the reader replaced it), each succeeded.
    const tasks = reply.parts.filter((p) => p.type === 'data-task') as Array<{ data: { id: string; status: string; expert: string } }>;
    assert.deepEqual(tasks.map((t) => [t.data.id, t.data.status]), [['t1', 'succeeded'], ['t2', 'succeeded'], ['t3', 'succeeded']]);
    const speech = reply.parts.find((p) => p.type === 'file') as { url: string; mediaType: string } | undefined;
    assert.equal(speech?.mediaType, 'audio/wav');
    const wav = await fetch(new URL(speech!.url, base));
    assert.equal(wav.status, 200);
    assert.equal(Buffer.from(await wav.arrayBuffer()).subarray(0, 4).toString(), 'RIFF');
    const text = reply.parts.filter((p) => p.type === 'text').map((p) => (p as { text: string }).text).join('');
    assert.match(text, /biblioteca/i, 'the answer quotes the Spanish');
    // The chat is a thread of the server: the same run is there.
    const thread = (await (await fetch(`${base}/threads/chat-sign`)).json()) as { runs: unknown[] };
    assert.equal(thread.runs.length, 1);
  });

  it('a state-changing step ends the stream with an approval request; the answer in the next request lets the run go on', async () => {
    const user: UIMessage = { id: 'u1', role: 'user', parts: [{ type: 'text', text: "add a new pet named 'Luna' to the store" }] };
    const asked = await send('chat-pets', [user]);
    const call = asked.parts.find((p) => p.type === 'dynamic-tool') as { state: string; toolCallId: string; input: { action: string }; approval?: { id: string } } | undefined;
    assert.equal(call?.state, 'approval-requested');
    assert.match(call!.input.action, /POST/);
    assert.equal(pets.hits['/api/pets'] ?? 0, 0, 'nothing was sent before the answer');
    // What useChat's addToolApprovalResponse makes of the part, sent back with the conversation.
    const answered: UIMessage = { ...asked, parts: asked.parts.map((p) => (p === (call as unknown) ? { ...call, state: 'approval-responded', approval: { id: call!.approval!.id, approved: true } } : p)) as UIMessage['parts'] };
    const done = await send('chat-pets', [user, answered], answered);
    const result = done.parts.find((p) => p.type === 'dynamic-tool') as { state: string } | undefined;
    assert.equal(result?.state, 'output-available');
    const task = done.parts.find((p) => p.type === 'data-task') as { data: { status: string; task: string } } | undefined;
    assert.equal(task?.data.status, 'succeeded');
    assert.ok(task?.data.task, 'the continued stream still knows the task');
    assert.match(done.parts.filter((p) => p.type === 'text').map((p) => (p as { text: string }).text).join(''), /Luna/);
    assert.equal(pets.hits['/api/pets'], 1);
  });

  it('a request that is not a chat gets a clear error', async () => {
    const response = await fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'x', messages: [] }) });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { code: string; hint: string } };
    assert.equal(body.error.code, 'BAD_USAGE');
    assert.match(body.error.hint, /DefaultChatTransport/);
  });
});
