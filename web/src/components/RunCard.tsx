import { useState } from 'preact/hooks';
import { api, ApiError, authHeaders } from '../api.js';
import { isRunning, type RunView } from '../run-view.js';
import { ErrorNote } from './ErrorNote.js';
import { PlanGraph } from './PlanGraph.js';
import { ResultView } from './ResultView.js';
import { linkFiles } from '../results.js';

function statusLine(view: RunView): string {
  if (view.error) return 'Could not run this request.';
  if (view.waiting) return view.waiting;
  const done = view.tasks.filter((t) => t.status === 'succeeded').length;
  switch (view.status) {
    case 'planning':
      return 'Planning…';
    case 'running':
      return view.approvals.length ? 'Waiting for your approval.' : `Running: ${done} of ${view.tasks.length} step${view.tasks.length === 1 ? '' : 's'} done…`;
    case 'succeeded':
      return `Done: ${done} of ${view.tasks.length} step${view.tasks.length === 1 ? '' : 's'}.`;
    case 'failed':
      return `Finished with failures: ${done} of ${view.tasks.length} steps done.`;
    case 'cancelled':
      return 'Cancelled; finished steps are kept.';
    case 'interrupted':
      return 'Interrupted (the server stopped); it resumes when the server starts again.';
    default:
      return view.status;
  }
}

/** The run record as a file to keep: fetched with the token (a plain link could not send it). */
async function downloadRecord(threadId: string, runId: string) {
  const response = await fetch(`/threads/${threadId}/runs/${runId}`, { headers: authHeaders() });
  const url = URL.createObjectURL(await response.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: `${runId}.json` });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** One request and its answer: the plan as a live graph, approvals, results inline, files, feedback. */
export function RunCard({ threadId, view, onChanged }: { threadId: string; view: RunView; onChanged: () => void }) {
  const [error, setError] = useState<ApiError>();
  const [verdict, setVerdict] = useState<string>();
  const running = isRunning(view);
  const act = (work: Promise<unknown>) => work.then(onChanged, (e: ApiError) => setError(e));
  // What the request asked for: the outputs of the steps nothing else reads.
  const read = new Set(view.tasks.flatMap((t) => t.deps));
  const results = view.tasks.filter((t) => !read.has(t.id) && t.outputs.length);
  const files = view.tasks.flatMap((t) => t.outputs.flatMap((o, i) => (o.url && o.name ? [{ url: o.url, name: o.name, label: `${o.name} (${t.task}, ${o.mime})`, key: `${t.id}-${i}` }] : [])));

  return (
    <article class="run" aria-label={`Request: ${view.request}`}>
      <div class="bubble user">
        <p>{view.request}</p>
        {view.inputs.length ? <p class="muted">with {view.inputs.map((i) => i.name).join(', ')}</p> : null}
      </div>
      <div class="bubble assistant">
        <p class={`status status-${view.error ? 'failed' : view.status}`} role="status" aria-live="polite">
          {statusLine(view)}
        </p>
        {view.error ? <ErrorNote error={view.error} /> : null}
        {view.tasks.length ? <PlanGraph view={view} /> : null}
        {view.approvals.map((a) => (
          <div class="approval" key={a.taskId} role="group" aria-label={`Approval for step ${a.taskId}`}>
            <p>
              Step <strong>{a.taskId}</strong> would <strong>{a.action}</strong> with {a.expert}. Allow it?
            </p>
            <button type="button" class="primary" onClick={() => void act(api.approve(threadId, view.runId, a.taskId, true))}>
              Allow
            </button>{' '}
            <button type="button" onClick={() => void act(api.approve(threadId, view.runId, a.taskId, false))}>
              Deny
            </button>
          </div>
        ))}
        {view.answer ? (
          <p class="answer">
            {linkFiles(view.answer, files).map((part, i) =>
              typeof part === 'string' ? part : (
                <a key={i} href={part.url} download>
                  {part.name}
                </a>
              ),
            )}
          </p>
        ) : null}
        {results.map((t) => (
          <section class="result" key={t.id} aria-label={`Result of ${t.id}, ${t.task}`}>
            {t.outputs.map((o, i) => (
              <ResultView key={i} output={o} label={`${t.task} (${t.id})`} />
            ))}
          </section>
        ))}
        {error ? <ErrorNote error={error} onDismiss={() => setError(undefined)} /> : null}
        <div class="run-actions">
          {running ? (
            <button type="button" onClick={() => void act(api.cancel(threadId, view.runId))}>
              Cancel
            </button>
          ) : null}
          {!running && view.tasks.length ? (
            verdict ? (
              <span class="muted" role="status">{verdict}</span>
            ) : (
              <span role="group" aria-label="Was this plan right?">
                <button type="button" onClick={() => void api.feedback(threadId, view.runId, 'good').then((r) => setVerdict(`Thanks: kept as a good plan (${r.memory.good} good so far).`), setError)}>
                  Good plan
                </button>{' '}
                <button type="button" onClick={() => void api.feedback(threadId, view.runId, 'bad').then(() => setVerdict('Thanks: this plan will not be suggested again.'), setError)}>
                  Bad plan
                </button>
              </span>
            )
          ) : null}
        </div>
        {files.length || view.tasks.length ? (
          <details class="downloads">
            <summary>Files ({files.length}) and the run record</summary>
            <ul>
              {files.map((f) => (
                <li key={f.key}>
                  <a href={f.url} download>
                    {f.label}
                  </a>
                </li>
              ))}
              <li>
                <button type="button" class="link" onClick={() => void downloadRecord(threadId, view.runId)}>
                  run record ({view.runId}.json)
                </button>
              </li>
            </ul>
          </details>
        ) : null}
      </div>
    </article>
  );
}
