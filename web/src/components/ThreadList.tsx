import type { ThreadSummary } from '../api.js';

export function ThreadList({ threads, current, onOpen }: { threads: ThreadSummary[]; current: string | undefined; onOpen: (id: string) => void }) {
  if (!threads.length) return <p class="muted">No threads yet.</p>;
  return (
    <ul class="thread-list">
      {threads.map((t) => (
        <li key={t.threadId}>
          <a href={`#/thread/${t.threadId}`} aria-current={t.threadId === current ? 'page' : undefined} onClick={(e) => (e.preventDefault(), onOpen(t.threadId))}>
            <span class="title">{t.title || 'New thread'}</span>
            <span class="muted">
              {t.runs} request{t.runs === 1 ? '' : 's'} · {new Date(t.updatedAt).toLocaleString()}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
