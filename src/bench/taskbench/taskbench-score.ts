import type { Gold, Prediction, Tool } from './taskbench-data.js';

export interface TaskBenchMetrics {
  n: number;
  node_f1: number;
  edge_f1: number;
  param_name_f1: number;
  param_value_f1: number;
  /** Normalised edit distance between the tool sequences (lower is better). */
  ned: number;
}

type Arg = { name: string; value: string };
interface Graph {
  nodes: string[];
  links: Array<[string, string]>;
  args: Arg[][];
}

const EXTENSIONS: Array<[string, string[]]> = [
  ['image', ['jpg', 'png', 'jpeg', 'gif', 'bmp', 'tiff', 'svg', 'ico']],
  ['audio', ['mp3', 'wav', 'wma', 'ogg', 'aac', 'flac', 'aiff', 'au']],
  ['video', ['mp4', 'avi', 'mov', 'flv', 'wmv', 'mkv', 'webm', 'm4v', 'mpg', 'mpeg']],
];

/** TaskBench's argument type from a value: by file extension, else text. */
function contentType(value: string): string {
  const v = value.replace(/^'+|'+$/g, '');
  for (const [type, exts] of EXTENSIONS) if (exts.some((e) => v.includes(`.${e}`))) return type;
  return 'text';
}

function argumentText(raw: unknown): string {
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) raw = Object.values(raw as Record<string, unknown>)[0];
  if (Array.isArray(raw)) return raw.map(String).join(' ');
  return String(raw ?? '');
}

/**
 * A plan as TaskBench scores it. With typed tools (huggingface, multimedia) links come from
 * "<node-j>" arguments and each argument is named by its type (the source tool's output
 * type, or the value's file extension); without (daily-life APIs) links are task_links and
 * arguments keep their names.
 */
function toGraph(nodes: Gold['task_nodes'], links: Gold['task_links'], typed: boolean, outputType: Map<string, string>): Graph {
  const names = nodes.map((n) => (typed ? n.task.replace(/_/g, ' ') : n.task));
  if (!typed) {
    return {
      nodes: names,
      links: links.map((l) => [l.source, l.target]),
      args: nodes.map((n) => n.arguments.flatMap((a) => (a && typeof a === 'object' && 'name' in a ? [{ name: String((a as { name: unknown }).name), value: String((a as { value?: unknown }).value) }] : []))),
    };
  }
  const graphLinks: Array<[string, string]> = [];
  const args = nodes.map((node, i) =>
    node.arguments.flatMap((raw): Arg[] => {
      const text = argumentText(raw);
      const ref = /<node-(\d+)>/.exec(text);
      if (!ref) return [{ name: contentType(text), value: text }];
      const j = Number(ref[1]);
      const source = names[j];
      // A reference to itself or to a node that does not exist carries no link (TaskBench skips these).
      if (j === i || source === undefined) return [];
      graphLinks.push([source, node.task]);
      return [{ name: outputType.get(source) ?? 'other', value: source }];
    }),
  );
  return { nodes: names, links: graphLinks, args };
}

class Counts {
  tp = 0;
  fp = 0;
  fn = 0;
  /** Set semantics per record, as TaskBench flattens them. */
  add(gold: Iterable<string>, pred: Iterable<string>, keep: (s: string) => boolean = () => true) {
    const g = new Set(gold);
    const p = new Set(pred);
    for (const s of new Set([...g, ...p])) {
      if (!keep(s)) continue;
      if (g.has(s) && p.has(s)) this.tp++;
      else if (g.has(s)) this.fn++;
      else this.fp++;
    }
  }
  f1(): number {
    const precision = this.tp + this.fp ? this.tp / (this.tp + this.fp) : 0;
    const recall = this.tp + this.fn ? this.tp / (this.tp + this.fn) : 0;
    return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  }
}

/** Similarity of two sequences by InDel distance (python-Levenshtein's ratio). */
function indelRatio(a: number[], b: number[]): number {
  if (a.length + b.length === 0) return 1;
  // Longest common subsequence: InDel distance = |a| + |b| - 2·LCS.
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) dp[i]![j] = a[i - 1] === b[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
  return (2 * dp[a.length]![b.length]!) / (a.length + b.length);
}

/** TaskBench's node, edge and parameter F1 and normalised edit distance over the records both files have. */
export function scoreTaskBench(tools: Tool[], gold: Gold[], predictions: Prediction[]): TaskBenchMetrics {
  const typed = tools.some((t) => t['input-type'] || t['output-type']);
  const toolIds = new Set(tools.map((t) => t.id));
  const toolIndex = new Map(tools.map((t, i) => [t.id, i + 1]));
  const outputType = new Map(tools.map((t) => [t.id, t['output-type']?.[0] ?? 'none']));
  const byId = new Map(predictions.map((p) => [p.id, p]));
  const nodes = new Counts();
  const edges = new Counts();
  const names = new Counts();
  const values = new Counts();
  let ratio = 0;
  let n = 0;
  for (const g of gold) {
    const p = byId.get(g.id);
    if (!p) continue;
    n++;
    const gg = toGraph(g.task_nodes, g.task_links, typed, outputType);
    const pg = toGraph(p.task_nodes, p.task_links, typed, outputType);
    nodes.add(gg.nodes, pg.nodes, (s) => toolIds.has(s));
    edges.add(gg.links.map((l) => l.join('\u0000')), pg.links.map((l) => l.join('\u0000')));
    const flat = (graph: Graph, withValue: boolean) => graph.args.flatMap((args, i) => args.map((a) => (withValue ? `${graph.nodes[i]}-${a.name}-${a.value}` : `${graph.nodes[i]}-${a.name}`)));
    names.add(flat(gg, false), flat(pg, false));
    values.add(flat(gg, true), flat(pg, true));
    ratio += indelRatio(pg.nodes.map((x) => toolIndex.get(x) ?? 0), gg.nodes.map((x) => toolIndex.get(x) ?? 0));
  }
  return { n, node_f1: nodes.f1(), edge_f1: edges.f1(), param_name_f1: names.f1(), param_value_f1: values.f1(), ned: n ? 1 - ratio / n : 0 };
}
