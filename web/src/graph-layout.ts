import { Graph, layout } from '@dagrejs/dagre';
import type { RunView, TaskView } from './run-view.js';

export interface LaidNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** A task, or one of the request's files (where the data comes from). */
  task?: TaskView;
  input?: { name: string; modality: string };
}
export interface LaidEdge { from: string; to: string; label: string; points: Array<{ x: number; y: number }> }
export interface GraphLayout { nodes: LaidNode[]; edges: LaidEdge[]; width: number; height: number }

const NODE = { width: 210, height: 54 };
const INPUT = { width: 132, height: 36 };

/**
 * The plan as a graph laid out by dagre: the request's files and the tasks as nodes, the data
 * each task takes as edges labelled with the argument it fills. Left to right on a wide
 * screen, top to bottom on a narrow one.
 */
export function layoutPlan(view: RunView, direction: 'LR' | 'TB'): GraphLayout {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: direction, nodesep: 18, ranksep: direction === 'LR' ? 48 : 36, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  const inputs = new Map(view.inputs.map((input, i) => [`in${i}`, input]));
  for (const [id] of inputs) g.setNode(id, { ...INPUT });
  for (const t of view.tasks) g.setNode(t.id, { ...NODE });
  const labels: Array<{ from: string; to: string; label: string; name: string }> = [];
  for (const t of view.tasks) {
    for (const [arg, value] of Object.entries(t.args)) {
      const ref = (value as { ref?: unknown })?.ref;
      const file = (value as { file?: unknown })?.file;
      const from = typeof ref === 'string' ? ref : typeof file === 'string' ? [...inputs].find(([, i]) => file.endsWith(i.name))?.[0] : undefined;
      if (from && g.hasNode(from)) labels.push({ from, to: t.id, label: arg, name: `${from}>${t.id}>${arg}` });
    }
    // A dependency with no argument that names it (an order only) is still an edge.
    for (const dep of t.deps) if (!labels.some((l) => l.from === dep && l.to === t.id) && g.hasNode(dep)) labels.push({ from: dep, to: t.id, label: '', name: `${dep}>${t.id}` });
  }
  for (const l of labels) g.setEdge(l.from, l.to, { label: l.label }, l.name);
  layout(g);
  const nodes = g.nodes().map((id) => {
    const n = g.node(id) as { x: number; y: number; width: number; height: number };
    const task = view.tasks.find((t) => t.id === id);
    const input = inputs.get(id);
    return { id, x: n.x, y: n.y, width: n.width, height: n.height, ...(task ? { task } : {}), ...(input ? { input } : {}) };
  });
  const edges = labels.map((l) => ({ from: l.from, to: l.to, label: l.label, points: (g.edge(l.from, l.to, l.name) as { points: Array<{ x: number; y: number }> }).points }));
  const graph = g.graph() as { width?: number; height?: number };
  return { nodes, edges, width: graph.width ?? 0, height: graph.height ?? 0 };
}
