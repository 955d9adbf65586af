import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { encoderZeroShot } from '../experts/local/encoder-zero-shot.js';

/** APIBench's Hugging Face API documentation (Gorilla, Apache-2.0): each model's description, labelled with its field. */
const APIBENCH_HF = fileURLToPath(new URL('../../../shared/data/apibench/api/huggingface_api.jsonl', import.meta.url));

/** The fields, named as APIBench names them: the labels a request would offer. */
const FIELDS: Record<string, string> = {
  'Computer Vision': 'computer vision',
  'Natural Language Processing': 'natural language processing',
  Audio: 'audio',
  Tabular: 'tabular data',
};

/**
 * `npm run bench zero-shot [-- --limit N]`: topic classification by label similarity on a
 * public labelled set — the descriptions of APIBench's Hugging Face models, each labelled with
 * its field (vision, language, audio, tabular; multimodal and reinforcement learning left out,
 * having no one answer) — against always answering the largest field.
 */
export async function benchZeroShot(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { limit: { type: 'string' }, data: { type: 'string', default: APIBENCH_HF } } });
  if (!existsSync(values.data!)) {
    process.stderr.write(`bench zero-shot: ${values.data} not found (APIBench's huggingface_api.jsonl, in ../shared/data)\n`);
    return 2;
  }
  const items = readFileSync(values.data!, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { domain: string; description: string })
    .flatMap((r) => {
      const field = Object.keys(FIELDS).find((f) => r.domain.startsWith(`${f} `) || r.domain === f);
      return field && r.description ? [{ field, text: r.description }] : [];
    })
    .slice(0, values.limit ? Number(values.limit) : undefined);
  const labels = Object.values(FIELDS);
  const dir = mkdtempSync(join(tmpdir(), 'troupe-zero-shot-'));
  const classify = async (text: string) =>
    (await encoderZeroShot.run({ inputs: { text: { kind: 'text', mime: 'text/plain', value: text } }, params: { labels }, signal: new AbortController().signal, scratchDir: dir, outputPath: (ext) => join(dir, `out.${ext}`) })).output.value as { best: string | null };
  const byField = new Map<string, { n: number; right: number; unclear: number }>();
  for (const item of items) {
    const row = byField.get(item.field) ?? { n: 0, right: 0, unclear: 0 };
    byField.set(item.field, row);
    row.n++;
    const { best } = await classify(item.text);
    if (best === null) row.unclear++;
    else if (best === FIELDS[item.field]) row.right++;
  }
  rmSync(dir, { recursive: true, force: true });
  const total = [...byField.values()].reduce((a, r) => ({ n: a.n + r.n, right: a.right + r.right, unclear: a.unclear + r.unclear }), { n: 0, right: 0, unclear: 0 });
  const majority = Math.max(...[...byField.values()].map((r) => r.n));
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} %`;
  for (const [field, r] of byField) process.stdout.write(`${field.padEnd(28)} ${String(r.n).padStart(4)}  right ${pct(r.right, r.n).padStart(7)}  no clear answer ${pct(r.unclear, r.n)}\n`);
  process.stdout.write(`\nall ${total.n}: right ${pct(total.right, total.n)}, no clear answer ${pct(total.unclear, total.n)}; always the largest field: ${pct(majority, total.n)}\n`);
  return 0;
}
