import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCatalog } from '../../app/default-catalog.js';
import { planRequest } from '../../app/run-request.js';
import { BuiltinController } from '../../controller/builtin-controller.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { languageName } from '../../text/languages.js';
import type { Plan } from '../../core/plan.js';
import { readEverydayRequests, type EverydayRequest } from './everyday-requests.js';

const at = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

const ARTICLE = `The city council met on Tuesday to discuss the new library. Maria Lopez, the mayor, said the building would open in March. Residents from Lisbon Street asked for longer opening hours. The council agreed to open the library on Sundays. Everyone left the meeting pleased with the plan.`;

/** The file that goes with a request of a kind: a photo, a photo of a sign, a recording, a text (written into `dir`), a video; none for null. */
export function inputFor(kind: EverydayRequest['input'], dir: string): string[] {
  if (kind === 'photo') return [at('test-fixtures/coffee.jpg')];
  if (kind === 'sign') return [at('examples/sign.png')];
  if (kind === 'recording') return [at('test-fixtures/goforward.wav')];
  if (kind === 'video') return [at('test-fixtures/clip.mp4')];
  if (kind === 'text') {
    const path = join(dir, 'article.txt');
    writeFileSync(path, ARTICLE);
    return [path];
  }
  return [];
}

/** Whether a plan is the one the table expects: the same task types in order, and the named parameters. */
export function planMatches(plan: Plan, expected: EverydayRequest): boolean {
  const types = plan.tasks.map((t) => t.task);
  if (types.join(' ') !== expected.expect.join(' ')) return false;
  return Object.entries(expected.params ?? {}).every(([type, params]) => {
    const task = plan.tasks.find((t) => t.task === type);
    return task !== undefined && Object.entries(params).every(([k, v]) => task.args[k] === v);
  });
}

/** A plan in one line: its task types in order, each with its scalar arguments. */
export function describePlan(plan: Plan): string {
  return plan.tasks.map((t) => `${t.task}${Object.keys(t.args).length ? JSON.stringify(Object.fromEntries(Object.entries(t.args).filter(([, v]) => typeof v !== 'object'))) : ''}`).join(' → ');
}

/**
 * A plain refusal for want of the language the table expects ("nothing here can give the
 * result in German"): the request was understood, and this machine's translation pairs
 * (Debian's apertium packages) do not reach that language. Right, as the README promises.
 */
function refusesLanguage(error: TroupeError | undefined, expected: EverydayRequest): boolean {
  const target = expected.params?.translation?.target_language;
  return error?.code === ErrorCode.NoExpert && typeof target === 'string' && error.message.includes(`in ${languageName(target)}:`);
}

/**
 * `npm run bench requests [-- --show-aside] [--json]`: the built-in planner on the everyday
 * requests (src/bench/requests/*.jsonl), scored by plan, right of each split. Misses of the
 * aside splits are listed only with --show-aside (look at those only at the end of a session,
 * after the work is done).
 */
export async function benchRequests(args: string[]): Promise<number> {
  const showAside = args.includes('--show-aside');
  const json = args.includes('--json');
  const catalog = defaultCatalog();
  const controller = new BuiltinController();
  const dir = mkdtempSync(join(tmpdir(), 'troupe-requests-'));
  const rows: Array<{ id: string; split: string; right: boolean; got: string }> = [];
  for (const item of readEverydayRequests()) {
    let plan: Plan = { tasks: [] };
    let failure = '';
    let refusal: TroupeError | undefined;
    try {
      plan = (await planRequest(item.request, inputFor(item.input, dir), controller, catalog)).outcome.plan;
    } catch (error) {
      failure = error instanceof TroupeError ? error.code : String(error);
      if (error instanceof TroupeError) refusal = error;
    }
    const right = planMatches(plan, item) || refusesLanguage(refusal, item);
    const got = failure ? `no plan (${failure})` : describePlan(plan);
    rows.push({ id: item.id, split: item.split, right, got });
    if (!right && (!item.split.endsWith('aside') || showAside) && !json) process.stdout.write(`✗ ${item.id} [${item.split}] ${item.request}\n    want: ${item.expect.join(' → ') || 'no plan'}${item.params ? ` ${JSON.stringify(item.params)}` : ''}\n    got:  ${got}\n`);
  }
  const score = (split: string) => {
    const of = rows.filter((r) => r.split === split);
    return { right: of.filter((r) => r.right).length, of: of.length };
  };
  const splits = [...new Set(rows.map((r) => r.split))];
  const scores = Object.fromEntries(splits.map((s) => [s, score(s)]));
  if (json) process.stdout.write(`${JSON.stringify({ ...scores, rows })}\n`);
  else process.stdout.write(`\nbuilt-in planner, everyday requests: ${splits.map((s) => `${s} ${scores[s]!.right} of ${scores[s]!.of}`).join(', ')}\n`);
  return 0;
}
