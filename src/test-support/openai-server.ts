import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the scripted server does with one chat-completions request. */
export type Reply =
  | { content: string }
  | { status: number; body?: unknown }
  | { hang: true };

export interface RecordedRequest {
  path: string;
  /** The JSON body (chat completions); for multipart uploads, the text fields. */
  body: { model?: string; messages?: Array<{ role: string; content: unknown }>; response_format?: unknown; [field: string]: unknown };
  authorization?: string;
  /** Multipart uploads (/audio/transcriptions): the file part's size and type. */
  file?: { bytes: number; type: string };
}

/** A script is a list (one reply per request, the last repeats) or a function of the request. */
export type Script = Reply[] | ((request: RecordedRequest) => Reply);

/**
 * An HTTP server on loopback that speaks the OpenAI protocol (chat completions, and
 * /audio/transcriptions with multipart uploads), replying from a script. Tests point the
 * real AI SDK providers at it; nothing in production code knows it exists.
 */
export async function startOpenAiServer(script: Script, options: { /** /embeddings: the vector of one input */ embed?: (input: string) => number[] } = {}): Promise<{ url: string; requests: RecordedRequest[]; close: () => Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const hanging: ServerResponse[] = [];
  let next = 0;
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const type = req.headers['content-type'] ?? '';
    const recorded: RecordedRequest = { path: req.url ?? '', body: {}, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) };
    if (type.startsWith('multipart/form-data')) {
      // Parsed with the platform's own multipart reader, as a real server would.
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      for (const [name, value] of form) {
        if (typeof value === 'string') recorded.body[name] = value;
        else recorded.file = { bytes: value.size, type: value.type };
      }
    } else if (raw.length) recorded.body = JSON.parse(raw.toString('utf8'));
    requests.push(recorded);
    if (req.method === 'POST' && req.url?.endsWith('/embeddings') && options.embed) {
      const inputs = Array.isArray(recorded.body.input) ? (recorded.body.input as string[]) : [String(recorded.body.input)];
      const data = inputs.map((input, index) => ({ object: 'embedding', index, embedding: options.embed!(input) }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data, model: recorded.body.model, usage: { prompt_tokens: inputs.length, total_tokens: inputs.length } }));
      return;
    }
    const known = req.url?.endsWith('/chat/completions') || req.url?.endsWith('/audio/transcriptions');
    if (req.method !== 'POST' || !known) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const reply = typeof script === 'function' ? script(recorded) : script[Math.min(next++, script.length - 1)]!;
    if ('hang' in reply) {
      hanging.push(res);
      return;
    }
    if ('status' in reply) {
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body ?? { error: { message: `scripted ${reply.status}`, type: 'server_error' } }));
      return;
    }
    if (req.url?.endsWith('/audio/transcriptions')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text: reply.content }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: `chatcmpl-${requests.length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: recorded.body.model ?? 'scripted',
        choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
