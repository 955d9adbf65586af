import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { catalogFor } from '../app/catalog-for.js';
import { BuiltinController } from '../controller/builtin-controller.js';
import { petStoreCatalog, type startPetStore } from '../test-support/petstore.js';
import { buildServer, type TroupeServer } from './server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (response: Response | Promise<Response>): Promise<any> => (await response).json();

describe('approving a state-changing step over HTTP', () => {
  let pets: Awaited<ReturnType<typeof startPetStore>>;
  let server: TroupeServer;
  let base = '';
  before(async () => {
    // The pet store is on loopback, which these tests allow; its POST needs the token.
    const { dir, db, pets: started } = await petStoreCatalog();
    pets = started;
    server = await buildServer({ dataDir: join(dir, 'data'), controller: new BuiltinController(), catalog: await catalogFor({ db }) });
    base = await server.app.listen({ host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    await server.close();
    await pets.close();
  });

  /** Starts a run and reads its stream until the step asks for approval. */
  async function askApproval(request: string): Promise<{ threadId: string; runId: string; stream: ReadableStreamDefaultReader<Uint8Array>; taskId: string }> {
    const { threadId } = await json(fetch(`${base}/threads`, { method: 'POST' }));
    const { runId, stream } = await json(fetch(`${base}/threads/${threadId}/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ request }) }));
    const reader = (await fetch(`${base}${stream}`)).body!.getReader();
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      assert.ok(!done, `the stream ended without asking: ${text}`);
      text += new TextDecoder().decode(value);
      const asked = /event: approval-needed\ndata: (.*)\n/.exec(text);
      if (asked) return { threadId, runId, stream: reader, taskId: JSON.parse(asked[1]!).taskId };
    }
  }

  const finish = async (reader: ReadableStreamDefaultReader<Uint8Array>) => {
    while (!(await reader.read()).done);
  };

  it('waits for the answer: allowed, the operation runs', async () => {
    const { threadId, runId, stream, taskId } = await askApproval("add a new pet named 'Luna' to the store");
    const answered = await json(fetch(`${base}/threads/${threadId}/runs/${runId}/approvals/${taskId}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ allow: true }) }));
    assert.deepEqual(answered, { runId, taskId, allowed: true });
    await finish(stream);
    const record = await json(fetch(`${base}/threads/${threadId}/runs/${runId}`));
    assert.equal(record.status, 'succeeded', JSON.stringify(record.tasks));
    assert.equal(JSON.parse(record.tasks[0].outputs[0].value).name, 'Luna');
    assert.doesNotMatch(JSON.stringify(record), /s3cret/, 'the credential never reaches the record');
  });

  it('denied, the step is skipped with NEEDS_APPROVAL; an answer nobody waits for is refused', async () => {
    const { threadId, runId, stream, taskId } = await askApproval("add a new pet named 'Max' to the store");
    await fetch(`${base}/threads/${threadId}/runs/${runId}/approvals/${taskId}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ allow: false }) });
    await finish(stream);
    const record = await json(fetch(`${base}/threads/${threadId}/runs/${runId}`));
    assert.equal(record.tasks[0].status, 'skipped');
    assert.equal(record.tasks[0].error.code, 'NEEDS_APPROVAL');
    const late = await fetch(`${base}/threads/${threadId}/runs/${runId}/approvals/${taskId}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ allow: true }) });
    assert.equal(late.status, 404);
  });
});
