import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

const require = createRequire(import.meta.url);
let ready: Promise<Parser> | undefined;

/**
 * A tree-sitter Python parser on WASM: the grammar file ships inside the
 * tree-sitter-python npm package, the runtime inside web-tree-sitter. Loaded once.
 */
export function pythonParser(): Promise<Parser> {
  ready ??= (async () => {
    await Parser.init();
    const grammar = join(dirname(require.resolve('tree-sitter-python/package.json')), 'tree-sitter-python.wasm');
    const parser = new Parser();
    parser.setLanguage(await Language.load(grammar));
    return parser;
  })();
  return ready;
}

export type { Node, Tree };
