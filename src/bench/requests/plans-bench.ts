import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCatalog } from '../../app/default-catalog.js';
import { planRequest } from '../../app/run-request.js';
import { BuiltinController } from '../../controller/builtin-controller.js';
import { TroupeError } from '../../core/errors.js';
import { describePlan, inputFor } from './requests-bench.js';
import { EverydayRequestSchema } from './everyday-requests.js';

export const PROBES_PATH = fileURLToPath(new URL('../../../src/bench/requests/probes.txt', import.meta.url));

/**
 * `npm run bench plans [-- --file FILE]`: the built-in planner's plan for each line
 * `request|input` of an unlabelled probe list (input: photo, sign, recording, text, video or
 * nothing), one line each. Nothing is scored: run it before and after a change and diff the
 * two, to see every plan the change moved (`src/bench/requests/probes.txt` by default: requests
 * written while working on the planner, never the aside splits).
 */
export async function benchPlans(args: string[], write: (line: string) => void = (line) => process.stdout.write(line), warn: (line: string) => void = (line) => process.stderr.write(line)): Promise<number> {
  const at = args.indexOf('--file');
  const path = at >= 0 && args[at + 1] ? args[at + 1]! : PROBES_PATH;
  const catalog = defaultCatalog();
  const controller = new BuiltinController();
  const dir = mkdtempSync(join(tmpdir(), 'troupe-plans-'));
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [request = '', kind = ''] = line.split('|');
    const input = EverydayRequestSchema.shape.input.safeParse(kind.trim() || null);
    if (!input.success) {
      warn(`${path}: "${kind}" is no input kind (photo, sign, recording, text, video, or nothing)\n`);
      return 2;
    }
    let got: string;
    try {
      got = describePlan((await planRequest(request, inputFor(input.data, dir), controller, catalog)).outcome.plan);
    } catch (error) {
      got = error instanceof TroupeError ? `no plan (${error.code}) ${error.message.replace(/\s+/g, ' ').slice(0, 160)}` : String(error);
    }
    write(`${request}|${kind} → ${got}\n`);
  }
  return 0;
}
