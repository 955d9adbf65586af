import { useMemo, useState } from 'preact/hooks';
import { layoutPlan } from '../graph-layout.js';
import type { RunView } from '../run-view.js';
import { TaskDetails } from './TaskDetails.js';

const narrow = () => typeof matchMedia === 'function' && matchMedia('(max-width: 640px)').matches;
const STATUS_WORD: Record<string, string> = { waiting: 'waiting', running: 'running', retrying: 'retrying', succeeded: 'done', failed: 'failed', skipped: 'skipped', cancelled: 'cancelled' };
/** Node labels are cut to what the node's width holds (graph-layout sizes nodes for this many characters). */
const LABEL_CHARS = 30;
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The plan as a graph: files and tasks as nodes coloured (and labelled) by status, the data
 * passed as edges. A node is a button: Enter, Space or a click shows its details.
 */
export function PlanGraph({ view }: { view: RunView }) {
  const [selected, setSelected] = useState<string>();
  const graph = useMemo(() => layoutPlan(view, narrow() ? 'TB' : 'LR'), [view]);
  const task = view.tasks.find((t) => t.id === selected);
  const marker = `arrow-${view.runId}`;
  return (
    <figure class="plan">
      <figcaption class="visually-hidden">The plan: {view.tasks.map((t) => `${t.id} ${t.task} ${STATUS_WORD[t.status]}`).join('; ')}</figcaption>
      <svg viewBox={`0 0 ${graph.width} ${graph.height}`} style={{ maxWidth: `${graph.width}px` }} role="group" aria-label="Plan graph">
        <defs>
          <marker id={marker} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" class="arrow" />
          </marker>
        </defs>
        {graph.edges.map((e) => {
          const mid = e.points[Math.floor(e.points.length / 2)]!;
          return (
            <g class="edge" key={`${e.from}-${e.to}-${e.label}`}>
              <polyline points={e.points.map((p) => `${p.x},${p.y}`).join(' ')} marker-end={`url(#${marker})`} />
              {e.label ? (
                <text x={mid.x} y={mid.y - 4} text-anchor="middle">
                  {e.label}
                </text>
              ) : null}
            </g>
          );
        })}
        {graph.nodes.map((n) => {
          const x = n.x - n.width / 2;
          const y = n.y - n.height / 2;
          if (n.input) {
            return (
              <g class="node input" key={n.id} aria-label={`input file ${n.input.name}`}>
                <rect x={x} y={y} width={n.width} height={n.height} rx="18" />
                <text x={n.x} y={n.y + 4} text-anchor="middle">
                  {cut(n.input.name, 18)}
                </text>
              </g>
            );
          }
          const t = n.task!;
          const choose = () => setSelected(selected === t.id ? undefined : t.id);
          return (
            <g
              class={`node task status-${t.status}${selected === t.id ? ' selected' : ''}`}
              key={n.id}
              data-task={t.id}
              data-status={t.status}
              role="button"
              tabindex={0}
              aria-pressed={selected === t.id}
              aria-label={`${t.id}: ${t.task}${t.expert ? ` by ${t.expert}` : ''}, ${STATUS_WORD[t.status]}. Show details.`}
              onClick={choose}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  choose();
                }
              }}
            >
              <rect x={x} y={y} width={n.width} height={n.height} rx="8" />
              <text x={x + 10} y={y + 20} class="task-name">
                {cut(`${t.id} · ${t.task}`, LABEL_CHARS)}
              </text>
              <text x={x + 10} y={y + 40} class="task-expert">
                {cut(`${STATUS_WORD[t.status]}${t.expert ? ` · ${t.expert}` : ''}`, LABEL_CHARS + 4)}
              </text>
            </g>
          );
        })}
      </svg>
      {task ? <TaskDetails task={task} onClose={() => setSelected(undefined)} /> : null}
    </figure>
  );
}
