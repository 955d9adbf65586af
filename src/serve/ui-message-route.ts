import type { FastifyInstance } from 'fastify';
import type { UIMessageChunk } from 'ai';
import { z } from 'zod';
import { ErrorCode, TroupeError } from '../core/errors.js';
import type { RunStore } from '../runs/run-store.js';
import type { Thread, ThreadStore } from '../runs/thread-store.js';
import { followRun } from './follow-run.js';
import type { RunHub } from './run-hub.js';
import { readApprovalId, runChunks } from './ui-message-chunks.js';

/** What useChat's DefaultChatTransport posts: the chat's id and its messages (parts are read leniently, as the SDK grows them). */
const Part = z.object({ type: z.string() }).loose();
const ChatBody = z
  .object({
    id: z.string().regex(/^[\w-]{1,100}$/, 'a chat id of letters, digits, - and _'),
    messages: z.array(z.object({ id: z.string(), role: z.enum(['system', 'user', 'assistant']), parts: z.array(Part) }).loose()).min(1),
    controller: z.string().max(200).optional(),
  })
  .loose();
const FilePart = z.object({ type: z.literal('file'), mediaType: z.string(), url: z.string(), filename: z.string().optional() });
const AnsweredApproval = z.object({ state: z.literal('approval-responded'), approval: z.object({ id: z.string(), approved: z.boolean() }) }).loose();

export interface ChatRouteContext {
  threads: ThreadStore;
  store: RunStore;
  hub: RunHub;
  maxFileBytes: number;
  maxFiles: number;
  /** Saves a sent file into the thread; returns its path. */
  saveUpload(threadId: string, filename: string, bytes: Buffer, index: number): Promise<string>;
  /** Checks saved uploads and joins them to the thread: their modalities. */
  addUploads(threadId: string, saved: Array<{ path: string; name: string }>): Promise<ReadonlySet<string>>;
  /** A thread's upload by its artifact URL, for a file part that points at one. */
  uploadAt(threadId: string, url: string): string | undefined;
  startRun(thread: Thread, asked: { request: string; uploaded: string[]; modalities: ReadonlySet<string>; controller?: string }): string;
  /** A finished run's answer and its media files (URLs under /artifacts). */
  outcome(runId: string): { answer: string; files: Array<{ url: string; mediaType: string }> } | undefined;
  runError(threadId: string, runId: string): { code: string; message: string; hint?: string } | undefined;
}

/**
 * POST /api/chat: the conversation in the AI SDK's UI message stream protocol (v1), so a stock
 * `useChat` client can drive Troupe. The chat id is the thread; the last user message's text is
 * the request and its file parts are the uploads. A state-changing step ends the stream with an
 * approval request; the client's next request carries the answer, and the stream goes on from
 * where it stopped.
 */
export function registerChatRoute(app: FastifyInstance, context: ChatRouteContext): void {
  const { threads, store, hub } = context;
  // Files come inline as data URLs: the body may hold every allowed file, base64-encoded.
  const bodyLimit = Math.ceil(context.maxFileBytes * context.maxFiles * 1.4) + 1024 * 1024;

  app.post('/api/chat', { bodyLimit, schema: { summary: "the chat in the AI SDK's UI message stream protocol (x-vercel-ai-ui-message-stream: v1), for useChat: data-plan and data-task parts, file parts for media, tool-approval-request for approvals" } }, async (req, reply) => {
    const parsed = ChatBody.safeParse(req.body);
    if (!parsed.success) return reply.code(400).send({ error: { code: ErrorCode.BadUsage, message: `not a chat request: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`, hint: "send what the AI SDK's DefaultChatTransport sends: {id, messages}" } });
    const { id, messages, controller } = parsed.data;
    const thread = threads.get(id) ?? threads.create(id);
    const last = messages.at(-1)!;
    let runId: string;
    let after = 0;
    const first: UIMessageChunk[] = [];
    try {
      if (last.role === 'assistant') {
        // The client answers an approval: give it to the waiting step, and carry on from there.
        const answers = last.parts.flatMap((p) => {
          const a = AnsweredApproval.safeParse(p);
          const at = a.success ? readApprovalId(a.data.approval.id) : undefined;
          return a.success && at && threads.threadOf(at.runId) === thread.threadId ? [{ ...at, approved: a.data.approval.approved, id: a.data.approval.id }] : [];
        });
        if (!answers.length) throw new TroupeError(ErrorCode.BadUsage, 'the last message is the assistant\'s and answers no approval of this chat', { hint: 'send a user message, or an approval-responded tool part' });
        runId = answers[0]!.runId;
        after = Math.min(...answers.map((a) => a.seq));
        first.push({ type: 'start', messageId: last.id });
        for (const a of answers) {
          hub.answerApproval(a.runId, a.taskId, a.approved);
          first.push(a.approved ? { type: 'tool-output-available', toolCallId: a.id, output: { allowed: true }, dynamic: true } : { type: 'tool-output-denied', toolCallId: a.id });
        }
      } else {
        const request = last.parts.flatMap((p) => (p.type === 'text' && typeof p.text === 'string' ? [p.text] : [])).join('\n').trim();
        if (!request) throw new TroupeError(ErrorCode.BadUsage, 'the last message has no text', { hint: 'say what you want done in a text part' });
        const files = last.parts.flatMap((p) => {
          const f = FilePart.safeParse(p);
          return f.success ? [f.data] : [];
        });
        if (files.length > context.maxFiles) throw new TroupeError(ErrorCode.InputCorrupt, `${files.length} files: at most ${context.maxFiles} per message`, { hint: 'send fewer files' });
        const saved: Array<{ path: string; name: string }> = [];
        const known: string[] = [];
        for (const [i, f] of files.entries()) {
          const earlier = context.uploadAt(thread.threadId, f.url);
          if (earlier) {
            known.push(earlier);
            continue;
          }
          const bytes = dataUrlBytes(f.url);
          if (bytes.length > context.maxFileBytes) throw new TroupeError(ErrorCode.InputCorrupt, `${f.filename ?? 'a file'} is over the limit of ${Math.round(context.maxFileBytes / 2 ** 20)} MiB`, { hint: 'send a smaller file' });
          const name = f.filename ?? `upload.${f.mediaType.split('/')[1] ?? 'bin'}`;
          saved.push({ path: await context.saveUpload(thread.threadId, name, bytes, i), name });
        }
        const modalities = await context.addUploads(thread.threadId, saved);
        runId = context.startRun(threads.get(thread.threadId)!, { request, uploaded: [...known, ...saved.map((s) => s.path)], modalities, ...(controller ? { controller } : {}) });
        first.push({ type: 'start', messageId: runId });
      }
    } catch (error) {
      const e = error instanceof TroupeError ? error : new TroupeError(ErrorCode.BadUsage, (error as Error).message);
      return reply.code(400).send({ error: { code: e.code, message: e.message, ...(e.hint ? { hint: e.hint } : {}) } });
    }

    const { createUIMessageStream, pipeUIMessageStreamToResponse } = await import('ai');
    const chunksOf = runChunks(runId);
    // A continuation knows the plan already: the earlier events set the tasks' state, unsent.
    for (const { seq, event } of after ? store.events(runId, 0) : []) if (seq <= after) chunksOf(event, seq);
    const stream = createUIMessageStream({
      execute: ({ writer }) =>
        new Promise<void>((resolve) => {
          for (const chunk of first) writer.write(chunk);
          let stop: () => void = () => undefined;
          let done = false;
          const finish = (chunks: UIMessageChunk[]) => {
            if (done) return;
            done = true;
            for (const chunk of chunks) writer.write(chunk);
            writer.write({ type: 'finish' });
            stop();
            resolve();
          };
          stop = followRun({ runId, after, store, hub }, {
            event: (event, seq) => {
              for (const chunk of chunksOf(event, seq)) writer.write(chunk);
              // The stream stops at a question; the client's answer is the next request.
              if (event.type === 'approval-needed') finish([]);
            },
            end: () => {
              const error = context.runError(thread.threadId, runId);
              if (error) return finish([{ type: 'error', errorText: `${error.message}${error.hint ? ` — ${error.hint}` : ''}` }]);
              const outcome = context.outcome(runId);
              finish([
                ...(outcome?.files ?? []).map((f): UIMessageChunk => ({ type: 'file', url: f.url, mediaType: f.mediaType })),
                { type: 'text-start', id: `${runId}-answer` },
                { type: 'text-delta', id: `${runId}-answer`, delta: outcome?.answer ?? 'The run stopped before it answered (the server stopped); ask again to run it.' },
                { type: 'text-end', id: `${runId}-answer` },
              ]);
            },
          });
          if (done) stop();
          req.raw.on('close', () => stop());
        }),
    });
    reply.hijack();
    pipeUIMessageStreamToResponse({ response: reply.raw, stream });
    return reply;
  });
}

/** The bytes of a data URL (base64 or percent-encoded). */
function dataUrlBytes(url: string): Buffer {
  const m = /^data:[^,]*?(;base64)?,(.*)$/s.exec(url);
  if (!m) throw new TroupeError(ErrorCode.BadUsage, 'a file part\'s url is neither a data: URL nor one of this chat\'s uploads', { hint: 'send files inline as data: URLs (convertFileListToFileUIParts does)' });
  return m[1] ? Buffer.from(m[2]!, 'base64') : Buffer.from(decodeURIComponent(m[2]!), 'latin1');
}
