import type { RunEvent } from '../execute/events.js';
import type { Plan } from '../core/plan.js';

type Line = { id: string; task: string; state: string; expert?: string; since?: number; detail?: string };

/**
 * Human progress on stderr. On a TTY: one live line per task (waiting, running with the
 * elapsed time, done, failed), redrawn in place. Otherwise: one plain line per change.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): { onEvent: (e: RunEvent) => void; stop: () => void; pause: () => void; resume: () => void } {
  const live = Boolean(stream.isTTY) && !process.env.CI;
  const lines = new Map<string, Line>();
  let drawn = 0;
  let timer: NodeJS.Timeout | undefined;
  let paused = false;

  const render = (l: Line) => {
    const elapsed = l.since ? ` ${((Date.now() - l.since) / 1000).toFixed(1)}s` : '';
    const icon = { waiting: '·', running: '▸', done: '✓', failed: '✗', skipped: '↷', cancelled: '■', note: '!' }[l.state] ?? ' ';
    if (l.state === 'note') return `${icon} note: ${l.task}`;
    return `${icon} ${l.id} ${l.task}${l.expert ? ` [${l.expert}]` : ''} ${l.state}${l.state === 'running' ? elapsed : ''}${l.detail ? ` — ${l.detail}` : ''}`;
  };
  const redraw = () => {
    if (drawn) stream.write(`\x1b[${drawn}A`);
    for (const l of lines.values()) stream.write(`\x1b[2K${render(l).slice(0, (stream.columns || 120) - 1)}\n`);
    drawn = lines.size;
  };
  const update = (id: string, patch: Partial<Line>) => {
    const l = lines.get(id);
    if (!l) return;
    Object.assign(l, patch);
    if (paused) return;
    if (live) redraw();
    else stream.write(`${render(l)}\n`);
  };

  return {
    onEvent(e) {
      switch (e.type) {
        case 'plan-ready':
          initialise(e.plan);
          break;
        case 'task-started':
          update(e.taskId, { state: 'running', expert: e.expert, since: Date.now(), ...(e.attempt > 1 ? { detail: `attempt ${e.attempt}` } : { detail: '' }) });
          break;
        case 'task-fallback':
          update(e.taskId, { detail: `${e.from} failed (${e.error.message}); trying ${e.to}` });
          break;
        case 'task-succeeded':
          update(e.taskId, { state: 'done', detail: e.note ?? '' });
          break;
        case 'task-failed':
          update(e.taskId, { state: 'failed', detail: e.error.message });
          break;
        case 'task-skipped':
          update(e.taskId, { state: 'skipped', detail: e.reason });
          break;
        case 'task-cancelled':
          update(e.taskId, { state: 'cancelled', detail: '' });
          break;
        case 'controller-waiting': {
          const doing = { plan: 'planning', choose: 'choosing an expert', answer: 'composing the answer' }[e.stage];
          const line: Line = { id: '·', task: `${doing} with ${e.controller}`, state: 'running', since: Date.now() };
          lines.set(`controller-${e.stage}`, line);
          if (live) {
            ensureTimer();
            if (!paused) redraw();
          } else stream.write(`${line.task}…\n`);
          break;
        }
        case 'controller-done': {
          const line = lines.get(`controller-${e.stage}`);
          if (line && live) update(`controller-${e.stage}`, { state: 'done', detail: `${((Date.now() - (line.since ?? Date.now())) / 1000).toFixed(1)}s` });
          break;
        }
        case 'planner-fallback':
          // Said where the person looks, not only in run.json.
          if (live) {
            lines.set('fallback', { id: '!', task: e.reason, state: 'note' });
            if (!paused) redraw();
          } else stream.write(`note: ${e.reason}\n`);
          break;
        case 'run-finished':
          if (timer) clearInterval(timer);
          break;
        default:
          break;
      }
    },
    stop() {
      if (timer) clearInterval(timer);
    },
    /** While a question is on screen: no redrawing over it. */
    pause() {
      paused = true;
    },
    /** Draws the lines afresh below whatever was printed meanwhile. */
    resume() {
      paused = false;
      drawn = 0;
      if (live) redraw();
    },
  };

  function ensureTimer() {
    if (timer) return;
    timer = setInterval(() => paused || redraw(), 200);
    timer.unref();
  }

  function initialise(plan: Plan) {
    for (const t of plan.tasks) lines.set(t.id, { id: t.id, task: t.task, state: 'waiting' });
    if (live) {
      redraw();
      ensureTimer();
    } else {
      stream.write(`plan: ${plan.tasks.map((t) => `${t.id} ${t.task}${t.deps.length ? ` ← ${t.deps.join(',')}` : ''}`).join('; ')}\n`);
    }
  }
}
