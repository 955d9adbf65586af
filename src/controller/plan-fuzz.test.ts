import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { defaultCatalog } from '../app/default-catalog.js';
import { TroupeError } from '../core/errors.js';
import type { SniffedFile } from '../core/modality.js';
import { PlanSchema } from '../core/plan.js';
import { fromHuggingGpt, HuggingGptPlanSchema } from '../plan/formats/hugginggpt.js';
import { fromTaskBench, TaskBenchPlanSchema } from '../plan/formats/taskbench.js';
import { validatePlan } from '../plan/validate-plan.js';
import { extractJson } from './llm/extract-json.js';

/**
 * Faulty plans, as a model or a file might give them, through the whole import path: JSON
 * salvage, the format's schema, conversion, validation and repair. Every one must end as a
 * plan or as a clear error — never a crash (a TypeError, a RangeError, a hang).
 */
const COUNT = 10_000;
const catalog = defaultCatalog();
const files = new Map<string, SniffedFile>([
  ['sign.png', { modality: 'image', mime: 'image/png' }],
  ['talk.wav', { modality: 'audio', mime: 'audio/wav' }],
]);
const fileModalities = new Map([...files].map(([p, f]) => [p, f.modality]));

/** A small seeded generator, so that a failure names a case that can be made again. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = [...catalog.taskTypes.keys()];
const NEAR_MISSES = ['transltion', 'OCR', 'text to speech', 'Translation', 'ocr ', '', ' ', 'image-to-text', '__proto__', 'constructor', 'x'.repeat(5000)];
const WEIRD_VALUES: unknown[] = [null, true, 0, -1, 1e308, NaN, [], {}, [[[]]], { ref: 't1' }, { file: 'nope.png' }, { file: '' }, { ref: '' }, 'x'.repeat(100_000), '<GENERATED>-0', '<GENERATED-9>', '<GENERATED>-x', '<node-0>', '<node-99>', '<node--1>', 'sign.png', '../../etc/passwd', '\u0000', '{"nested": true}'];
const ARG_NAMES = ['image', 'text', 'audio', 'target_language', 'source_language', 'format', 'language', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'arg0', ''];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

/** A HuggingGPT-format plan with faults mixed in. */
export function hugginggpt(r: () => number): unknown {
  // A third of the plans are well formed, so that repair and validation are reached too.
  const clean = r() < 0.35;
  const yes = (p: number) => clean || r() < p;
  const n = !clean && r() < 0.02 ? 200 + Math.floor(r() * 300) : 1 + Math.floor(r() * 4);
  const CHAIN = ['ocr', 'translation', 'text-to-speech', 'summarization', 'sentiment-analysis'];
  return Array.from({ length: n }, (_, i) => {
    const task: Record<string, unknown> = {
      task: clean ? CHAIN[Math.min(i, CHAIN.length - 1)] : r() < 0.8 ? pick(r, TYPES) : r() < 0.5 ? pick(r, NEAR_MISSES) : pick(r, WEIRD_VALUES),
      id: yes(0.9) ? i : r() < 0.5 ? String(i) : pick(r, WEIRD_VALUES),
      dep: yes(0.7) ? [i === 0 ? -1 : i - 1] : r() < 0.3 ? [i] : r() < 0.3 ? [i + 1, -1] : r() < 0.5 ? [pick(r, WEIRD_VALUES)] : pick(r, WEIRD_VALUES),
    };
    const args: Record<string, unknown> = {};
    if (clean) {
      if (i === 0) args.image = 'sign.png';
      else args.text = r() < 0.5 ? `<GENERATED>-${i - 1}` : `<GENERATED-${i - 1}>`;
      if (task.task === 'translation') args.target_language = 'es';
    } else {
      const k = Math.floor(r() * 4);
      for (let a = 0; a < k; a++) args[pick(r, ARG_NAMES)] = r() < 0.4 ? (i > 0 ? `<GENERATED>-${i - 1}` : 'sign.png') : r() < 0.5 ? 'hello world' : pick(r, WEIRD_VALUES);
    }
    task.args = yes(0.95) ? args : pick(r, WEIRD_VALUES);
    if (!clean && r() < 0.05) delete task.task;
    return task;
  });
}

/** A TaskBench-format plan with faults mixed in. */
export function taskbench(r: () => number): unknown {
  const clean = r() < 0.35;
  const n = 1 + Math.floor(r() * 4);
  const CHAIN = ['automatic-speech-recognition', 'translation', 'summarization', 'sentiment-analysis'];
  const nodes = Array.from({ length: n }, (_, i) => ({
    task: clean ? CHAIN[Math.min(i, CHAIN.length - 1)]! : r() < 0.8 ? pick(r, TYPES) : pick(r, NEAR_MISSES),
    arguments: clean
      ? [i === 0 ? 'talk.wav' : `<node-${i - 1}>`, ...(i === 1 ? [{ name: 'target_language', value: 'fr' }] : [])]
      : Array.from({ length: Math.floor(r() * 3) }, () => (r() < 0.3 ? `<node-${Math.floor(r() * (n + 2)) - 1}>` : r() < 0.3 ? { name: pick(r, ARG_NAMES), value: pick(r, WEIRD_VALUES) } : r() < 0.5 ? 'talk.wav' : pick(r, WEIRD_VALUES))),
  }));
  const links = Array.from({ length: Math.floor(r() * 3) }, () => ({ source: pick(r, [...TYPES, 'nope']), target: r() < 0.9 ? pick(r, TYPES) : pick(r, WEIRD_VALUES) }));
  return { task_nodes: r() < 0.97 ? nodes : pick(r, WEIRD_VALUES), task_links: links };
}

/** Troupe's own format, as a plan file might hold it. */
export function troupe(r: () => number): unknown {
  if (r() < 0.35) {
    // Well formed: a photo's text, summarised, then its sentiment.
    return { tasks: [
      { id: 't1', task: 'ocr', args: { image: { file: 'sign.png' } }, deps: [] },
      { id: 't2', task: 'summarization', args: { text: { ref: 't1' } }, deps: r() < 0.5 ? ['t1'] : [] },
      { id: 't3', task: 'sentiment-analysis', args: { text: { ref: 't2' } }, deps: ['t2'] },
    ].slice(0, 1 + Math.floor(r() * 3)) };
  }
  const n = 1 + Math.floor(r() * 5);
  return {
    tasks: Array.from({ length: n }, (_, i) => ({
      id: r() < 0.9 ? `t${i + 1}` : pick(r, ['t1', '', 't0', ...(WEIRD_VALUES as string[])]),
      task: r() < 0.8 ? pick(r, TYPES) : pick(r, NEAR_MISSES),
      args: Object.fromEntries(Array.from({ length: Math.floor(r() * 3) }, () => [pick(r, ARG_NAMES), r() < 0.4 ? { ref: `t${Math.floor(r() * (n + 2))}` } : r() < 0.3 ? { file: pick(r, ['sign.png', 'talk.wav', 'missing.jpg']) } : pick(r, WEIRD_VALUES)])),
      deps: r() < 0.6 ? (i ? [`t${i}`] : []) : [`t${Math.floor(r() * (n + 2))}`, `t${i + 1}`],
    })),
  };
}

/** The text a model might wrap a plan in. */
export function wrap(r: () => number, value: unknown): string {
  const json = JSON.stringify(value) ?? 'undefined';
  const choice = r() * (r() < 0.5 ? 0.6 : 1); // half the time, only the readings a model often gives
  if (choice < 0.4) return json;
  if (choice < 0.5) return 'Here is the plan:\n```json\n' + json + '\n```\nHope this helps!';
  if (choice < 0.6) return json.replace(/"/g, "'");
  if (choice < 0.7) return json.slice(0, Math.floor(r() * json.length));
  if (choice < 0.75) return json.replace(/}/, '},');
  if (choice < 0.8) return '['.repeat(2000 + Math.floor(r() * 3000)) + json;
  if (choice < 0.85) return `${'{"a":'.repeat(500)}1${'}'.repeat(500)}`;
  if (choice < 0.9) return json + ']'.repeat(100);
  return Buffer.from(Array.from({ length: 200 }, () => Math.floor(r() * 256))).toString('latin1');
}

type Outcome = 'plan' | 'clear-error';

export function importOne(text: string, format: 'hugginggpt' | 'taskbench' | 'troupe'): Outcome {
  const raw = extractJson(text);
  if (raw === undefined) return 'clear-error';
  let plan;
  if (format === 'hugginggpt') {
    const parsed = HuggingGptPlanSchema.safeParse(raw);
    if (!parsed.success) return (z.prettifyError(parsed.error), 'clear-error');
    plan = fromHuggingGpt(parsed.data, [...files.keys()]);
  } else if (format === 'taskbench') {
    const parsed = TaskBenchPlanSchema.safeParse(raw);
    if (!parsed.success) return (z.prettifyError(parsed.error), 'clear-error');
    plan = fromTaskBench(parsed.data, catalog, fileModalities);
  } else {
    const parsed = PlanSchema.safeParse(raw);
    if (!parsed.success) return (z.prettifyError(parsed.error), 'clear-error');
    plan = parsed.data;
  }
  try {
    const { plan: valid } = validatePlan(plan, catalog, files);
    assert.ok(valid.tasks.length > 0);
    return 'plan';
  } catch (error) {
    if (error instanceof TroupeError && error.message.length > 0) return 'clear-error';
    throw error;
  }
}

describe('faulty plans through import and validation', () => {
  it(`${COUNT} generated plans: each a valid plan or a clear error, no crash`, { timeout: 300_000 }, () => {
    const counts: Record<string, number> = { plan: 0, 'clear-error': 0 };
    const formats = ['hugginggpt', 'taskbench', 'troupe'] as const;
    for (let seed = 0; seed < COUNT; seed++) {
      const r = prng(seed);
      const format = formats[seed % 3]!;
      const value = format === 'hugginggpt' ? hugginggpt(r) : format === 'taskbench' ? taskbench(r) : troupe(r);
      const text = wrap(r, value);
      let outcome: Outcome;
      try {
        outcome = importOne(text, format);
      } catch (error) {
        assert.fail(`seed ${seed} (${format}) crashed: ${(error as Error).stack?.split('\n').slice(0, 3).join(' | ')}\n${text.slice(0, 300)}`);
      }
      counts[outcome]!++;
    }
    process.stderr.write(`# plan fuzz: ${COUNT} plans, ${counts.plan} valid or repaired, ${counts['clear-error']} clear errors, 0 crashes\n`);
    assert.ok(counts.plan! > COUNT / 10, 'some plans survive repair (the generator is not all noise)');
  });
});
