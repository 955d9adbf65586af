import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ts from 'typescript';

const PLAN_DIR = fileURLToPath(new URL('../../src/plan', import.meta.url));

interface Counts {
  files: number;
  lines: number;
  regexLiterals: number;
  /** Regex literals with a word class (\b, \d, \s, \w): patterns over words, the hand rules. */
  wordPatterns: number;
  regExpCalls: number;
  /** Top-level constants initialised with a number: the tuned values. */
  numericConstants: number;
  /** Top-level arrays or Sets of string literals, and strings split into words: word lists. */
  wordLists: number;
}

/**
 * `npm run bench plan-code [-- --dir DIR] [--json]`: how much of the built-in planner is hand
 * rules (issue 17 asks for these before and after each change): lines, regex literals,
 * RegExp calls, tuned numeric constants and word lists in the non-test files of src/plan,
 * read from the TypeScript syntax tree. `--dir` counts another checkout's src/plan.
 */
export function benchPlanCode(args: string[]): number {
  const { values } = parseArgs({ args, options: { dir: { type: 'string', default: PLAN_DIR }, json: { type: 'boolean', default: false } } });
  const counts: Counts = { files: 0, lines: 0, regexLiterals: 0, wordPatterns: 0, regExpCalls: 0, numericConstants: 0, wordLists: 0 };
  for (const name of readdirSync(values.dir!).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const text = readFileSync(join(values.dir!, name), 'utf8');
    counts.files++;
    counts.lines += text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        counts.regexLiterals++;
        if (/\\[bdsw]/.test(node.getText())) counts.wordPatterns++;
      }
      if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp') counts.regExpCalls++;
      if (ts.isVariableStatement(node) && node.parent === source) {
        for (const d of node.declarationList.declarations) {
          const init = d.initializer;
          if (!init) continue;
          if (ts.isNumericLiteral(init) || (ts.isPrefixUnaryExpression(init) && ts.isNumericLiteral(init.operand))) counts.numericConstants++;
          if (isWordList(init)) counts.wordLists++;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  if (values.json) process.stdout.write(`${JSON.stringify(counts)}\n`);
  else process.stdout.write(Object.entries(counts).map(([k, v]) => `${k.padEnd(17)} ${v}`).join('\n') + '\n');
  return 0;
}

/** An array of three or more string literals, a Set of one, or a string literal split on spaces. */
function isWordList(node: ts.Expression): boolean {
  const strings = (e: ts.Expression) => ts.isArrayLiteralExpression(e) && e.elements.length >= 3 && e.elements.every((x) => ts.isStringLiteral(x));
  if (strings(node)) return true;
  if (ts.isNewExpression(node) && node.expression.getText() === 'Set' && node.arguments?.[0]) return strings(node.arguments[0]) || isWordList(node.arguments[0]);
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'split') return ts.isStringLiteralLike(node.expression.expression) || ts.isTemplateLiteral(node.expression.expression);
  return false;
}
