import { relative } from 'node:path';
import type { TaskRecord } from '../execute/task-record.js';
import { artifactText } from '../execute/artifact.js';
import type { RunRecord } from './run-record.js';

const QUOTE_LIMIT = 400;

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > QUOTE_LIMIT ? `${flat.slice(0, QUOTE_LIMIT)}…` : flat}"`;
}

function describeOutput(task: TaskRecord): string {
  const out = task.outputs[0];
  if (!out) return '';
  const file = out.path ? ` (${relative(process.cwd(), out.path) || out.path})` : '';
  if (out.kind === 'json' && out.value && typeof out.value === 'object') {
    const v = out.value as Record<string, unknown>;
    if (typeof v.name === 'string' && typeof v.confidence === 'number') return `${v.name} (${v.language}, confidence ${v.confidence})${file}`;
  }
  const text = artifactText(out);
  if (text !== undefined) return `${quote(text)}${file}`;
  return `${out.kind} file${file}`;
}

/**
 * The built-in controller's answer: what was asked, each step with the expert that did
 * it and its result (text quoted, files named), then what failed and why.
 */
export function composeAnswer(record: RunRecord): string {
  const lines: string[] = [];
  const ok = record.tasks.filter((t) => t.status === 'succeeded');
  const last = ok.at(-1);
  if (ok.length === record.tasks.length && last) {
    lines.push(`Done: ${record.tasks.length} step${record.tasks.length > 1 ? 's' : ''} for "${record.request}".`);
  } else {
    lines.push(`Finished ${ok.length} of ${record.tasks.length} steps for "${record.request}".`);
  }
  record.tasks.forEach((t, i) => {
    const head = `${i + 1}. ${t.task} (${t.id})`;
    if (t.status === 'succeeded') {
      lines.push(`${head} by ${t.expert}${t.note ? ` — ${t.note}` : ''}: ${describeOutput(t)}`);
    } else {
      lines.push(`${head} ${t.status}${t.expert ? ` (${t.expert})` : ''}: ${t.error?.message ?? ''}${t.error?.hint ? ` → ${t.error.hint}` : ''}`);
    }
  });
  if (last) lines.push(`Result: ${describeOutput(last)}`);
  lines.push(`Everything is in ${relative(process.cwd(), record.outDir) || record.outDir}/ (run.json has the full record).`);
  return lines.join('\n');
}
