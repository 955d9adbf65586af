import type { Node } from './python-parser.js';

export type Hub = 'huggingface' | 'tensorflowhub' | 'torchhub';

/**
 * Gorilla's AST sub-tree matching (eval/eval-scripts/ast_eval_{hf,tf,th}.py), re-implemented
 * to reproduce its published figures — quirks included, because the figures depend on them:
 *  - an API is named by the text of the first child of its call (e.g. `torch.hub.load`);
 *  - if no sub-tree of the candidate starts with that name, the check falls through to the
 *    *last* sub-tree listed (Python's for-loop variable keeps its last value);
 *  - each argument is searched as a substring of that sub-tree's text, with single quotes
 *    (only) stripped from its ends;
 *  - which arguments count differs by hub (see `referenceArguments`).
 */

/** Every node with children, in the order of Gorilla's stack walk, with the text of its first child. */
export function subTrees(root: Node): Array<{ node: Node; head: string | null }> {
  const out: Array<{ node: Node; head: string | null }> = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    out.push({ node, head: node.childCount > 0 ? (node.children[0]?.text ?? null) : null });
    for (const child of node.children) if (child && child.childCount > 0) stack.push(child);
  }
  return out;
}

const PUNCTUATION = new Set(['(', ')', ',']);

/** The reference API's arguments that a candidate must contain, by each hub's rule. */
export function referenceArguments(module: Node, hub: Hub): string[] {
  if (module.childCount === 0) return [];
  const argumentList = module.children[0]?.children[0]?.children[1];
  const args: string[] = [];
  for (const child of argumentList?.children ?? []) {
    if (!child) continue;
    const text = child.text;
    const value = () => child.children[2]?.text;
    if (hub === 'huggingface') {
      if (text.includes('=')) pushDefined(args, value());
      else if (!PUNCTUATION.has(text)) args.push(text);
    } else if (hub === 'tensorflowhub') {
      if (text.includes('model=') || text.includes('model =')) pushDefined(args, value());
      else if (!PUNCTUATION.has(text)) args.push(text);
    } else if (text.includes('repo_or_dir') || text.includes('model')) {
      pushDefined(args, value());
    }
  }
  return args;
}

function pushDefined(list: string[], value: string | undefined) {
  if (value !== undefined) list.push(value);
}

const stripSingleQuotes = (s: string) => s.replace(/^'+/, '').replace(/'+$/, '');

export interface ReferenceApi {
  name: string | null;
  args: string[];
}

/** Prepares the API database once: each API's name and arguments, or null name when it is not a call. */
export function prepareReference(module: Node, hub: Hub): ReferenceApi {
  const first = module.children[0]?.children[0];
  if (!first || first.childCount === 0) return { name: null, args: [] };
  return { name: first.children[0]?.text ?? null, args: referenceArguments(module, hub) };
}

/** Index of the first API of the database the candidate call matches, or -1 (a hallucination). */
export function matchApi(candidate: Node, database: readonly ReferenceApi[]): number {
  const trees = subTrees(candidate);
  for (const [index, api] of database.entries()) {
    if (api.name === null || api.args.length === 0) continue;
    const tree = (trees.find((t) => t.head === api.name) ?? trees.at(-1)!).node;
    const text = tree.text;
    if (api.args.every((arg) => text.includes(stripSingleQuotes(arg)))) return index;
  }
  return -1;
}
