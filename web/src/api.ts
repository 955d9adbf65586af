import type { z } from 'zod';
import type { RunRecord } from '../../src/respond/run-record.js';
import type { ErrorBody, SettingsBody, ThreadBody, ThreadFileBody, ThreadList, ThreadRunBody } from '../../src/serve/schemas.js';

/** What the page reads from `troupe serve`: the shapes of its routes' schemas (src/serve/schemas.ts), as JSON. */
export type ThreadSummary = z.infer<typeof ThreadList>['threads'][number];
export type ThreadFile = z.infer<typeof ThreadFileBody>;
export type ThreadRun = z.infer<typeof ThreadRunBody>;
export type Thread = z.infer<typeof ThreadBody>;
export type Settings = z.infer<typeof SettingsBody>;
export type DoctorRow = Settings['doctor'][number];
export type ApiErrorBody = z.infer<typeof ErrorBody>['error'];
export interface RunArtifact { taskId: string; kind: string; mime: string; artifact: string; url: string }
/** A run as GET …/runs/{runId} answers: the record (run.json) with its files' URLs, or where it stands before it has one. */
export type RunResponse = Omit<Partial<RunRecord>, 'status'> & { runId: string; status: string; artifacts?: RunArtifact[]; error?: ApiErrorBody };

/** An error the server explained ({error: {code, message, hint}}), or one the page met on the way. */
export class ApiError extends Error {
  constructor(readonly code: string, message: string, readonly hint?: string, readonly status?: number) {
    super(message);
  }
}

const TOKEN_KEY = 'troupe.token';
export const savedToken = () => localStorage.getItem(TOKEN_KEY) ?? '';
export const saveToken = (token: string) => (token ? localStorage.setItem(TOKEN_KEY, token) : localStorage.removeItem(TOKEN_KEY));

export function authHeaders(): Record<string, string> {
  const token = savedToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** A call to the server: JSON back, or an ApiError that says what went wrong and what to do. */
export async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { ...authHeaders(), ...(init.headers as Record<string, string> | undefined) } });
  } catch {
    throw new ApiError('OFFLINE', 'The Troupe server did not answer.', 'Check that `npx troupe serve` is still running, then try again.');
  }
  const body = await response.json().catch(() => undefined);
  if (!response.ok) {
    const e = (body as { error?: ApiErrorBody } | undefined)?.error;
    if (response.status === 401) throw new ApiError(e?.code ?? 'MISSING_CREDENTIAL', 'This server needs its token.', 'Open Settings and enter the TROUPE_SERVER_TOKEN the server was started with.', 401);
    throw new ApiError(e?.code ?? `HTTP_${response.status}`, e?.message ?? `The server answered ${response.status}.`, e?.hint, response.status);
  }
  return body as T;
}

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const api = {
  threads: () => call<{ threads: ThreadSummary[] }>('/threads').then((r) => r.threads),
  newThread: () => call<Thread>('/threads', { method: 'POST' }),
  thread: (threadId: string) => call<Thread>(`/threads/${threadId}`),
  run: (threadId: string, runId: string) => call<RunResponse>(`/threads/${threadId}/runs/${runId}`),
  ask: (threadId: string, request: string, files: File[], controller?: string) => {
    const form = new FormData();
    form.append('request', request);
    if (controller) form.append('controller', controller);
    for (const f of files) form.append('files', f, f.name);
    return call<{ runId: string; threadId: string; stream: string }>(`/threads/${threadId}/runs`, { method: 'POST', body: form });
  },
  cancel: (threadId: string, runId: string) => call<{ cancelled: boolean }>(`/threads/${threadId}/runs/${runId}/cancel`, { method: 'POST' }),
  approve: (threadId: string, runId: string, taskId: string, allow: boolean) => call<{ allowed: boolean }>(`/threads/${threadId}/runs/${runId}/approvals/${taskId}`, post({ allow })),
  feedback: (threadId: string, runId: string, verdict: 'good' | 'bad') => call<{ memory: { good: number; bad: number } }>(`/threads/${threadId}/runs/${runId}/feedback`, post({ verdict })),
  settings: () => call<Settings>('/settings'),
};
