import type { TaskView } from '../run-view.js';
import { ResultView } from './ResultView.js';

function argument(value: unknown): string {
  const v = value as { ref?: string; file?: string };
  if (typeof v?.ref === 'string') return `the output of ${v.ref}`;
  if (typeof v?.file === 'string') return `the file ${v.file.slice(v.file.lastIndexOf('/') + 1).replace(/^\d+-\d+-/, '')}`;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function took(task: TaskView): string | undefined {
  if (!task.startedAt || !task.endedAt) return undefined;
  return `${((Date.parse(task.endedAt) - Date.parse(task.startedAt)) / 1000).toFixed(2)} s`;
}

/** A task's inputs, outputs, timings, notes and errors, and every expert it tried. */
export function TaskDetails({ task, onClose }: { task: TaskView; onClose: () => void }) {
  const time = took(task);
  return (
    <section class="task-details" aria-label={`Details of ${task.id}`}>
      <h3>
        {task.id} · {task.task}
      </h3>
      <dl>
        <dt>Status</dt>
        <dd>{task.status}</dd>
        <dt>Expert</dt>
        <dd>{task.expert ?? 'not chosen yet'}</dd>
        {Object.entries(task.args).map(([name, value]) => (
          <>
            <dt key={`k${name}`}>{name}</dt>
            <dd key={`v${name}`}>{argument(value)}</dd>
          </>
        ))}
        {time ? (
          <>
            <dt>Took</dt>
            <dd>{time}</dd>
          </>
        ) : null}
        {task.note ? (
          <>
            <dt>Note</dt>
            <dd>{task.note}</dd>
          </>
        ) : null}
        {task.error ? (
          <>
            <dt>Error</dt>
            <dd class="error-text">
              {task.error.code}: {task.error.message}
              {task.error.hint ? ` — ${task.error.hint}` : ''}
            </dd>
          </>
        ) : null}
        {task.attempts.length > 1 ? (
          <>
            <dt>Tried</dt>
            <dd>{task.attempts.map((a) => `${a.expert}${a.error ? ` (${a.error.code})` : ''}`).join(' → ')}</dd>
          </>
        ) : null}
      </dl>
      {task.outputs.map((o, i) => (
        <ResultView key={i} output={o} label={`${task.task} (${task.id})`} />
      ))}
      <button type="button" class="quiet" onClick={onClose}>
        Close details
      </button>
    </section>
  );
}
