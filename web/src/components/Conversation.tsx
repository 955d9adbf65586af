import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type Thread } from '../api.js';
import { followRunEvents } from '../run-events.js';
import { applyEvent, isRunning, pendingView, viewFromRecord, type RunView } from '../run-view.js';
import { Composer } from './Composer.js';
import { ErrorNote } from './ErrorNote.js';
import { RunCard } from './RunCard.js';

/**
 * One thread: its runs in order, each live while it runs. A reload reads the thread again and
 * re-attaches to a running run's stream from its start, which rebuilds the graph as it stands.
 */
export function Conversation({ threadId, controller, onChanged }: { threadId: string; controller: string; onChanged: () => void }) {
  const [thread, setThread] = useState<Thread>();
  const [views, setViews] = useState<Record<string, RunView>>({});
  const [error, setError] = useState<ApiError>();
  const followers = useRef(new Map<string, () => void>());
  // The latest callback, read when a run ends: a new function from the parent must not restart the streams.
  const changed = useRef(onChanged);
  changed.current = onChanged;
  const update = (runId: string, change: (view: RunView) => RunView) => setViews((all) => (all[runId] ? { ...all, [runId]: change(all[runId]) } : all));

  const readRecord = useCallback(
    async (runId: string) => {
      const record = await api.run(threadId, runId).catch(() => undefined);
      if (record) update(runId, (view) => viewFromRecord(record, view));
    },
    [threadId],
  );

  const follow = useCallback(
    (runId: string) => {
      if (followers.current.has(runId)) return;
      const stop = followRunEvents(
        `/threads/${threadId}/runs/${runId}/stream`,
        (event) => {
          update(runId, (view) => applyEvent(view, event));
          // A finished step's files get their addresses from the record.
          if (event.type === 'task-succeeded') void readRecord(runId);
        },
        () => {
          followers.current.delete(runId);
          void readRecord(runId).then(() => changed.current());
        },
      );
      followers.current.set(runId, stop);
    },
    [threadId, readRecord],
  );

  const load = useCallback(async () => {
    try {
      const t = await api.thread(threadId);
      setThread(t);
      const initial = Object.fromEntries(t.runs.map((r) => [r.runId, pendingView(r)]));
      setViews(initial);
      for (const r of t.runs) {
        if (r.error) continue;
        const record = await api.run(threadId, r.runId).catch(() => undefined);
        const view = record ? viewFromRecord(record, initial[r.runId]!) : initial[r.runId]!;
        setViews((all) => ({ ...all, [r.runId]: view }));
        if (isRunning(view)) follow(r.runId);
      }
    } catch (e) {
      setError(e as ApiError);
    }
  }, [threadId, follow]);

  useEffect(() => {
    void load();
    const all = followers.current;
    return () => {
      for (const stop of all.values()) stop();
      all.clear();
    };
  }, [load]);

  const ask = async (request: string, files: File[]) => {
    const started = await api.ask(threadId, request, files, controller || undefined);
    setThread((t) => (t ? { ...t, runs: [...t.runs, { runId: started.runId, request, at: new Date().toISOString(), status: 'planning' }] } : t));
    setViews((all) => ({ ...all, [started.runId]: pendingView({ runId: started.runId, request, at: '', status: 'planning' }) }));
    follow(started.runId);
    changed.current();
    void api.thread(threadId).then((t) => setThread((now) => (now ? { ...now, files: t.files } : t)));
  };

  if (error) return <ErrorNote error={error} />;
  if (!thread) return <p class="muted" role="status">Loading the thread…</p>;
  const busy = Object.values(views).some(isRunning);
  return (
    <section class="conversation" aria-label="Conversation">
      <ol class="runs">
        {thread.runs.map((r) => {
          const view = views[r.runId];
          return view ? (
            <li key={r.runId}>
              <RunCard threadId={threadId} view={view} onChanged={() => void readRecord(r.runId)} />
            </li>
          ) : null;
        })}
      </ol>
      {thread.runs.length === 0 ? <p class="muted">Ask something below: for example “find the faces in this photo”, with the photo attached.</p> : null}
      <Composer onAsk={ask} busy={busy} followUp={thread.runs.length > 0} />
    </section>
  );
}
